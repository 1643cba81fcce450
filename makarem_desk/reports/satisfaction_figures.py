"""POL-G5/G6: satisfaction as aggregates by channel, program and period, each group of
fewer than five answers suppressed.  There is no query by member of staff here, and the
figures carry no column that could hold one."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Channel, Program, SatisfactionResponse
from ..models.enums import SuggestionStatus
from .model import MIN_GROUP, Period, RatingGroup, SatisfactionFigures, Share
from .saudi_days import as_date, period_of, saudi_day

SCORES = (1, 2, 3, 4, 5)
NO_PROGRAM = "none"  # answers recorded without a program
NO_PROGRAM_NAMES = ("بدون برنامج", "No program")

Distribution = dict[int, int]


def rating_group(key: str, scores: Distribution, **names: Any) -> RatingGroup:
    """The figures of one group, or "fewer than 5" (POL-G6) with no number at all."""
    count = sum(scores.get(k, 0) for k in SCORES)
    if count < MIN_GROUP:
        return RatingGroup(key, True, None, None, None, **names)
    dist = (scores.get(1, 0), scores.get(2, 0), scores.get(3, 0), scores.get(4, 0),
            scores.get(5, 0))
    average = round(sum(k * n for k, n in zip(SCORES, dist, strict=True)) / count, 2)
    return RatingGroup(key, False, count, average, dist, **names)


def _grouped(s: Session, key: Any, lo: datetime, hi: datetime) -> dict[Any, Distribution]:
    R = SatisfactionResponse
    out: dict[Any, Distribution] = {}
    for k, score, n in s.execute(
            select(key, R.score, func.count())
            .where(R.created_at >= lo, R.created_at < hi, R.score.in_(SCORES))
            .group_by(key, R.score)):
        out.setdefault(k, {})[int(score)] = int(n)
    return out


def overall(s: Session, lo: datetime, hi: datetime) -> RatingGroup:
    R = SatisfactionResponse
    scores = {int(k): int(n) for k, n in s.execute(
        select(R.score, func.count())
        .where(R.created_at >= lo, R.created_at < hi, R.score.in_(SCORES))
        .group_by(R.score))}
    return rating_group("", scores)


def by_channel(s: Session, lo: datetime, hi: datetime) -> tuple[RatingGroup, ...]:
    """The seven channels in the policy's order (none left out, so an empty one reads as
    "fewer than 5"), then any other channel value found."""
    found = _grouped(s, SatisfactionResponse.channel, lo, hi)
    keys = [c.value for c in Channel] + sorted(str(k) for k in found
                                               if k not in set(Channel))
    return tuple(rating_group(k, found.get(k, {})) for k in keys)


def by_program(s: Session, lo: datetime, hi: datetime) -> tuple[RatingGroup, ...]:
    """The programs rated in the range, by their code, named from the program list."""
    found = _grouped(s, SatisfactionResponse.program_code, lo, hi)
    codes = [str(k) for k in found if k]
    names = {code: (ar, en) for code, ar, en in s.execute(
        select(Program.code, Program.name_ar, Program.name_en)
        .where(Program.code.in_(codes)))} if codes else {}
    groups = [rating_group(code, found[code], name_ar=names.get(code, (code, code))[0],
                           name_en=names.get(code, (code, code))[1])
              for code in sorted(codes)]
    if None in found:
        groups.append(rating_group(NO_PROGRAM, found[None], name_ar=NO_PROGRAM_NAMES[0],
                                   name_en=NO_PROGRAM_NAMES[1]))
    return tuple(groups)


def by_period(s: Session, lo: datetime, hi: datetime,
              periods: list[Period]) -> tuple[RatingGroup, ...]:
    per_day = _grouped(s, saudi_day(SatisfactionResponse.created_at), lo, hi)
    buckets: dict[Any, Distribution] = {p.start: {} for p in periods}
    starts = sorted(buckets)
    for day, scores in per_day.items():
        into = buckets[period_of(as_date(day), starts)]
        for k, n in scores.items():
            into[k] = into.get(k, 0) + n
    return tuple(rating_group(p.start.isoformat(), buckets[p.start], period=p)
                 for p in periods)


def suggestions(s: Session, lo: datetime, hi: datetime) -> tuple[Share, ...]:
    """POL-GOAL: the suggestions of the range by their follow-up status."""
    R = SatisfactionResponse
    counts = {st: 0 for st in SuggestionStatus}
    for status, n in s.execute(
            select(R.suggestion_status, func.count())
            .where(R.created_at >= lo, R.created_at < hi, R.suggestion_status.is_not(None))
            .group_by(R.suggestion_status)):
        if status is not None:
            counts[SuggestionStatus(status)] = int(n)
    return tuple(Share(st.value, n) for st, n in counts.items())


def satisfaction_figures(overall_group: RatingGroup, channels: Iterable[RatingGroup],
                         programs: Iterable[RatingGroup], periods: Iterable[RatingGroup],
                         suggestion_counts: Iterable[Share]) -> SatisfactionFigures:
    return SatisfactionFigures(MIN_GROUP, overall_group, tuple(channels), tuple(programs),
                               tuple(periods), tuple(suggestion_counts))
