"""Every act on an application leaves its audit event, in the same unit of work, naming who
did it and, for an edit, the fields before and after; the matrix keeps the counter's work at
a counter (issue 9)."""

from __future__ import annotations

import uuid

import pytest
from audit_support import FORMS, actions, draft, events
from db_support import become_committee
from interview_support import COMMITTEE, RECEPTIONIST, RESEARCHER, person

from makarem_desk.audit import verify_chain
from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied, PolicyViolation
from makarem_desk.models import ApplicationStatus
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.applications import ApplicationService
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.services.declarations import DeclarationService
from makarem_desk.services.programs import ProgramService

MISSING = [{"id": "certificates", "label_ar": "الشهادات", "label_en": "Certificates"}]


@pytest.fixture
def bid(any_db: Database) -> uuid.UUID:
    ProgramService(any_db).load(SYSTEM, FORMS)
    return BeneficiaryService(any_db).register(RECEPTIONIST, BeneficiaryInput(**person()))


def test_the_walk_in_path_is_audited_step_by_step(any_db: Database, bid: uuid.UUID) -> None:
    apps, decls = ApplicationService(any_db), DeclarationService(any_db)
    app_id = uuid.uuid4()
    app = apps.open(RECEPTIONIST, draft(bid), application_id=app_id)
    apps.open(RECEPTIONIST, draft(bid), application_id=app_id)  # a retry: no change
    apps.open(RECEPTIONIST, draft(bid, outcome="incomplete", missing_items=MISSING),
              application_id=app_id)
    apps.mark_incomplete(RECEPTIONIST, app_id)
    apps.provide_items(RECEPTIONIST, app_id, ["certificates"])
    did = decls.prepare(RECEPTIONIST, app_id, "ar")
    decls.sign_on_paper(RECEPTIONIST, did)
    apps.submit(RECEPTIONIST, app_id)
    apps.mark_delivered(RECEPTIONIST, app_id)
    apps.mark_delivered(RECEPTIONIST, app_id)  # already delivered: nothing new

    assert actions(any_db, app_id) == [
        "application_opened", "application_updated", "application_marked_incomplete",
        "application_items_provided", "application_submitted", "service_delivered",
    ]
    opened, updated, incomplete, provided, submitted, _ = events(any_db, entity_id=str(app_id))
    assert all(e.username == "reem" and e.entity == "application" for e in
               (opened, updated, incomplete, provided, submitted))
    assert opened.details["reference"] == app.reference
    assert opened.details["program"] == "FIELD-CONF"
    assert updated.details["before"] == {"eligibility_outcome": "eligible", "missing_items": []}
    assert updated.details["after"] == {"eligibility_outcome": "incomplete",
                                        "missing_items": ["certificates"]}
    assert incomplete.details["before"] == {"status": "draft"}
    assert incomplete.details["after"] == {"status": "incomplete"}
    assert provided.details["before"] == {"missing_items": ["certificates"]}
    assert provided.details["after"] == {"missing_items": []}
    assert submitted.details["after"] == {"status": "submitted"}
    assert actions(any_db, did) == ["declaration_prepared", "declaration_signed"]
    signed = events(any_db, action="declaration_signed")[0]
    assert signed.details["after"] == {"signature_mode": "on_paper", "witness_name": "ريم الدوسري"}
    with any_db.reader() as s:
        assert verify_chain(s).ok


def test_withdrawal_is_one_change_with_its_reason(any_db: Database, bid: uuid.UUID) -> None:
    apps = ApplicationService(any_db)
    app = apps.open(RECEPTIONIST, draft(bid))
    apps.withdraw(RECEPTIONIST, app.id, "  غادر قبل التوقيع ")
    view = apps.get(RECEPTIONIST, app.id)
    assert view.status is ApplicationStatus.WITHDRAWN and view.decision_reason == "غادر قبل التوقيع"
    [ev] = events(any_db, action="application_withdrawn")
    assert ev.entity_id == str(app.id)
    assert ev.details["before"] == {"status": "draft", "decision_reason": None}
    assert ev.details["after"] == {"status": "withdrawn", "decision_reason": "غادر قبل التوقيع"}
    # A refused move changes nothing and records nothing.
    other = apps.open(RECEPTIONIST, draft(bid))
    apps.close_not_eligible(RECEPTIONIST, other.id)
    with pytest.raises(PolicyViolation):
        apps.withdraw(RECEPTIONIST, other.id, "سبب")
    assert apps.get(RECEPTIONIST, other.id).decision_reason is None
    assert actions(any_db, other.id) == ["application_opened", "application_closed_not_eligible"]


def test_counter_work_is_refused_at_the_committee(any_db: Database, bid: uuid.UUID) -> None:
    apps = ApplicationService(any_db)
    app = apps.open(RECEPTIONIST, draft(bid))
    with pytest.raises(PermissionDenied):
        apps.submit(RESEARCHER, app.id)  # the status moves stay the receptionist's (TRANSITIONS)
    become_committee(any_db)
    for who in (RECEPTIONIST, COMMITTEE, SYSTEM):
        with pytest.raises(PermissionDenied):
            apps.open(who, draft(bid))
        with pytest.raises(PermissionDenied):
            apps.withdraw(who, app.id, "سبب")
        with pytest.raises(PermissionDenied):
            DeclarationService(any_db).prepare(who, app.id, "ar")
    # Reading is the committee's members' and administrator's, not a counter role's.
    assert apps.get(COMMITTEE, app.id).reference == app.reference
    with pytest.raises(PermissionDenied):
        apps.get(RECEPTIONIST, app.id)
    with pytest.raises(PermissionDenied, match="Sign in"):
        apps.for_beneficiary(None, bid)  # type: ignore[arg-type]
    assert actions(any_db, app.id) == ["application_opened"]
