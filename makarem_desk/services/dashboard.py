"""The figures of the Today screen, read in one short unit of work."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from ..db import Database
from ..models import (
    Application,
    ApplicationStatus,
    Beneficiary,
    InterviewDraft,
    Program,
    Referral,
    ReferralStatus,
    utcnow,
)
from ..permissions import READS, guarded, register
from .actor import Actor

register({
    "DashboardService.today": READS,
})

# Draft statuses written by the interview flow: "open" is an interview not finished.  One
# still at its first step (the visitor received, nothing completed yet) is waiting; one
# past it is in progress.  Anything else is finished or abandoned.
WAITING_STATUSES = ("waiting",)
IN_PROGRESS_STATUSES = ("open", "in_progress")
FIRST_STEPS = ("reception",)
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
    # The figures themselves; the lists above hold at most LIST_LIMIT rows each.
    counts: dict[str, int] = field(default_factory=dict)


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

    @guarded
    def today(self, actor: Actor) -> TodayFigures:
        now = self.clock()
        with self.db.reader() as s:
            drafts = self._drafts(s)
            # POL-H5: the committee answers no sooner than two weeks; after response_due a
            # submitted application is overdue and needs chasing.
            submitted = Application.status == ApplicationStatus.SUBMITTED
            late = submitted & (Application.response_due < now)
            waiting = submitted & ((Application.response_due >= now)
                                   | Application.response_due.is_(None))
            incomplete = Application.status == ApplicationStatus.INCOMPLETE
            open_ref = Referral.status == ReferralStatus.OPEN
            counts = {
                "overdue": self._count(s, select(Application.id).where(late)),
                "awaiting_committee": self._count(s, select(Application.id).where(waiting)),
                "incomplete": self._count(s, select(Application.id).where(incomplete)),
                "open_referrals": self._count(s, select(Referral.id).where(open_ref)),
            }
            overdue = self._applications(s, late, now, oldest_due_first=True)
            awaiting = self._applications(s, waiting, now, oldest_due_first=True)
            incomplete_rows = self._applications(s, incomplete, now, oldest_due_first=False)
            referrals = self._referrals(s)
        waiting_drafts = [d for d in drafts if d.status in WAITING_STATUSES
                          or d.step in FIRST_STEPS]
        in_progress = [d for d in drafts if d not in waiting_drafts]
        counts["interviews_in_progress"] = len(in_progress)
        counts["interviews_waiting"] = len(waiting_drafts)
        return TodayFigures(
            interviews_waiting=waiting_drafts,
            interviews_in_progress=in_progress,
            awaiting_committee=awaiting,
            overdue=overdue,
            open_referrals=referrals,
            incomplete=incomplete_rows,
            counts=counts,
        )

    @staticmethod
    def _count(s: Session, stmt: Select[Any]) -> int:
        return int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

    def _drafts(self, s: Session) -> list[DraftRow]:
        rows = s.scalars(
            select(InterviewDraft)
            .where(InterviewDraft.status.in_(WAITING_STATUSES + IN_PROGRESS_STATUSES),
                   InterviewDraft.kind == "interview")
            .order_by(InterviewDraft.updated_at.desc())
            .limit(LIST_LIMIT)
        )
        return [
            DraftRow(d.id, d.kind, d.step, d.status, _draft_name(d.state or {}), d.updated_at)
            for d in rows
        ]

    def _applications(
        self, s: Session, where: ColumnElement[bool], now: datetime, *, oldest_due_first: bool
    ) -> list[ApplicationRow]:
        # Plain columns, not ORM objects with their joined relations: this runs on every
        # visit to the Today screen, on databases with a million beneficiaries.
        order = (Application.response_due.asc() if oldest_due_first
                 else Application.created_at.asc())
        rows = s.execute(
            select(Application.id, Application.reference, Application.beneficiary_id,
                   Beneficiary.first_name, Beneficiary.father_name,
                   Beneficiary.grandfather_name, Beneficiary.family_name,
                   Program.name_ar, Program.name_en, Application.status,
                   Application.response_due)
            .join(Beneficiary, Beneficiary.id == Application.beneficiary_id)
            .join(Program, Program.id == Application.program_id)
            .where(where)
            .order_by(order)
            .limit(LIST_LIMIT)
        )
        out = []
        for r in rows:
            days = None
            if r.response_due is not None:
                days = (r.response_due.date() - now.date()).days
            name = " ".join(p for p in (r.first_name, r.father_name, r.grandfather_name,
                                        r.family_name) if p)
            out.append(ApplicationRow(r.id, r.reference, r.beneficiary_id, name, r.name_ar,
                                      r.name_en, r.status, r.response_due, days))
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
