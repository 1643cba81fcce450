"""Follow-up lists and channel figures (issue 10: POL-H5, POL-H6, POL-H3, POL-CH) on a seeded
database whose every count is known."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from db_support import become_committee
from sqlalchemy import select

from makarem_desk.audit import record_event
from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied, PolicyViolation, UserError
from makarem_desk.models import (
    Application,
    ApplicationStatus,
    AuditEvent,
    Beneficiary,
    Channel,
    Contact,
    Declaration,
    IdentityType,
    Program,
    ProgramCategory,
    Referral,
    ReferralStatus,
    Role,
    SignatureMode,
)
from makarem_desk.services.actor import Actor
from makarem_desk.services.applications import ApplicationService
from makarem_desk.services.channel_figures import ChannelFiguresService
from makarem_desk.services.follow_up import (
    DEFAULT_COMMITTEE_TARGET_DAYS,
    DEFAULT_REFERRAL_TARGET_DAYS,
    FollowUpService,
)
from makarem_desk.services.referrals import ReferralService

REEM = Actor(uuid.uuid4(), "reem", "ريم الدوسري", Role.RECEPTIONIST)
ADMIN = Actor(uuid.uuid4(), "admin", "مدير الاختبار", Role.ADMINISTRATOR)
SAAD = Actor(uuid.uuid4(), "saad", "سعد الشهري", Role.COMMITTEE_MEMBER)
# 09:00 in Riyadh: the counter's day is 2026-11-29.
NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)


def _days_ago(n: int) -> datetime:
    return NOW - timedelta(days=n)


def _seed(db: Database) -> dict[str, uuid.UUID]:
    """Submitted 30, 31 and 2 days ago; two incomplete; three decided (one told, one whose
    letter was printed but not sent, one untouched); referrals open 3 and 4 days, one
    answered; contacts on four of the seven channels."""
    ids: dict[str, uuid.UUID] = {}
    with db.session() as s:
        prog = Program(code="TRAIN1", name_ar="برنامج التدريب", name_en="Training",
                       category=ProgramCategory.ACADEMIC)
        ben = Beneficiary(first_name="أحمد", father_name="محمد", family_name="القحطاني",
                          identity_type=IdentityType.NONE, phone="+966500000001")
        s.add_all([prog, ben])
        s.flush()
        ids["ben"] = ben.id

        def app(ref: str, status: ApplicationStatus, **kw: Any) -> uuid.UUID:
            a = Application(reference=ref, beneficiary_id=ben.id, program_id=prog.id,
                            status=status, **kw)
            s.add(a)
            s.flush()
            ids[ref] = a.id
            return a.id

        for ref, days in (("A30", 30), ("A31", 31), ("A02", 2)):
            app(ref, ApplicationStatus.SUBMITTED, submitted_at=_days_ago(days),
                response_due=_days_ago(days) + timedelta(days=14))
        app("INC1", ApplicationStatus.INCOMPLETE, created_at=_days_ago(5),
            missing_items=[{"id": "id_copy", "label_ar": "صورة الهوية", "label_en": "ID copy"},
                           {"id": "photo", "label_ar": "صورة شخصية", "label_en": "Photo"}])
        app("INC2", ApplicationStatus.INCOMPLETE, created_at=_days_ago(1),
            missing_items=[{"id": "photo", "label_ar": "صورة شخصية", "label_en": "Photo"}])
        for ref, status in (("D-TOLD", ApplicationStatus.ACCEPTED),
                            ("D-PRINTED", ApplicationStatus.REJECTED),
                            ("D-NEW", ApplicationStatus.ACCEPTED)):
            app(ref, status, decided_at=_days_ago(3), submitted_at=_days_ago(20))
        s.add(Referral(beneficiary_id=ben.id, reason="لم تتضح الإجراءات",
                       created_at=_days_ago(3)))
        s.add(Referral(beneficiary_id=ben.id, reason="سؤال عن الشروط", created_at=_days_ago(4)))
        s.add(Referral(beneficiary_id=ben.id, reason="سؤال", created_at=_days_ago(9),
                       status=ReferralStatus.ANSWERED, answer="أُجيب"))
        # Contacts: 3 by phone, 2 interviews, 1 letter in range; 1 website before the range.
        for channel, when in ((Channel.PHONE, _days_ago(1)), (Channel.PHONE, _days_ago(2)),
                              (Channel.PHONE, _days_ago(10)), (Channel.INTERVIEW, _days_ago(0)),
                              (Channel.INTERVIEW, _days_ago(40)), (Channel.LETTER, _days_ago(5)),
                              (Channel.WEBSITE, _days_ago(70))):
            s.add(Contact(channel=channel, purpose="استفسار", started_at=when, caller_name="س"))
    with db.session() as s:
        record_event(s, REEM, "decision_told", entity="application", entity_id=ids["D-TOLD"],
                     details={"how": "phone"}, at=_days_ago(2))
        record_event(s, REEM, "decision_letter_printed", entity="application",
                     entity_id=ids["D-PRINTED"], details={"sent": False}, at=_days_ago(2))
    return ids


def test_waiting_list_counts_days_and_shows_both_calendars(any_db: Database) -> None:
    db = any_db
    _seed(db)
    rows = FollowUpService(db).waiting(REEM, now=NOW)
    assert [(r.reference, r.days_waiting) for r in rows] == [("A31", 31), ("A30", 30),
                                                           ("A02", 2)]
    a02 = rows[2]
    assert a02.response_due == date(2026, 12, 11)
    assert a02.response_due_gregorian == "11 ديسمبر 2026م"
    assert a02.response_due_hijri.endswith("1448 هـ")
    assert a02.beneficiary_name == "أحمد محمد القحطاني"


def test_overdue_is_past_the_target_not_at_it(db: Database) -> None:
    _seed(db)
    follow = FollowUpService(db)
    assert follow.targets(REEM).committee_days == DEFAULT_COMMITTEE_TARGET_DAYS == 30
    assert [r.reference for r in follow.overdue(REEM, now=NOW)] == ["A31"]  # 30 is on time
    follow.set_targets(ADMIN, committee_days=2)
    assert [r.reference for r in follow.overdue(REEM, now=NOW)] == ["A31", "A30"]
    follow.set_targets(ADMIN, committee_days=1)
    assert [r.reference for r in follow.overdue(REEM, now=NOW)] == ["A31", "A30", "A02"]


def test_targets_are_checked_kept_and_audited(db: Database) -> None:
    follow = FollowUpService(db)
    with pytest.raises(UserError):
        follow.set_targets(ADMIN, committee_days=0)
    with pytest.raises(UserError):
        follow.set_targets(ADMIN, referral_days=366)
    t = follow.set_targets(ADMIN, referral_days=5)
    assert (t.committee_days, t.referral_days) == (30, 5)
    assert follow.targets(REEM) == t
    with db.reader() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "settings_changed")).one()
        assert ev.details["after"]["referral_target_days"] == 5


def test_decided_untold_and_mark_told(any_db: Database) -> None:
    db = any_db
    ids = _seed(db)
    follow = FollowUpService(db)
    rows = follow.decided_untold(REEM)
    assert [(r.reference, r.letter_printed, r.accepted) for r in rows] == [
        ("D-NEW", False, True), ("D-PRINTED", True, False)]
    contact_id = follow.mark_told(REEM, ids["D-NEW"], "sms")
    assert [r.reference for r in follow.decided_untold(REEM)] == ["D-PRINTED"]
    with db.reader() as s:
        c = s.get(Contact, contact_id)
        assert c is not None and c.channel is Channel.SOCIAL_MEDIA
        assert c.beneficiary_id == ids["ben"] and c.staff_name == REEM.full_name
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "decision_told",
                                                AuditEvent.entity_id == str(ids["D-NEW"]))).one()
        assert ev.details["contact_id"] == str(contact_id) and ev.details["how"] == "sms"
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "contact_recorded",
                                                  AuditEvent.entity_id == str(contact_id))).one()
    with pytest.raises(UserError):  # a second click does not tell twice
        follow.mark_told(REEM, ids["D-NEW"], "phone")
    with pytest.raises(UserError):
        follow.mark_told(REEM, ids["D-PRINTED"], "pigeon")
    with pytest.raises(PolicyViolation):  # still with the committee
        follow.mark_told(REEM, ids["A30"], "phone")


def test_a_letter_sent_counts_as_told(db: Database) -> None:
    ids = _seed(db)
    with db.session() as s:
        record_event(s, REEM, "decision_letter_printed", entity="application",
                     entity_id=ids["D-NEW"], details={"sent": True})
    assert [r.reference for r in FollowUpService(db).decided_untold(REEM)] == ["D-PRINTED"]


def test_incomplete_list_follow_up_and_completion_without_interview(any_db: Database) -> None:
    db = any_db
    ids = _seed(db)
    follow = FollowUpService(db)
    rows = follow.incomplete(REEM, now=NOW)
    assert [(r.reference, [m["id"] for m in r.missing], r.days_pending) for r in rows] == [
        ("INC1", ["id_copy", "photo"], 5), ("INC2", ["photo"], 1)]
    assert rows[0].last_follow_up is None
    contact_id = follow.record_items_follow_up(REEM, ids["INC1"], Channel.PHONE, "سيحضرها غدًا")
    rows = follow.incomplete(REEM, now=NOW)
    assert rows[0].last_follow_up is not None and rows[1].last_follow_up is None
    with db.reader() as s:
        c = s.get(Contact, contact_id)
        assert c is not None and c.channel is Channel.PHONE and c.follow_up_needed
    with pytest.raises(PolicyViolation):
        follow.record_items_follow_up(REEM, ids["A30"], Channel.PHONE)
    # The items arrive: ticked off and submitted, the interview is not run again.
    with db.session() as s:
        s.add(Declaration(application_id=ids["INC1"], data_snapshot={}, snapshot_sha256="0" * 64,
                          wording_version="t", signature_mode=SignatureMode.ON_PAPER,
                          signed_at=NOW))
    apps = ApplicationService(db)
    apps.provide_items(REEM, ids["INC1"], ["id_copy", "photo"])
    assert apps.submit(REEM, ids["INC1"]).status is ApplicationStatus.SUBMITTED
    assert [r.reference for r in follow.incomplete(REEM, now=NOW)] == ["INC2"]


def test_referral_inbox_and_counts(any_db: Database) -> None:
    db = any_db
    _seed(db)
    refs = ReferralService(db)
    inbox = refs.inbox(REEM, now=NOW)
    assert [(i.referral.reason, i.age_days, i.overdue) for i in inbox] == [
        ("سؤال عن الشروط", 4, True), ("لم تتضح الإجراءات", 3, False)]  # 3 days is on time
    c = refs.counts(REEM, now=NOW)
    assert (c.open, c.answered, c.overdue, c.target_days) == (2, 1, 1,
                                                              DEFAULT_REFERRAL_TARGET_DAYS)
    FollowUpService(db).set_targets(ADMIN, referral_days=2)
    assert refs.counts(REEM, now=NOW).overdue == 2


def test_contacts_by_each_channel_zeros_included(any_db: Database) -> None:
    db = any_db
    _seed(db)
    figures = ChannelFiguresService(db)
    counts = figures.by_channel(REEM, date(2026, 11, 1), date(2026, 11, 29))
    assert list(counts) == list(Channel)  # the policy's order, every channel
    assert counts == {Channel.INTERVIEW: 1, Channel.PHONE: 3, Channel.SOCIAL_MEDIA: 0,
                      Channel.LETTER: 1, Channel.ASSISTANCE_REQUEST: 0,
                      Channel.VOLUNTEERING: 0, Channel.WEBSITE: 0}
    # Both ends included: the phone call 10 days ago is the first day of this range.
    assert figures.by_channel(REEM, date(2026, 11, 19), date(2026, 11, 19))[Channel.PHONE] == 1
    assert figures.by_channel(REEM, date(2026, 11, 20), date(2026, 11, 27))[Channel.PHONE] == 1
    with pytest.raises(UserError):
        figures.by_channel(REEM, date(2026, 11, 29), date(2026, 11, 1))


def test_channel_trend_by_month_and_week(any_db: Database) -> None:
    db = any_db
    _seed(db)
    figures = ChannelFiguresService(db)
    months = figures.trend(REEM, date(2026, 9, 1), date(2026, 11, 30), "month")
    assert [m.period_start for m in months] == [date(2026, 9, 1), date(2026, 10, 1),
                                                date(2026, 11, 1)]
    assert months[0].counts[Channel.WEBSITE] == 1  # 70 days before 29 November
    assert months[1].counts[Channel.INTERVIEW] == 1 and sum(months[1].counts.values()) == 1
    assert sum(months[2].counts.values()) == 5
    weeks = figures.trend(REEM, date(2026, 11, 15), date(2026, 11, 29), "week")
    assert [w.period_start for w in weeks] == [date(2026, 11, 15), date(2026, 11, 22),
                                               date(2026, 11, 29)]  # Sundays
    # 19 Nov; 24, 27 and 28 Nov; 29 Nov (a Sunday starts a new week).
    assert [sum(w.counts.values()) for w in weeks] == [1, 3, 1]
    assert all(len(w.counts) == 7 for w in weeks)


def test_permissions(db: Database) -> None:
    ids = _seed(db)
    follow = FollowUpService(db)
    with pytest.raises(PermissionDenied):
        follow.set_targets(REEM, committee_days=10)
    become_committee(db)
    with pytest.raises(PermissionDenied):  # a counter account reads nothing at the committee
        follow.waiting(REEM)
    with pytest.raises(PermissionDenied):
        ChannelFiguresService(db).by_channel(REEM, date(2026, 11, 1), date(2026, 11, 2))
    with pytest.raises(PermissionDenied):
        ReferralService(db).counts(REEM)
    with pytest.raises(PermissionDenied):  # telling the beneficiary is the counter's work
        follow.mark_told(SAAD, ids["D-NEW"], "phone")
    with pytest.raises(PermissionDenied):
        follow.record_items_follow_up(SAAD, ids["INC1"], Channel.PHONE)
    assert [r.reference for r in follow.waiting(SAAD, now=NOW)] == ["A31", "A30", "A02"]


def test_cli_lists(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _seed(db)
    url = db.url.render_as_string(hide_password=False)
    assert main(["--db", url, "follow-up", "channels", "--from", "2026-11-01",
                 "--to", "2026-11-29", "--by-period", "month", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["phone"] == 3 and out["counts"]["volunteering"] == 0
    assert main(["--db", url, "follow-up", "decided-untold", "--json"]) == 0
    refs = {r["reference"] for r in json.loads(capsys.readouterr().out)}
    assert refs == {"D-NEW", "D-PRINTED"}
    assert main(["--db", url, "follow-up", "tell", "D-NEW", "--how", "phone"]) == 0
    assert "D-NEW" in capsys.readouterr().out
    assert main(["--db", url, "follow-up", "decided-untold"]) == 0
    out_text = capsys.readouterr().out
    assert "D-PRINTED" in out_text and "D-NEW" not in out_text
    assert main(["--db", url, "follow-up", "incomplete"]) == 0
    assert "INC1" in capsys.readouterr().out
    assert main(["--db", url, "follow-up", "channels", "--from", "1448/05/01"]) == 0
    assert main(["--db", url, "follow-up", "targets", "--committee-days", "0"]) == 1
    assert ids


def test_the_lists_match_events_to_their_own_applications(db: Database) -> None:
    """Events are read by action and matched to the listed applications: an event about
    another application (or about a decision made before the current one) never hides a
    row, and many decided applications need no IN list that a query could not carry."""
    from makarem_desk.audit import record_event

    ids = _seed(db)
    follow = FollowUpService(db)
    follow.record_items_follow_up(REEM, ids["INC2"], Channel.PHONE)
    with db.session() as s:  # a "told" about something that is not a listed application
        record_event(s, REEM, "decision_told", entity="application",
                     entity_id=uuid.uuid4(), details={"how": "phone"})
    assert [r.reference for r in follow.decided_untold(REEM)] == ["D-NEW", "D-PRINTED"]
    assert [r.last_follow_up is None for r in follow.incomplete(REEM, now=NOW)] == [True, False]
