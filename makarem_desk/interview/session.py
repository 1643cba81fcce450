"""One interview in progress: the flow's decisions applied through the services, and the
state saved as a draft after every completed step.

Every record an effect creates gets an id derived from the draft id, and the services
accept such ids idempotently, so a crash between an effect and the draft save, followed by
a resume that repeats the step, creates nothing twice.
"""

from __future__ import annotations

import base64
import binascii
import copy
import dataclasses
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from ..checklists.flow_items import (
    FIRST_VISIT,
    PROCEDURES_CLEAR,
    PURPOSE,
    REFERRAL_REASON,
    REFERRAL_REASON_CODE,
    SERVICE_GIVEN,
)
from ..checklists.model import FormSet, Item
from ..errors import UserError
from ..models import MIN_RESPONSE_DAYS, ApplicationStatus, Channel, ReferralReason, utcnow
from ..services.actor import SYSTEM, Actor
from ..services.applications import ApplicationDraft
from ..services.contacts import ContactInput
from ..services.declarations import earliest_answer_date
from ..services.satisfaction import SatisfactionInput, check_score
from ..validation.dates import format_gregorian, format_hijri
from . import flow
from .answers import (
    ELIGIBLE,
    NEEDS_REFERRAL,
    NOT_ELIGIBLE,
    FieldError,
    Outcome,
    Reason,
    StepInvalid,
    check_answers,
    outcome,
    shown,
    wrong_type,
)
from .flow import InterviewState, Step
from .person_steps import PersonSteps
from .services import InterviewServices

KIND = "interview"


def _invalid(item: str, en: str, ar: str) -> StepInvalid:
    return StepInvalid([FieldError(item, en, ar)])


# The satisfaction step's own values (its questions are items, checked like any other).
_SATISFACTION_TYPES: tuple[tuple[str, type | tuple[type, ...], str, str], ...] = (
    ("skip", bool, "true or false", "نعم أو لا"),
    ("anonymous", bool, "true or false", "نعم أو لا"),
    ("answers", dict, "an object of answers ({…})", "كائنًا من الإجابات"),
    ("comment", str, "text", "نصًا"),
)


