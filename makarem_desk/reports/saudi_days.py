"""Saudi days: moments are stored in UTC, the counter counts days in Riyadh (UTC+3, no
daylight saving).  A range of days is a half-open UTC interval; weeks run Sunday to
Saturday; ``saudi_day_number`` counts days between two moments in SQL."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from ..errors import UserError
from ..saudi_time import KSA
from .model import Period

PERIODS = ("week", "month")
_OFFSET_HOURS = 3  # KSA; a fixed offset, so no time-zone database is needed in SQL


class saudi_day_number(FunctionElement[int]):  # noqa: N801
    """A whole number of the Saudi day: differences are days between two moments as the
    counter counts them (the committee clock)."""

    type = Integer()
    inherit_cache = True
    name = "saudi_day_number"


@compiles(saudi_day_number, "sqlite")
def _number_sqlite(element: saudi_day_number, compiler: SQLCompiler, **kw: Any) -> str:
    # A Julian day starts at noon UTC, so Riyadh's midnight (21:00 UTC) is at .375: the
    # whole part of (julianday - 0.375) is the Saudi day, without formatting a date per row.
    col = compiler.process(element.clauses, **kw)
    return f"CAST(julianday({col}) - {(12 - _OFFSET_HOURS) / 24} AS INTEGER)"


@compiles(saudi_day_number)
def _number_pg(element: saudi_day_number, compiler: SQLCompiler, **kw: Any) -> str:
    col = compiler.process(element.clauses, **kw)
    return (f"(CAST(({col} AT TIME ZONE 'UTC') + INTERVAL '{_OFFSET_HOURS} hours' AS DATE)"
            " - DATE '2000-01-01')")


def check_range(start: date, end: date) -> None:
    if end < start:
        raise UserError("The end date is before the start date.",
                        message_ar="تاريخ النهاية قبل تاريخ البداية.")


def check_period(period: str) -> None:
    if period not in PERIODS:
        raise UserError("The period is week or month.", message_ar="الفترة أسبوع أو شهر.")


def bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The UTC half-open interval of the Saudi days ``start`` … ``end``, both included."""
    check_range(start, end)
    return (datetime.combine(start, time(), KSA),
            datetime.combine(end + timedelta(days=1), time(), KSA))


def day_start(day: date) -> datetime:
    """Midnight in Riyadh at the start of ``day``."""
    return datetime.combine(day, time(), KSA)


def period_start(day: date, period: str) -> date:
    if period == "month":
        return day.replace(day=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)  # back to Sunday, the Saudi week


def next_period(p: date, period: str) -> date:
    if period == "week":
        return p + timedelta(days=7)
    return (p.replace(day=28) + timedelta(days=4)).replace(day=1)


def periods(start: date, end: date, period: str) -> list[Period]:
    """Every week or month touching the range; the first and last may be cut by it."""
    check_period(period)
    check_range(start, end)
    out = []
    p = period_start(start, period)
    while p <= end:
        nxt = next_period(p, period)
        out.append(Period(p, max(p, start), min(nxt - timedelta(days=1), end)))
        p = nxt
    return out

