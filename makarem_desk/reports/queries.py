"""The GROUP BY queries behind a report, one function per figure set.  Each takes an open
read session and returns plain tuples; nothing is fetched row by row."""

from __future__ import annotations

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
from .model import CommitteeClock, Period, PeriodCount, PeriodShares, ReferralFigures, Share
from .saudi_days import as_date, day_start, period_of, saudi_day, saudi_day_number

DECIDED = (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED)


def contacts_by_day(s: Session, lo: datetime, hi: datetime) -> list[tuple[date, Channel, int]]:
    """POL-CH: contacts started in [lo, hi) per Saudi day and channel."""
    day = saudi_day(Contact.started_at)
    rows = s.execute(select(day, Contact.channel, func.count())
                     .where(Contact.started_at >= lo, Contact.started_at < hi)
                     .group_by(day, Contact.channel))
    return [(as_date(d), Channel(c), int(n)) for d, c, n in rows]


def by_channel(rows: list[tuple[date, Channel, int]]) -> tuple[Share, ...]:
    counts = {c: 0 for c in Channel}
    for _day, channel, n in rows:
        counts[channel] += n
    return tuple(Share(c.value, n) for c, n in counts.items())


def channel_trend(rows: list[tuple[date, Channel, int]],
                  periods: list[Period]) -> tuple[PeriodShares, ...]:
    buckets = {p.start: {c: 0 for c in Channel} for p in periods}
    starts = sorted(buckets)
    for day, channel, n in rows:
        buckets[period_of(day, starts)][channel] += n
    return tuple(PeriodShares(p, tuple(Share(c.value, n) for c, n in buckets[p.start].items()))
                 for p in periods)


def applications_by_status(s: Session, lo: datetime, hi: datetime) -> tuple[Share, ...]:
    """Applications opened in the range, by the status they have now."""
    rows = s.execute(select(Application.status, func.count())
                     .where(Application.created_at >= lo, Application.created_at < hi)
                     .group_by(Application.status))
    counts = {st: 0 for st in ApplicationStatus}
    for status, n in rows:
        counts[ApplicationStatus(status)] = int(n)
    return tuple(Share(st.value, n) for st, n in counts.items())


def submitted_per_period(s: Session, lo: datetime, hi: datetime,
                         periods: list[Period]) -> tuple[PeriodCount, ...]:
    day = saudi_day(Application.submitted_at)
    rows = s.execute(select(day, func.count())
                     .where(Application.submitted_at >= lo, Application.submitted_at < hi)
                     .group_by(day))
    counts = {p.start: 0 for p in periods}
    starts = sorted(counts)
    for d, n in rows:
        counts[period_of(as_date(d), starts)] += int(n)
    return tuple(PeriodCount(p, counts[p.start]) for p in periods)


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
