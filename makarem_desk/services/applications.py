"""Applications to programs, and the policy rules on their status.

- POL-H4: no application goes to the research committee without a declaration signed on
  screen or recorded as signed on paper.
- POL-H5: ``response_due`` is at least ``MIN_RESPONSE_DAYS`` after submission.
- POL-H6: registration is not completed while required items are missing.
- Only the roles allowed change a status: decisions are the committee's.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import PolicyViolation, UserError
from ..models import (
    MIN_RESPONSE_DAYS,
    Application,
    ApplicationStatus,
    Beneficiary,
    Declaration,
    Program,
    Role,
    utcnow,
)
from ..permissions import COMMITTEE_ONLY, COUNTER_WORK, READS, guarded, register
from ..saudi_time import KSA
from .actor import Actor

register({
    "ApplicationService.get": READS,
    "ApplicationService.get_by_reference": READS,
    "ApplicationService.for_beneficiary": READS,
    # The walk-in path: at a counter only. Who may move which status is finer (TRANSITIONS).
    "ApplicationService.open": COUNTER_WORK,
    "ApplicationService.close_not_eligible": COUNTER_WORK,
    "ApplicationService.mark_incomplete": COUNTER_WORK,
    "ApplicationService.provide_items": COUNTER_WORK,
    "ApplicationService.submit": COUNTER_WORK,
    "ApplicationService.mark_delivered": COUNTER_WORK,
    "ApplicationService.withdraw": COUNTER_WORK,
    "ApplicationService.record_decision": COMMITTEE_ONLY,
})

S = ApplicationStatus
# Who may move an application from one status to another (administrators too); where it
# may happen is the matrix's: the counter's moves at a counter, decisions at the committee.
TRANSITIONS: dict[tuple[ApplicationStatus, ApplicationStatus], tuple[Role, ...]] = {
    (S.DRAFT, S.INCOMPLETE): (Role.RECEPTIONIST,),
    (S.DRAFT, S.SUBMITTED): (Role.RECEPTIONIST,),
    (S.DRAFT, S.NOT_ELIGIBLE): (Role.RECEPTIONIST,),
    (S.DRAFT, S.WITHDRAWN): (Role.RECEPTIONIST,),
    (S.INCOMPLETE, S.SUBMITTED): (Role.RECEPTIONIST,),
    (S.INCOMPLETE, S.WITHDRAWN): (Role.RECEPTIONIST,),
    (S.SUBMITTED, S.ACCEPTED): (Role.COMMITTEE_MEMBER,),
    (S.SUBMITTED, S.REJECTED): (Role.COMMITTEE_MEMBER,),
    (S.SUBMITTED, S.WITHDRAWN): (Role.RECEPTIONIST,),  # told at the counter, not by the committee
}
REFERENCE_RE = re.compile(r"^(?P<site>[A-Z0-9_]+)-(?P<year>\d{4})-(?P<seq>\d{6})$")
_REFERENCE_TRIES = 25


@dataclass(frozen=True)
class ApplicationDraft:
    beneficiary_id: uuid.UUID
    program_code: str
    form_version_hash: str
    answers: dict[str, Any] = field(default_factory=dict)
    outcome: str | None = None
    reasons: list[dict[str, Any]] = field(default_factory=list)
    missing_items: list[dict[str, Any]] = field(default_factory=list)
    contact_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ApplicationView:
    id: uuid.UUID
    reference: str
    status: ApplicationStatus
    version: int
    beneficiary_id: uuid.UUID
    beneficiary_name: str
    program_code: str
    program_name_ar: str
    program_name_en: str
    program_category: str
    eligibility_answers: dict[str, Any]
    eligibility_outcome: str | None
    eligibility_reasons: list[Any]
    missing_items: list[Any]
    form_version_hash: str
    submitted_at: datetime | None
    response_due: datetime | None
    registration_completed_at: datetime | None
    service_delivered_at: datetime | None
    decision_reason: str | None
    decided_at: datetime | None
    decided_by: str | None
    contact_id: uuid.UUID | None


def _view(a: Application) -> ApplicationView:
    return ApplicationView(
        a.id, a.reference, a.status, a.version, a.beneficiary_id, a.beneficiary.full_name,
        a.program.code, a.program.name_ar, a.program.name_en, a.program.category.value,
        dict(a.eligibility_answers), a.eligibility_outcome, list(a.eligibility_reasons),
        list(a.missing_items), a.form_version_hash, a.submitted_at, a.response_due,
        a.registration_completed_at, a.service_delivered_at, a.decision_reason, a.decided_at,
        a.decided_by, a.contact_id,
    )


# The audit action of each status reached at the counter (decisions are recorded apart).
_MOVED = {
    S.NOT_ELIGIBLE: "application_closed_not_eligible",
    S.INCOMPLETE: "application_marked_incomplete",
    S.WITHDRAWN: "application_withdrawn",
}


def _answers_of(a: Application, program_code: str | None = None) -> dict[str, Any]:
    """The fields an interview sets on a draft application, as an audit event shows them."""
    return {
        "beneficiary_id": str(a.beneficiary_id),
        "program": program_code or a.program.code,
        "contact_id": str(a.contact_id) if a.contact_id else None,
        "eligibility_answers": dict(a.eligibility_answers or {}),
        "eligibility_outcome": a.eligibility_outcome,
        "missing_items": [m["id"] for m in a.missing_items or []],
        "form_version_hash": a.form_version_hash,
    }


def _not_found(what: str) -> UserError:
    return UserError(f"No application {what}.", message_ar=f"لا يوجد طلب «{what}».")


class ApplicationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading ------------------------------------------------------------------------
    @guarded
    def get(self, actor: Actor, application_id: uuid.UUID) -> ApplicationView:
        with self.db.reader() as s:
            a = s.get(Application, application_id)
            if a is None:
                raise _not_found(str(application_id))
            return _view(a)

    @guarded
    def get_by_reference(self, actor: Actor, reference: str) -> ApplicationView:
        with self.db.reader() as s:
            a = s.scalars(select(Application).where(Application.reference == reference.strip().upper())).first()
            if a is None:
                raise _not_found(reference)
            return _view(a)

    @guarded
    def for_beneficiary(self, actor: Actor, beneficiary_id: uuid.UUID) -> list[ApplicationView]:
        with self.db.reader() as s:
            rows = s.scalars(select(Application).where(Application.beneficiary_id == beneficiary_id)
                             .order_by(Application.created_at))
            return [_view(a) for a in rows]

    # -- the interview ------------------------------------------------------------------
    @guarded
    def open(self, actor: Actor, data: ApplicationDraft, *,
             application_id: uuid.UUID | None = None) -> ApplicationView:
        """Create the application (status draft) with its reference, or update the answers
        of a draft one. Idempotent with ``application_id``."""
        with self.db.session() as s:
            program = s.scalars(select(Program).where(Program.code == data.program_code)).first()
            if program is None or not program.active:
                raise UserError(f"Program {data.program_code!r} is not offered.",
                                message_ar="البرنامج غير متاح.")
            if s.get(Beneficiary, data.beneficiary_id) is None:
                raise UserError("That beneficiary does not exist.", message_ar="المستفيد غير موجود.")
            a = s.get(Application, application_id) if application_id else None
            if a is not None and a.status is not S.DRAFT:
                raise PolicyViolation("This application is no longer a draft.",
                                      message_ar="لم يعد هذا الطلب مسودة.")
            created = a is None
            if a is None:
                a = self._insert(s, Application(
                    id=application_id or uuid.uuid4(), beneficiary_id=data.beneficiary_id,
                    program_id=program.id, created_by=actor.user_id,
                ))
                before: dict[str, Any] = {}
            else:
                before = _answers_of(a)
            a.beneficiary_id, a.program_id = data.beneficiary_id, program.id
            a.contact_id = data.contact_id
            a.eligibility_answers = dict(data.answers)
            a.eligibility_outcome = data.outcome
            a.eligibility_reasons = list(data.reasons)
            a.missing_items = list(data.missing_items)
            a.form_version_hash = data.form_version_hash
            after = _answers_of(a, program.code)
            if created:
                record_event(s, actor, "application_opened", entity="application",
                             entity_id=a.id, details={"reference": a.reference, **after})
            elif before != after:  # a retry with the same answers changes nothing
                record_event(s, actor, "application_updated", entity="application",
                             entity_id=a.id, details={"reference": a.reference},
                             before=before, after=after)
            s.flush()
            return _view(a)

    def _insert(self, s: Session, app: Application) -> Application:
        """Give the application the next reference of this site and year.

        Several counters may share one PostgreSQL database: two may compute the same next
        number. The unique constraint decides; the loser rolls back to a savepoint and
        takes the number after the winner's."""
        site = self.db.site_id
        year = utcnow().astimezone(KSA).year  # the year on the counter's calendar
        prefix = f"{site}-{year}-"
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        for _ in range(_REFERENCE_TRIES):
            last = s.scalar(select(func.max(Application.reference))
                            .where(Application.reference.like(pattern, escape="\\")))
            seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
            app.reference = f"{prefix}{seq:06d}"
            try:
                with s.begin_nested():
                    s.add(app)
                return app
            except IntegrityError:
                s.expunge(app) if app in s else None
                continue
        raise UserError("Could not allocate an application reference; try again.",
                        message_ar="تعذر إنشاء رقم الطلب، حاول مرة أخرى.")

    @guarded
    def close_not_eligible(self, actor: Actor, application_id: uuid.UUID) -> ApplicationView:
        with self.db.session() as s:
            return self._move(s, actor, self._load(s, application_id), S.NOT_ELIGIBLE)

    @guarded
    def mark_incomplete(self, actor: Actor, application_id: uuid.UUID) -> ApplicationView:
        """POL-H6: registration pending until the listed items are brought."""
        with self.db.session() as s:
            a = self._load(s, application_id)
            if not a.missing_items:
                raise PolicyViolation("Nothing is missing: submit the application instead.",
                                      message_ar="لا ينقص الطلب شيء؛ ارفعه إلى اللجنة.")
            return self._move(s, actor, a, S.INCOMPLETE)

    @guarded
    def provide_items(self, actor: Actor, application_id: uuid.UUID,
                      item_ids: list[str]) -> ApplicationView:
        """Items brought later are ticked off the missing list (POL-H6)."""
        with self.db.session() as s:
            a = self._load(s, application_id)
            if a.status not in (S.DRAFT, S.INCOMPLETE):
                raise PolicyViolation("Only a pending application can be completed.",
                                      message_ar="لا يمكن استكمال إلا الطلبات المعلقة.")
            unknown = set(item_ids) - {m["id"] for m in a.missing_items}
            if unknown:
                raise UserError(f"Not missing: {', '.join(sorted(unknown))}.",
                                message_ar="بعض البنود المحددة ليست ناقصة.")
            before = [m["id"] for m in a.missing_items]
            a.missing_items = [m for m in a.missing_items if m["id"] not in item_ids]
            after = [m["id"] for m in a.missing_items]
            if before != after:
                record_event(s, actor, "application_items_provided", entity="application",
                             entity_id=a.id, details={"reference": a.reference},
                             before={"missing_items": before}, after={"missing_items": after})
            s.flush()
            return _view(a)

    @guarded
    def submit(self, actor: Actor, application_id: uuid.UUID, *,
               now: datetime | None = None) -> ApplicationView:
        """Complete the registration and send the application to the research committee."""
        now = now or utcnow()
        with self.db.session() as s:
            a = self._load(s, application_id)
            self._check_move(actor, a, S.SUBMITTED)
            if a.missing_items:
                labels = "، ".join(m.get("label_ar", m["id"]) for m in a.missing_items)
                raise PolicyViolation(
                    "POL-H6: registration cannot be completed while required items are missing: "
                    + ", ".join(m.get("label_en", m["id"]) for m in a.missing_items),
                    message_ar=f"لا يكتمل التسجيل قبل استكمال المتطلبات الناقصة: {labels}",
                )
            if not self._has_signed_declaration(s, a.id):
                raise PolicyViolation(
                    "POL-H4: the data-accuracy declaration must be signed (on screen or on "
                    "paper) before the application goes to the committee.",
                    message_ar="لا يُرفع الطلب إلى لجنة البحث قبل توقيع إقرار صحة البيانات.",
                )
            before = {"status": a.status.value}
            a.status = S.SUBMITTED
            a.registration_completed_at = a.registration_completed_at or now
            a.submitted_at = now
            a.response_due = now + timedelta(days=MIN_RESPONSE_DAYS)  # POL-H5
            record_event(s, actor, "application_submitted", entity="application",
                         entity_id=a.id, details={"reference": a.reference,
                                                  "response_due": a.response_due},
                         before=before, after={"status": a.status.value})
            s.flush()
            return _view(a)

    @guarded
    def mark_delivered(self, actor: Actor, application_id: uuid.UUID,
                       when: datetime | None = None) -> ApplicationView:
        """POL-H7: the service delivered at the counter."""
        with self.db.session() as s:
            a = self._load(s, application_id)
            if a.service_delivered_at is None:
                a.service_delivered_at = when or utcnow()
                record_event(s, actor, "service_delivered", entity="application",
                             entity_id=a.id, details={"reference": a.reference},
                             before={"service_delivered_at": None},
                             after={"service_delivered_at": a.service_delivered_at})
            s.flush()
            return _view(a)

    @guarded
    def withdraw(self, actor: Actor, application_id: uuid.UUID, reason: str) -> ApplicationView:
        """Status and reason change in ONE unit of work (with its audit event): a failure in
        between must not leave a withdrawn application without its reason (or a reason on a
        live one). Withdrawn already (a step repeated after a crash): nothing changes."""
        with self.db.session() as s:
            return self._move(s, actor, self._load(s, application_id), S.WITHDRAWN,
                              reason=(reason or "").strip() or None)

    # -- the committee ------------------------------------------------------------------
    @guarded
    def record_decision(self, actor: Actor, reference: str, accepted: bool, reason: str,
                        decided_at: datetime | None = None) -> ApplicationView:
        """The research committee's answer: only at the committee's installation, by a
        committee member or its administrator (POL-H5); the audit names who."""
        target = S.ACCEPTED if accepted else S.REJECTED
        with self.db.session() as s:
            a = s.scalars(select(Application).where(Application.reference == reference)).first()
            if a is None:
                raise _not_found(reference)
            if a.status is target and a.decision_reason == (reason or "").strip():
                return _view(a)  # the same decision again (e.g. a batch imported twice)
            self._check_move(actor, a, target)
            if not accepted and not (reason or "").strip():
                raise UserError("A rejection needs its reason.",
                                message_ar="يجب ذكر سبب رفض الطلب.")
            before = {"status": a.status.value, "decision_reason": a.decision_reason}
            a.status = target
            a.decision_reason = (reason or "").strip() or None
            a.decided_at = decided_at or utcnow()
            a.decided_by = actor.full_name
            record_event(s, actor, "application_decided", entity="application",
                         entity_id=a.id, details={"reference": a.reference},
                         before=before,
                         after={"status": a.status.value, "decision_reason": a.decision_reason})
            s.flush()
            return _view(a)

    # -- helpers ------------------------------------------------------------------------
    @staticmethod
    def _move(s: Session, actor: Actor, a: Application, target: ApplicationStatus, *,
              reason: str | None = None) -> ApplicationView:
        """One status change and its audit event, in the caller's unit of work."""
        if a.status is target:
            return _view(a)
        ApplicationService._check_move(actor, a, target)
        before: dict[str, str | None] = {"status": a.status.value}
        after: dict[str, str | None] = {"status": target.value}
        a.status = target
        if target is S.WITHDRAWN:
            before["decision_reason"], after["decision_reason"] = a.decision_reason, reason
            a.decision_reason = reason
        record_event(s, actor, _MOVED[target], entity="application", entity_id=a.id,
                     details={"reference": a.reference}, before=before, after=after)
        s.flush()
        return _view(a)

    @staticmethod
    def _check_move(actor: Actor, a: Application, target: ApplicationStatus) -> None:
        roles = TRANSITIONS.get((a.status, target))
        if roles is None:
            raise PolicyViolation(
                f"An application that is {a.status.value} cannot become {target.value}.",
                message_ar="لا يمكن تغيير حالة الطلب بهذا الشكل.",
            )
        actor.require(*roles, action=f"change an application to {target.value}")

    @staticmethod
    def _load(s: Session, application_id: uuid.UUID) -> Application:
        a = s.get(Application, application_id)
        if a is None:
            raise _not_found(str(application_id))
        return a

    @staticmethod
    def _has_signed_declaration(s: Session, application_id: uuid.UUID) -> bool:
        rows = s.scalars(select(Declaration).where(Declaration.application_id == application_id))
        return any(d.is_signed for d in rows)
