"""POL-CH: contacts counted by each of the seven channels, zeros included, and their trend
by week or month.  Days are the counter's (Saudi time), both ends of a range included."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from ..db import Database
from ..errors import UserError
from ..models import Channel, Contact
from ..permissions import READS, guarded, register
from .actor import Actor
from .follow_up import KSA, ksa_day

register({
    "ChannelFiguresService.by_channel": READS,
    "ChannelFiguresService.trend": READS,
})

PERIODS = ("week", "month")


@dataclass(frozen=True)
class TrendRow:
    period_start: date  # the Sunday of the week (the Saudi week) or the 1st of the month
    counts: dict[Channel, int]  # every channel, zeros included


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    if end < start:
        raise UserError("The end date is before the start date.",
                        message_ar="تاريخ النهاية قبل تاريخ البداية.")
    return (datetime.combine(start, time(), KSA),
            datetime.combine(end + timedelta(days=1), time(), KSA))


def period_start(day: date, period: str) -> date:
    if period == "month":
        return day.replace(day=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)  # back to Sunday


def _zeros() -> dict[Channel, int]:
    return {c: 0 for c in Channel}


class ChannelFiguresService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def by_channel(self, actor: Actor, start: date, end: date) -> dict[Channel, int]:
        """Contacts per channel from ``start`` to ``end``, in the policy's order."""
        lo, hi = _bounds(start, end)
        counts = _zeros()
        with self.db.reader() as s:
            rows = s.execute(select(Contact.channel, func.count())
                             .where(Contact.started_at >= lo, Contact.started_at < hi)
                             .group_by(Contact.channel))
            for channel, n in rows:
                counts[Channel(channel)] = int(n)
        return counts

    @guarded
    def trend(self, actor: Actor, start: date, end: date,
              period: str = "month") -> list[TrendRow]:
        """One row per week or month of the range, every period present even when empty."""
        if period not in PERIODS:
            raise UserError("The period is week or month.",
                            message_ar="الفترة أسبوع أو شهر.")
        lo, hi = _bounds(start, end)
        rows: dict[date, dict[Channel, int]] = {}
        p = period_start(start, period)
        while p <= end:
            rows[p] = _zeros()
            p = (p + timedelta(days=7) if period == "week"
                 else (p.replace(day=28) + timedelta(days=4)).replace(day=1))
        with self.db.reader() as s:
            found = s.execute(select(Contact.channel, Contact.started_at)
                              .where(Contact.started_at >= lo, Contact.started_at < hi))
            for channel, started in found:
                rows[period_start(ksa_day(started), period)][Channel(channel)] += 1
        return [TrendRow(p, counts) for p, counts in sorted(rows.items())]
