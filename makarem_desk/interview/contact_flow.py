"""A contact through one of the six other channels (POL-CH): who, channel and purpose,
answer given and whether a follow-up is needed — a short flow saved as a ``Contact``."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import UserError
from ..models import Channel
from ..services.actor import Actor
from ..services.contacts import CHANNEL_LABELS_AR, ContactInput
from ..services.satisfaction import SatisfactionInput
from .answers import FieldError, StepInvalid
from .services import InterviewServices

KIND = "contact"
OTHER_CHANNELS = tuple(c for c in Channel if c is not Channel.INTERVIEW)


class ContactStep(enum.StrEnum):
    WHO = "who"
    PURPOSE = "purpose"
    ANSWER = "answer"
    DONE = "done"


_ORDER = tuple(ContactStep)


@dataclass
class ContactState:
    step: str = ContactStep.WHO.value
    history: list[str] = field(default_factory=list)
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    contact_id: str | None = None


def _invalid(item: str, en: str, ar: str) -> StepInvalid:
    return StepInvalid([FieldError(item, en, ar)])


class ContactSession:
    def __init__(self, services: InterviewServices, actor: Actor, state: ContactState,
                 draft_id: uuid.UUID):
        self.services, self.actor, self.state, self.draft_id = services, actor, state, draft_id

    @classmethod
    def start(cls, services: InterviewServices, actor: Actor,
              beneficiary_id: uuid.UUID | None = None) -> ContactSession:
        """A new contact; with ``beneficiary_id`` (from a profile or a search result) it
        starts with "who" answered, at the purpose."""
        if beneficiary_id is not None:
            services.beneficiaries.get(actor, beneficiary_id)  # refused before any draft
        state = ContactState()
        draft_id = services.drafts.create(actor, KIND, state.step, asdict(state))
        session = cls(services, actor, state, draft_id)
        if beneficiary_id is not None:
            session.complete({"beneficiary_id": str(beneficiary_id)})
        return session

    @classmethod
    def resume(cls, services: InterviewServices, actor: Actor,
               draft_id: uuid.UUID) -> ContactSession:
        draft = services.drafts.load(actor, draft_id)
        if draft.kind != KIND:
            raise UserError("That draft is not a contact.", message_ar="المسودة ليست تواصلًا.")
        return cls(services, actor, ContactState(**draft.state), draft_id)

    @property
    def step(self) -> ContactStep:
        return ContactStep(self.state.step)

    def find_beneficiaries(self, query: str) -> list[Any]:
        """Who is calling: an exact identity number first, then identity, phone or name."""
        exact = self.services.beneficiaries.find_by_identity(self.actor, query)
        return [exact] if exact is not None else list(self.services.search.search(self.actor, query))

    def rate(self, score: int, *, anonymous: bool = True,
             answers: dict[str, Any] | None = None) -> uuid.UUID:
        """POL-G5: satisfaction is asked on every channel, not only at the counter."""
        if self.step is not ContactStep.DONE or not self.state.contact_id:
            raise UserError("Rate the contact once it is recorded.",
                            message_ar="يُقيَّم التواصل بعد حفظه.")
        who = self.state.values["who"]
        return self.services.satisfaction.record(self.actor, SatisfactionInput(
            score=score, answers=dict(answers or {}), anonymous=anonymous,
            beneficiary_id=uuid.UUID(who["beneficiary_id"]) if who["beneficiary_id"] else None,
            contact_id=uuid.UUID(self.state.contact_id),
            channel=self.state.values["purpose"]["channel"],
        ), response_id=uuid.uuid5(self.draft_id, "satisfaction"))

    def back(self) -> ContactStep:
        if not self.state.history or self.step is ContactStep.DONE:
            raise UserError("You cannot go back from this step.",
                            message_ar="لا يمكن الرجوع من هذه الخطوة.")
        self.state.step = self.state.history.pop()
        self._save()
        return self.step

    def complete(self, values: dict[str, Any]) -> ContactStep:
        if self.step is ContactStep.DONE:
            raise UserError("This contact is recorded.", message_ar="سُجّل هذا التواصل.")
        clean = CONTACT_HANDLERS[self.step](self, dict(values))
        self.state.values[self.step.value] = clean
        self.state.history.append(self.step.value)
        self.state.step = _ORDER[_ORDER.index(self.step) + 1].value
        self._save()
        return self.step

    def _save(self) -> None:
        status = "done" if self.step is ContactStep.DONE else "open"
        self.services.drafts.save(self.actor, self.draft_id, self.state.step, asdict(self.state),
                                  status=status)

    def _who(self, values: dict[str, Any]) -> dict[str, Any]:
        if values.get("beneficiary_id"):
            try:
                view = self.services.beneficiaries.get(self.actor,
                                                     uuid.UUID(str(values["beneficiary_id"])))
            except (ValueError, UserError):
                raise _invalid("beneficiary_id", "no such beneficiary", "المستفيد غير موجود") from None
            return {"beneficiary_id": str(view.id), "caller_name": view.full_name}
        name = str(values.get("caller_name") or "").strip()
        if len(name) < 2:
            raise _invalid("caller_name", "give the name of who is calling or writing, or "
                           "choose a known beneficiary",
                           "اكتب اسم المتواصل أو اختر مستفيدًا مسجلًا")
        return {"beneficiary_id": None, "caller_name": name}

    def _purpose(self, values: dict[str, Any]) -> dict[str, Any]:
        errors = []
        try:
            channel = Channel(str(values.get("channel")))
        except ValueError:
            channel = None
        if channel not in OTHER_CHANNELS:
            labels = "، ".join(CHANNEL_LABELS_AR[c] for c in OTHER_CHANNELS)
            errors.append(FieldError("channel", "choose one of: " + ", ".join(OTHER_CHANNELS),
                                     f"اختر إحدى القنوات: {labels}"))
        purpose = str(values.get("purpose") or "").strip()
        if len(purpose) < 2:
            errors.append(FieldError("purpose", "say what the contact is about",
                                     "اكتب الغرض من التواصل"))
        if errors:
            raise StepInvalid(errors)
        assert channel is not None
        return {"channel": channel.value, "purpose": purpose}

    def _answer(self, values: dict[str, Any]) -> dict[str, Any]:
        answer = str(values.get("answer") or "").strip()
        follow_up = values.get("follow_up_needed", False)
        if not answer:
            raise _invalid("answer", "write the answer given", "اكتب الإجابة التي قُدمت")
        if not isinstance(follow_up, bool):
            raise _invalid("follow_up_needed", "answer yes or no", "أجب بنعم أو لا")
        who, purpose = self.state.values["who"], self.state.values["purpose"]
        cid = self.services.contacts.record(self.actor, ContactInput(
            channel=Channel(purpose["channel"]), purpose=purpose["purpose"],
            beneficiary_id=uuid.UUID(who["beneficiary_id"]) if who["beneficiary_id"] else None,
            caller_name=None if who["beneficiary_id"] else who["caller_name"],
            answer=answer, follow_up_needed=follow_up,
        ), contact_id=uuid.uuid5(self.draft_id, "contact"))
        self.state.contact_id = str(cid)
        return {"answer": answer, "follow_up_needed": follow_up}


# Which method checks and saves each step of a contact (tests/test_interview_dispatch.py
# holds it to the steps of ``ContactStep``); a recorded contact takes no more values.
CONTACT_HANDLERS: dict[ContactStep, Callable[[ContactSession, dict[str, Any]], dict[str, Any]]] = {
    ContactStep.WHO: ContactSession._who,
    ContactStep.PURPOSE: ContactSession._purpose,
    ContactStep.ANSWER: ContactSession._answer,
}
