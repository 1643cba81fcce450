"""Whole-record validation as a property (POL-H2), and a real concurrent edit on PostgreSQL."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makarem_desk.db import Database
from makarem_desk.models import IdentityType, Role
from makarem_desk.services.actor import Actor
from makarem_desk.services.beneficiaries import (
    BeneficiaryInput,
    BeneficiaryService,
    StaleRecord,
)
from makarem_desk.validation import luhn_check_digit
from makarem_desk.validation.dates import to_hijri
from makarem_desk.validation.record import clean_beneficiary

TODAY = date(2026, 11, 29)
INVISIBLE = ["\u200f", "\u202b", "\u202c", "\u2066", "\u2069", "\u200b", "\ufeff", " ", "  "]
NAMES = ["محمد", "عبد الله", "نورة", "إبراهيم", "آل سعود", "مُحَمَّد", "ابن عمر", "Ali"]


@st.composite
def records(draw: Any) -> dict[str, Any]:
    kind = draw(st.sampled_from(["1", "2"]))
    nine = kind + draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    number = nine + luhn_check_digit(nine)
    if draw(st.booleans()):
        number = number.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    def noisy(word: str) -> str:
        return draw(st.sampled_from(INVISIBLE)) + word + draw(st.sampled_from(INVISIBLE))

    birth = draw(st.dates(min_value=date(1930, 1, 1), max_value=TODAY))
    h = to_hijri(birth)
    birth_text: object = birth
    if h is not None and draw(st.booleans()):
        birth_text = f"{h.year}/{h.month:02d}/{h.day:02d} هـ"
    return {
        "first_name": noisy(draw(st.sampled_from(NAMES))),
        "father_name": noisy(draw(st.sampled_from(NAMES))),
        "grandfather_name": draw(st.sampled_from(["", *NAMES])),
        "family_name": noisy(draw(st.sampled_from(NAMES))),
        "identity_type": None if draw(st.booleans()) else (
            IdentityType.CITIZEN_ID if kind == "1" else IdentityType.IQAMA),
        "identity_number": number,
        "identity_expiry": TODAY + timedelta(days=draw(st.integers(0, 3650))),
        "gender": draw(st.sampled_from(["male", "female", "ذكر", "أنثى"])),
        "birth_date": birth_text,
        "nationality": "SA" if kind == "1" else draw(st.sampled_from(["EG", "YE", "pk", ""])),
        "phone": "05" + draw(st.sampled_from("0345689")) + draw(
            st.text(alphabet="0123456789", min_size=7, max_size=7)),
        "city": noisy("الرياض"),
    }


@settings(max_examples=150, deadline=None)
@given(records())
def test_valid_records_pass_and_cleaning_is_idempotent(data: dict[str, Any]) -> None:
    values, errors = clean_beneficiary(data, TODAY)
    assert errors == []
    assert values["birth_date"] <= TODAY
    assert values["identity_number"].isascii() and len(values["identity_number"]) == 10
    again, errors2 = clean_beneficiary(values, TODAY)
    assert errors2 == [] and again == values


@settings(max_examples=100, deadline=None)
@given(records(), st.sampled_from(["first_name", "identity_number", "phone", "gender",
                                   "birth_date", "identity_expiry"]))
def test_one_broken_field_is_reported_against_that_field(data: dict[str, Any],
                                                         field: str) -> None:
    broken = {
        "first_name": "\u200f  \u202b",
        "identity_number": data["identity_number"][:-1],
        "phone": "12",
        "gender": "غير معروف",
        "birth_date": TODAY + timedelta(days=1),
        "identity_expiry": TODAY - timedelta(days=1),
    }[field]
    _values, errors = clean_beneficiary({**data, field: broken}, TODAY)
    assert [e.field for e in errors] == [field]


@pytest.mark.pg
def test_concurrent_edit_between_read_and_write_is_refused(pg_db: Database) -> None:
    """Counter A reads version 1 and is slower than counter B: A's write must not land."""
    clerk = Actor(uuid.uuid4(), "a", "أ", Role.RECEPTIONIST)
    svc = BeneficiaryService(pg_db, today=TODAY)
    nine = "101010101"
    bid = svc.register(clerk, BeneficiaryInput(
        first_name="سعد", father_name="علي", family_name="الحربي",
        identity_type=IdentityType.CITIZEN_ID, identity_number=nine + luhn_check_digit(nine),
        gender="male", phone="0551234567", city="الرياض"))
    original = svc.get(clerk, bid).as_input()
    other = BeneficiaryService(pg_db, today=TODAY)
    real_apply = BeneficiaryService._apply

    def slow_apply(b: Any, values: dict[str, Any]) -> list[str]:
        # Counter B saves after A has read the row but before A writes.
        other.update(clerk, bid, dataclasses.replace(original, city="جدة"), expected_version=1)
        return real_apply(b, values)

    svc._apply = slow_apply  # type: ignore[method-assign]
    with pytest.raises(StaleRecord):
        svc.update(clerk, bid, dataclasses.replace(original, city="الدمام"), expected_version=1)
    v = BeneficiaryService(pg_db, today=TODAY).get(clerk, bid)
    assert (v.city, v.version) == ("جدة", 2)
