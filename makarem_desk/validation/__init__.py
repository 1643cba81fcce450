"""Validation of what staff type at the counter and what spreadsheets hold (POL-H2).

Plain Python, no Qt. Every check raises :class:`ValidationError` naming the field, the rule
and the message in English and Arabic.
"""

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
from .identity import (
    check_not_expired,
    luhn_check_digit,
    normalize_identity_number,
    validate_saudi_id,
)
from .names import clean_latin_name, clean_name_part, clean_text
from .phone import format_phone, normalize_phone

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
