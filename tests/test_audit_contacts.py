"""Contacts, referrals, satisfaction responses and interview drafts: each act audited, the
matrix and the per-record rules (whose draft, who answers a referral) enforced (issue 9)."""

from __future__ import annotations

import uuid

import pytest
from audit_support import FORMS, actions, events
from db_support import become_committee
from interview_support import COMMITTEE, RECEPTIONIST, RESEARCHER, person

from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied
from makarem_desk.models import Channel, Role
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.services.contacts import ContactInput, ContactService
from makarem_desk.services.drafts import DraftService
from makarem_desk.services.referrals import ReferralService
from makarem_desk.services.satisfaction import SatisfactionInput, SatisfactionService

REEM = Actor(uuid.uuid4(), "reem", "ريم الدوسري", Role.RECEPTIONIST)
NOURA = Actor(uuid.uuid4(), "noura", "نورة القحطاني", Role.RECEPTIONIST)


@pytest.fixture
def bid(db: Database) -> uuid.UUID:
    return BeneficiaryService(db).register(RECEPTIONIST, BeneficiaryInput(**person()))


def test_a_contact_is_recorded_linked_and_finished(db: Database, bid: uuid.UUID) -> None:
    contacts = ContactService(db)
    cid = contacts.record(RECEPTIONIST, ContactInput(channel=Channel.INTERVIEW,
                                                     purpose="استفسار عن البرامج"), open_=True)
    contacts.link_beneficiary(RECEPTIONIST, cid, bid)
    contacts.finish(RECEPTIONIST, cid, answer="شرح البرامج", outcome="answered")
    contacts.finish(RECEPTIONIST, cid, answer="شرح البرامج", outcome="answered")  # no change
    assert actions(db, cid) == ["contact_recorded", "contact_linked", "contact_finished"]
    recorded, linked, finished = events(db, entity_id=str(cid))
    assert recorded.username == "reem" and recorded.details["channel"] == "interview"
    assert linked.details == {"before": {"beneficiary_id": None},
                              "after": {"beneficiary_id": str(bid)}}
    assert finished.details["before"]["answer"] is None
    assert finished.details["after"]["answer"] == "شرح البرامج"
    assert finished.details["after"]["outcome"] == "answered"
    become_committee(db)
    with pytest.raises(PermissionDenied):
        contacts.record(COMMITTEE, ContactInput(channel=Channel.PHONE, purpose="سؤال",
                                                caller_name="متصل"))
    assert contacts.get(COMMITTEE, cid).answer == "شرح البرامج"  # a read, allowed there


def test_only_the_researcher_answers_a_referral(db: Database, bid: uuid.UUID) -> None:
    referrals = ReferralService(db)
    rid = referrals.refer(RECEPTIONIST, reason_code="unclear_procedure",
                          reason="الإجراءات غير واضحة", beneficiary_id=bid)
    with pytest.raises(PermissionDenied):
        referrals.answer(RECEPTIONIST, rid, "شرحت")
    referrals.answer(RESEARCHER, rid, "شرح الباحث الشروط")
    made, answered = events(db, entity_id=str(rid))
    assert (made.action, made.username) == ("referral_made", "reem")
    assert made.details["beneficiary_id"] == str(bid)
    assert made.details["reason_code"] == "unclear_procedure"
    assert (answered.action, answered.username) == ("referral_answered", "khalid")
    assert answered.details == {"reason_code": "unclear_procedure",
                                "before": {"status": "open", "answer": None},
                                "after": {"status": "answered", "answer": "شرح الباحث الشروط"}}
    become_committee(db)
    with pytest.raises(PermissionDenied):
        referrals.answer(COMMITTEE, rid, "x")


def test_an_anonymous_rating_stays_anonymous_in_the_trail(db: Database, bid: uuid.UUID) -> None:
    svc = SatisfactionService(db, FORMS.satisfaction)
    rid = svc.record(RECEPTIONIST, SatisfactionInput(score=2, beneficiary_id=bid))
    [ev] = events(db, action="satisfaction_recorded")
    assert ev.entity_id == str(rid) and ev.username == "reem"
    assert ev.details == {"channel": "interview", "anonymous": True}
    assert str(bid) not in str(ev.details)
    become_committee(db)
    assert svc.summary(COMMITTEE).count == 1
    with pytest.raises(PermissionDenied):
        svc.summary(RECEPTIONIST)
    with pytest.raises(PermissionDenied):
        svc.record(COMMITTEE, SatisfactionInput(score=5))


def test_a_draft_is_its_owners_and_its_start_and_end_are_audited(db: Database) -> None:
    drafts = DraftService(db)
    did = drafts.create(REEM, "interview", "reception", {"a": 1})
    drafts.save(REEM, did, "person", {"a": 2})  # a step saved: the crash copy, not an act
    for who in (NOURA, RESEARCHER):
        with pytest.raises(PermissionDenied, match="another member of staff"):
            drafts.load(who, did)
        with pytest.raises(PermissionDenied):
            drafts.save(who, did, "person", {"forged": True})
        with pytest.raises(PermissionDenied):
            drafts.abandon(who, did)
    assert [d.id for d in drafts.open_drafts(REEM)] == [did]
    assert drafts.open_drafts(NOURA) == []
    assert [d.id for d in drafts.open_drafts(SYSTEM)] == [did]  # the administrator sees all
    assert drafts.load(SYSTEM, did).state == {"a": 2}
    drafts.save(REEM, did, "done", {"a": 3}, status="done")
    other = drafts.create(REEM, "contact", "who", {})
    drafts.abandon(REEM, other)
    drafts.abandon(REEM, other)  # already abandoned: nothing new
    assert actions(db, did) == ["draft_started", "draft_finished"]
    assert actions(db, other) == ["draft_started", "draft_abandoned"]
    ended = events(db, action="draft_finished")[0]
    assert ended.username == "reem" and ended.details["after"] == {"status": "done"}
    become_committee(db)
    with pytest.raises(PermissionDenied):
        drafts.create(COMMITTEE, "interview", "reception", {})
