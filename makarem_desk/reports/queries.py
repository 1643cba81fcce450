"""The queries behind a report, one function per figure set.  Each takes an open read
session; the database counts (``span_counts`` for the big tables, GROUP BY for the small
ones) and nothing is fetched row by row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import (
    Application,
    ApplicationStatus,
    Channel,
    Contact,
    Referral,
    ReferralReason,
    ReferralStatus,
)
from .model import (
    ChannelFigures,
    CommitteeClock,
    Period,
    PeriodCount,
    PeriodShares,
    ReferralFigures,
    Share,
)
from .saudi_days import day_start, saudi_day_number
from .span_counts import counts_by_span, period_spans

DECIDED = (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED)


def contacts(s: Session, periods: Sequence[Period]) -> ChannelFigures:
    """POL-CH: contacts started in each period, by each of the seven channels (zeros
    included, the policy's order); the range's totals are the periods' sums."""
    keys = [c.value for c in Channel]
    got = counts_by_span(s, Contact.started_at, period_spans(periods), key=Contact.channel,
                         keys=keys)
    trend = tuple(PeriodShares(p, tuple(Share(k, got.get((i, k), 0)) for k in keys))
                  for i, p in enumerate(periods))
    totals = tuple(Share(k, sum(got.get((i, k), 0) for i in range(len(periods))))
                   for k in keys)
    return ChannelFigures(totals, trend)


def applications_by_status(s: Session, lo: datetime, hi: datetime) -> tuple[Share, ...]:
    """Applications opened in the range, by the status they have now."""
    keys = [st.value for st in ApplicationStatus]
    got = counts_by_span(s, Application.created_at, [(lo, hi)], key=Application.status,
                         keys=keys)
    return tuple(Share(k, got.get((0, k), 0)) for k in keys)


def submitted_per_period(s: Session, periods: Sequence[Period]) -> tuple[PeriodCount, ...]:
    got = counts_by_span(s, Application.submitted_at, period_spans(periods))
    return tuple(PeriodCount(p, got.get((i, ""), 0)) for i, p in enumerate(periods))


def committee_clock(s: Session, lo: datetime, hi: datetime, today: date,
                    target_days: int) -> CommitteeClock:
    """Waiting and overdue today (POL-H5, the same rule as ``FollowUpService.overdue``: a
    wait of exactly the target is on time), and the days from submission to the decisions
    dated in the range, counted from a histogram so only a few rows leave the database."""
    submitted = func.coalesce(Application.submitted_at, Application.created_at)
    waiting = Application.status == ApplicationStatus.SUBMITTED
    waiting_now = _count(s, select(func.count()).select_from(Application).where(waiting))
    overdue_now = _count(s, select(func.count()).select_from(Application).where(
        waiting, submitted < day_start(today - timedelta(days=target_days))))
    days = (saudi_day_number(Application.decided_at)
            - saudi_day_number(submitted)).label("days")
    histogram = [(int(d), int(n)) for d, n in s.execute(
        select(days, func.count())
        .where(Application.status.in_(DECIDED), Application.decided_at >= lo,
               Application.decided_at < hi)
        .group_by(days))]
    decided = sum(n for _d, n in histogram)
    average = median_days = None
    if decided:
        average = round(sum(d * n for d, n in histogram) / decided, 1)
        median_days = float(_histogram_median(histogram, decided))
    return CommitteeClock(target_days, waiting_now, overdue_now, decided, average, median_days)


def _histogram_median(histogram: list[tuple[int, int]], total: int) -> float:
    """The median of ``total`` values given as (value, how many) pairs."""
    ordered = sorted(histogram)
    middle = [(total - 1) // 2, total // 2]  # the one or two middle positions
    found: list[int] = []
    seen = 0
    for value, n in ordered:
        while middle and middle[0] < seen + n:
            found.append(value)
            middle.pop(0)
        seen += n
    return median(found)


def incomplete_now(s: Session) -> int:
    return _count(s, select(func.count()).select_from(Application)
                  .where(Application.status == ApplicationStatus.INCOMPLETE))


def referral_figures(s: Session, lo: datetime, hi: datetime, today: date,
                     target_days: int) -> ReferralFigures:
    """Referrals made in the range: by status and reason, and the ones still open past the
    referral target today (POL-H3, as ``ReferralService.inbox`` counts them)."""
    in_range = (Referral.created_at >= lo, Referral.created_at < hi)
    reasons = {r: 0 for r in ReferralReason}
    statuses = {st: 0 for st in ReferralStatus}
    for reason, status, n in s.execute(
            select(Referral.reason_code, Referral.status, func.count())
            .where(*in_range).group_by(Referral.reason_code, Referral.status)):
        reasons[ReferralReason(reason) if reason else ReferralReason.OTHER] += int(n)
        statuses[ReferralStatus(status)] += int(n)
    overdue = _count(s, select(func.count()).select_from(Referral).where(
        *in_range, Referral.status == ReferralStatus.OPEN,
        Referral.created_at < day_start(today - timedelta(days=target_days))))
    return ReferralFigures(target_days, statuses[ReferralStatus.OPEN],
                           statuses[ReferralStatus.ANSWERED], overdue,
                           tuple(Share(r.value, n) for r, n in reasons.items()))


def _count(s: Session, stmt: Any) -> int:
    return int(s.scalar(stmt) or 0)