class InterviewSession(PersonSteps):
    def __init__(self, services: InterviewServices, forms: FormSet, actor: Actor,
                 state: InterviewState, draft_id: uuid.UUID, today: date | None = None):
        self.services = services
        self.forms = forms
        self.actor = actor
        self.state = state
        self.draft_id = draft_id
        self._today = today

    # -- life cycle ---------------------------------------------------------------------
    @classmethod
    def start(cls, services: InterviewServices, forms: FormSet, actor: Actor, *,
              language: str = "ar", today: date | None = None,
              beneficiary_id: uuid.UUID | None = None) -> InterviewSession:
        """A new interview; ``beneficiary_id`` starts it for a returning beneficiary chosen
        on their profile or in the search results (checked now: no draft for nobody)."""
        known = None
        if beneficiary_id is not None:
            known = str(services.beneficiaries.get(actor, beneficiary_id).id)
        # Programs are data in forms/; make sure the table mirrors them (idempotent).
        services.programs.load(SYSTEM, forms)
        state = InterviewState(language=language, started_at=utcnow().isoformat(),
                               known_beneficiary=known)
        draft_id = services.drafts.create(actor, KIND, state.step, state.to_json())
        return cls(services, forms, actor, state, draft_id, today)

    @classmethod
    def resume(cls, services: InterviewServices, forms: FormSet, actor: Actor,
               draft_id: uuid.UUID, today: date | None = None) -> InterviewSession:
        draft = services.drafts.load(actor, draft_id)
        if draft.kind != KIND:
            raise UserError("That draft is not an interview.", message_ar="المسودة ليست مقابلة.")
        return cls(services, forms, actor, InterviewState.from_json(draft.state), draft_id, today)

    @property
    def today(self) -> date:
        return self._today or date.today()

    @property
    def step(self) -> Step:
        return self.state.current

    @property
    def finished(self) -> bool:
        return self.step is Step.DONE

    def can_back(self) -> bool:
        return flow.can_back(self.state)

    def can_finish(self) -> bool:
        return flow.can_finish(self.state)

    def _id(self, what: str) -> uuid.UUID:
        return uuid.uuid5(self.draft_id, what)

    def _save(self) -> None:
        app_id = uuid.UUID(self.state.application_id) if self.state.application_id else None
        status = "done" if self.finished else "open"
        self.services.drafts.save(self.actor, self.draft_id, self.state.step,
                                  self.state.to_json(), application_id=app_id, status=status)

    # -- what each step shows -----------------------------------------------------------
    def facts(self) -> dict[str, Any]:
        return dict(self.state.facts)

    def step_items(self, step: Step | None = None) -> tuple[Item, ...]:
        step = step or self.step
        code = self.state.program_code
        if step is Step.ELIGIBILITY and code:
            return self.forms.eligibility_items(code)
        if step is Step.DOCUMENTS and code:
            return self.forms.document_items(code)
        if step is Step.SATISFACTION:
            return self.forms.satisfaction.section("questions")
        return self.forms.interview.section(step.value)

    def items(self, answers: dict[str, Any] | None = None) -> list[Item]:
        """The items shown now, given the answers being typed (conditions re-evaluate)."""
        answers = self.state.answers(self.step) if answers is None else answers
        return shown(self.step_items(), {**self._context(), **answers}, self.facts())

    def outcome(self) -> Outcome | None:
        if self.state.outcome is None:
            return None
        o = self.state.outcome
        return Outcome(o["status"], tuple(Reason(**r) for r in o["reasons"]),
                       tuple(o["missing"]))

    def suggested_answers(self) -> dict[str, Any]:
        """Answers offered before the step is answered: a beneficiary already known has
        been here before (POL-H1's "first visit?" needs no asking)."""
        if (self.step is Step.RECEPTION and self.state.known_beneficiary
                and not self.state.answers(Step.RECEPTION)
                and any(i.id == FIRST_VISIT for i in self.step_items())):
            return {FIRST_VISIT: False}
        return {}

    def statement_text(self, item: Item, language: str | None = None) -> str:
        """A statement's words with the POL-H5 dates filled in."""
        language = language or self.state.language
        earliest = earliest_answer_date_for(self.today)
        text = item.text_ar if language == "ar" else item.text_en
        # The placeholders were checked at load (checklists.schema.STATEMENT_PLACEHOLDERS).
        return text.format(earliest_hijri=format_hijri(earliest, language),
                           earliest_gregorian=format_gregorian(earliest, language),
                           response_days=MIN_RESPONSE_DAYS)

    @property
    def definitions_changed(self) -> bool:
        """The program's definitions changed since this interview chose it (e.g. resumed
        after an administrator's edit); the interface warns, the answers stay checked
        against the definitions in force."""
        code = self.state.program_code
        return bool(code and code in self.forms.programs
                    and self.forms.version_hash_for(code) != self.state.form_version_hash)

    # -- moving -------------------------------------------------------------------------
    def back(self) -> Step:
        if not self.can_back():
            raise UserError("You cannot go back from this step.",
                            message_ar="لا يمكن الرجوع من هذه الخطوة.")
        before = copy.deepcopy(self.state)
        flow.go_back(self.state)
        try:
            self._save()
        except BaseException:
            self.state = before
            raise
        return self.step

    def finish(self) -> Step:
        """End at the optional satisfaction step without a rating."""
        if not self.can_finish():
            raise UserError("The interview cannot end at this step.",
                            message_ar="لا يمكن إنهاء المقابلة في هذه الخطوة.")
        return self.complete({"skip": True})

    def abandon(self, reason: str) -> None:
        """The visitor left before the end: a draft application is withdrawn, the contact
        ended with the reason, and the draft closed (it no longer shows as in progress)."""
        reason = (reason or "").strip()
        if len(reason) < 2:
            raise _invalid("reason", "say why the interview stops", "اكتب سبب إيقاف المقابلة")
        if self.state.application_id:
            app_id = uuid.UUID(self.state.application_id)
            app = self.services.applications.get(self.actor, app_id)
            if app.status is ApplicationStatus.DRAFT:
                self.services.applications.withdraw(self.actor, app_id, reason)
        if self.state.contact_id:
            self.services.contacts.finish(self.actor, uuid.UUID(self.state.contact_id),
                                          answer=reason, outcome="abandoned")
        self.services.drafts.save(self.actor, self.draft_id, self.state.step,
                                  self.state.to_json(), status="abandoned")

    def complete(self, values: dict[str, Any]) -> Step:
        """Check the values of the current step, apply its effects, save, move on.

        Bad values raise ``StepInvalid`` (every problem at once) and change nothing.
        """
        if self.finished:
            raise UserError("This interview is finished.", message_ar="انتهت هذه المقابلة.")
        handler = STEP_HANDLERS[self.step]
        before = copy.deepcopy(self.state)
        try:
            clean = handler(self, dict(values))
            flow.advance(self.state, clean)
            self._save()
        except BaseException:
            # What is shown must be what is saved: a step that failed half-way (a database
            # error, a refusal by a service) leaves the interview as it was.
            self.state = before
            raise
        preset = flow.preset_answers(self.state)
        if preset is not None:
            try:
                self.complete(preset)
            except UserError:
                pass  # the person is no longer there to find: the step is asked instead
        return self.step

    def _context(self) -> dict[str, Any]:
        """Earlier answers that conditions of this step may refer to."""
        return self.state.answers(Step.ELIGIBILITY) if self.step is Step.DOCUMENTS else {}

    def _checked(self, values: dict[str, Any]) -> dict[str, Any]:
        clean, errors = check_answers(self.step_items(), values, self.facts(), self.today,
                                      self._context())
        if errors:
            raise StepInvalid(errors)
        return clean

    # -- the steps ----------------------------------------------------------------------
    def _complete_reception(self, values: dict[str, Any]) -> dict[str, Any]:
        code = values.pop("program_code", "") or ""
        if not isinstance(code, str):
            raise StepInvalid([wrong_type("program_code", code, "a program code (text)",
                                          "رمز برنامج")])
        program = self.forms.programs.get(code)
        if program is None or not program.active:
            raise _invalid("program_code", "choose one of the programs offered",
                           "اختر برنامجًا من البرامج المتاحة")
        clean = self._checked(values)
        self.state.program_code, self.state.category = code, program.category
        self.state.form_version_hash = self.forms.version_hash_for(code)
        self.state.facts.update({"program_code": code, "category": program.category})
        contact_id = self._id("contact")
        self.services.contacts.record(
            self.actor,
            ContactInput(channel=Channel.INTERVIEW, purpose=clean.get(PURPOSE, program.name_ar)),
            contact_id=contact_id, open_=True,
        )
        self.state.contact_id = str(contact_id)
        return {"program_code": code, **clean}

    def _complete_eligibility(self, values: dict[str, Any]) -> dict[str, Any]:
        clean = self._checked(values)
        code = self._code()
        self.state.outcome = outcome(self.forms.eligibility_items(code), clean, self.facts()).to_json()
        return clean

    def _complete_documents(self, values: dict[str, Any]) -> dict[str, Any]:
        clean = self._checked(values)
        code = self._code()
        items = self.forms.eligibility_items(code) + self.forms.document_items(code)
        answers = {**self.state.answers(Step.ELIGIBILITY), **clean}
        self.state.outcome = outcome(items, answers, self.facts()).to_json()
        return clean

    def _complete_clarity(self, values: dict[str, Any]) -> dict[str, Any]:
        clean = self._checked(values)
        result = self.outcome() or Outcome(ELIGIBLE)
        bid = uuid.UUID(self._beneficiary())
        contact = uuid.UUID(self.state.contact_id) if self.state.contact_id else None
        if clean.get(PROCEDURES_CLEAR) is False or result.status == NEEDS_REFERRAL:
            reasons = [clean.get(REFERRAL_REASON, "")] + [r.text_ar for r in result.reasons
                                                            if r.effect == "referral"]
            # Referred by an eligibility item alone, the code question was not asked; a
            # forms folder older than the question refers "procedures unclear" as such.
            code = (clean.get(REFERRAL_REASON_CODE, ReferralReason.UNCLEAR_PROCEDURE)
                    if clean.get(PROCEDURES_CLEAR) is False else ReferralReason.ELIGIBILITY)
            rid = self.services.referrals.refer(
                self.actor, reason_code=code, reason="؛ ".join(r for r in reasons if r),
                beneficiary_id=bid,
                application_id=None, contact_id=contact, referral_id=self._id("referral"))
            self.state.referral_id, self.state.path = str(rid), flow.PATH_REFERRED
            if self.state.application_id:  # opened on an earlier pass, before going back
                self.services.applications.withdraw(
                    self.actor, uuid.UUID(self.state.application_id),
                    "أحيل إلى مسؤول البحث الاجتماعي قبل استكمال الطلب")
                self.state.application_id = None
                self.state.application_round += 1  # a later pass opens a new one
            return clean
        app = self.services.applications.open(
            self.actor, self._application_draft(result),
            application_id=self._id(f"application:{self.state.application_round}"))
        self.state.application_id, self.state.reference = str(app.id), app.reference
        if result.status == NOT_ELIGIBLE:
            self.services.applications.close_not_eligible(self.actor, app.id)
            self.state.path = flow.PATH_NOT_ELIGIBLE
            return clean
        self.state.path = None
        decl = self.services.declarations.prepare(self.actor, app.id, self.state.language)
        self.state.declaration_id = str(decl)
        return clean

    def _application_draft(self, result: Outcome) -> ApplicationDraft:
        answers = {**self.state.answers(Step.ELIGIBILITY), **self.state.answers(Step.DOCUMENTS)}
        return ApplicationDraft(
            beneficiary_id=uuid.UUID(self._beneficiary()), program_code=self._code(),
            form_version_hash=self.state.form_version_hash or "", answers=answers,
            outcome=result.status, reasons=[dataclasses.asdict(r) for r in result.reasons],
            missing_items=list(result.missing),
            contact_id=uuid.UUID(self.state.contact_id) if self.state.contact_id else None,
        )

    def _complete_declaration(self, values: dict[str, Any]) -> dict[str, Any]:
        mode = values.pop("signature", None)
        png_b64 = values.pop("signature_png", None)
        if png_b64 is not None and not isinstance(png_b64, str):
            raise StepInvalid([wrong_type("signature_png", png_b64, "a base64 PNG (text)",
                                          "صورة PNG بترميز base64")])
        clean = self._checked(values)
        decl = uuid.UUID(self.state.declaration_id or "")
        if mode == "on_screen":
            try:
                png = base64.b64decode(str(png_b64 or ""), validate=True)
            except (binascii.Error, ValueError):
                png = b""
            self.services.declarations.sign_on_screen(self.actor, decl, png)
        elif mode == "on_paper":
            self.services.declarations.sign_on_paper(self.actor, decl)
        else:
            raise _invalid("signature", "POL-H4: the applicant must sign, on screen or on paper",
                           "يجب أن يوقّع المستفيد على الإقرار، على الشاشة أو على الورق")
        return {**clean, "signature": mode}

    def _complete_notice(self, values: dict[str, Any]) -> dict[str, Any]:
        clean = self._checked(values)
        clean["earliest_answer_date"] = earliest_answer_date_for(self.today).isoformat()
        return clean

    def _complete_registration(self, values: dict[str, Any]) -> dict[str, Any]:
        apps = self.services.applications
        app_id = uuid.UUID(self.state.application_id or "")
        app = apps.get(self.actor, app_id)
        if app.status is ApplicationStatus.DRAFT:
            app = apps.mark_incomplete(self.actor, app_id) if app.missing_items \
                else apps.submit(self.actor, app_id)
        self.state.path = (flow.PATH_INCOMPLETE if app.status is ApplicationStatus.INCOMPLETE
                           else flow.PATH_SUBMITTED)
        return {"status": app.status.value,
                "response_due": app.response_due.isoformat() if app.response_due else None,
                "missing": [m["id"] for m in app.missing_items]}

    def _complete_delivery(self, values: dict[str, Any]) -> dict[str, Any]:
        clean = self._checked(values)
        if self.state.application_id:
            self.services.applications.mark_delivered(self.actor,
                                                      uuid.UUID(self.state.application_id))
        return clean

    def _complete_satisfaction(self, values: dict[str, Any]) -> dict[str, Any]:
        contact = uuid.UUID(self.state.contact_id) if self.state.contact_id else None
        wrong = [wrong_type(k, values[k], expected, ar)
                 for k, types, expected, ar in _SATISFACTION_TYPES
                 if values.get(k) is not None and not isinstance(values[k], types)]
        if wrong:
            raise StepInvalid(wrong)
        if values.get("skip"):
            result: dict[str, Any] = {"skipped": True}
        else:
            anonymous = bool(values.get("anonymous", True))
            try:
                score = check_score(values.get("score"))
            except UserError as exc:
                raise _invalid("score", exc.message, exc.message_ar) from None
            answers = self._checked(dict(values.get("answers") or {}))
            rid = self.services.satisfaction.record(self.actor, SatisfactionInput(
                score=score, answers=answers, comment=values.get("comment"), anonymous=anonymous,
                beneficiary_id=uuid.UUID(self.state.beneficiary_id) if self.state.beneficiary_id else None,
                application_id=uuid.UUID(self.state.application_id) if self.state.application_id else None,
                contact_id=contact, channel=Channel.INTERVIEW.value,
                program_code=self.state.program_code,
            ), response_id=self._id("satisfaction"))
            self.state.satisfaction_id = str(rid)
            result = {"score": score, "anonymous": anonymous, "answers": answers}
        if contact is not None:
            delivered = self.state.answers(Step.DELIVERY).get(SERVICE_GIVEN)
            self.services.contacts.finish(self.actor, contact, answer=delivered,
                                          outcome=self.state.path)
        return result

    def _code(self) -> str:
        if not self.state.program_code:
            raise UserError("No program chosen.", message_ar="لم يُختر برنامج.")
        return self.state.program_code

    def _beneficiary(self) -> str:
        if not self.state.beneficiary_id:
            raise UserError("No beneficiary identified.", message_ar="لم يُحدد المستفيد.")
        return self.state.beneficiary_id


StepHandler = Callable[[InterviewSession, dict[str, Any]], dict[str, Any]]
# Which method checks and applies each step's values: written out, so a step without a
# handler is a KeyError in a test (tests/test_interview_dispatch.py), not a typo in a
# method name that nothing notices. The finished interview takes no values.
STEP_HANDLERS: dict[Step, StepHandler] = {
    Step.RECEPTION: InterviewSession._complete_reception,
    Step.IDENTIFY: InterviewSession._complete_identify,
    Step.PERSONAL: InterviewSession._complete_personal,
    Step.ELIGIBILITY: InterviewSession._complete_eligibility,
    Step.DOCUMENTS: InterviewSession._complete_documents,
    Step.CLARITY: InterviewSession._complete_clarity,
    Step.DECLARATION: InterviewSession._complete_declaration,
    Step.NOTICE: InterviewSession._complete_notice,
    Step.REGISTRATION: InterviewSession._complete_registration,
    Step.DELIVERY: InterviewSession._complete_delivery,
    Step.SATISFACTION: InterviewSession._complete_satisfaction,
}


def earliest_answer_date_for(today: date) -> date:
    from datetime import UTC, datetime, time

    return earliest_answer_date(datetime.combine(today, time(12), tzinfo=UTC))
