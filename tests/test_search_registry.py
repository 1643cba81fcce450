"""Search over people registered through the registry service, as the counter does it."""

from __future__ import annotations

import uuid
from datetime import date

from makarem_desk.db import Database
from makarem_desk.models import IdentityType, Role
from makarem_desk.search import MatchedBy, SearchService
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.validation import luhn_check_digit

CLERK = Actor(uuid.uuid4(), "sara", "سارة", Role.RECEPTIONIST)
NUMBER = "101234567" + luhn_check_digit("101234567")


def _register(db: Database) -> uuid.UUID:
    registry = BeneficiaryService(db, today=date(2026, 11, 29))
    return registry.register(
        CLERK,
        BeneficiaryInput(
            first_name="عبد الله", father_name="مُحَمَّد", grandfather_name="سعد",
            family_name="آل سعود", latin_name="Abdullah Al Saud",
            identity_type=IdentityType.CITIZEN_ID, identity_number=NUMBER,
            identity_expiry="1450/01/01", gender="ذكر", birth_date="1410/03/15",
            phone="055 123 4567", city="الرياض",
        ),
    )


def test_registered_person_is_found_every_way(any_db: Database) -> None:
    bid = _register(any_db)
    svc = SearchService(any_db)
    for query in ("عبدالله محمد", "عبد ال سعو", "محمد عبدالله", "ال سعود", "abdullah saud",
                  "٠٥٥١٢٣٤٥٦٧", "+966 55 123 4567", NUMBER, f"{NUMBER[:3]} {NUMBER[3:]}"):
        hits = SearchService(any_db).search(SYSTEM, query)
        assert [h.beneficiary_id for h in hits] == [bid], query
    assert svc.search(SYSTEM, "عبدالله")[0].full_name == "عبد الله مُحَمَّد سعد آل سعود"


def test_a_correction_through_the_registry_reaches_the_index(any_db: Database) -> None:
    bid = _register(any_db)
    registry = BeneficiaryService(any_db, today=date(2026, 11, 29))
    view = registry.get(CLERK, bid)
    registry.update(
        CLERK, bid,
        BeneficiaryInput(
            first_name="عبد الرحمن", father_name=view.father_name,
            grandfather_name=view.grandfather_name, family_name=view.family_name,
            identity_type=view.identity_type, identity_number=view.identity_number,
            identity_expiry=view.identity_expiry, gender=view.gender,
            birth_date=view.birth_date, phone=view.phone, city=view.city,
        ),
        expected_version=view.version,
    )
    svc = SearchService(any_db)
    assert svc.search(SYSTEM, "عبدالله") == []
    (partial,) = svc.search(SYSTEM, "عبدالله سعود")  # only the family name still matches
    assert partial.score < svc.search(SYSTEM, "عبدالرحمن سعود")[0].score
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "عبدالرحمن سعود")] == [bid]


def test_found_by_file_number_and_by_application_reference(any_db: Database) -> None:
    from makarem_desk.models import Application, Program, ProgramCategory
    from makarem_desk.services.beneficiaries import beneficiary_reference

    bid = _register(any_db)
    other = BeneficiaryService(any_db, today=date(2026, 11, 29)).register(
        CLERK, BeneficiaryInput(first_name="هند", father_name="علي", family_name="الحربي",
                                identity_type=IdentityType.NONE, gender="أنثى",
                                verifying_partner="جمعية رعاية الأيتام",
                                partner_reference="ORPH-77"))
    with any_db.session() as s:
        p = Program(code="T-1", name_ar="برنامج", name_en="Program",
                    category=ProgramCategory.FIELD)
        s.add(p)
        s.flush()
        s.add(Application(reference="TST1-2026-000042", beneficiary_id=other, program_id=p.id))
    svc = SearchService(any_db)
    file_number = beneficiary_reference(bid)  # "B-" and 8 hex digits, as printed
    for query in (file_number, file_number.lower(), file_number.replace("-", "- ")):
        assert [(h.beneficiary_id, h.matched_by) for h in svc.search(SYSTEM, query)] == [
            (bid, MatchedBy.FILE_NUMBER)], query
    # Found by what was typed: not "identity number" for a file or an application number.
    assert [(h.beneficiary_id, h.matched_by) for h in svc.search(SYSTEM, "tst1-2026-000042")] \
        == [(other, MatchedBy.APPLICATION)]
    assert svc.search(SYSTEM, "TST1-2026-000043") == []
    # A passport number that happens to start with B is still a passport number.
    assert svc.search(SYSTEM, "B12345678") == []
