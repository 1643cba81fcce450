"""Values printed on the documents, formatted from the declaration snapshot.

Dates in both calendars (Umm al-Qura Hijri first, as Saudi forms show them), phones in
international grouping, identity types and genders in words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import phonenumbers

from ..saudi_time import KSA
from ..validation.dates import (
    HijriParts,
    format_gregorian,
    format_hijri,
    parse_hijri_parts,
    to_hijri,
)
from .labels import IDENTITY_TYPES, label
from .layout import NBSP


def as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    dt = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if dt.tzinfo is None:  # stored naive means UTC (the models' utcnow)
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(KSA)


# A date is never split across two printed lines: its inner spaces are non-breaking.
def hijri(d: date | None, language: str, typed: HijriParts | None = None) -> str:
    if not d:
        return label("none", language)
    return format_hijri(d, language, typed=typed).replace(" ", NBSP)


def typed_hijri(beneficiary: dict[str, Any], field: str) -> HijriParts | None:
    """The Hijri day of ``field`` as the clerk typed it, if the snapshot kept it."""
    typed = beneficiary.get("typed_hijri")
    return parse_hijri_parts(typed.get(field)) if isinstance(typed, dict) else None


def gregorian(d: date | None, language: str) -> str:
    if d is None:
        return label("none", language)
    return format_gregorian(d, language).replace(" ", NBSP)


def both_calendars(d: date | None, language: str, typed: HijriParts | None = None) -> str:
    """Both calendars; ``typed``, the Hijri day as typed from a card, is printed as it is
    rather than converted back from ``d``."""
    if d is None:
        return label("none", language)
    if typed is None and to_hijri(d) is None:  # before 1343 AH: Gregorian alone
        return gregorian(d, language)
    if language == "ar":
        return f"{hijri(d, language, typed)} الموافق {gregorian(d, language)}"
    return f"{gregorian(d, language)} ({hijri(d, language, typed)})"


def date_time(dt: datetime | None, language: str) -> str:
    local = as_datetime(dt)
    if local is None:
        return label("none", language)
    clock = local.strftime("%H:%M")
    if language == "ar":
        return f"{both_calendars(local.date(), language)} — الساعة {clock}"
    return f"{both_calendars(local.date(), language)}, {clock} (Riyadh time)"


def phone(e164: str | None) -> str:
    if not e164:
        return ""
    try:
        parsed = phonenumbers.parse(e164, "SA")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def identity(beneficiary: dict[str, Any], language: str) -> str:
    kind = IDENTITY_TYPES.get(str(beneficiary.get("identity_type") or "none"), {})
    kind_text = kind.get(language, str(beneficiary.get("identity_type") or ""))
    number = beneficiary.get("identity_number") or ""
    return f"{kind_text}: {number}" if number else kind_text


def name_for(beneficiary: dict[str, Any], language: str) -> str:
    """The name as printed: the Arabic full name (the legal one) in both languages."""
    full = str(beneficiary.get("full_name") or "").strip()
    if not full:
        parts = [beneficiary.get(k) or "" for k in
                 ("first_name", "father_name", "grandfather_name", "family_name")]
        full = " ".join(p for p in parts if p)
    return full


def program_name(program: dict[str, Any], language: str) -> str:
    if language == "en" and program.get("name_en"):
        return str(program["name_en"])
    return str(program.get("name_ar") or program.get("code") or "")


def city(beneficiary: dict[str, Any]) -> str:
    parts = [beneficiary.get("city") or "", beneficiary.get("district") or ""]
    return " / ".join(p for p in parts if p)
