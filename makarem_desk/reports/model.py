"""The figures of a report: a frozen tree of plain values, computed once
(``figures.ReportService.build``) and then drawn as charts, a PDF or a workbook.

Keys are the stored enum values (``Channel``, ``ApplicationStatus``, ``ReferralReason``,
``SuggestionStatus``) or a program's code; ``labels`` names them in Arabic and English.
Nothing here names a member of staff (POL-G6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

MIN_GROUP = 5  # POL-G6: no satisfaction figure for a group of fewer than five answers


@dataclass(frozen=True)
class Share:
    """One category and how many fall in it (zeros included)."""

    key: str
    count: int


@dataclass(frozen=True)
class Period:
    """A week (Sunday to Saturday) or a calendar month, cut to the report's range."""

    start: date  # the Sunday or the 1st, possibly before the range
    first: date  # first day counted (inside the range)
    last: date  # last day counted (inside the range)


@dataclass(frozen=True)
class PeriodShares:
    period: Period
    shares: tuple[Share, ...]

    @property
    def total(self) -> int:
        return sum(s.count for s in self.shares)


@dataclass(frozen=True)
class PeriodCount:
    period: Period
    count: int


@dataclass(frozen=True)
class ChannelFigures:
    """POL-CH: contacts started in the range, by each of the seven channels."""

    by_channel: tuple[Share, ...]  # the policy's order, zeros included
    trend: tuple[PeriodShares, ...]  # every period, every channel

    @property
    def total(self) -> int:
        return sum(s.count for s in self.by_channel)


@dataclass(frozen=True)
class ApplicationFigures:
    """Applications opened in the range by their status now, and submissions per period."""

    by_status: tuple[Share, ...]  # every ApplicationStatus, zeros included
    submitted: tuple[PeriodCount, ...]  # submitted to the committee, per period

    @property
    def total(self) -> int:
        return sum(s.count for s in self.by_status)


@dataclass(frozen=True)
class CommitteeClock:
    """POL-H5: the committee's answers, measured against the target set in Settings."""

    target_days: int
    waiting_now: int  # submitted, no decision yet (whenever submitted)
    overdue_now: int  # of those, waiting more than target_days (exactly the target: on time)
    decided_in_range: int  # decisions dated in the range
    average_days: float | None  # submission to decision, Saudi days (None: no decision)
    median_days: float | None


@dataclass(frozen=True)
class ReferralFigures:
    """POL-H3: referrals made in the range to the social-research officer."""

    target_days: int
    open: int
    answered: int
    overdue: int  # still open, older than target_days today
    by_reason: tuple[Share, ...]  # every ReferralReason; no code counts as "other"

    @property
    def total(self) -> int:
        return sum(s.count for s in self.by_reason)


@dataclass(frozen=True)
class RatingGroup:
    """Satisfaction answers of one group.  A group of fewer than ``MIN_GROUP`` answers is
    suppressed: no count, no average, no distribution (POL-G6) — only "fewer than 5"."""

    key: str  # "" for all answers, a channel, a program code or a period's ISO start
    suppressed: bool
    count: int | None
    average: float | None  # 1..5, two decimals
    distribution: tuple[int, int, int, int, int] | None  # answers scoring 1, 2, 3, 4, 5
    name_ar: str = ""  # a program's name (channels and periods are named by ``labels``)
    name_en: str = ""
    period: Period | None = None


@dataclass(frozen=True)
class SatisfactionFigures:
    """POL-G5/G6: aggregates and trends only — by channel, program and period, never by
    member of staff.  Suggestions are counted by their follow-up status (POL-GOAL)."""

    min_group: int
    overall: RatingGroup
    by_channel: tuple[RatingGroup, ...]
    by_program: tuple[RatingGroup, ...]
    by_period: tuple[RatingGroup, ...]
    suggestions: tuple[Share, ...]  # every SuggestionStatus, zeros included


@dataclass(frozen=True)
class Report:
    start: date
    end: date  # both Saudi days included
    period: str  # "week" or "month"
    generated_at: datetime  # UTC
    channels: ChannelFigures
    applications: ApplicationFigures
    committee: CommitteeClock
    incomplete_now: int  # POL-H6: registrations waiting for missing items today
    referrals: ReferralFigures
    satisfaction: SatisfactionFigures
