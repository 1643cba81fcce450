"""POL-CH: contacts counted by each of the seven channels, zeros included, and their trend
by week or month.  Days are the counter's (Saudi time), both ends of a range included.
The counting is the report's (``reports.queries.contacts``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..db import Database
from ..models import Channel
from ..permissions import READS, guarded, register
from ..reports.model import Period
from ..reports.queries import contacts
from ..reports.saudi_days import PERIODS, check_period, check_range, period_start, periods
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
        check_range(start, end)
        whole = Period(start, start, end)  # one span: the whole range
        with self.db.reader() as s:
            figures = contacts(s, [whole])
        return {Channel(sh.key): sh.count for sh in figures.by_channel}

    @guarded
    def trend(self, actor: Actor, start: date, end: date,
              period: str = "month") -> list[TrendRow]:
        """One row per week or month of the range, every period present even when empty.
        The database counts each period and channel over an index (``reports.span_counts``):
        seven cells a month, whatever the number of contacts."""
        check_period(period)
        spans = periods(start, end, period)
        with self.db.reader() as s:
            figures = contacts(s, spans)
        return [TrendRow(p.period.start, {Channel(sh.key): sh.count for sh in p.shares})
                for p in figures.trend]
