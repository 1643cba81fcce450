"""Saudi days in SQL: moments are stored in UTC, the counter counts days in Riyadh (UTC+3,
no daylight saving).  Grouping happens in the database, per Saudi day; days are bucketed
into weeks or months in Python (at most a few hundred rows a year)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Date, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from ..errors import UserError
from ..services.follow_up import KSA
from .model import Period

PERIODS = ("week", "month")
_OFFSET_HOURS = 3  # KSA; a fixed offset, so no time-zone database is needed in SQL


class saudi_day(FunctionElement[date]):  # noqa: N801 - reads like the SQL function it is
    """The Saudi calendar day of a UTC timestamp column (SQLite gives 'YYYY-MM-DD' text;
    :func:`as_date` reads either)."""

    type = Date()
    inherit_cache = True
    name = "saudi_day"


class saudi_day_number(FunctionElement[int]):  # noqa: N801
    """A whole number of the Saudi day: differences are days between two moments as the
    counter counts them (the committee clock)."""

    type = Integer()
    inherit_cache = True
    name = "saudi_day_number"


@compiles(saudi_day, "sqlite")
def _day_sqlite(element: saudi_day, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, '+{_OFFSET_HOURS} hours')"


@compiles(saudi_day)
def _day_pg(element: saudi_day, compiler: SQLCompiler, **kw: Any) -> str:
    col = compiler.process(element.clauses, **kw)
    return f"CAST(({col} AT TIME ZONE 'UTC') + INTERVAL '{_OFFSET_HOURS} hours' AS DATE)"


@compiles(saudi_day_number, "sqlite")
def _number_sqlite(element: saudi_day_number, compiler: SQLCompiler, **kw: Any) -> str:
    col = compiler.process(element.clauses, **kw)
    return f"CAST(julianday(date({col}, '+{_OFFSET_HOURS} hours')) AS INTEGER)"


@compiles(saudi_day_number)
def _number_pg(element: saudi_day_number, compiler: SQLCompiler, **kw: Any) -> str:
    col = compiler.process(element.clauses, **kw)
    return (f"(CAST(({col} AT TIME ZONE 'UTC') + INTERVAL '{_OFFSET_HOURS} hours' AS DATE)"
            " - DATE '2000-01-01')")


def as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


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


def period_of(day: date, starts: list[date]) -> date:
    """The start of the period holding ``day`` (``starts`` sorted, the first <= day)."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= day:
            lo = mid
        else:
            hi = mid - 1
    return starts[lo]
