"""POL-G5/G6: satisfaction as aggregates by channel, program and period, each group of
fewer than five answers suppressed.  There is no query by member of staff here, and the
figures carry no column that could hold one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, func, select
from sqlalchemy.orm import Session

from ..models import Channel, Program, SatisfactionResponse
from ..values import SuggestionStatus
from .model import MIN_GROUP, Period, RatingGroup, SatisfactionFigures, Share
from .span_counts import counts_by_span, period_spans

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


def _by_channel_and_program(s: Session, lo: datetime, hi: datetime
                            ) -> list[tuple[str, str | None, int, int]]:
    """(channel, program code, score, answers) of the range: one GROUP BY over the covering
    index of migration 0007 (a year is some tens of thousands of ratings)."""
    R = SatisfactionResponse
    # No "score IN (1..5)" here: it made SQLite walk the (score, created_at) index and read
    # every row (1.4 s for a year); a score outside 1..5 cannot be recorded anyway.
    return [(str(c), p, int(sc), int(n)) for c, p, sc, n in s.execute(
        select(R.channel, R.program_code, R.score, func.count())
        .where(R.created_at >= lo, R.created_at < hi)
        .group_by(R.channel, R.program_code, R.score)) if int(sc) in SCORES]


def _add(into: dict[Any, Distribution], key: Any, score: int, n: int) -> None:
    scores = into.setdefault(key, {})
    scores[score] = scores.get(score, 0) + n


def groups(s: Session, lo: datetime, hi: datetime
           ) -> tuple[RatingGroup, tuple[RatingGroup, ...], tuple[RatingGroup, ...]]:
    """All answers, by channel and by program."""
    everyone: Distribution = {}
    channels: dict[Any, Distribution] = {}
    programs: dict[Any, Distribution] = {}
    for channel, program, score, n in _by_channel_and_program(s, lo, hi):
        everyone[score] = everyone.get(score, 0) + n
        _add(channels, channel, score, n)
        _add(programs, program, score, n)
    return (rating_group("", everyone), _channel_groups(channels),
            _program_groups(s, programs))


def _channel_groups(found: dict[Any, Distribution]) -> tuple[RatingGroup, ...]:
    """The seven channels in the policy's order (none left out, so an empty one reads as
    "fewer than 5"), then any other channel value found."""
    known = [c.value for c in Channel]
    keys = known + sorted(str(k) for k in found if k not in known)
    return tuple(rating_group(k, found.get(k, {})) for k in keys)


def _program_groups(s: Session, found: dict[Any, Distribution]) -> tuple[RatingGroup, ...]:
    """The programs rated in the range, by their code, named from the program list."""
    codes = sorted(str(k) for k in found if k)
    names = {code: (ar, en) for code, ar, en in s.execute(
        select(Program.code, Program.name_ar, Program.name_en)
        .where(Program.code.in_(codes)))} if codes else {}
    out = [rating_group(code, found[code], name_ar=names.get(code, (code, code))[0],
                        name_en=names.get(code, (code, code))[1]) for code in codes]
    if None in found:
        out.append(rating_group(NO_PROGRAM, found[None], name_ar=NO_PROGRAM_NAMES[0],
                                name_en=NO_PROGRAM_NAMES[1]))
    return tuple(out)


def by_period(s: Session, periods: Sequence[Period]) -> tuple[RatingGroup, ...]:
    R = SatisfactionResponse
    got = counts_by_span(s, R.created_at, period_spans(periods), key=R.score, keys=SCORES,
                         key_type=Integer())
    return tuple(rating_group(p.start.isoformat(), {k: got.get((i, k), 0) for k in SCORES},
                              period=p) for i, p in enumerate(periods))


def suggestions(s: Session, lo: datetime, hi: datetime) -> tuple[Share, ...]:
    """POL-GOAL: the suggestions of the range by their follow-up status."""
    R = SatisfactionResponse
    keys = [st.value for st in SuggestionStatus]
    got = counts_by_span(s, R.created_at, [(lo, hi)], key=R.suggestion_status, keys=keys)
    return tuple(Share(k, got.get((0, k), 0)) for k in keys)


def satisfaction_figures(overall_group: RatingGroup, channels: Iterable[RatingGroup],
                         programs: Iterable[RatingGroup], periods: Iterable[RatingGroup],
                         suggestion_counts: Iterable[Share]) -> SatisfactionFigures:
    return SatisfactionFigures(MIN_GROUP, overall_group, tuple(channels), tuple(programs),
                               tuple(periods), tuple(suggestion_counts))
