"""Whole interviews without a display: each program category from reception to
satisfaction, and the referral, incomplete, not-eligible, no-identity and phone paths."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from interview_support import (
    RECEPTIONIST,
    TODAY,
    person,
    script,
)
from sqlalchemy import func, select

from makarem_desk.checklists import load_forms
from makarem_desk.errors import PolicyViolation, UserError
from makarem_desk.interview.answers import StepInvalid
from makarem_desk.interview.contact_flow import ContactSession, ContactStep
from makarem_desk.interview.flow import Step
from makarem_desk.interview.services import InterviewServices
from makarem_desk.interview.session import InterviewSession
from makarem_desk.models import (
    MIN_RESPONSE_DAYS,
    ApplicationStatus,
    Channel,
    Contact,
    Declaration,
    InterviewDraft,
    Referral,
    ReferralReason,
    SatisfactionResponse,
    SignatureMode,
)
from makarem_desk.snapshot import sha256_of


@pytest.fixture(scope="module")
def forms():
    return load_forms()


@pytest.fixture
def services(db, forms):
    return InterviewServices.for_database(db, forms, today=TODAY)


def start(services, forms) -> InterviewSession:
    return InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY)


def run(session: InterviewSession, steps) -> InterviewSession:
    for entry in steps:
        assert session.step.value == entry["step"], (session.step, entry["step"])
        session.complete(dict(entry["values"]))
    return session


@pytest.mark.parametrize("code", ["TRN-ACCOUNTING", "QURAN-MEMO", "VOL-EVENTS",
                                  "ORPHAN-SPONSOR", "FIELD-CONF"])
def test_full_interview_per_category_reaches_satisfaction(services, forms, db, code):
    s = run(start(services, forms), script(code))
    assert s.finished and s.state.path == "submitted"
    app = services.applications.get_by_reference(RECEPTIONIST, s.state.reference)
    assert app.status is ApplicationStatus.SUBMITTED
    assert app.program_code == code and app.eligibility_outcome == "eligible"
    assert app.form_version_hash == forms.version_hash_for(code)
    # POL-H5: the committee's answer is due no less than two weeks after submission.
    assert app.response_due - app.submitted_at >= timedelta(days=MIN_RESPONSE_DAYS)
    assert app.service_delivered_at is not None  # POL-H7
    [decl] = services.declarations.for_application(RECEPTIONIST, app.id)
    assert decl.signature_mode is SignatureMode.ON_SCREEN and decl.is_signed  # POL-H4
    assert decl.snapshot_sha256 == sha256_of(decl.data_snapshot)
    assert decl.data_snapshot["program"]["code"] == code
    assert decl.data_snapshot["reference"] == app.reference
    with db.reader() as r:
        contact = r.scalars(select(Contact)).one()
        rating = r.scalars(select(SatisfactionResponse)).one()
        draft = r.get(InterviewDraft, s.draft_id)
        assert contact.channel is Channel.INTERVIEW
        assert contact.beneficiary_id == app.beneficiary_id
        assert contact.ended_at is not None and contact.outcome == "submitted"
        assert rating.score == 5 and rating.anonymous and rating.beneficiary_id is None
        # Anonymous, yet the program stays for results by program (groups of 5, POL-G6).
        assert rating.program_code == code and rating.application_id is None
        assert draft.status == "done" and draft.application_id == app.id


def test_referral_path_when_procedures_are_unclear(services, forms, db):
    steps = script("VOL-TUTOR", eligibility={
        "platform_registered": True, "platform_id": "NVP-1", "abilities_fit": True,
        "record_checked": True, "ratings_acceptable": True})
    s = run(start(services, forms), steps[:5])
    s.complete({"procedures_clear": False, "referral_reason_code": "unclear_procedure",
                "referral_reason": "لا يعرف كيف يتم احتساب ساعات التطوع"})
    assert s.step is Step.SATISFACTION and s.state.path == "referred"  # POL-H3
    s.finish()
    assert s.finished
    ref = services.referrals.get(RECEPTIONIST, uuid.UUID(s.state.referral_id))
    assert "ساعات التطوع" in ref.reason and ref.beneficiary_id is not None
    assert ref.reason_code is ReferralReason.UNCLEAR_PROCEDURE
    assert s.state.application_id is None


def test_referral_reason_is_required_when_unclear(services, forms):
    s = run(start(services, forms), script("FIELD-CONF")[:5])
    with pytest.raises(StepInvalid) as err:
        s.complete({"procedures_clear": False})
    # POL-H3: both the kind of reason and the words are asked; the code has no default.
    assert [e.item for e in err.value.errors] == ["referral_reason_code", "referral_reason"]
    with pytest.raises(StepInvalid) as err:
        s.complete({"procedures_clear": False, "referral_reason_code": "gossip",
                    "referral_reason": "يسأل عن الشروط"})
    assert [e.item for e in err.value.errors] == ["referral_reason_code"]
    assert s.step is Step.CLARITY


def test_eligibility_item_needing_referral(services, forms):
    elig = {"platform_registered": True, "platform_id": "NVP-2", "abilities_fit": True,
            "record_checked": False}
    s = run(start(services, forms), script("VOL-EVENTS", eligibility=elig)[:5])
    assert s.outcome().status == "needs_referral"
    s.complete({"procedures_clear": True})
    assert s.state.path == "referred" and s.state.referral_id
    # Referred by an eligibility item alone, the code says so without being asked.
    ref = services.referrals.get(RECEPTIONIST, uuid.UUID(s.state.referral_id))
    assert ref.reason_code is ReferralReason.ELIGIBILITY


def test_incomplete_registration_lists_missing_items(services, forms):
    docs = {"identity_copy": "provided", "certificates": "missing"}
    elig = dict(script("TRN-ACCOUNTING")[3]["values"])
    del elig["fee_receipt"]  # a "missing" text left empty is a missing item
    s = run(start(services, forms), script("TRN-ACCOUNTING", eligibility=elig, documents=docs))
    assert s.finished and s.state.path == "incomplete"  # POL-H6
    app = services.applications.get_by_reference(RECEPTIONIST, s.state.reference)
    assert app.status is ApplicationStatus.INCOMPLETE and app.submitted_at is None
    assert {m["id"] for m in app.missing_items} == {"certificates", "fee_receipt"}
    [decl] = services.declarations.for_application(RECEPTIONIST, app.id)
    assert [m["id"] for m in decl.data_snapshot["missing_items"]] == ["fee_receipt", "certificates"]
    with pytest.raises(PolicyViolation, match="POL-H6"):
        services.applications.submit(RECEPTIONIST, app.id)
    services.applications.provide_items(RECEPTIONIST, app.id, ["certificates", "fee_receipt"])
    done = services.applications.submit(RECEPTIONIST, app.id)
    assert done.status is ApplicationStatus.SUBMITTED


def test_not_eligible_path_records_reasons(services, forms):
    elig = dict(script("TRN-ACCOUNTING")[3]["values"], qualification_matches=False)
    s = run(start(services, forms), script("TRN-ACCOUNTING", eligibility=elig)[:5])
    o = s.outcome()
    assert o.status == "not_eligible"
    assert o.describe("en") == ("not eligible because the qualification does not match the "
                                "one the program requires")
    assert o.describe("ar").startswith("غير مؤهل لأن المؤهل لا يطابق")
    s.complete({"procedures_clear": True})
    assert s.step is Step.SATISFACTION and s.state.path == "not_eligible"
    s.complete({"score": 3, "anonymous": False})
    app = services.applications.get_by_reference(RECEPTIONIST, s.state.reference)
    assert app.status is ApplicationStatus.NOT_ELIGIBLE
    assert app.eligibility_reasons[0]["item"] == "qualification_matches"
    assert not services.declarations.for_application(RECEPTIONIST, app.id)


def test_declined_seriousness_option_is_not_eligible(services, forms):
    elig = {"qualification": "دبلوم", "qualification_matches": True, "experience_fits": True,
            "seriousness": "declined", "computer_literate": True}
    s = run(start(services, forms), script("TRN-ACCOUNTING", eligibility=elig)[:4])
    assert s.outcome().status == "not_eligible"
    assert s.outcome().reasons[0].item == "seriousness"


def test_special_groups_beneficiary_without_identity_number(services, forms):
    who = person(identity_type="none", identity_number=None, identity_expiry=None,
                 nationality=None, grandfather_name="", family_name="",
                 verifying_partner="الشؤون الاجتماعية بالرياض", partner_reference="ش/1448/77")
    s = run(start(services, forms), script("UNKNOWN-IDENTITY", who=who))
    assert s.finished and s.state.path == "submitted"
    assert s.facts()["has_identity_number"] is False
    # The identity copy and family card are not asked of a person with no identity number.
    assert "identity_copy" not in s.state.values["documents"]
    app = services.applications.get_by_reference(RECEPTIONIST, s.state.reference)
    b = services.beneficiaries.get(RECEPTIONIST, app.beneficiary_id)
    assert b.identity_number is None and b.identity_type.value == "none"


def test_no_identity_number_refused_outside_special_groups(services, forms):
    who = person(identity_type="none", identity_number=None, identity_expiry=None,
                 verifying_partner="جهة", partner_reference="1")
    s = run(start(services, forms), script("FIELD-CONF")[:2])
    with pytest.raises(StepInvalid) as err:
        s.complete(who)
    assert any(e.item == "identity_type" and "POL-E3" in e.message for e in err.value.errors)
    assert s.step is Step.PERSONAL


def test_expired_identity_caught_at_the_counter(services, forms):
    s = run(start(services, forms), script("FIELD-CONF")[:2])
    with pytest.raises(StepInvalid) as err:
        s.complete(person(identity_expiry="2026-01-01"))  # POL-H2
    assert any(e.item == "identity_expiry" for e in err.value.errors)


def test_returning_beneficiary_is_found_and_corrected(services, forms):
    first = run(start(services, forms), script("FIELD-CONF"))
    bid = first.state.beneficiary_id
    idn = first.state.values["personal"]["identity_number"]
    s = run(start(services, forms), script("VOL-EVENTS")[:1])
    found = s.find_beneficiaries(idn)
    assert [str(f.id) for f in found] == [bid]
    s.complete({"beneficiary_id": bid})
    s.complete({"phone": "0559876543"})  # only the corrected field
    assert services.beneficiaries.get(RECEPTIONIST, uuid.UUID(bid)).phone == "+966559876543"
    assert s.step is Step.ELIGIBILITY


def test_statement_cannot_be_passed_unconfirmed(services, forms):
    s = run(start(services, forms), script("FIELD-CONF")[:7])
    assert s.step is Step.NOTICE
    [notice] = s.items()
    assert "13 ديسمبر 2026م" in s.statement_text(notice)  # POL-H5: today + 14 days
    assert "لجنة البحث" in s.statement_text(notice)
    for values in ({}, {"committee_notice": False}):
        with pytest.raises(StepInvalid):
            s.complete(values)
    assert s.step is Step.NOTICE


def test_declaration_needs_a_signature(services, forms, db):
    s = run(start(services, forms), script("FIELD-CONF")[:6])
    with pytest.raises(StepInvalid, match="POL-H4"):
        s.complete({"data_verified": True, "responsibility_statement": True})
    with pytest.raises(UserError):
        s.complete({"data_verified": True, "responsibility_statement": True,
                    "signature": "on_screen", "signature_png": "bm90IGEgcG5n"})
    s.complete({"data_verified": True, "responsibility_statement": True,
                "signature": "on_paper"})
    with db.reader() as r:
        d = r.scalars(select(Declaration)).one()
        assert d.signature_mode is SignatureMode.ON_PAPER and d.witness_name == "ريم الدوسري"


def test_back_keeps_answers_and_conditions_drop_stale_ones(services, forms, db):
    s = run(start(services, forms), script("TRN-ACCOUNTING")[:4])
    assert s.step is Step.DOCUMENTS
    assert s.back() is Step.ELIGIBILITY
    assert s.state.answers(Step.ELIGIBILITY)["seriousness"] == "fee"
    elig = dict(s.state.answers(Step.ELIGIBILITY), seriousness="penalty", penalty_accepted=True,
                penalty_signed="on_screen")
    s.complete(elig)  # the fee answers are hidden now and so dropped
    assert "fee_amount" not in s.state.answers(Step.ELIGIBILITY)
    assert [i.id for i in s.items()] == ["identity_copy", "certificates", "cv"]


def test_no_back_after_the_declaration_is_signed(services, forms):
    s = run(start(services, forms), script("FIELD-CONF")[:7])
    assert s.step is Step.NOTICE and not s.can_back()
    with pytest.raises(UserError):
        s.back()


def test_back_from_declaration_then_forward_reuses_the_application(services, forms, db):
    s = run(start(services, forms), script("FIELD-CONF")[:6])
    first_ref = s.state.reference
    s.back()
    s.complete({"procedures_clear": True})
    assert s.state.reference == first_ref
    with db.reader() as r:
        assert r.scalar(select(func.count()).select_from(Declaration)) == 1


def test_resume_from_draft_in_another_session(services, forms):
    s = run(start(services, forms), script("ORPHAN-SPONSOR")[:4])
    again = InterviewSession.resume(services, forms, RECEPTIONIST, s.draft_id, today=TODAY)
    assert again.step is Step.DOCUMENTS
    assert again.state.values == s.state.values
    run(again, script("ORPHAN-SPONSOR")[4:])
    assert again.finished


def test_unknown_program_and_invalid_answers_are_refused(services, forms):
    s = start(services, forms)
    with pytest.raises(StepInvalid):
        s.complete({"program_code": "NOPE", "purpose": "x"})
    s.complete({"program_code": "FIELD-CONF", "purpose": "حضور الملتقى"})
    s.complete({"new": True})
    s.complete(person())
    with pytest.raises(StepInvalid) as err:
        s.complete({"target_group_member": "maybe", "location_suits": True,
                    "heard_through": "pigeon", "invitation_sent": True, "extra": 1})
    items = {e.item for e in err.value.errors}
    assert {"target_group_member", "heard_through", "invitation_channel", "extra"} <= items


def test_phone_contact_short_flow(services, forms, db):
    c = ContactSession.start(services, RECEPTIONIST)
    c.complete({"caller_name": "أم عبدالرحمن"})
    with pytest.raises(StepInvalid):
        c.complete({"channel": "interview", "purpose": "استفسار"})
    c.complete({"channel": "phone", "purpose": "الاستفسار عن موعد الملتقى الميداني"})
    assert c.step is ContactStep.ANSWER
    c.complete({"answer": "الملتقى يوم الخميس القادم في مقر الجمعية", "follow_up_needed": True})
    assert c.step is ContactStep.DONE
    view = services.contacts.get(RECEPTIONIST, uuid.UUID(c.state.contact_id))
    assert view.channel is Channel.PHONE and view.caller_name == "أم عبدالرحمن"
    assert view.follow_up_needed and view.beneficiary_id is None
    assert [f.id for f in services.contacts.follow_ups(RECEPTIONIST)] == [view.id]
    c.rate(4)
    c.rate(4)  # pressed twice: one rating
    summary = services.satisfaction.summary(RECEPTIONIST)
    assert summary.count == 1 and summary.by_channel == {"phone": 4.0}


def test_contact_by_known_beneficiary_resumes_from_draft(services, forms):
    first = run(start(services, forms), script("FIELD-CONF"))
    c = ContactSession.start(services, RECEPTIONIST)
    with pytest.raises(UserError):
        c.rate(5)
    idn = first.state.values["personal"]["identity_number"]
    assert [str(b.id) for b in c.find_beneficiaries(idn)] == [first.state.beneficiary_id]
    c.complete({"beneficiary_id": first.state.beneficiary_id})
    again = ContactSession.resume(services, RECEPTIONIST, c.draft_id)
    again.complete({"channel": "website", "purpose": "طلب تحديث رقم الجوال"})
    again.complete({"answer": "تم التحديث", "follow_up_needed": False})
    view = services.contacts.get(RECEPTIONIST, uuid.UUID(again.state.contact_id))
    assert str(view.beneficiary_id) == first.state.beneficiary_id


def test_referral_answered_by_the_social_researcher_only(services, forms, db):
    from interview_support import RESEARCHER

    s = run(start(services, forms), script("FIELD-CONF")[:5])
    s.complete({"procedures_clear": False, "referral_reason_code": "eligibility",
                "referral_reason": "يسأل عن شروط الملتقى"})
    rid = uuid.UUID(s.state.referral_id)
    from makarem_desk.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.referrals.answer(RECEPTIONIST, rid, "شرحت الشروط")
    services.referrals.answer(RESEARCHER, rid, "شرحت الشروط والجوانب التنظيمية")
    assert services.referrals.get(RECEPTIONIST, rid).status.value == "answered"
    assert services.referrals.open_referrals(RECEPTIONIST) == []
    with db.reader() as r:
        assert r.scalar(select(func.count()).select_from(Referral)) == 1


def test_full_interview_on_sqlite_and_postgresql(any_db, forms):
    services = InterviewServices.for_database(any_db, forms, today=TODAY)
    s = run(start(services, forms), script("QURAN-MEMO"))
    assert s.finished and s.state.path == "submitted"
    again = run(start(services, forms), script("FIELD-CONF")[:1])
    idn = s.state.values["personal"]["identity_number"]
    assert [str(h.id) for h in again.find_beneficiaries(idn)] == [s.state.beneficiary_id]


def test_going_back_to_refer_withdraws_the_draft_application(services, forms):
    s = run(start(services, forms), script("FIELD-CONF")[:6])
    app_id = uuid.UUID(s.state.application_id)
    s.back()
    s.complete({"procedures_clear": False, "referral_reason_code": "unclear_procedure",
                "referral_reason": "يريد فهم آلية الدعوات"})
    assert s.state.path == "referred" and s.state.application_id is None
    assert services.applications.get(RECEPTIONIST, app_id).status is ApplicationStatus.WITHDRAWN
    assert not s.can_back()  # the referral is made; the visitor is rated or leaves


def test_resume_notices_changed_definitions(services, forms, tmp_path):
    import shutil

    from makarem_desk.checklists import load_forms as load

    s = run(start(services, forms), script("FIELD-CONF")[:2])
    assert not s.definitions_changed
    folder = tmp_path / "forms"
    shutil.copytree(forms.folder, folder, ignore=shutil.ignore_patterns("documents"))
    path = folder / "checklists" / "field.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("وسيلة إرسال", "طريقة إرسال"),
                    encoding="utf-8")
    again = InterviewSession.resume(services, load(folder), RECEPTIONIST, s.draft_id, today=TODAY)
    assert again.definitions_changed


def test_abandoned_interview_withdraws_and_closes(services, forms):
    s = run(start(services, forms), script("FIELD-CONF")[:6])
    with pytest.raises(StepInvalid):
        s.abandon("")
    s.abandon("غادر المستفيد قبل التوقيع")
    app = services.applications.get(RECEPTIONIST, uuid.UUID(s.state.application_id))
    assert app.status is ApplicationStatus.WITHDRAWN
    assert services.drafts.load(RECEPTIONIST, s.draft_id).status == "abandoned"
    assert s.draft_id not in {d.id for d in services.drafts.open_drafts(RECEPTIONIST)}
    contact = services.contacts.get(RECEPTIONIST, uuid.UUID(s.state.contact_id))
    assert contact.ended_at is not None and contact.answer == "غادر المستفيد قبل التوقيع"
