"""The social researcher's inbox (POL-H3): reason codes required and counted per code, the
inbox filtered by status and code, and the age against the target in Settings, on a
seeded database whose every count is known."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from audit_support import events

from makarem_desk.checklists.flow_items import REFERRAL_REASON_CODES
from makarem_desk.db import Database
from makarem_desk.errors import UserError
from makarem_desk.models import (
    Beneficiary,
    IdentityType,
    Referral,
    ReferralReason,
    ReferralStatus,
    Role,
)
from makarem_desk.services.actor import Actor
from makarem_desk.services.beneficiaries import beneficiary_reference
from makarem_desk.services.follow_up import FollowUpService
from makarem_desk.services.referrals import ReasonCounts, ReferralService

REEM = Actor(uuid.uuid4(), "reem", "ريم الدوسري", Role.RECEPTIONIST)
KHALID = Actor(uuid.uuid4(), "khalid", "خالد العتيبي", Role.SOCIAL_RESEARCHER)
ADMIN = Actor(uuid.uuid4(), "admin", "مدير الاختبار", Role.ADMINISTRATOR)
# 09:00 in Riyadh: the counter's day is 2026-11-29.
NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
R = ReferralReason


def _days_ago(n: int) -> datetime:
    return NOW - timedelta(days=n)


def _seed(db: Database) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    """Open: unclear 3 days (on time at the default target 3), documents 4 days (overdue),
    an old one without a code 10 days (overdue, counted as other), unclear today.
    Answered: complaint made 9 days ago and answered 2 days ago, eligibility made
    yesterday and answered today."""
    ids: dict[str, uuid.UUID] = {}
    with db.session() as s:
        ben = Beneficiary(first_name="سارة", father_name="علي", family_name="الزهراني",
                          identity_type=IdentityType.NONE)
        s.add(ben)
        s.flush()
        for key, code, made, answered in (
                ("unclear3", R.UNCLEAR_PROCEDURE, 3, None), ("docs4", R.DOCUMENTS, 4, None),
                ("old10", None, 10, None), ("unclear0", R.UNCLEAR_PROCEDURE, 0, None),
                ("complaint9", R.COMPLAINT, 9, 2), ("elig1", R.ELIGIBILITY, 1, 0)):
            r = Referral(beneficiary_id=ben.id, reason=f"سبب {key}", reason_code=code,
                         created_at=_days_ago(made))
            if answered is not None:
                r.status, r.answer = ReferralStatus.ANSWERED, "شرح الباحث"
                r.answered_at = _days_ago(answered)
            s.add(r)
            s.flush()
            ids[key] = r.id
    return ben.id, ids


def test_counts_per_status_and_per_code(any_db: Database) -> None:
    _seed(any_db)
    c = ReferralService(any_db).counts(REEM, now=NOW)
    assert (c.open, c.answered, c.overdue, c.target_days) == (4, 2, 2, 3)
    assert list(c.by_reason) == list(ReferralReason)  # every code, zeros included
    assert c.by_reason == {
        R.UNCLEAR_PROCEDURE: ReasonCounts(open=2), R.SPECIAL_CIRCUMSTANCES: ReasonCounts(),
        R.DOCUMENTS: ReasonCounts(open=1, overdue=1),
        R.ELIGIBILITY: ReasonCounts(answered=1), R.COMPLAINT: ReasonCounts(answered=1),
        R.OTHER: ReasonCounts(open=1, overdue=1),  # the old referral without a code
    }


def test_inbox_filters_by_status_and_code(any_db: Database) -> None:
    bid, ids = _seed(any_db)
    refs = ReferralService(any_db)

    def keys(**kw: object) -> list[str]:
        names = {v: k for k, v in ids.items()}
        return [names[i.referral.id] for i in refs.inbox(REEM, now=NOW, **kw)]  # type: ignore[arg-type]

    assert keys() == ["old10", "docs4", "unclear3", "unclear0"]  # open, oldest first
    assert keys(status="overdue") == ["old10", "docs4"]
    assert keys(status="answered") == ["elig1", "complaint9"]  # newest first
    assert keys(status="all") == ["unclear0", "elig1", "unclear3", "docs4", "complaint9",
                                  "old10"]
    assert keys(status="all", reason_code="unclear_procedure") == ["unclear0", "unclear3"]
    assert keys(status="all", reason_code=R.OTHER) == ["old10"]  # NULL reads as other
    assert keys(status="overdue", reason_code="documents") == ["docs4"]
    assert keys(status="answered", reason_code="documents") == []
    assert keys(status="all", limit=2) == ["unclear0", "elig1"]

    items = {i.referral.id: i for i in refs.inbox(REEM, status="all", now=NOW)}
    old = items[ids["old10"]]
    assert (old.referral.reason_code, old.age_days, old.overdue) == (R.OTHER, 10, True)
    # An answered referral's age is how long it waited for its answer; never overdue.
    assert (items[ids["complaint9"]].age_days, items[ids["complaint9"]].overdue) == (7, False)
    assert items[ids["elig1"]].age_days == 1
    assert (old.beneficiary_name, old.beneficiary_reference) == (
        "سارة علي الزهراني", beneficiary_reference(bid))

    with pytest.raises(UserError, match="Unknown inbox filter 'late'"):
        refs.inbox(REEM, status="late")
    with pytest.raises(UserError, match="Unknown referral reason code"):
        refs.inbox(REEM, reason_code="gossip")


@pytest.mark.parametrize("target", [1, 5, 30])
def test_exactly_the_target_is_on_time_one_day_more_is_overdue(db: Database,
                                                               target: int) -> None:
    """Days are Riyadh days: made at 23:59 Riyadh time N+1 days back is overdue, made one
    minute after that midnight (N days back) is not, in the list and in the counts."""
    FollowUpService(db).set_targets(ADMIN, referral_days=target)
    midnight = datetime(2026, 11, 29, tzinfo=UTC) - timedelta(hours=3)  # 00:00 Riyadh
    with db.session() as s:
        s.add(Referral(reason="على الحد", reason_code=R.DOCUMENTS,
                       created_at=midnight - timedelta(days=target) + timedelta(minutes=1)))
        s.add(Referral(reason="بعد الحد", reason_code=R.DOCUMENTS,
                       created_at=midnight - timedelta(days=target) - timedelta(minutes=1)))
    refs = ReferralService(db)
    inbox = refs.inbox(REEM, now=NOW)
    assert [(i.referral.reason, i.age_days, i.overdue) for i in inbox] == [
        ("بعد الحد", target + 1, True), ("على الحد", target, False)]
    assert [i.referral.reason for i in refs.inbox(REEM, status="overdue", now=NOW)] == [
        "بعد الحد"]
    c = refs.counts(REEM, now=NOW)
    assert (c.open, c.overdue, c.target_days) == (2, 1, target)
    assert c.by_reason[R.DOCUMENTS] == ReasonCounts(open=2, overdue=1)


def test_a_reason_code_is_required_and_the_words_only_with_other(db: Database) -> None:
    refs = ReferralService(db)
    for missing in (None, "", " "):
        with pytest.raises(UserError) as err:
            refs.refer(REEM, reason_code=missing, reason="الإجراءات غير واضحة")
        assert err.value.message_ar == "اختر نوع سبب الإحالة إلى مسؤول البحث الاجتماعي."
    with pytest.raises(UserError) as err:
        refs.refer(REEM, reason="الإجراءات غير واضحة")  # an older caller, no code at all
    assert err.value.message == "Choose the kind of reason for the referral."
    with pytest.raises(UserError, match="use one of: unclear_procedure"):
        refs.refer(REEM, reason_code="rumour", reason="الإجراءات غير واضحة")
    with pytest.raises(UserError) as err:
        refs.refer(REEM, reason_code="other", reason=" ")
    assert err.value.message_ar == "اكتب سبب الإحالة؛ فنوع «سبب آخر» لا يوضح شيئًا وحده."
    with pytest.raises(UserError, match="too short"):
        refs.refer(REEM, reason_code="complaint", reason="لا")
    assert refs.inbox(REEM) == []  # nothing was saved by the refusals

    quiet = refs.refer(REEM, reason_code=R.SPECIAL_CIRCUMSTANCES)
    other = refs.refer(REEM, reason_code="other", reason="  يسأل عن موعد الملتقى  ")
    assert refs.get(REEM, quiet).reason == "" and refs.get(REEM, quiet).reason_code is \
        R.SPECIAL_CIRCUMSTANCES
    assert (refs.get(REEM, other).reason, refs.get(REEM, other).reason_code) == (
        "يسأل عن موعد الملتقى", R.OTHER)
    made = events(db, entity_id=str(other))[0]
    assert (made.action, made.details["reason_code"], made.details["reason"]) == (
        "referral_made", "other", "يسأل عن موعد الملتقى")


def test_the_same_referral_id_is_made_once(db: Database) -> None:
    refs = ReferralService(db)
    rid = uuid.uuid4()
    for _ in range(2):  # a retried step of the interview
        assert refs.refer(REEM, reason_code="documents", reason="شك في صورة الهوية",
                          referral_id=rid) == rid
    assert [i.referral.id for i in refs.inbox(REEM)] == [rid]


def test_answer_audits_the_code_and_leaves_the_open_list(db: Database) -> None:
    refs = ReferralService(db)
    rid = refs.refer(REEM, reason_code="eligibility", reason="يسأل عن شرط العمر")
    refs.answer(KHALID, rid, "شرح شرط العمر للبرنامج")
    answered = events(db, entity_id=str(rid))[1]
    assert (answered.action, answered.details["reason_code"]) == ("referral_answered",
                                                                 "eligibility")
    assert refs.open_referrals(REEM) == []
    assert [i.referral.answer for i in refs.inbox(REEM, status="answered")] == [
        "شرح شرط العمر للبرنامج"]


def test_the_forms_codes_are_the_models_codes() -> None:
    """The forms loader names the codes without importing the models (no SQLAlchemy)."""
    assert REFERRAL_REASON_CODES == tuple(c.value for c in ReferralReason)
