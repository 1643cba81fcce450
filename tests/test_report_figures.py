"""The report's figures on a seeded database whose every count is known (issue 10):
each channel and status with zeros, the committee clock in Saudi days, the overdue rules,
the minimum group of five (POL-G6), no staff anywhere, progress and cancel."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, timedelta

import pytest
from db_support import become_committee
from report_seed import (
    CONTACTS,
    END,
    INTERVIEW_SCORES,
    NOW,
    STAFF_NAME,
    STAFF_USERNAME,
    START,
    STATUSES,
    seed,
)

from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied, UserError
from makarem_desk.models import Role
from makarem_desk.reports.figures import STEPS, ReportCancelled, ReportService
from makarem_desk.reports.model import Report
from makarem_desk.reports.satisfaction_figures import rating_group
from makarem_desk.services.actor import Actor
from makarem_desk.services.follow_up import FollowUpService

READER = Actor(uuid.uuid4(), "noura", "نورة", Role.RECEPTIONIST)
ADMIN = Actor(uuid.uuid4(), "admin", "مدير الاختبار", Role.ADMINISTRATOR)


def _build(db: Database, period: str = "week", **kw: object) -> Report:
    return ReportService(db).build(READER, START, END, period=period, now=NOW, **kw)


def _counts(shares: tuple) -> dict[str, int]:  # type: ignore[type-arg]
    return {s.key: s.count for s in shares}


def test_contacts_by_each_channel_zeros_included_in_saudi_days(any_db: Database) -> None:
    seed(any_db)
    r = _build(any_db)
    expected = {c.value: n for c, n in CONTACTS.items()}
    expected["phone"] += 1  # 00:30 on the first day, Riyadh time
    expected["letter"] += 1  # 23:30 on the last day
    assert _counts(r.channels.by_channel) == expected
    assert [s.key for s in r.channels.by_channel][:2] == ["interview", "phone"]  # policy order
    assert r.channels.total == 13
    # Trend: five weeks (the last is Sunday 29th alone), each with all seven channels.
    assert [(p.period.start, p.period.first, p.period.last) for p in r.channels.trend] == [
        (date(2026, 11, 1), date(2026, 11, 1), date(2026, 11, 7)),
        (date(2026, 11, 8), date(2026, 11, 8), date(2026, 11, 14)),
        (date(2026, 11, 15), date(2026, 11, 15), date(2026, 11, 21)),
        (date(2026, 11, 22), date(2026, 11, 22), date(2026, 11, 28)),
        (date(2026, 11, 29), date(2026, 11, 29), date(2026, 11, 29))]
    assert all(len(p.shares) == 7 for p in r.channels.trend)
    assert sum(p.total for p in r.channels.trend) == 13
    # Contacts are on the 2nd, 5th, 8th and 11th (3 days apart): week 1 holds the 2nd
    # and 5th of each channel plus the 00:30 phone call; the 29th holds the late letter.
    assert _counts(r.channels.trend[0].shares) == {
        "interview": 2, "phone": 3, "social_media": 0, "letter": 1,
        "assistance_request": 0, "volunteering": 2, "website": 1}
    assert _counts(r.channels.trend[4].shares)["letter"] == 1
    assert r.channels.trend[4].total == 1


def test_applications_by_each_status_and_submissions_per_month(any_db: Database) -> None:
    seed(any_db)
    r = _build(any_db, "month")
    assert _counts(r.applications.by_status) == {s.value: n for s, n in STATUSES.items()}
    assert r.applications.total == 9
    assert [(p.period.start, p.count) for p in r.applications.submitted] == [
        (date(2026, 11, 1), 6)]


def test_committee_clock_counts_saudi_days_and_the_target_rule(any_db: Database) -> None:
    seed(any_db)
    clock = _build(any_db).committee
    assert clock.target_days == 30
    assert clock.waiting_now == 4
    assert clock.overdue_now == 1  # 31 days; the one waiting exactly 30 is on time
    assert clock.decided_in_range == 3
    assert (clock.average_days, clock.median_days) == (17.7, 18.0)  # 18, 14, 21
    FollowUpService(any_db).set_targets(ADMIN, committee_days=25)
    assert _build(any_db).committee.overdue_now == 3  # 26, 30 and 31 days
    assert _build(any_db).incomplete_now == 2


def test_referrals_open_answered_overdue_and_by_reason(any_db: Database) -> None:
    seed(any_db)
    refs = _build(any_db).referrals
    assert (refs.open, refs.answered, refs.overdue, refs.target_days) == (3, 1, 1, 3)
    assert _counts(refs.by_reason) == {
        "unclear_procedure": 2, "special_circumstances": 0, "documents": 1,
        "eligibility": 0, "complaint": 0, "other": 1}


def test_satisfaction_groups_of_four_are_suppressed_and_of_five_shown(any_db: Database) -> None:
    seed(any_db)
    sat = _build(any_db).satisfaction
    assert sat.min_group == 5
    assert (sat.overall.count, sat.overall.suppressed) == (9, False)
    assert sat.overall.average == round((sum(INTERVIEW_SCORES) + 6) / 9, 2)
    channels = {g.key: g for g in sat.by_channel}
    assert list(channels)[:7] == ["interview", "phone", "social_media", "letter",
                                  "assistance_request", "volunteering", "website"]
    shown = channels["interview"]
    assert (shown.count, shown.average, shown.distribution) == (5, 4.4, (0, 0, 1, 1, 3))
    hidden = channels["phone"]  # four answers
    assert hidden.suppressed and hidden.count is None
    assert hidden.average is None and hidden.distribution is None
    assert channels["website"].suppressed  # none at all: the same "fewer than 5"
    programs = {g.key: g for g in sat.by_program}
    assert set(programs) == {"TRAIN1", "VOL1"}
    assert (programs["TRAIN1"].count, programs["TRAIN1"].name_en) == (5, "Training")
    assert programs["VOL1"].suppressed and programs["VOL1"].average is None
    weeks = [(g.key, g.count) for g in sat.by_period]
    assert weeks == [("2026-11-01", 5), ("2026-11-08", None), ("2026-11-15", None),
                     ("2026-11-22", None), ("2026-11-29", None)]
    assert _counts(sat.suggestions) == {"new": 2, "under_review": 0, "adopted": 1,
                                        "not_adopted": 0}


def test_the_minimum_group_rule_at_its_edge() -> None:
    four = rating_group("x", {5: 4})
    five = rating_group("x", {5: 4, 1: 1})
    assert four.suppressed and (four.count, four.average, four.distribution) == (None,) * 3
    assert not five.suppressed and (five.count, five.average) == (5, 4.2)
    assert five.distribution == (1, 0, 0, 0, 4)


def test_no_staff_name_or_username_anywhere_in_the_report(any_db: Database) -> None:
    seed(any_db)
    for period in ("week", "month"):
        dumped = repr(dataclasses.asdict(_build(any_db, period)))
        assert STAFF_NAME not in dumped and STAFF_USERNAME not in dumped
        assert "staff" not in dumped


def test_progress_names_every_step_and_cancel_stops_between_queries(db: Database) -> None:
    seed(db)
    seen: list[tuple[int, int, str]] = []
    _build(db, progress=lambda d, t, label: seen.append((d, t, label)))
    assert seen == [(i, len(STEPS), name) for i, name in enumerate(STEPS)] + [
        (len(STEPS), len(STEPS), "done")]
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2

    steps: list[str] = []
    with pytest.raises(ReportCancelled):
        _build(db, progress=lambda d, t, label: steps.append(label), cancel=cancel)
    assert steps == ["contacts", "applications"]


def test_bad_range_and_period_are_refused_plainly(db: Database) -> None:
    svc = ReportService(db)
    with pytest.raises(UserError, match="end date is before"):
        svc.build(READER, END, START)
    with pytest.raises(UserError, match="week or month"):
        svc.build(READER, START, END, period="day")


def test_at_the_committee_a_counter_account_reads_no_report(db: Database) -> None:
    become_committee(db)
    member = Actor(uuid.uuid4(), "saad", "سعد", Role.COMMITTEE_MEMBER)
    assert ReportService(db).build(member, START, START + timedelta(days=1)).channels.total == 0
    with pytest.raises(PermissionDenied):
        ReportService(db).build(READER, START, START + timedelta(days=1))


def test_a_year_by_month_has_twelve_periods_and_empty_ones_are_zero(db: Database) -> None:
    seed(db)
    r = ReportService(db).build(READER, date(2026, 1, 1), date(2026, 12, 31), now=NOW)
    assert len(r.channels.trend) == 12 and len(r.satisfaction.by_period) == 12
    assert [p.total for p in r.channels.trend][:9] == [0] * 9
    assert r.channels.total == 15  # the two edge contacts outside November count too


def test_more_weeks_than_one_statement_holds_are_counted_in_chunks(db: Database) -> None:
    """Over 400 weekly spans go to the database in several statements (SQLite's limit on a
    compound SELECT); nothing is lost or counted twice at the seams."""
    from makarem_desk.reports.span_counts import MAX_SPANS

    seed(db)
    start, end = date(2018, 1, 7), date(2027, 12, 31)
    weekly = ReportService(db).build(READER, start, end, period="week", now=NOW)
    monthly = ReportService(db).build(READER, start, end, period="month", now=NOW)
    assert len(weekly.channels.trend) > MAX_SPANS
    assert weekly.channels.total == monthly.channels.total == 15
    assert sum(p.total for p in weekly.channels.trend) == 15
    assert sum(p.count for p in weekly.applications.submitted) == 9
    assert sum(g.count or 0 for g in weekly.satisfaction.by_period) == 5  # the 4 are hidden
