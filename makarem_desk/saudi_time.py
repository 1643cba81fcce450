"""The counter's clock.  Saudi Arabia keeps UTC+3 all year (no daylight saving), so a fixed
offset is exact and needs no time-zone database on the counter's Windows machine; days
(receipts, the committee clock, reports) are counted as the counter lives them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

KSA = timezone(timedelta(hours=3), "AST")


def ksa_day(moment: datetime) -> date:
    """The Saudi calendar day of ``moment`` (a naive moment is UTC, as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(KSA).date()
