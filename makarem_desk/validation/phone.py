"""Phone numbers, stored E.164 (``+966551234567``).

``phonenumbers`` (region SA by default) understands local spellings (``0551234567``),
international ones (``00966…``, ``+966 55 …``) and Arabic-Indic digits.
"""

from __future__ import annotations

import phonenumbers

from ..text import INVISIBLE, to_ascii_digits
from .errors import ValidationError


def normalize_phone(raw: str, region: str = "SA", field: str = "phone") -> str:
    """The E.164 form of ``raw`` or a ValidationError saying why it is not a phone number."""
    text = to_ascii_digits(INVISIBLE.sub("", raw or "")).strip()
    if not text:
        raise ValidationError(field, "required", "The phone number is required.", "رقم الجوال مطلوب.")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            field,
            "not_a_number",
            f"{raw.strip()!r} is not a phone number.",
            "المدخل ليس رقم هاتف.",
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            field,
            "invalid",
            "The phone number is not valid (check the number of digits and the prefix, "
            "e.g. 05XXXXXXXX).",
            "رقم الهاتف غير صحيح (تحقق من عدد الأرقام والبادئة، مثل 05XXXXXXXX).",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """How a stored number is shown: national form for Saudi numbers, international
    otherwise; the stored text unchanged if it cannot be parsed."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 966:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
