"""What a typed search query is: an identity number, a phone, a file number, an
application's reference, or name words (``search.SearchService`` looks them up).

A query is read the way a receptionist types it.  Ten digits starting with 1 or 2 are an
identity number; something that parses as a Saudi phone (05…, 5…, +9665…, 009665…, with
spaces, dashes or Arabic-Indic digits) is a phone; "B-1A2B3C4D" is the file number the
registry prints and "RYD1-2026-000123" an application's reference from a receipt; four
digits or more are the start of a mobile (05…) or of an identity number, so results
follow the typing; a token with letters and digits is a passport number; anything else is
name words, folded by ``makarem_desk.text`` exactly as the stored ``search_key`` is.

Digits are read in any form a clerk can paste: Arabic-Indic, full-width (``１０００…``,
folded by NFKC) and a spreadsheet's number cell (``1000000008.0``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .errors import UserError
from .search_sql import _NOT_TOKEN
from .text import INVISIBLE, fold_arabic, search_words, to_ascii_digits

MIN_NAME_LETTERS = 2  # one letter matches a third of a registry: useless at a counter
MIN_ID_PREFIX_DIGITS = 4
# A number cell pasted from a spreadsheet: "1000000008.0", "1000000008.00".
_SPREADSHEET_NUMBER = re.compile(r"(\d+)\.0+")
_PHONE_PUNCTUATION = re.compile(r"[\s\-–—().\u00a0]")
# The person's file number the registry prints ("B-" and the first 8 hex digits of the
# id), and an application's reference from a receipt ("RYD1-2026-000123").
_FILE_NUMBER = re.compile(r"[Bb]-\s?([0-9A-Fa-f]{8})")
_APPLICATION_REFERENCE = re.compile(r"[A-Za-z][A-Za-z0-9]{1,15}-\d{4}-\d{4,}")


class SearchQueryError(UserError):
    """The query cannot be searched as typed (empty, too short); the message says why."""


@dataclass(frozen=True)
class ParsedQuery:
    kind: Literal[
        "identity", "identity_prefix", "phone", "phone_prefix", "name", "file_number",
        "application",
    ]
    value: str = ""
    words: tuple[str, ...] = ()
    # The words without joining "عبد"/"ابو"/… to the next one: "عبد سعد" may be the start
    # of "عبدالله" followed by the father's name "سعد", not one name "عبدسعد".
    split_words: tuple[str, ...] = ()


def parse_query(query: str) -> ParsedQuery:
    """What the typed query is; raises SearchQueryError when it is empty or too short."""
    cleaned = unicodedata.normalize("NFKC", query or "")  # full-width digits and letters
    cleaned = to_ascii_digits(INVISIBLE.sub("", cleaned)).strip()
    spreadsheet = _SPREADSHEET_NUMBER.fullmatch(cleaned)
    if spreadsheet:
        cleaned = spreadsheet.group(1)
    if not cleaned:
        raise SearchQueryError(
            "Type a name, an identity number or a phone number to search.",
            message_ar="اكتب اسمًا أو رقم هوية أو رقم جوال للبحث.",
        )
    file_number = _FILE_NUMBER.fullmatch(cleaned)
    if file_number:
        return ParsedQuery("file_number", file_number.group(1).lower())
    if _APPLICATION_REFERENCE.fullmatch(cleaned):
        return ParsedQuery("application", cleaned.upper())
    compact = _PHONE_PUNCTUATION.sub("", cleaned)
    if re.fullmatch(r"\+?\d+", compact):
        return _parse_digits(compact)
    if " " not in cleaned and re.fullmatch(r"[A-Za-z0-9]*\d[A-Za-z0-9]*", compact):
        return ParsedQuery("identity", compact.upper())  # a passport number
    # A word with nothing the index keeps ("_") cannot be searched for.
    words = tuple(w for w in search_words(cleaned) if _NOT_TOKEN.sub("", w))
    if sum(len(w) for w in words) < MIN_NAME_LETTERS:
        raise SearchQueryError(
            f"Type at least {MIN_NAME_LETTERS} letters of a name.",
            message_ar="اكتب حرفين على الأقل من الاسم.",
        )
    split = tuple(re.findall(r"\w+", fold_arabic(cleaned)))
    return ParsedQuery("name", words=words, split_words=split)


def _parse_digits(compact: str) -> ParsedQuery:
    digits = compact.lstrip("+")
    if len(digits) == 10 and digits[0] in "12" and not compact.startswith("+"):
        return ParsedQuery("identity", digits)
    phone = _as_phone(compact)
    if phone is not None:
        return ParsedQuery("phone", phone)
    if len(digits) >= MIN_ID_PREFIX_DIGITS:
        # Searching as the number is typed: the start of a mobile, or of an identity.
        prefix = _mobile_prefix(compact)
        if prefix is not None:
            return ParsedQuery("phone_prefix", prefix)
        if not compact.startswith("+") and len(digits) < 10:
            return ParsedQuery("identity_prefix", digits)
    raise SearchQueryError(
        f"Type at least {MIN_ID_PREFIX_DIGITS} digits of an identity number, "
        "or of a phone number.",
        message_ar="اكتب أربعة أرقام على الأقل من رقم الهوية أو رقم الجوال.",
    )


def _mobile_prefix(compact: str) -> str | None:
    """The E.164 start of a Saudi mobile being typed (05…, 5…, +9665…, 009665…, 9665…)."""
    for lead, e164 in (("+9665", "+9665"), ("009665", "+9665"), ("9665", "+9665"),
                       ("05", "+9665"), ("5", "+9665")):
        if compact.startswith(lead):
            rest = compact[len(lead):]
            if len(rest) < 8 and rest.isdigit():  # a whole number has 8 digits after the 5
                return e164 + rest
    return None


# A Saudi mobile in the forms a clerk types it: 05…, 5…, +9665…, 009665… (the national
# number: 9 digits from the 5).
_MOBILE_FORMS = re.compile(r"(?:0|\+966|00966)?(5\d{8})")


@lru_cache(maxsize=1)
def _mobile_pattern() -> re.Pattern[str]:
    """libphonenumber's own pattern of Saudi mobile numbers, from its metadata."""
    import phonenumbers

    metadata = phonenumbers.PhoneMetadata.metadata_for_region("SA")
    mobile = metadata.mobile if metadata else None
    pattern = mobile.national_number_pattern if mobile else None
    return re.compile(pattern or r"(?!)")


def _as_phone(raw: str) -> str | None:
    # A mobile matching libphonenumber's pattern is what its parse, validation and
    # formatting would make of it, at a tenth of their cost (issue 14: the lookup's
    # budget); anything else takes the whole way.
    typed = _MOBILE_FORMS.fullmatch(raw)
    if typed and _mobile_pattern().fullmatch(typed.group(1)):
        return "+966" + typed.group(1)
    return _as_phone_parsed(raw)


def _as_phone_parsed(raw: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(raw, "SA")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
