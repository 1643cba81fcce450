"""Validation of what staff type at the counter and what spreadsheets hold (POL-H2).

Plain Python, no Qt. Every check raises :class:`ValidationError` naming the field, the rule
and the message in English and Arabic.

The identity and phone checks are loaded on first use (PEP 562): they bring the data
model (SQLAlchemy) and ``phonenumbers``, and the log-in form, whose date fields import
``validation.dates``, must paint before those (issue 14: start-up within 1.5x a bare
window).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .dates import (
    HijriParts,
    check_birth_date,
    format_both,
    format_gregorian,
    format_hijri,
    parse_date,
    to_hijri,
)
from .emails import validate_email
from .errors import ValidationError
from .names import clean_latin_name, clean_name_part, clean_text

if TYPE_CHECKING:
    from .identity import (
        check_not_expired,
        luhn_check_digit,
        normalize_identity_number,
        validate_saudi_id,
    )
    from .phone import format_phone, normalize_phone

_LATER = {
    "check_not_expired": "identity", "luhn_check_digit": "identity",
    "normalize_identity_number": "identity", "validate_saudi_id": "identity",
    "format_phone": "phone", "normalize_phone": "phone",
}


def __getattr__(name: str) -> Any:
    if name in _LATER:
        return getattr(importlib.import_module(f".{_LATER[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "HijriParts",
    "ValidationError",
    "check_birth_date",
    "check_not_expired",
    "clean_latin_name",
    "clean_name_part",
    "clean_text",
    "format_both",
    "format_gregorian",
    "format_hijri",
    "format_phone",
    "luhn_check_digit",
    "normalize_identity_number",
    "normalize_phone",
    "parse_date",
    "to_hijri",
    "validate_email",
    "validate_saudi_id",
]
