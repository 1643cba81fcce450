"""Starting an interview or a contact for a beneficiary already identified (from a profile
or a search result, issue 12): no second search, without a display."""

from __future__ import annotations

import uuid

import pytest
from interview_support import RECEPTIONIST, TODAY, script
from sqlalchemy import func, select

from makarem_desk.checklists import load_forms
from makarem_desk.errors import UserError
from makarem_desk.interview.contact_flow import ContactSession, ContactStep
from makarem_desk.interview.flow import InterviewState, Step, preset_answers
from makarem_desk.interview.services import InterviewServices
from makarem_desk.interview.session import InterviewSession
from makarem_desk.models import ApplicationStatus, Beneficiary, InterviewDraft


@pytest.fixture(scope="module")
def forms():
    return load_forms()


@pytest.fixture
def services(db, forms):
    return InterviewServices.for_database(db, forms, today=TODAY)


def returning(services, forms) -> uuid.UUID:
    """A beneficiary registered by a whole earlier interview."""
    s = InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY)
    for entry in script("FIELD-CONF"):
        s.complete(dict(entry["values"]))
    return uuid.UUID(s.state.beneficiary_id or "")


def test_preset_answers_only_at_a_first_identify() -> None:
    state = InterviewState(step=Step.IDENTIFY.value, known_beneficiary="b-1")
    assert preset_answers(state) == {"beneficiary_id": "b-1"}
    state.values[Step.IDENTIFY.value] = {"beneficiary_id": "b-2"}  # answered, then back
    assert preset_answers(state) is None
    assert preset_answers(InterviewState(step=Step.IDENTIFY.value)) is None
    assert preset_answers(InterviewState(known_beneficiary="b-1")) is None  # at reception


def test_interview_for_a_known_beneficiary_skips_the_search(services, forms, db) -> None:
    bid = returning(services, forms)
    s = InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY, beneficiary_id=bid)
    assert s.step is Step.RECEPTION
    assert s.suggested_answers() == {"first_visit": False}  # been here before
    steps = script("VOL-EVENTS")
    reception = {**steps[0]["values"], "first_visit": False}
    assert s.complete(reception) is Step.PERSONAL  # identified already
    assert s.state.history == ["reception", "identify"]
    assert s.state.beneficiary_id == str(bid) and not s.state.beneficiary_new
    assert s.facts()["gender"] == "male" and s.facts()["has_identity_number"]
    s.complete({})  # the data as registered, nothing corrected
    for entry in steps[3:]:
        s.complete(dict(entry["values"]))
    assert s.finished
    app = services.applications.get(RECEPTIONIST, uuid.UUID(s.state.application_id or ""))
    assert app.beneficiary_id == bid and app.status is ApplicationStatus.SUBMITTED
    with db.reader() as r:
        assert r.scalar(select(func.count()).select_from(Beneficiary)) == 1  # nobody new
    contact = services.contacts.get(RECEPTIONIST, uuid.UUID(s.state.contact_id or ""))
    assert contact.beneficiary_id == bid


def test_going_back_shows_the_identify_step_with_the_person(services, forms) -> None:
    bid = returning(services, forms)
    s = InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY, beneficiary_id=bid)
    s.complete(dict(script("VOL-EVENTS")[0]["values"]))
    assert s.back() is Step.IDENTIFY
    assert s.state.answers(Step.IDENTIFY) == {"beneficiary_id": str(bid)}
    assert s.back() is Step.RECEPTION
    assert s.suggested_answers() == {}  # answered already: what was answered is shown
    # Forward again: the identify step was answered once, it is shown, not skipped.
    assert s.complete(dict(script("VOL-EVENTS")[0]["values"])) is Step.IDENTIFY
    assert s.complete({"new": True}) is Step.PERSONAL  # another person after all


def test_resumed_draft_keeps_the_known_beneficiary(services, forms) -> None:
    bid = returning(services, forms)
    s = InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY, beneficiary_id=bid)
    again = InterviewSession.resume(services, forms, RECEPTIONIST, s.draft_id, today=TODAY)
    assert again.state.known_beneficiary == str(bid)
    assert again.complete(dict(script("VOL-EVENTS")[0]["values"])) is Step.PERSONAL


def test_unknown_beneficiary_is_refused_before_any_draft(services, forms, db) -> None:
    with pytest.raises(UserError):
        InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY,
                               beneficiary_id=uuid.uuid4())
    with pytest.raises(UserError):
        ContactSession.start(services, RECEPTIONIST, beneficiary_id=uuid.uuid4())
    with db.reader() as r:
        assert r.scalar(select(func.count()).select_from(InterviewDraft)) == 0


def test_contact_for_a_known_beneficiary_starts_at_the_purpose(services, forms) -> None:
    bid = returning(services, forms)
    c = ContactSession.start(services, RECEPTIONIST, beneficiary_id=bid)
    assert c.step is ContactStep.PURPOSE
    c.complete({"channel": "phone", "purpose": "السؤال عن موعد اللجنة"})
    c.complete({"answer": "خلال خمسة أيام عمل", "follow_up_needed": False})
    view = services.contacts.get(RECEPTIONIST, uuid.UUID(c.state.contact_id or ""))
    assert view.beneficiary_id == bid and view.caller_name is None
