"""The report's figures (issue 10): one read unit of work, fourteen counting statements
(``queries``, ``satisfaction_figures``; counts per span of days over the indexes of
migration 0007, GROUP BY only on small sets), progress and cancel between them.  ``ReportService.build`` is what the Reports screen, the
``report`` command and the benchmark call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from ..db import Database
from ..errors import UserError
from ..models import utcnow
from ..permissions import READS, guarded, register
from ..saudi_time import ksa_day
from ..services.actor import Actor
from ..services.follow_up import FollowUpService
from . import queries
from . import satisfaction_figures as sat
from .model import ApplicationFigures, Report
from .saudi_days import bounds, check_period, periods

register({
    # Aggregates only, no staff figure (POL-G6): every reader may see them.
    "ReportService.build": READS,
})

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

# The steps, in order; ``progress(done, total, step)`` names the step about to run.
STEPS = ("contacts", "applications", "committee", "referrals", "satisfaction",
         "suggestions")


class ReportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("The report was cancelled.", message_ar="أُلغي إعداد التقرير.")


class ReportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def build(self, actor: Actor, start: date, end: date, *, period: str = "month",
              progress: ProgressFn | None = None, cancel: CancelFn | None = None,
              now: datetime | None = None) -> Report:
        """The figures of the Saudi days ``start`` … ``end`` (both included), trends per
        ``period`` ("week": Sunday to Saturday, or "month").  "Now" figures (waiting,
        overdue, incomplete) are as of ``now`` (default: this moment).  Raises
        ``ReportCancelled`` when ``cancel()`` turns true between two queries."""
        check_period(period)
        lo, hi = bounds(start, end)
        spans = periods(start, end, period)
        moment = now or utcnow()
        today = ksa_day(moment)
        targets = FollowUpService(self.db)._targets()
        found: dict[str, Any] = {}

        def step(i: int, name: str, work: Callable[[Session], Any], s: Session) -> None:
            if cancel is not None and cancel():
                raise ReportCancelled()
            if progress is not None:
                progress(i, len(STEPS), name)
            found[name] = work(s)

        with self.db.reader() as s:
            work: list[Callable[[Session], Any]] = [
                lambda s: queries.contacts(s, spans),
                lambda s: (queries.applications_by_status(s, lo, hi),
                           queries.submitted_per_period(s, spans)),
                lambda s: (queries.committee_clock(s, lo, hi, today, targets.committee_days),
                           queries.incomplete_now(s)),
                lambda s: queries.referral_figures(s, lo, hi, today, targets.referral_days),
                lambda s: (*sat.groups(s, lo, hi), sat.by_period(s, spans)),
                lambda s: sat.suggestions(s, lo, hi),
            ]
            for i, (name, fn) in enumerate(zip(STEPS, work, strict=True)):
                step(i, name, fn, s)
        if progress is not None:
            progress(len(STEPS), len(STEPS), "done")
        by_status, submitted = found["applications"]
        clock, incomplete = found["committee"]
        overall, channels, programs, by_period = found["satisfaction"]
        return Report(
            start=start, end=end, period=period, generated_at=moment,
            channels=found["contacts"],
            applications=ApplicationFigures(by_status, submitted),
            committee=clock, incomplete_now=incomplete, referrals=found["referrals"],
            satisfaction=sat.satisfaction_figures(overall, channels, programs, by_period,
                                                  found["suggestions"]))
