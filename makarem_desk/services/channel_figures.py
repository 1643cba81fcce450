"""POL-CH: contacts counted by each of the seven channels, zeros included, and their trend
by week or month.  Days are the counter's (Saudi time), both ends of a range included.
The counting is the report's (``reports.queries``): per Saudi day and channel in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..db import Database
from ..models import Channel
from ..permissions import READS, guarded, register
from ..reports.queries import by_channel, channel_trend, contacts_by_day
from ..reports.saudi_days import PERIODS, bounds, check_period, period_start, periods
from .actor import Actor

register({
    "ChannelFiguresService.by_channel": READS,
    "ChannelFiguresService.trend": READS,
})

__all__ = ["PERIODS", "ChannelFiguresService", "TrendRow", "period_start"]


@dataclass(frozen=True)
class TrendRow:
    period_start: date  # the Sunday of the week (the Saudi week) or the 1st of the month
    counts: dict[Channel, int]  # every channel, zeros included


class ChannelFiguresService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def by_channel(self, actor: Actor, start: date, end: date) -> dict[Channel, int]:
        """Contacts per channel from ``start`` to ``end``, in the policy's order."""
        lo, hi = bounds(start, end)
        with self.db.reader() as s:
            rows = contacts_by_day(s, lo, hi)
        return {Channel(sh.key): sh.count for sh in by_channel(rows)}

    @guarded
    def trend(self, actor: Actor, start: date, end: date,
              period: str = "month") -> list[TrendRow]:
        """One row per week or month of the range, every period present even when empty.
        The database counts per Saudi day and channel; days are bucketed here (a year is
        at most 365 x 7 rows, whatever the number of contacts)."""
        check_period(period)
        lo, hi = bounds(start, end)
        spans = periods(start, end, period)
        with self.db.reader() as s:
            rows = contacts_by_day(s, lo, hi)
        return [TrendRow(p.period.start, {Channel(sh.key): sh.count for sh in p.shares})
                for p in channel_trend(rows, spans)]
