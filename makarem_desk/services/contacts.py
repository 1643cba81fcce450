"""POL-CH: every contact with a beneficiary is recorded with its channel."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import UserError
from ..models import Beneficiary, Channel, Contact, utcnow
from ..permissions import COUNTER_WORK, READS, guarded, register
from .actor import Actor

register({
    # POL-CH contacts are the counter's: calls, visits and the letters it sends.
    "ContactService.record": COUNTER_WORK,
    "ContactService.link_beneficiary": COUNTER_WORK,
    "ContactService.finish": COUNTER_WORK,
    "ContactService.get": READS,
    "ContactService.follow_ups": READS,
})

CHANNEL_LABELS_AR = {
    Channel.INTERVIEW: "المقابلة",
    Channel.PHONE: "الاتصالات الهاتفية",
    Channel.SOCIAL_MEDIA: "وسائل التواصل الاجتماعي",
    Channel.LETTER: "الخطابات",
    Channel.ASSISTANCE_REQUEST: "خدمات طلب المساعدة",
    Channel.VOLUNTEERING: "خدمة التطوع",
    Channel.WEBSITE: "الموقع الإلكتروني للجمعية",
}


@dataclass(frozen=True)
class ContactInput:
    channel: Channel
    purpose: str
    beneficiary_id: uuid.UUID | None = None  # a known beneficiary, or None
    caller_name: str | None = None  # who, when not a known beneficiary
    answer: str | None = None
    follow_up_needed: bool = False
    started_at: datetime | None = None


@dataclass(frozen=True)
class ContactView:
    id: uuid.UUID
    channel: Channel
    purpose: str
    beneficiary_id: uuid.UUID | None
    caller_name: str | None
    answer: str | None
    follow_up_needed: bool
    staff_name: str
    started_at: datetime
    ended_at: datetime | None


def _view(c: Contact) -> ContactView:
    return ContactView(c.id, c.channel, c.purpose, c.beneficiary_id, c.caller_name, c.answer,
                       c.follow_up_needed, c.staff_name, c.started_at, c.ended_at)


def _closing_fields(c: Contact) -> dict[str, object]:
    return {"ended_at": c.ended_at, "answer": c.answer, "outcome": c.outcome,
            "follow_up_needed": c.follow_up_needed}


class ContactService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def record(self, actor: Actor, data: ContactInput, *,
               contact_id: uuid.UUID | None = None, open_: bool = False) -> uuid.UUID:
        """Save a contact. With ``contact_id`` the call is idempotent: a retry after a crash
        finds the contact already there and changes nothing."""
        purpose = (data.purpose or "").strip()
        if len(purpose) < 2:
            raise UserError("Say what the contact was about (purpose).",
                            message_ar="اكتب الغرض من التواصل.")
        # An interview starts before the visitor is identified; it is linked later.
        if data.beneficiary_id is None and not (data.caller_name or "").strip() and not open_:
            raise UserError("Give the caller's name or choose a known beneficiary.",
                            message_ar="اكتب اسم المتصل أو اختر مستفيدًا مسجلًا.")
        with self.db.session() as s:
            if contact_id is not None and s.get(Contact, contact_id) is not None:
                return contact_id
            if data.beneficiary_id is not None and s.get(Beneficiary, data.beneficiary_id) is None:
                raise UserError("That beneficiary does not exist.",
                                message_ar="المستفيد غير موجود.")
            now = utcnow()
            c = Contact(
                id=contact_id or uuid.uuid4(), channel=Channel(data.channel), purpose=purpose,
                beneficiary_id=data.beneficiary_id,
                caller_name=(data.caller_name or "").strip() or None,
                answer=(data.answer or "").strip() or None,
                follow_up_needed=data.follow_up_needed, staff_user_id=actor.user_id,
                staff_name=actor.full_name, started_at=data.started_at or now,
                ended_at=None if open_ else now,
            )
            s.add(c)
            record_event(s, actor, "contact_recorded", entity="contact", entity_id=c.id,
                         details={"channel": c.channel.value, "purpose": c.purpose,
                                  "beneficiary_id": str(c.beneficiary_id)
                                  if c.beneficiary_id else None,
                                  "follow_up_needed": c.follow_up_needed, "open": open_})
        return c.id

    @guarded
    def link_beneficiary(self, actor: Actor, contact_id: uuid.UUID,
                         beneficiary_id: uuid.UUID) -> None:
        with self.db.session() as s:
            c = self._get(s, contact_id)
            if c.beneficiary_id != beneficiary_id:
                if s.get(Beneficiary, beneficiary_id) is None:
                    raise UserError("That beneficiary does not exist.",
                                    message_ar="المستفيد غير موجود.")
                before = {"beneficiary_id": str(c.beneficiary_id) if c.beneficiary_id else None}
                c.beneficiary_id = beneficiary_id
                record_event(s, actor, "contact_linked", entity="contact", entity_id=c.id,
                             before=before, after={"beneficiary_id": str(beneficiary_id)})

    @guarded
    def finish(self, actor: Actor, contact_id: uuid.UUID, *, answer: str | None = None,
               outcome: str | None = None, follow_up_needed: bool | None = None) -> None:
        with self.db.session() as s:
            c = self._get(s, contact_id)
            before = _closing_fields(c)
            if c.ended_at is None:
                c.ended_at = utcnow()
            if answer is not None:
                c.answer = answer
            if outcome is not None:
                c.outcome = outcome
            if follow_up_needed is not None:
                c.follow_up_needed = follow_up_needed
            after = _closing_fields(c)
            if after != before:  # finishing again with the same words changes nothing
                record_event(s, actor, "contact_finished", entity="contact", entity_id=c.id,
                             before=before, after=after)

    @guarded
    def get(self, actor: Actor, contact_id: uuid.UUID) -> ContactView:
        with self.db.reader() as s:
            return _view(self._get(s, contact_id))

    @guarded
    def follow_ups(self, actor: Actor) -> list[ContactView]:
        with self.db.reader() as s:
            rows = s.scalars(select(Contact).where(Contact.follow_up_needed.is_(True))
                             .order_by(Contact.started_at))
            return [_view(c) for c in rows]

    @staticmethod
    def _get(s: Session, contact_id: uuid.UUID) -> Contact:
        c = s.get(Contact, contact_id)
        if c is None:
            raise UserError(f"No contact {contact_id}.", message_ar="التواصل غير موجود.")
        return c
