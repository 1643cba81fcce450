"""The beneficiary registry service (POL-H2, POL-E3) on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest
from hijridate import Hijri
from sqlalchemy import select

from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied
from makarem_desk.models import AuditEvent, Beneficiary, Gender, IdentityType, Role
from makarem_desk.services.actor import Actor
from makarem_desk.services.beneficiaries import (
    BeneficiaryInput,
    BeneficiaryNotFound,
    BeneficiaryService,
    InvalidBeneficiary,
    StaleRecord,
)
from makarem_desk.text import name_search_key
from makarem_desk.validation import luhn_check_digit

TODAY = date(2026, 11, 29)
CLERK = Actor(uuid.uuid4(), "sara", "سارة", Role.RECEPTIONIST)
RESEARCHER = Actor(uuid.uuid4(), "huda", "هدى", Role.SOCIAL_RESEARCHER)


def nid(nine: str) -> str:
    return nine + luhn_check_digit(nine)


def person(**over: object) -> BeneficiaryInput:
    base = BeneficiaryInput(
        first_name="عبدالله", father_name="محمد", grandfather_name="سعد",
        family_name="القحطاني", identity_type=IdentityType.CITIZEN_ID,
        identity_number=nid("101234567"), identity_expiry="1450/01/01",
        gender="ذكر", birth_date="1410/03/15", phone="٠٥٥١٢٣٤٥٦٧", city="الرياض",
    )
    return dataclasses.replace(base, **over)  # type: ignore[arg-type]


@pytest.fixture
def svc(any_db: Database) -> BeneficiaryService:
    return BeneficiaryService(any_db, today=TODAY)


def test_register_and_get(svc: BeneficiaryService, any_db: Database) -> None:
    data = person(first_name=" \u202bعبدالله\u202c ", latin_name="Abdullah Al-Qahtani")
    bid = svc.register(CLERK, data)
    v = svc.get(CLERK, bid)
    assert v.first_name == "عبدالله"
    assert v.full_name == "عبدالله محمد سعد القحطاني"
    assert v.identity_number == nid("101234567")
    assert v.identity_type is IdentityType.CITIZEN_ID and v.nationality == "SA"
    assert v.phone == "+966551234567" and v.gender is Gender.MALE
    assert v.birth_date == date(*Hijri(1410, 3, 15).to_gregorian().datetuple())
    assert v.version == 1 and v.site_id == "TST1"
    assert v.search_key == name_search_key("عبدالله", "محمد", "سعد", "القحطاني",
                                           "Abdullah Al-Qahtani")
    assert v.reference.startswith("B-")
    assert svc.find_by_identity(CLERK, " ١٠١٢٣٤٥٦٧" + luhn_check_digit("101234567")) == v
    assert svc.find_by_identity(CLERK, "1000000008") is None
    with any_db.reader() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity_id == str(bid))).one()
        assert ev.action == "beneficiary_registered" and ev.username == "sara"
        assert s.get(Beneficiary, bid).change_seq > 0  # type: ignore[union-attr]


def test_all_problems_reported_at_once(svc: BeneficiaryService) -> None:
    bad = person(first_name="", family_name="علي2", identity_number="1000000009",
                 identity_expiry="2020-01-01", birth_date="2030-01-01", phone="123",
                 email="not-an-address", gender="?")
    errors = svc.validate(CLERK, bad)
    got = {(e.field, e.code) for e in errors}
    assert got == {
        ("first_name", "required"), ("family_name", "invalid_chars"),
        ("identity_number", "checksum"), ("identity_expiry", "expired"),
        ("birth_date", "future"), ("phone", "invalid"), ("email", "invalid"),
        ("gender", "invalid"),
    }
    with pytest.raises(InvalidBeneficiary) as err:
        svc.register(CLERK, bad)
    assert {e.field for e in err.value.errors} == {f for f, _ in got}
    assert "first_name" in err.value.by_field()
    assert err.value.message_ar.count("\n") == len(got) - 1


@pytest.mark.parametrize(
    ("over", "field", "code"),
    [
        ({"identity_type": IdentityType.CITIZEN_ID, "identity_number": nid("201234567"),
          "nationality": "EG"}, "identity_number", "type_mismatch"),
        ({"identity_type": IdentityType.IQAMA, "identity_number": nid("101234567")},
         "identity_number", "type_mismatch"),
        ({"identity_type": IdentityType.IQAMA, "identity_number": nid("201234567"),
          "nationality": "SA"}, "nationality", "resident_sa"),
        ({"identity_type": IdentityType.PASSPORT, "identity_number": "A12"},
         "identity_number", "passport_format"),
        ({"identity_type": IdentityType.PASSPORT, "identity_number": "جواز123"},
         "identity_number", "passport_format"),
        ({"identity_type": IdentityType.NONE, "identity_number": nid("101234567")},
         "identity_number", "not_allowed"),
        ({"identity_type": IdentityType.NONE, "identity_number": None, "identity_expiry": None},
         "verifying_partner", "required"),
        ({"identity_type": None, "identity_number": ""}, "identity_type", "required"),
        ({"nationality": "EG"}, "nationality", "citizen_not_sa"),
        ({"phone": ""}, "phone", "required"),
        ({"father_name": " "}, "father_name", "required"),
    ],
)
def test_identity_type_rules(svc: BeneficiaryService, over: dict[str, object], field: str,
                             code: str) -> None:
    errors = svc.validate(CLERK, person(**over))
    assert (field, code) in {(e.field, e.code) for e in errors}


def test_passport_and_unknown_identity(svc: BeneficiaryService) -> None:
    pid = svc.register(CLERK, person(identity_type="passport", identity_number="a 1234567",
                                     nationality="eg", identity_expiry=None))
    v = svc.get(CLERK, pid)
    assert (v.identity_type, v.identity_number, v.nationality) == (
        IdentityType.PASSPORT, "A1234567", "EG")
    # POL-E3: no number, only a first name, verified by a partner body.
    uid = svc.register(CLERK, BeneficiaryInput(
        first_name="مجهول", identity_type=IdentityType.NONE, gender=Gender.MALE,
        verifying_partner="دار الرعاية الاجتماعية", partner_reference="DR-2026-17"))
    u = svc.get(CLERK, uid)
    assert u.identity_number is None and u.verifying_partner == "دار الرعاية الاجتماعية"
    assert u.partner_reference == "DR-2026-17"
    # Two persons without a number do not collide.
    svc.register(CLERK, BeneficiaryInput(
        first_name="مجهولة", identity_type="none", gender="أنثى",
        verifying_partner="جمعية إنسان", partner_reference="E-9"))


def test_type_inferred_from_number(svc: BeneficiaryService) -> None:
    bid = svc.register(CLERK, person(identity_type=None, identity_number=nid("212345678"),
                                     nationality="YE"))
    assert svc.get(CLERK, bid).identity_type is IdentityType.IQAMA


def test_duplicate_identity_names_the_existing_record(svc: BeneficiaryService) -> None:
    first = svc.register(CLERK, person())
    ref = svc.get(CLERK, first).reference
    again = person(first_name="أحمد",
                   identity_number="١٠١-٢٣٤-٥٦٧" + luhn_check_digit("101234567"))
    errors = svc.validate(CLERK, again)
    assert [(e.field, e.code) for e in errors] == [("identity_number", "duplicate")]
    assert ref in errors[0].message and ref in errors[0].message_ar
    assert "القحطاني" in errors[0].message_ar
    with pytest.raises(InvalidBeneficiary) as err:
        svc.register(CLERK, again)
    assert err.value.errors[0].code == "duplicate"


def test_update_with_optimistic_locking(svc: BeneficiaryService, any_db: Database) -> None:
    bid = svc.register(CLERK, person())
    v1 = svc.get(CLERK, bid)
    edited = dataclasses.replace(v1.as_input(), phone="0501234567", family_name="الشهري")
    svc.update(CLERK, bid, edited, expected_version=1)
    v2 = svc.get(CLERK, bid)
    assert v2.version == 2 and v2.phone == "+966501234567"
    assert v2.search_key == name_search_key("عبدالله", "محمد", "سعد", "الشهري")
    # A second counter still holding version 1 is told to reload, and nothing is lost.
    with pytest.raises(StaleRecord) as err:
        svc.update(CLERK, bid, dataclasses.replace(edited, city="جدة"), expected_version=1)
    assert "reload" in err.value.message and err.value.message_ar
    assert svc.get(CLERK, bid).city == "الرياض"
    with any_db.reader() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "beneficiary_updated")).one()
        assert set(ev.details["fields"]) == {"phone", "family_name"}
    # Saving unchanged data does not bump the version.
    svc.update(CLERK, bid, svc.get(CLERK, bid).as_input(), expected_version=2)
    assert svc.get(CLERK, bid).version == 2


def test_update_refuses_someone_elses_number(svc: BeneficiaryService) -> None:
    a = svc.register(CLERK, person())
    b = svc.register(CLERK, person(identity_number=nid("109876543"), first_name="خالد"))
    taken = dataclasses.replace(svc.get(CLERK, b).as_input(), identity_number=nid("101234567"))
    with pytest.raises(InvalidBeneficiary) as err:
        svc.update(CLERK, b, taken, expected_version=1)
    assert err.value.errors[0].code == "duplicate"
    # Keeping one's own number is fine.
    svc.update(CLERK, a, dataclasses.replace(svc.get(CLERK, a).as_input(), city="الدمام"), 1)


def test_permissions(svc: BeneficiaryService) -> None:
    # The matrix (issue 9): counter work is the receptionist's, the social researcher's and
    # the administrator's at a counter; a committee member registers nobody.
    member = Actor(uuid.uuid4(), "mona", "منى", Role.COMMITTEE_MEMBER)
    with pytest.raises(PermissionDenied):
        svc.register(member, person())
    bid = svc.register(CLERK, person())
    with pytest.raises(PermissionDenied):
        svc.update(member, bid, person(city="جدة"), 1)
    svc.update(RESEARCHER, bid, person(city="جدة"), 1)
    admin = Actor(None, "admin", "المدير", Role.ADMINISTRATOR)
    svc.update(admin, bid, person(city="الدمام"), 2)


def test_missing_record(svc: BeneficiaryService) -> None:
    with pytest.raises(BeneficiaryNotFound):
        svc.get(CLERK, uuid.uuid4())
    with pytest.raises(BeneficiaryNotFound):
        svc.update(CLERK, uuid.uuid4(), person(), 1)


def test_old_birth_date_outside_hijri_range_is_kept(svc: BeneficiaryService) -> None:
    bid = svc.register(CLERK, person(birth_date="1920-05-01"))
    assert svc.get(CLERK, bid).birth_date == date(1920, 5, 1)
