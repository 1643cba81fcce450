"""Phones, dates, names and e-mail addresses (POL-H2), with property-based tests."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from hijridate import Hijri
from hypothesis import given, settings
from hypothesis import strategies as st

from makarem_desk.validation import (
    ValidationError,
    check_birth_date,
    clean_latin_name,
    clean_name_part,
    clean_text,
    format_gregorian,
    format_hijri,
    format_phone,
    normalize_phone,
    parse_date,
    to_hijri,
    validate_email,
)
from makarem_desk.validation.dates import GREGORIAN_MAX, GREGORIAN_MIN, HIJRI_MONTHS_AR

AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FA = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# -- phones -------------------------------------------------------------------------------

# Saudi mobile numbers: 5 then a valid operator digit, then seven digits.
mobile_tail = st.builds(
    lambda op, rest: "5" + op + rest,
    st.sampled_from(list("0345689")),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)


@settings(deadline=None)  # a loaded CI machine must not make timing flaky
@given(mobile_tail, st.sampled_from(["0{}", "+966{}", "00966{}", "966{}", "+966 {}", "{}"]),
       st.sampled_from([None, AR, FA]), st.booleans())
def test_phone_spellings_give_one_e164(tail: str, template: str, digits, spaced: bool) -> None:  # type: ignore[no-untyped-def]
    body = tail
    if spaced:
        body = f"{tail[:2]} {tail[2:5]} {tail[5:]}"
    text = template.format(body)
    if digits is not None:
        text = text.translate(digits)
    assert normalize_phone(text) == "+966" + tail


def test_phone_examples() -> None:
    assert normalize_phone("٠٥٥١٢٣٤٥٦٧") == "+966551234567"
    assert normalize_phone("055-123-4567") == "+966551234567"
    assert normalize_phone("\u202a+966 55 123 4567\u202c") == "+966551234567"
    assert normalize_phone("+20 100 123 4567") == "+201001234567"  # an Egyptian mobile
    assert format_phone("+966551234567") == "055 123 4567"


@pytest.mark.parametrize(("raw", "code"), [("", "required"), ("hello", "not_a_number"),
                                           ("05512", "invalid"), ("0551234567890", "invalid")])
def test_bad_phones(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_phone(raw, field="phone_alt")
    assert err.value.code == code and err.value.field == "phone_alt"
    assert err.value.message_ar != err.value.message


# -- dates --------------------------------------------------------------------------------

in_range = st.dates(min_value=GREGORIAN_MIN, max_value=GREGORIAN_MAX)


@settings(max_examples=300, deadline=None)
@given(in_range, st.sampled_from(["{y}/{m:02d}/{d:02d}", "{y}/{m}/{d} هـ", "{d}/{m}/{y}هـ",
                                  "{y}-{m:02d}-{d:02d}"]), st.booleans())
def test_hijri_round_trip_over_the_whole_range(g: date, fmt: str, arabic: bool) -> None:
    h = to_hijri(g)
    assert h is not None
    text = fmt.format(y=h.year, m=h.month, d=h.day)
    if arabic:
        text = text.translate(AR)
    assert parse_date(text) == g
    assert to_hijri(parse_date(h.numeric())) == h


@settings(deadline=None)  # a loaded CI machine must not make timing flaky
@given(st.dates(min_value=date(1501, 1, 1), max_value=date(2999, 12, 31)),
       st.sampled_from(["{y}-{m:02d}-{d:02d}", "{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}م"]))
def test_gregorian_spellings(g: date, fmt: str) -> None:
    assert parse_date(fmt.format(y=g.year, m=g.month, d=g.day)) == g


@settings(deadline=None)  # a loaded CI machine must not make timing flaky
@given(st.dates(min_value=date(1501, 1, 1), max_value=date(9999, 12, 31)))
def test_dates_outside_the_hijri_range_are_stored_and_explained(g: date) -> None:
    if GREGORIAN_MIN <= g <= GREGORIAN_MAX:
        return
    assert parse_date(g.isoformat()) == g  # stored all the same
    assert to_hijri(g) is None
    assert "1343" in format_hijri(g) and "1343" in format_hijri(g, "en")


def test_known_dates() -> None:
    assert parse_date("1444/05/27") == date(2022, 12, 21)  # measured fact in the notes
    h = to_hijri(date(2026, 11, 29))
    assert h is not None and (h.year, h.month, h.day) == (1448, 6, 19)
    assert format_hijri(date(2026, 11, 29)) == "19 جمادى الآخرة 1448 هـ"
    assert format_hijri(date(2026, 11, 29), arabic_digits=True) == "١٩ جمادى الآخرة ١٤٤٨ هـ"
    assert format_gregorian(date(2026, 11, 29)) == "29 نوفمبر 2026م"
    assert format_gregorian(date(2026, 11, 29), "en") == "29 November 2026"
    assert HIJRI_MONTHS_AR[5] in format_hijri(date(2026, 11, 29))


@pytest.mark.parametrize(
    ("raw", "code"),
    [("", "required"), ("yesterday", "invalid"), ("2026-02-30", "invalid"),
     ("1300/01/01", "hijri_out_of_range"), ("1501/01/01 هـ", "hijri_out_of_range"),
     ("1447/02/30", "invalid_hijri"), ("1448/13/01", "invalid_hijri"), ("32/01/2020", "invalid")],
)
def test_bad_dates_get_a_message_not_an_exception(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_date(raw, field="birth_date")
    assert err.value.code == code and err.value.field == "birth_date"


@settings(deadline=None)  # a loaded CI machine must not make timing flaky
@given(st.text(max_size=30))
def test_parse_date_never_raises_anything_else(raw: str) -> None:
    try:
        parse_date(raw)
    except ValidationError:
        pass


@settings(deadline=None)  # a loaded CI machine must not make timing flaky
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(-20000, 20000))
def test_birth_date(today: date, offset: int) -> None:
    d = today + timedelta(days=offset)
    if offset > 0:
        with pytest.raises(ValidationError) as err:
            check_birth_date(d, today)
        assert err.value.code == "future"
    else:
        check_birth_date(d, today)


def test_birth_date_too_old() -> None:
    with pytest.raises(ValidationError) as err:
        check_birth_date(date(1850, 1, 1), date(2026, 11, 29))
    assert err.value.code == "too_old"


# -- names --------------------------------------------------------------------------------

BIDI_AND_INVISIBLE = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF,
                                        0x2060, 0x00AD, 0x061C, 0x034F, 0x3164]]
name_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0621, max_codepoint=0x064A),
        st.sampled_from([" ", "\t", "\u00a0", "\u0640", "\u064e", "-", *BIDI_AND_INVISIBLE]),
    ),
    max_size=40,
)


@settings(deadline=None)  # a loaded CI machine must not make timing flaky
@given(name_text)
def test_names_never_keep_invisible_characters_and_are_idempotent(raw: str) -> None:
    try:
        cleaned = clean_name_part(raw, "first_name")
    except ValidationError as e:
        assert e.code == "required"
        return
    assert not any(ch in cleaned for ch in BIDI_AND_INVISIBLE)
    assert all(unicodedata.category(ch) not in ("Cf", "Cc") for ch in cleaned)
    assert "\u0640" not in cleaned
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert clean_name_part(cleaned, "first_name") == cleaned


@settings(deadline=None)  # a loaded CI machine must not make timing flaky
@given(st.text(max_size=40))
def test_cleaning_any_text_is_idempotent(raw: str) -> None:
    try:
        cleaned = clean_text(raw, "city", max_length=1000)
    except ValidationError:
        return
    assert all(unicodedata.category(ch) not in ("Cf", "Cc", "Zl", "Zp") for ch in cleaned)
    assert clean_text(cleaned, "city", max_length=1000) == cleaned
    try:
        name = clean_name_part(raw, "family_name", required=False, max_length=1000)
    except ValidationError as e:
        assert e.code == "invalid_chars"
        return
    assert clean_name_part(name, "family_name", required=False, max_length=1000) == name


def test_name_examples() -> None:
    assert clean_name_part("  \u202bعبد   الله\u202c ", "first_name") == "عبد الله"
    assert clean_name_part("مـحـمـد", "first_name") == "محمد"
    assert clean_name_part("\ufe8e\ufee0\ufea3\ufee4\ufeaa", "first_name") == "الحمد"  # pasted presentation forms
    assert clean_name_part("", "grandfather_name", required=False) == ""
    assert clean_latin_name("  Mohammed   Al-Qahtani ") == "Mohammed Al-Qahtani"


@pytest.mark.parametrize(
    ("raw", "field", "code"),
    [("", "first_name", "required"), ("\u200f \u200b", "family_name", "required"),
     ("محمد2", "first_name", "invalid_chars"), ("أحمد@", "father_name", "invalid_chars"),
     ("ا" * 61, "first_name", "too_long")],
)
def test_bad_names(raw: str, field: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        clean_name_part(raw, field)
    assert err.value.code == code and err.value.field == field
    assert "مطلوب" in err.value.message_ar or code != "required"


def test_bad_latin_name() -> None:
    with pytest.raises(ValidationError):
        clean_latin_name("محمد")


# -- e-mail -------------------------------------------------------------------------------

local_part = st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]", fullmatch=True).filter(
    lambda s: ".." not in s
)
# Bounded: an address longer than 254 characters is rightly refused (RFC 5321).
domain = st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9]{1,10}){0,8}\.[a-z]{2,6}", fullmatch=True)


@settings(deadline=None)  # a loaded CI machine must not make timing flaky
@given(local_part, domain)
def test_valid_emails_pass_and_are_idempotent(local: str, dom: str) -> None:
    addr = f"{local}@{dom.upper()}"
    got = validate_email(f" {addr} ")
    assert got == f"{local}@{dom}"
    assert validate_email(got) == got


@pytest.mark.parametrize("raw", ["a", "a@b", "a@@b.com", "a b@c.com", "a@b..com", ".a@b.com",
                                 "a@-b.com", "a@b.123"])
def test_bad_emails(raw: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_email(raw)
    assert err.value.field == "email" and err.value.code == "invalid"


def test_empty_email_is_allowed() -> None:
    assert validate_email("  ") == ""
    assert validate_email(None) == ""


@settings(max_examples=300, deadline=None)
@given(st.integers(1343, 1500), st.integers(1, 12), st.integers(1, 30))
def test_every_hijri_day_round_trips(y: int, m: int, d: int) -> None:
    text = f"{y}/{m:02d}/{d:02d} هـ"
    try:
        g = parse_date(text)
    except ValidationError as e:
        # Only days past the month's end do not exist. Umm al-Qura months have 29 or 30
        # days, except a few of the earliest tabulated months (1343/09 has 28).
        length = Hijri(y, m, 1).month_length()
        assert d > length and e.code == "invalid_hijri"
        assert parse_date(f"{y}/{m:02d}/{length:02d}") is not None
        return
    assert d <= Hijri(y, m, 1).month_length()
    h = to_hijri(g)
    assert h is not None and (h.year, h.month, h.day) == (y, m, d)
