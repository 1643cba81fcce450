"""A crash between a step's effect and its draft save: the resumed interview repeats the
step, and nothing is created twice (ids derive from the draft; services are idempotent)."""

from __future__ import annotations

import pytest
from interview_support import RECEPTIONIST, TODAY, person, script
from sqlalchemy import func, select

from makarem_desk.checklists import load_forms
from makarem_desk.interview.services import InterviewServices
from makarem_desk.interview.session import InterviewSession
from makarem_desk.models import (
    Application,
    Beneficiary,
    Contact,
    Declaration,
    Referral,
    SatisfactionResponse,
)


class Crash(Exception):
    pass


@pytest.mark.parametrize("path", ["submitted", "referred"])
def test_crash_before_each_draft_save_repeats_the_step_without_duplicates(db, path):
    forms = load_forms()
    services = InterviewServices.for_database(db, forms, today=TODAY)
    steps = script("ORPHAN-SPONSOR")
    if path == "referred":
        steps = steps[:5] + [
            {"step": "clarity", "values": {"procedures_clear": False,
                                           "referral_reason_code": "special_circumstances",
                                           "referral_reason": "لا يفهم دور الجمعية الشريكة"}},
            {"step": "satisfaction", "values": {"score": 4, "anonymous": False}},
        ]
    session = InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY)
    drafts = services.drafts
    real_save = drafts.save
    for entry in steps:
        def failing_save(*args, **kwargs):
            raise Crash()

        drafts.save = failing_save  # type: ignore[method-assign]
        with pytest.raises(Crash):
            session.complete(dict(entry["values"]))
        drafts.save = real_save  # type: ignore[method-assign]
        # The process "restarts": the draft still holds the state before this step.
        session = InterviewSession.resume(services, forms, RECEPTIONIST, session.draft_id,
                                          today=TODAY)
        assert session.step.value == entry["step"]
        session.complete(dict(entry["values"]))
    assert session.finished and session.state.path == path
    with db.reader() as s:
        def count(model: type) -> int:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)

        expected_app = 1 if path == "submitted" else 0
        assert count(Contact) == 1 and count(Beneficiary) == 1
        assert count(Application) == expected_app and count(Declaration) == expected_app
        assert count(Referral) == (1 if path == "referred" else 0)
        assert count(SatisfactionResponse) == 1


def test_a_step_refused_by_a_service_leaves_the_state_as_it_was(db):
    from makarem_desk.errors import UserError

    forms = load_forms()
    services = InterviewServices.for_database(db, forms, today=TODAY)
    session = InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY)
    before = session.state.to_json()

    def refuse(*args, **kwargs):
        raise UserError("the database is read-only")

    services.contacts.record = refuse  # type: ignore[method-assign]
    with pytest.raises(UserError):
        session.complete(dict(script("FIELD-CONF")[0]["values"]))
    assert session.state.to_json() == before  # no program half-chosen
    assert session.step.value == "reception"


def test_crash_after_registering_a_person_without_identity_number_registers_nobody_twice(db):
    """POL-E3: a person with no identity number has no unique number to collide on; the
    registration id derives from the draft, so repeating the step finds the first one."""
    forms = load_forms()
    services = InterviewServices.for_database(db, forms, today=TODAY)
    who = person(identity_type="none", identity_number=None, identity_expiry=None,
                 nationality=None, grandfather_name="", family_name="",
                 verifying_partner="الشؤون الاجتماعية بالرياض", partner_reference="ش/1448/77")
    steps = script("UNKNOWN-IDENTITY", who=who)
    session = InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY)
    personal = next(i for i, e in enumerate(steps) if e["step"] == "personal")
    for entry in steps[:personal]:
        session.complete(dict(entry["values"]))

    def failing_save(*args, **kwargs):
        raise Crash()

    real_save = services.drafts.save
    services.drafts.save = failing_save  # type: ignore[method-assign]
    with pytest.raises(Crash):
        session.complete(dict(steps[personal]["values"]))
    services.drafts.save = real_save  # type: ignore[method-assign]
    session = InterviewSession.resume(services, forms, RECEPTIONIST, session.draft_id,
                                      today=TODAY)
    assert session.step.value == "personal"
    session.complete(dict(steps[personal]["values"]))
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Beneficiary)) == 1
