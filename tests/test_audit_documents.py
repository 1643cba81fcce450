"""Papers handed out are audited — declarations printed and reprinted, receipts, decision
letters — and the filed copy of a signed declaration is never replaced (issue 9)."""

from __future__ import annotations

import hashlib
import uuid

import pytest
from audit_support import FORMS, actions, draft, events
from db_support import become_committee, become_site
from interview_support import COMMITTEE, PNG, RECEPTIONIST, person

from makarem_desk.db import Database
from makarem_desk.documents.service import DocumentService
from makarem_desk.errors import PermissionDenied
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.applications import ApplicationService
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.services.declarations import DeclarationService
from makarem_desk.services.profile import ProfileService
from makarem_desk.services.programs import ProgramService

PAPER_1 = b"%PDF-1.4 the paper the applicant signed"
PAPER_2 = b"%PDF-1.4 printed again later"


@pytest.fixture
def app_id(db: Database) -> uuid.UUID:
    ProgramService(db).load(SYSTEM, FORMS)
    bid = BeneficiaryService(db).register(RECEPTIONIST, BeneficiaryInput(**person()))
    return ApplicationService(db).open(RECEPTIONIST, draft(bid)).id


def test_a_signed_paper_on_file_is_reprinted_never_replaced(db: Database,
                                                            app_id: uuid.UUID) -> None:
    decls = DeclarationService(db)
    did = decls.prepare(RECEPTIONIST, app_id, "ar")
    assert decls.attach_pdf(RECEPTIONIST, did, PAPER_1) == PAPER_1
    decls.sign_on_paper(RECEPTIONIST, did)  # the applicant signed that printed paper
    assert decls.attach_pdf(RECEPTIONIST, did, PAPER_2) == PAPER_1
    assert ProfileService(db).declaration_pdf(RECEPTIONIST, did) == PAPER_1
    assert actions(db, did) == ["declaration_prepared", "declaration_printed",
                                "declaration_signed", "declaration_reprinted",
                                "declaration_reprinted"]
    printed, reprinted = (events(db, action=a)[0] for a in ("declaration_printed",
                                                            "declaration_reprinted"))
    assert printed.details["pdf_sha256"] == hashlib.sha256(PAPER_1).hexdigest()
    assert printed.details["signed"] is False
    assert reprinted.details["pdf_sha256"] == printed.details["pdf_sha256"]
    assert reprinted.username == "reem"


def test_an_unsigned_print_gives_way_to_the_signed_one(db: Database, app_id: uuid.UUID) -> None:
    decls = DeclarationService(db)
    did = decls.prepare(RECEPTIONIST, app_id, "ar")
    decls.attach_pdf(RECEPTIONIST, did, PAPER_1)  # printed before signing on the pad
    decls.sign_on_screen(RECEPTIONIST, did, PNG)
    assert decls.attach_pdf(RECEPTIONIST, did, PAPER_2) == PAPER_2
    assert decls.attach_pdf(RECEPTIONIST, did, b"%PDF-1.4 a third") == PAPER_2
    second = events(db, action="declaration_printed")[1]
    assert second.details["replaced_pdf_sha256"] == hashlib.sha256(PAPER_1).hexdigest()
    assert second.details["signed"] is True
    assert actions(db, did)[-1] == "declaration_reprinted"


def test_attaching_a_pdf_needs_someone_at_a_counter(db: Database, app_id: uuid.UUID) -> None:
    did = DeclarationService(db).prepare(RECEPTIONIST, app_id, "ar")
    with pytest.raises(PermissionDenied, match="Sign in"):
        DeclarationService(db).attach_pdf(None, did, PAPER_1)  # type: ignore[arg-type]
    become_committee(db)
    with pytest.raises(PermissionDenied):
        DeclarationService(db).attach_pdf(COMMITTEE, did, PAPER_1)
    assert not DeclarationService(db).get(COMMITTEE, did).has_pdf


def test_receipts_letters_and_previews_are_audited(db: Database, app_id: uuid.UUID) -> None:
    docs = DocumentService(db)
    ref = ApplicationService(db).get(RECEPTIONIST, app_id).reference
    shown = docs.declaration(RECEPTIONIST, app_id)  # on screen only: nothing recorded
    assert shown.preview and actions(db, app_id) == ["application_opened"]
    docs.declaration(RECEPTIONIST, app_id, keep_pdf=True)  # a preview printed
    docs.receipt(RECEPTIONIST, ref, language="en")
    assert actions(db, app_id)[1:] == ["declaration_preview_printed", "receipt_printed"]
    receipt = events(db, action="receipt_printed")[0]
    assert receipt.details == {"reference": ref, "language": "en", "paper": "a4"}

    did = DeclarationService(db).prepare(RECEPTIONIST, app_id, "ar")
    DeclarationService(db).sign_on_paper(RECEPTIONIST, did)
    ApplicationService(db).submit(RECEPTIONIST, app_id)
    become_committee(db)
    with pytest.raises(PermissionDenied):  # letters go out from the counter
        docs.decision_letter(COMMITTEE, ref)
    ApplicationService(db).record_decision(COMMITTEE, ref, False, "اكتمل العدد")
    become_site(db)
    docs.decision_letter(RECEPTIONIST, ref, send=True)
    docs.decision_letter(RECEPTIONIST, ref, send=True)  # a reprint: one contact, two papers
    assert [e.details["sent"] for e in events(db, action="decision_letter_printed")] == [True,
                                                                                        True]
    [contact] = events(db, action="contact_recorded")
    assert contact.details["channel"] == "letter" and contact.username == "reem"
    decided = events(db, action="application_decided")[0]
    assert decided.username == "saad" and decided.details["after"]["status"] == "rejected"


def test_the_profile_names_who_printed_a_paper_not_their_log_in(any_db: Database) -> None:
    """The audit trail keeps the log-in; the profile's history shows the person (the user's
    full name and role), and nothing for someone who is not a user here."""
    from makarem_desk.models import Role
    from makarem_desk.services.auth import AuthService

    ProgramService(any_db).load(SYSTEM, FORMS)
    auth = AuthService(any_db)
    auth.create_user(SYSTEM, "reem", "ريم الدوسري", Role.RECEPTIONIST, "reem-pass-1")
    reem = auth.login("reem", "reem-pass-1")
    bid = BeneficiaryService(any_db).register(reem, BeneficiaryInput(**person()))
    decls = DeclarationService(any_db)
    did = decls.prepare(reem, ApplicationService(any_db).open(reem, draft(bid)).id, "ar")
    decls.attach_pdf(reem, did, PAPER_1)
    ProfileService(any_db).declaration_pdf(RECEPTIONIST, did)  # an actor with no user row
    papers = ProfileService(any_db).load(reem, bid).papers
    assert [(p.action, p.printed_by, p.printed_by_role) for p in papers] == [
        ("declaration_reprinted", "", None),
        ("declaration_printed", "ريم الدوسري", Role.RECEPTIONIST),
    ]
