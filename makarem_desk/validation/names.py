"""Names and other short free text typed at the counter or pasted from elsewhere.

Text copied from messaging apps and spreadsheets carries bidi controls (U+202A–U+202E,
U+2066–U+2069), zero-width characters and presentation forms; stored as they come they
break searching, duplicate detection and the printed declaration. Cleaning is idempotent.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import ValidationError

NAME_PART_MAX = 60
LATIN_NAME_MAX = 200

_SPACES = re.compile(r"\s+")
# Default-ignorable characters outside the format category: combining grapheme joiner,
# Hangul fillers, Khmer inherent vowels, Mongolian and other variation selectors.
_IGNORABLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)
_TATWEEL = "\u0640"
# Characters a name may hold besides letters and combining marks (tashkeel).
_NAME_PUNCTUATION = set(" -'’.")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'’-]*")

FIELD_LABELS_AR = {
    "first_name": "الاسم الأول",
    "father_name": "اسم الأب",
    "grandfather_name": "اسم الجد",
    "family_name": "اسم العائلة",
    "latin_name": "الاسم باللاتينية",
    "city": "المدينة",
    "district": "الحي",
    "nationality": "الجنسية",
    "notes": "الملاحظات",
}
FIELD_LABELS_EN = {
    "first_name": "first name",
    "father_name": "father's name",
    "grandfather_name": "grandfather's name",
    "family_name": "family name",
    "latin_name": "name in Latin letters",
    "city": "city",
    "district": "district",
    "nationality": "nationality",
    "notes": "notes",
}


def _labels(field: str) -> tuple[str, str]:
    return FIELD_LABELS_EN.get(field, field.replace("_", " ")), FIELD_LABELS_AR.get(field, field)


def strip_invisible(text: str, *, keep_newlines: bool = False) -> str:
    """NFKC-normalised text without format (Cf) or control (Cc) characters.

    Controls that are whitespace (tab, newline) become spaces unless newlines are kept.
    """
    # Fast path for the usual case (a few hundred thousand calls per spreadsheet import):
    # isprintable() is False for every Cc, Cf, Zl, Zp and non-ASCII space character.
    if text.isprintable() and unicodedata.is_normalized("NFKC", text) and (
        _IGNORABLE.isdisjoint(text)
    ):
        return text
    # Filter, normalise, filter again: removing a joiner can let NFKC compose the letters
    # around it, and NFKC can expand a compatibility character into a control.
    text = unicodedata.normalize("NFKC", _filter(text, keep_newlines))
    return _filter(text, keep_newlines)


def _filter(text: str, keep_newlines: bool) -> str:
    out: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cf" or ch in _IGNORABLE:
            continue
        if cat in ("Cc", "Zl", "Zp"):
            if keep_newlines and ch in "\n\r\u2028\u2029":
                out.append("\n")
            elif ch.isspace():
                out.append(" ")
            continue
        out.append(ch)
    return "".join(out)


def fold_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def clean_text(
    raw: str | None, field: str, *, required: bool = False, max_length: int = 80,
    multiline: bool = False, drop: str = "",
) -> str:
    """Free text (city, district, notes): invisible characters removed, spaces folded."""
    if not raw:
        text = ""
    elif multiline:
        lines = strip_invisible(raw, keep_newlines=True).split("\n")
        text = "\n".join(fold_spaces(line) for line in lines).strip("\n")
        text = re.sub(r"\n{3,}", "\n\n", text)
    else:
        text = strip_invisible(raw)
        if drop:
            text = text.translate({ord(c): None for c in drop})
        text = fold_spaces(text)
    if not text:
        if required:
            en, ar = _labels(field)
            raise ValidationError(field, "required", f"The {en} is required.", f"{ar} مطلوب.")
        return ""
    if len(text) > max_length:
        en, ar = _labels(field)
        raise ValidationError(
            field,
            "too_long",
            f"The {en} is too long ({len(text)} characters; at most {max_length}).",
            f"{ar} أطول من المسموح ({max_length} حرفًا كحد أقصى).",
        )
    return text


def clean_name_part(
    raw: str | None, field: str, required: bool = True, max_length: int = NAME_PART_MAX
) -> str:
    """One part of the four-part Arabic name: letters and marks, with single spaces
    (compound names such as "عبد الله") and hyphens or apostrophes; no digits."""
    text = clean_text(raw, field, required=required, max_length=max_length, drop=_TATWEEL)
    for ch in text:
        if ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in ("L", "M"):
            continue
        en, ar = _labels(field)
        raise ValidationError(
            field,
            "invalid_chars",
            f"The {en} may contain letters only (found {ch!r}).",
            f"{ar} يجب أن يحتوي على حروف فقط (وُجد «{ch}»).",
        )
    return text


def clean_latin_name(raw: str | None, field: str = "latin_name") -> str:
    """The optional name in Latin letters, as on a passport or iqama."""
    text = clean_text(raw, field, max_length=LATIN_NAME_MAX)
    if text and not _LATIN_NAME.fullmatch(text):
        raise ValidationError(
            field,
            "invalid_chars",
            "The name in Latin letters may contain A–Z letters, spaces, hyphens and "
            "apostrophes only.",
            "الاسم باللاتينية يجب أن يحتوي على حروف لاتينية (A–Z) ومسافات فقط.",
        )
    return text
