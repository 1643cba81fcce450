"""POL-H3: when procedures are unclear, the beneficiary is referred to the social-research
officer, who answers and explains."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ..audit import record_event
from ..db import Database
from ..errors import PolicyViolation, UserError
from ..models import Referral, ReferralStatus, utcnow
from ..permissions import AD, COUNTER_WORK, READS, SR, guarded, register, rule
from .actor import Actor
from .follow_up import FollowUpService, ksa_day

register({
    "ReferralService.refer": COUNTER_WORK,
    # POL-H3: the social-research officer answers and explains, at the counter.
    "ReferralService.answer": rule(site=(SR, AD)),
    "ReferralService.get": READS,
    "ReferralService.open_referrals": READS,
    "ReferralService.inbox": READS,
    "ReferralService.counts": READS,
})


@dataclass(frozen=True)
class ReferralView:
    id: uuid.UUID
    reason: str
    status: ReferralStatus
    beneficiary_id: uuid.UUID | None
    application_id: uuid.UUID | None
    contact_id: uuid.UUID | None
    answer: str | None
    created_at: datetime
    answered_at: datetime | None


@dataclass(frozen=True)
class InboxItem:
    """A referral waiting in the social researcher's inbox, with its age in days."""

    referral: ReferralView
    age_days: int
    overdue: bool


@dataclass(frozen=True)
class ReferralCounts:
    open: int
    answered: int
    overdue: int  # open longer than the target in Settings (POL-H3)
    target_days: int


def _view(r: Referral) -> ReferralView:
    return ReferralView(r.id, r.reason, r.status, r.beneficiary_id, r.application_id,
                        r.contact_id, r.answer, r.created_at, r.answered_at)


class ReferralService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def refer(self, actor: Actor, *, reason: str, beneficiary_id: uuid.UUID | None = None,
              application_id: uuid.UUID | None = None, contact_id: uuid.UUID | None = None,
              referral_id: uuid.UUID | None = None) -> uuid.UUID:
        reason = (reason or "").strip()
        if len(reason) < 3:
            raise UserError("Give the reason for the referral.",
                            message_ar="اكتب سبب الإحالة إلى مسؤول البحث الاجتماعي.")
        with self.db.session() as s:
            if referral_id is not None and s.get(Referral, referral_id) is not None:
                return referral_id
            r = Referral(id=referral_id or uuid.uuid4(), reason=reason,
                         beneficiary_id=beneficiary_id, application_id=application_id,
                         contact_id=contact_id, referred_by=actor.user_id)
            s.add(r)
            record_event(s, actor, "referral_made", entity="referral", entity_id=r.id,
                         details={"reason": reason,
                                  "beneficiary_id": str(beneficiary_id) if beneficiary_id else None,
                                  "application_id": str(application_id) if application_id else None,
                                  "contact_id": str(contact_id) if contact_id else None})
        return r.id

    @guarded
    def answer(self, actor: Actor, referral_id: uuid.UUID, answer: str) -> None:
        """Only the social-research officer answers a referral (POL-H3)."""
        if not (answer or "").strip():
            raise UserError("Write the answer given to the beneficiary.",
                            message_ar="اكتب الإجابة التي قُدمت للمستفيد.")
        with self.db.session() as s:
            r = s.get(Referral, referral_id)
            if r is None:
                raise UserError("No such referral.", message_ar="الإحالة غير موجودة.")
            if r.status is not ReferralStatus.OPEN:
                raise PolicyViolation("This referral was already answered.",
                                      message_ar="تمت الإجابة على هذه الإحالة من قبل.")
            r.status, r.answer = ReferralStatus.ANSWERED, answer.strip()
            r.answered_at, r.answered_by = utcnow(), actor.user_id
            record_event(s, actor, "referral_answered", entity="referral", entity_id=r.id,
                         before={"status": ReferralStatus.OPEN.value, "answer": None},
                         after={"status": r.status.value, "answer": r.answer})

    @guarded
    def get(self, actor: Actor, referral_id: uuid.UUID) -> ReferralView:
        with self.db.reader() as s:
            r = s.get(Referral, referral_id)
            if r is None:
                raise UserError("No such referral.", message_ar="الإحالة غير موجودة.")
            return _view(r)

    @guarded
    def open_referrals(self, actor: Actor) -> list[ReferralView]:
        return self._open()

    @guarded
    def inbox(self, actor: Actor, *, now: datetime | None = None) -> list[InboxItem]:
        """The open referrals, oldest first, each with its age; overdue past the referral
        target set in Settings (an age of exactly the target is still on time)."""
        return self._inbox(now)

    def _inbox(self, now: datetime | None) -> list[InboxItem]:
        target = FollowUpService(self.db)._targets().referral_days
        today = ksa_day(now or utcnow())
        items = []
        for v in self._open():
            age = (today - ksa_day(v.created_at)).days
            items.append(InboxItem(v, age, age > target))
        return items

    @guarded
    def counts(self, actor: Actor, *, now: datetime | None = None) -> ReferralCounts:
        target = FollowUpService(self.db)._targets().referral_days
        with self.db.reader() as s:
            answered = s.scalar(select(func.count()).select_from(Referral)
                                .where(Referral.status == ReferralStatus.ANSWERED)) or 0
        inbox = self._inbox(now)
        return ReferralCounts(len(inbox), int(answered), sum(i.overdue for i in inbox), target)

    def _open(self) -> list[ReferralView]:
        with self.db.reader() as s:
            rows = s.scalars(select(Referral).where(Referral.status == ReferralStatus.OPEN)
                             .order_by(Referral.created_at))
            return [_view(r) for r in rows]
