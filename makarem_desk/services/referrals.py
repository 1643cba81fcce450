"""POL-H3: when procedures are unclear, the beneficiary is referred to the social-research
officer, who answers and explains.  Every referral carries a reason code (why it was made,
counted per code) beside the words of the member of staff."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, or_, select

from ..audit import record_event
from ..db import Database
from ..errors import PolicyViolation, UserError
from ..models import Beneficiary, Referral, ReferralReason, ReferralStatus, utcnow
from ..permissions import AD, COUNTER_WORK, READS, SR, guarded, register, rule
from ..saudi_time import KSA, ksa_day
from .actor import Actor
from .beneficiaries import beneficiary_reference
from .follow_up import FollowUpService
from .referral_reasons import effective_code, parse_reason_code

register({
    "ReferralService.refer": COUNTER_WORK,
    # POL-H3: the social-research officer answers and explains, at the counter.
    "ReferralService.answer": rule(site=(SR, AD)),
    "ReferralService.get": READS,
    "ReferralService.open_referrals": READS,
    "ReferralService.inbox": READS,
    "ReferralService.counts": READS,
})

# What the inbox can show; "overdue" is the open ones past the target in Settings.
INBOX_FILTERS = ("open", "answered", "overdue", "all")
# The inbox is a working list, not an archive: the answered ones are the most recent.
INBOX_LIMIT = 1000
MIN_REASON_TEXT = 3


@dataclass(frozen=True)
class ReferralView:
    id: uuid.UUID
    reason: str
    reason_code: ReferralReason  # "other" for referrals made before codes existed
    status: ReferralStatus
    beneficiary_id: uuid.UUID | None
    application_id: uuid.UUID | None
    contact_id: uuid.UUID | None
    answer: str | None
    created_at: datetime
    answered_at: datetime | None


@dataclass(frozen=True)
class InboxItem:
    """A referral in the social researcher's inbox: its age in days (until it was answered,
    for an answered one) and whether it is open past the target."""

    referral: ReferralView
    age_days: int
    overdue: bool
    beneficiary_name: str = ""
    beneficiary_reference: str = ""


@dataclass(frozen=True)
class ReasonCounts:
    open: int = 0
    answered: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class ReferralCounts:
    open: int
    answered: int
    overdue: int  # open longer than the target in Settings (POL-H3)
    target_days: int
    # Every code, zeros included, in the order the counter is offered them.
    by_reason: dict[ReferralReason, ReasonCounts] = field(default_factory=dict)


_VIEW_COLUMNS = (Referral.id, Referral.reason, Referral.status, Referral.beneficiary_id,
                 Referral.application_id, Referral.contact_id, Referral.answer,
                 Referral.created_at, Referral.answered_at, Referral.reason_code)
_NAME_COLUMNS = (Beneficiary.first_name, Beneficiary.father_name,
                 Beneficiary.grandfather_name, Beneficiary.family_name)


def _view(r: Referral) -> ReferralView:
    return ReferralView(r.id, r.reason, effective_code(r.reason_code), r.status,
                        r.beneficiary_id, r.application_id, r.contact_id, r.answer,
                        r.created_at, r.answered_at)


def _code_is(code: ReferralReason) -> ColumnElement[bool]:
    if code is ReferralReason.OTHER:  # old referrals without a code are counted as other
        return or_(Referral.reason_code == code, Referral.reason_code.is_(None))
    return Referral.reason_code == code


def _reason_text(code: ReferralReason, reason: str | None) -> str:
    text = (reason or "").strip()
    if code is ReferralReason.OTHER and len(text) < MIN_REASON_TEXT:
        raise UserError("Write the reason for the referral: the code 'other' says nothing by "
                        "itself.",
                        message_ar="اكتب سبب الإحالة؛ فنوع «سبب آخر» لا يوضح شيئًا وحده.")
    if text and len(text) < MIN_REASON_TEXT:
        raise UserError("The reason is too short; write a few words or leave it empty.",
                        message_ar="السبب قصير جدًا؛ اكتب كلمات توضحه أو اتركه فارغًا.")
    return text


class ReferralService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def refer(self, actor: Actor, *, reason_code: ReferralReason | str | None = None,
              reason: str = "", beneficiary_id: uuid.UUID | None = None,
              application_id: uuid.UUID | None = None, contact_id: uuid.UUID | None = None,
              referral_id: uuid.UUID | None = None) -> uuid.UUID:
        """Refer to the social-research officer. The code is required; the words are required
        only with "other" (the other codes say why), and always kept when given."""
        code = parse_reason_code(reason_code)
        text = _reason_text(code, reason)
        with self.db.session() as s:
            if referral_id is not None and s.get(Referral, referral_id) is not None:
                return referral_id
            r = Referral(id=referral_id or uuid.uuid4(), reason=text, reason_code=code,
                         beneficiary_id=beneficiary_id, application_id=application_id,
                         contact_id=contact_id, referred_by=actor.user_id)
            s.add(r)
            record_event(s, actor, "referral_made", entity="referral", entity_id=r.id,
                         details={"reason_code": code.value, "reason": text,
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
                         details={"reason_code": effective_code(r.reason_code).value},
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
        return [i.referral for i in self._inbox("open", None, None, None)]

    @guarded
    def inbox(self, actor: Actor, *, status: str = "open",
              reason_code: ReferralReason | str | None = None, now: datetime | None = None,
              limit: int | None = INBOX_LIMIT) -> list[InboxItem]:
        """The referrals by status ("open" and "overdue" oldest first; "answered" and "all"
        newest first) and, when given, reason code. Overdue is past the referral target set
        in Settings: an age of exactly the target is still on time."""
        if status not in INBOX_FILTERS:
            raise UserError(f"Unknown inbox filter {status!r}; use one of: "
                            f"{', '.join(INBOX_FILTERS)}.",
                            message_ar="تصفية غير معروفة لصندوق الإحالات.")
        code = None if reason_code is None else parse_reason_code(reason_code)
        return self._inbox(status, code, now, limit)

    @guarded
    def counts(self, actor: Actor, *, now: datetime | None = None) -> ReferralCounts:
        target = self._target()
        cutoff = self._overdue_before(ksa_day(now or utcnow()), target)
        per: dict[ReferralReason, dict[str, int]] = {c: {} for c in ReferralReason}
        with self.db.reader() as s:
            for code, status, n in s.execute(
                    select(Referral.reason_code, Referral.status, func.count())
                    .group_by(Referral.reason_code, Referral.status)):
                bucket = per[effective_code(code)]
                bucket[status.value] = bucket.get(status.value, 0) + n
            for code, n in s.execute(
                    select(Referral.reason_code, func.count())
                    .where(Referral.status == ReferralStatus.OPEN,
                           Referral.created_at < cutoff)
                    .group_by(Referral.reason_code)):
                bucket = per[effective_code(code)]
                bucket["overdue"] = bucket.get("overdue", 0) + n
        by_reason = {c: ReasonCounts(v.get("open", 0), v.get("answered", 0), v.get("overdue", 0))
                     for c, v in per.items()}
        return ReferralCounts(sum(c.open for c in by_reason.values()),
                              sum(c.answered for c in by_reason.values()),
                              sum(c.overdue for c in by_reason.values()), target, by_reason)

    def _target(self) -> int:
        return FollowUpService(self.db)._targets().referral_days

    @staticmethod
    def _overdue_before(today: date, target: int) -> datetime:
        """Made before this moment (midnight in Riyadh, target days back) means overdue."""
        return datetime.combine(today - timedelta(days=target), time(0), KSA)

    def _inbox(self, status: str, code: ReferralReason | None, now: datetime | None,
               limit: int | None) -> list[InboxItem]:
        target = self._target()
        today = ksa_day(now or utcnow())
        # Columns, not entities: building ORM objects cost ~0.2 ms a row (bench/).
        q = (select(*_VIEW_COLUMNS, *_NAME_COLUMNS)
             .outerjoin(Beneficiary, Beneficiary.id == Referral.beneficiary_id))
        if status in ("open", "overdue"):
            q = q.where(Referral.status == ReferralStatus.OPEN).order_by(Referral.created_at)
        else:
            q = q.order_by(Referral.created_at.desc())
        if status == "answered":
            q = q.where(Referral.status == ReferralStatus.ANSWERED)
        if status == "overdue":
            q = q.where(Referral.created_at < self._overdue_before(today, target))
        if code is not None:
            q = q.where(_code_is(code))
        if limit is not None:
            q = q.limit(limit)
        items = []
        with self.db.reader() as s:
            for row in s.execute(q):
                v = ReferralView(row.id, row.reason, effective_code(row.reason_code),
                                 row.status, row.beneficiary_id, row.application_id,
                                 row.contact_id, row.answer, row.created_at, row.answered_at)
                end = ksa_day(v.answered_at) if v.answered_at else today
                age = (end - ksa_day(v.created_at)).days
                overdue = v.status is ReferralStatus.OPEN and age > target
                name = " ".join(p for p in (row.first_name, row.father_name,
                                            row.grandfather_name, row.family_name) if p)
                ref = beneficiary_reference(v.beneficiary_id) if v.beneficiary_id else ""
                items.append(InboxItem(v, age, overdue, name, ref))
        return items
