"""Following up what the counter promised: the committee clock (POL-H5), the decisions still
to be told, the registrations waiting for missing items (POL-H6) and the service targets
they are measured against.  Contacts by channel (POL-CH) are in ``channel_figures``."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import PolicyViolation, UserError
from ..models import (
    Application,
    ApplicationStatus,
    AuditEvent,
    Beneficiary,
    Channel,
    Contact,
    Site,
    utcnow,
)
from ..permissions import ADMIN_ONLY, COUNTER_WORK, READS, guarded, register
from ..saudi_time import ksa_day
from ..validation.dates import format_gregorian, format_hijri
from .actor import Actor

register({
    "FollowUpService.targets": READS,
    "FollowUpService.set_targets": ADMIN_ONLY,
    "FollowUpService.waiting": READS,
    "FollowUpService.overdue": READS,
    "FollowUpService.decided_untold": READS,
    "FollowUpService.mark_told": COUNTER_WORK,
    "FollowUpService.incomplete": READS,
    "FollowUpService.record_items_follow_up": COUNTER_WORK,
})

COMMITTEE_TARGET_KEY, REFERRAL_TARGET_KEY = "committee_target_days", "referral_target_days"
DEFAULT_COMMITTEE_TARGET_DAYS, DEFAULT_REFERRAL_TARGET_DAYS = 30, 3
MAX_TARGET_DAYS = 365
# The one-step "told" at the counter: an SMS has no channel of its own among the policy's
# seven, so it is counted with the electronic messages (social media) and named in the note.
TOLD_CHANNELS = {"phone": Channel.PHONE, "sms": Channel.SOCIAL_MEDIA, "letter": Channel.LETTER}
DECIDED = (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED)


@dataclass(frozen=True)
class Targets:
    committee_days: int
    referral_days: int


@dataclass(frozen=True)
class WaitingItem:
    application_id: uuid.UUID
    reference: str
    beneficiary_name: str
    submitted_at: datetime
    days_waiting: int
    response_due: date | None
    response_due_hijri: str
    response_due_gregorian: str


@dataclass(frozen=True)
class DecidedItem:
    application_id: uuid.UUID
    reference: str
    beneficiary_name: str
    phone: str | None
    accepted: bool
    decided_at: datetime
    letter_printed: bool


@dataclass(frozen=True)
class IncompleteItem:
    application_id: uuid.UUID
    reference: str
    beneficiary_name: str
    phone: str | None
    missing: list[dict[str, Any]]
    days_pending: int
    last_follow_up: datetime | None


def _today(now: datetime | None) -> date:
    return ksa_day(now or utcnow())


def _check_target(value: int, what_en: str, what_ar: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_TARGET_DAYS:
        raise UserError(f"The {what_en} target must be 1 to {MAX_TARGET_DAYS} days.",
                        message_ar=f"مدة {what_ar} المستهدفة من 1 إلى {MAX_TARGET_DAYS} يومًا.")
    return value


def _local_site(s: Session) -> Site | None:
    return s.scalars(select(Site).where(Site.is_local.is_(True))).first()


# A moment of an event about an application, with the event's details.
Event = tuple[datetime, dict[str, Any]]


def _events_by_application(s: Session, action: str,
                           ids: Iterable[uuid.UUID]) -> dict[str, list[Event]]:
    """The ``action`` events of the applications ``ids``.  Read by action (indexed) and
    matched here: a big database has hundreds of thousands of decided applications, far
    more than any IN list may hold, and far more than the events about them."""
    wanted = {str(i) for i in ids}
    found: dict[str, list[Event]] = {}
    if not wanted:
        return found
    rows = s.execute(select(AuditEvent.entity_id, AuditEvent.at, AuditEvent.details)
                     .where(AuditEvent.action == action))
    for entity_id, at, details in rows:
        if entity_id in wanted:
            found.setdefault(entity_id, []).append((at, details or {}))
    return found


def _since(events: list[Event], moment: datetime) -> list[Event]:
    return [ev for ev in events if ev[0] >= moment]


def _name(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


# The columns a list shows, read without building ORM objects: the lists hold tens of
# thousands of rows on a big database and objects cost ten times the query.
NAME_COLUMNS = (Beneficiary.first_name, Beneficiary.father_name, Beneficiary.grandfather_name,
                Beneficiary.family_name)


class FollowUpService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- service targets (Settings) --------------------------------------------------------
    @guarded
    def targets(self, actor: Actor) -> Targets:
        return self._targets()

    def _targets(self) -> Targets:
        with self.db.reader() as s:
            site = _local_site(s)
            settings = (site.settings or {}) if site else {}
        def pick(key: str, default: int) -> int:
            value = settings.get(key)
            if isinstance(value, int) and not isinstance(value, bool) \
                    and 1 <= value <= MAX_TARGET_DAYS:
                return value
            return default
        return Targets(pick(COMMITTEE_TARGET_KEY, DEFAULT_COMMITTEE_TARGET_DAYS),
                       pick(REFERRAL_TARGET_KEY, DEFAULT_REFERRAL_TARGET_DAYS))

    @guarded
    def set_targets(self, actor: Actor, *, committee_days: int | None = None,
                    referral_days: int | None = None) -> Targets:
        before = self._targets()
        after = Targets(
            before.committee_days if committee_days is None
            else _check_target(committee_days, "committee answer", "رد اللجنة"),
            before.referral_days if referral_days is None
            else _check_target(referral_days, "referral answer", "الرد على الإحالة"))
        if after == before:
            return after
        with self.db.session() as s:
            site = _local_site(s)
            if site is None:
                raise UserError("This installation is not set up yet.",
                                message_ar="لم يتم إعداد هذا الجهاز بعد.")
            # A new dict: the JSON column notices a replaced value, not an edited one.
            site.settings = {**(site.settings or {}), COMMITTEE_TARGET_KEY: after.committee_days,
                             REFERRAL_TARGET_KEY: after.referral_days}
            record_event(s, actor, "settings_changed", entity="site", entity_id=site.id,
                         before={COMMITTEE_TARGET_KEY: before.committee_days,
                                 REFERRAL_TARGET_KEY: before.referral_days},
                         after={COMMITTEE_TARGET_KEY: after.committee_days,
                                REFERRAL_TARGET_KEY: after.referral_days})
        return after

    # -- the committee clock (POL-H5) ------------------------------------------------------
    @guarded
    def waiting(self, actor: Actor, *, now: datetime | None = None) -> list[WaitingItem]:
        """Applications with the research committee, the longest waiting first."""
        return self._waiting(_today(now))

    @guarded
    def overdue(self, actor: Actor, *, now: datetime | None = None) -> list[WaitingItem]:
        """Waiting longer than the committee target: a wait of exactly the target is still
        on time; one day more is overdue."""
        target = self._targets().committee_days
        return [w for w in self._waiting(_today(now)) if w.days_waiting > target]

    def _waiting(self, today: date) -> list[WaitingItem]:
        with self.db.reader() as s:
            rows = s.execute(select(Application.id, Application.reference,
                                    Application.submitted_at, Application.created_at,
                                    Application.response_due, *NAME_COLUMNS)
                             .join(Beneficiary, Application.beneficiary_id == Beneficiary.id)
                             .where(Application.status == ApplicationStatus.SUBMITTED)
                             .order_by(Application.submitted_at, Application.reference))
            items = []
            shown: dict[date, tuple[str, str]] = {}  # many applications share a due day
            for app_id, reference, submitted_at, created_at, response_due, *names in rows:
                submitted = submitted_at or created_at
                due = ksa_day(response_due) if response_due else None
                if due is not None and due not in shown:
                    shown[due] = (format_hijri(due), format_gregorian(due))
                hijri, gregorian = shown[due] if due is not None else ("", "")
                items.append(WaitingItem(app_id, reference, _name(*names), submitted,
                                         (today - ksa_day(submitted)).days, due, hijri,
                                         gregorian))
            return items

    # -- decisions still to be told, at the counter ----------------------------------------
    @guarded
    def decided_untold(self, actor: Actor) -> list[DecidedItem]:
        """Decisions whose beneficiary was not yet told (by phone, SMS, or a letter sent),
        with whether the letter was printed; the oldest decision first."""
        with self.db.reader() as s:
            apps = s.execute(select(Application.id, Application.reference,
                                    Application.status, Application.decided_at,
                                    Beneficiary.phone, *NAME_COLUMNS)
                             .join(Beneficiary, Application.beneficiary_id == Beneficiary.id)
                             .where(Application.status.in_(DECIDED),
                                    Application.decided_at.is_not(None))
                             .order_by(Application.decided_at, Application.reference)).all()
            ids = [a[0] for a in apps]
            told = _events_by_application(s, "decision_told", ids)
            printed = _events_by_application(s, "decision_letter_printed", ids)
            items = []
            for app_id, reference, status, decided_at, phone, *names in apps:
                assert decided_at is not None  # the query's condition
                key = str(app_id)
                letters = _since(printed.get(key, []), decided_at)
                sent = any(details.get("sent") for _at, details in letters)
                if sent or _since(told.get(key, []), decided_at):
                    continue
                items.append(DecidedItem(app_id, reference, _name(*names), phone,
                                         ApplicationStatus(status) is ApplicationStatus.ACCEPTED,
                                         decided_at, bool(letters)))
            return items

    @guarded
    def mark_told(self, actor: Actor, application_id: uuid.UUID, channel: str) -> uuid.UUID:
        """One step at the counter: the beneficiary was told of the decision; the contact
        (POL-CH) and the audit event are saved together.  Returns the contact's id."""
        if channel not in TOLD_CHANNELS:
            raise UserError("Told by phone, sms or letter.",
                            message_ar="اختر طريقة الإبلاغ: هاتف أو رسالة نصية أو خطاب.")
        with self.db.session() as s:
            a = s.get(Application, application_id)
            if a is None:
                raise UserError("No such application.", message_ar="الطلب غير موجود.")
            if a.status not in DECIDED or a.decided_at is None:
                raise PolicyViolation("The committee has not decided this application yet.",
                                      message_ar="لم تصدر لجنة البحث قرارها في هذا الطلب بعد.")
            if s.scalar(select(AuditEvent.id).where(
                    AuditEvent.action == "decision_told", AuditEvent.entity_id == str(a.id),
                    AuditEvent.at >= a.decided_at).limit(1)) is not None:
                raise UserError(f"The beneficiary was already told of {a.reference}.",
                                message_ar="سبق إبلاغ المستفيد بهذا القرار.")
            outcome = a.status.value
            c = _contact(s, actor, a, TOLD_CHANNELS[channel],
                         f"إبلاغ بقرار لجنة البحث — {a.reference}", answer=outcome,
                         outcome="told_sms" if channel == "sms" else "told",
                         follow_up_needed=False)
            record_event(s, actor, "decision_told", entity="application", entity_id=a.id,
                         details={"reference": a.reference, "how": channel,
                                  "decision": outcome, "contact_id": str(c.id)})
            return c.id

    # -- missing items (POL-H6) ------------------------------------------------------------
    @guarded
    def incomplete(self, actor: Actor, *, now: datetime | None = None) -> list[IncompleteItem]:
        """Registrations waiting for missing items, with what is missing and the last
        follow-up; the oldest first.  When the items arrive, ``ApplicationService.
        provide_items`` ticks them off and ``submit`` completes the registration: the
        interview is not run again."""
        today = _today(now)
        with self.db.reader() as s:
            apps = s.execute(select(Application.id, Application.reference,
                                    Application.missing_items, Application.created_at,
                                    Beneficiary.phone, *NAME_COLUMNS)
                             .join(Beneficiary, Application.beneficiary_id == Beneficiary.id)
                             .where(Application.status == ApplicationStatus.INCOMPLETE)
                             .order_by(Application.created_at, Application.reference)).all()
            follow_ups = _events_by_application(s, "items_followed_up", [a[0] for a in apps])
            return [IncompleteItem(
                app_id, reference, _name(*names), phone, list(missing or []),
                (today - ksa_day(created_at)).days,
                max((at for at, _d in follow_ups.get(str(app_id), [])), default=None))
                for app_id, reference, missing, created_at, phone, *names in apps]

    @guarded
    def record_items_follow_up(self, actor: Actor, application_id: uuid.UUID,
                               channel: Channel, note: str = "") -> uuid.UUID:
        """The counter reminded the beneficiary of the missing items: the contact (POL-CH)
        and the follow-up are saved together.  Returns the contact's id."""
        channel = Channel(channel)
        with self.db.session() as s:
            a = s.get(Application, application_id)
            if a is None:
                raise UserError("No such application.", message_ar="الطلب غير موجود.")
            if a.status is not ApplicationStatus.INCOMPLETE:
                raise PolicyViolation("This registration is not waiting for missing items.",
                                      message_ar="هذا التسجيل لا ينتظر متطلبات ناقصة.")
            c = _contact(s, actor, a, channel, f"متابعة المتطلبات الناقصة — {a.reference}",
                         answer=note.strip() or None, outcome="items_follow_up",
                         follow_up_needed=True)
            record_event(s, actor, "items_followed_up", entity="application", entity_id=a.id,
                         details={"reference": a.reference, "channel": channel.value,
                                  "missing_items": [m["id"] for m in a.missing_items],
                                  "contact_id": str(c.id)})
            return c.id


def _contact(s: Session, actor: Actor, a: Application, channel: Channel, purpose: str, *,
             answer: str | None, outcome: str, follow_up_needed: bool) -> Contact:
    """A finished contact (POL-CH) about ``a``, saved with its audit event in the caller's
    unit of work, so that it and the follow-up it belongs to stand or fall together."""
    now = utcnow()
    c = Contact(id=uuid.uuid4(), channel=channel, purpose=purpose,
                beneficiary_id=a.beneficiary_id, answer=answer, outcome=outcome,
                follow_up_needed=follow_up_needed, staff_user_id=actor.user_id,
                staff_name=actor.full_name, started_at=now, ended_at=now)
    s.add(c)
    record_event(s, actor, "contact_recorded", entity="contact", entity_id=c.id,
                 details={"channel": c.channel.value, "purpose": c.purpose,
                          "beneficiary_id": str(a.beneficiary_id),
                          "follow_up_needed": follow_up_needed, "open": False})
    return c
