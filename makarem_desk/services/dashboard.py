"""The figures of the Today screen, read in one short unit of work."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Database
from ..models import (
    Application,
    ApplicationStatus,
    Beneficiary,
    InterviewDraft,
    Referral,
    ReferralStatus,
    utcnow,
)

# Draft statuses written by the interview flow: "waiting" is a visitor taken in but not
# yet interviewed; "open" an interview under way.  Anything else is finished.
WAITING_STATUSES = ("waiting",)
IN_PROGRESS_STATUSES = ("open", "in_progress")
LIST_LIMIT = 50


@dataclass(frozen=True)
class DraftRow:
    id: uuid.UUID
    kind: str
    step: str
    status: str
    beneficiary_name: str
    updated_at: datetime


@dataclass(frozen=True)
class ApplicationRow:
    id: uuid.UUID
    reference: str
    beneficiary_id: uuid.UUID
    beneficiary_name: str
    program_name_ar: str
    program_name_en: str
    status: ApplicationStatus
    response_due: datetime | None
    days_left: int | None  # negative when overdue


@dataclass(frozen=True)
class ReferralRow:
    id: uuid.UUID
    beneficiary_id: uuid.UUID | None
    beneficiary_name: str
    reason: str
    created_at: datetime


@dataclass(frozen=True)
class TodayFigures:
    interviews_waiting: list[DraftRow] = field(default_factory=list)
    interviews_in_progress: list[DraftRow] = field(default_factory=list)
    awaiting_committee: list[ApplicationRow] = field(default_factory=list)
    overdue: list[ApplicationRow] = field(default_factory=list)
    open_referrals: list[ReferralRow] = field(default_factory=list)
    incomplete: list[ApplicationRow] = field(default_factory=list)


def _draft_name(state: dict[str, object]) -> str:
    """The applicant's name as far as the interview got (the flow keeps it in its state)."""
    for key in ("beneficiary_name", "full_name"):
        value = state.get(key)
        if isinstance(value, str) and value:
            return value
    person = state.get("beneficiary")
    if isinstance(person, dict):
        name = person.get("full_name") or " ".join(
            str(person.get(k) or "") for k in ("first_name", "father_name", "family_name")
        ).strip()
        return str(name)
    return ""


class DashboardService:
    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow):
        self.db = db
        self.clock = clock

    def today(self) -> TodayFigures:
        now = self.clock()
        with self.db.reader() as s:
            drafts = self._drafts(s)
            submitted = self._applications(s, ApplicationStatus.SUBMITTED, now)
            incomplete = self._applications(s, ApplicationStatus.INCOMPLETE, now)
            referrals = self._referrals(s)
        # POL-H5: the committee answers no sooner than two weeks; after response_due a
        # submitted application is overdue and needs chasing.
        overdue = [a for a in submitted if a.response_due is not None and a.response_due < now]
        waiting = [a for a in submitted if a not in overdue]
        return TodayFigures(
            interviews_waiting=[d for d in drafts if d.status in WAITING_STATUSES],
            interviews_in_progress=[d for d in drafts if d.status in IN_PROGRESS_STATUSES],
            awaiting_committee=waiting,
            overdue=sorted(overdue, key=lambda a: a.response_due or now),
            open_referrals=referrals,
            incomplete=incomplete,
        )

    def _drafts(self, s: Session) -> list[DraftRow]:
        rows = s.scalars(
            select(InterviewDraft)
            .where(InterviewDraft.status.in_(WAITING_STATUSES + IN_PROGRESS_STATUSES))
            .order_by(InterviewDraft.updated_at.desc())
            .limit(LIST_LIMIT)
        )
        return [
            DraftRow(d.id, d.kind, d.step, d.status, _draft_name(d.state or {}), d.updated_at)
            for d in rows
        ]

    def _applications(
        self, s: Session, status: ApplicationStatus, now: datetime
    ) -> list[ApplicationRow]:
        rows = s.scalars(
            select(Application)
            .where(Application.status == status)
            .order_by(Application.response_due.asc(), Application.created_at.asc())
            .limit(LIST_LIMIT * 4)
        ).unique()
        out = []
        for a in rows:
            days = None
            if a.response_due is not None:
                days = (a.response_due.date() - now.date()).days
            out.append(ApplicationRow(
                a.id, a.reference, a.beneficiary_id, a.beneficiary.full_name,
                a.program.name_ar, a.program.name_en, a.status, a.response_due, days,
            ))
        return out

    def _referrals(self, s: Session) -> list[ReferralRow]:
        rows = s.execute(
            select(Referral, Beneficiary)
            .outerjoin(Beneficiary, Beneficiary.id == Referral.beneficiary_id)
            .where(Referral.status == ReferralStatus.OPEN)
            .order_by(Referral.created_at.asc())
            .limit(LIST_LIMIT)
        )
        return [
            ReferralRow(r.id, r.beneficiary_id, b.full_name if b else "", r.reason, r.created_at)
            for r, b in rows
        ]
