"""Saudi identity numbers: national ID (citizens) and iqama (residents).

Ten digits; the first is 1 for a citizen and 2 for a resident; the tenth is a Luhn check
digit over the first nine (positions 0, 2, 4, 6, 8 from the left are doubled, 9 is
subtracted from results above 9, and the sum of all ten digits is a multiple of 10).
Counter staff type them with Arabic-Indic digits, spaces and dashes; all are accepted.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ..text import INVISIBLE, to_ascii_digits
from .errors import ValidationError

if TYPE_CHECKING:  # the enum is read when a number is checked: importing the models here
    from ..models import IdentityType  # loaded SQLAlchemy before the log-in form was painted

FIELD = "identity_number"
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")
_FIRST_DIGIT_TYPE = {"1": "CITIZEN_ID", "2": "IQAMA"}


def normalize_identity_number(raw: str) -> str:
    """ASCII digits with spaces, dashes and invisible characters removed (not validated)."""
    text = INVISIBLE.sub("", raw)
    text = to_ascii_digits(text)
    return _SEPARATORS.sub("", text)


def _luhn_sum(digits: str) -> int:
    """Luhn sum for a string whose last digit is the check digit (doubling from the left
    at even positions, which for ten digits is the same as from the right at odd ones)."""
    total = 0
    parity = len(digits) % 2
    for i, ch in enumerate(digits):
        d = ord(ch) - 48
        if i % 2 == parity:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total


def luhn_check_digit(first9: str) -> str:
    """The tenth digit that makes ``first9`` a valid Saudi identity number."""
    if len(first9) != 9 or not first9.isascii() or not first9.isdigit():
        raise ValueError("luhn_check_digit needs exactly nine ASCII digits")
    return str((10 - _luhn_sum(first9 + "0") % 10) % 10)


def is_luhn_valid(number: str) -> bool:
    return number.isascii() and number.isdigit() and _luhn_sum(number) % 10 == 0


def validate_saudi_id(raw: str, field: str = FIELD) -> tuple[str, IdentityType]:
    """The normalised ten digits and the identity type they denote, or a ValidationError
    naming the rule that failed."""
    number = normalize_identity_number(raw or "")
    if not number:
        raise ValidationError(
            field, "required", "The identity number is required.", "رقم الهوية مطلوب."
        )
    if not (number.isascii() and number.isdigit()):
        raise ValidationError(
            field,
            "not_digits",
            "The identity number may contain digits only.",
            "رقم الهوية يجب أن يتكون من أرقام فقط.",
        )
    if len(number) != 10:
        raise ValidationError(
            field,
            "length",
            f"The identity number must have 10 digits (it has {len(number)}).",
            f"رقم الهوية يجب أن يتكون من ١٠ أرقام (المدخل {_ar_digits(len(number))} أرقام).",
        )
    from ..models import IdentityType

    name = _FIRST_DIGIT_TYPE.get(number[0])
    id_type = IdentityType[name] if name is not None else None
    if id_type is None:
        raise ValidationError(
            field,
            "first_digit",
            "The identity number must start with 1 (citizen) or 2 (resident).",
            "رقم الهوية يجب أن يبدأ بالرقم ١ (مواطن) أو ٢ (مقيم).",
        )
    if not is_luhn_valid(number):
        raise ValidationError(
            field,
            "checksum",
            "The identity number is not valid: its check digit does not match "
            "(a digit is probably mistyped).",
            "رقم الهوية غير صحيح: خانة التحقق لا تطابق (غالبًا أُدخل أحد الأرقام خطأً).",
        )
    return number, id_type


def check_not_expired(expiry: date, today: date, field: str = "identity_expiry") -> None:
    """POL-H2: an identity document already expired is caught at the counter."""
    if expiry < today:
        raise ValidationError(
            field,
            "expired",
            f"The identity document expired on {expiry.isoformat()}.",
            f"وثيقة الهوية منتهية الصلاحية منذ {expiry.isoformat()}.",
        )


def _ar_digits(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
