"""Dates typed in Hijri (Umm al-Qura, the Saudi civil calendar) or Gregorian.

Dates are stored Gregorian and shown both ways. ``hijridate`` covers only 1343–1500 AH
(1924-08-01 … 2077-11-16): an older birth date is still a valid Gregorian date, it just
has no Hijri form here, and that is said plainly instead of raising.

Which table: Hijri and Gregorian are converted with ``hijridate``'s Umm al-Qura table.
Umm al-Qura tables disagree before 1420 AH: measured against ICU's islamic-umalqura
(ICU 78.2, through node's Intl, 2026-11-30), 22,058 of the 55,991 days from 1924-08-01 to
2077-11-16 differ by a day, none of them between 1999-04-17 (1420/01/01) and 2029-08-10 —
birth dates on older identity cards fall exactly where the tables part.  So a Hijri date
*as typed* (from an identity card) is kept beside the Gregorian one (:func:`typed_hijri`;
``Beneficiary.extra["typed_hijri"]``) and printed back as typed, never as a round trip
through the Gregorian date, whichever table did the conversion.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from hijridate import Gregorian, Hijri

from ..text import INVISIBLE, to_ascii_digits
from .errors import ValidationError

HIJRI_MIN_YEAR, HIJRI_MAX_YEAR = 1343, 1500
GREGORIAN_MIN, GREGORIAN_MAX = date(1924, 8, 1), date(2077, 11, 16)
MAX_AGE_YEARS = 130

HIJRI_MONTHS_AR = (
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
)
HIJRI_MONTHS_EN = (
    "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Akhir", "Jumada al-Ula",
    "Jumada al-Akhirah", "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah",
    "Dhu al-Hijjah",
)
GREGORIAN_MONTHS_AR = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)
GREGORIAN_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# "هـ" / "ه" / "AH" marks a Hijri date, "م" / "AD" / "CE" a Gregorian one.
_HIJRI_MARK = re.compile(r"\s*(هـ|ه|h|ah)\.?\s*$", re.IGNORECASE)
_GREG_MARK = re.compile(r"\s*(م|g|ad|ce)\.?\s*$", re.IGNORECASE)
_YMD = re.compile(r"(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})")


@dataclass(frozen=True)
class HijriParts:
    year: int
    month: int
    day: int

    @property
    def month_name_ar(self) -> str:
        return HIJRI_MONTHS_AR[self.month - 1]

    @property
    def month_name_en(self) -> str:
        return HIJRI_MONTHS_EN[self.month - 1]

    def numeric(self) -> str:
        return f"{self.year:04d}/{self.month:02d}/{self.day:02d}"


def _invalid(field: str, raw: str) -> ValidationError:
    return ValidationError(
        field,
        "invalid",
        f"{raw.strip()!r} is not a date. Use Hijri 1448/05/27 (هـ) or Gregorian 2026-11-29 "
        "or 29/11/2026.",
        "التاريخ غير صحيح. اكتبه هجريًا مثل 1448/05/27 هـ أو ميلاديًا مثل 2026-11-29 "
        "أو 29/11/2026.",
    )


def parse_date(raw: str, field: str = "date") -> date:
    """A Gregorian date from Hijri (``1448/05/27``, ``27/05/1448 هـ``) or Gregorian
    (``2026-11-29``, ``29/11/2026``) input. Arabic-Indic digits are accepted.

    Without a marker, a year up to 1500 is read as Hijri: no living person or current
    document has a Gregorian year that low.
    """
    calendar, y, mo, d = _read(raw, field)
    if calendar == "hijri":
        return _from_hijri(y, mo, d, field, raw)
    try:
        return date(y, mo, d)
    except ValueError:
        raise _invalid(field, raw) from None


def typed_hijri(raw: object, field: str = "date") -> HijriParts | None:
    """The Hijri day exactly as typed, when ``raw`` is a valid Hijri date; None for a
    Gregorian date, a ``date`` object or nothing.  Kept with the record so that a paper
    prints what the identity card says (see the module's note on tables)."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    calendar, y, mo, d = _read(raw, field)
    if calendar != "hijri":
        return None
    _from_hijri(y, mo, d, field, raw)  # the same checks as the date stored
    return HijriParts(y, mo, d)


# The record's date fields whose Hijri form as typed is kept (``Beneficiary.extra``).
TYPED_HIJRI_FIELDS = ("birth_date", "identity_expiry")


def typed_hijri_fields(data: Mapping[str, Any]) -> dict[str, str]:
    """``{field: "1405/04/10"}`` for each date of ``data`` typed in Hijri and valid."""
    out: dict[str, str] = {}
    for field in TYPED_HIJRI_FIELDS:
        try:
            parts = typed_hijri(data.get(field), field)
        except ValidationError:
            continue  # reported by the record's own checks
        if parts is not None:
            out[field] = parts.numeric()
    return out


def parse_hijri_parts(numeric: object) -> HijriParts | None:
    """``HijriParts`` back from its ``numeric()`` form (as kept in a record), or None."""
    m = _YMD.fullmatch(numeric) if isinstance(numeric, str) else None
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    return HijriParts(y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 30 else None


def _read(raw: str, field: str) -> tuple[str, int, int, int]:
    """The calendar ("hijri" or "gregorian") and the year, month and day as typed."""
    text = to_ascii_digits(INVISIBLE.sub("", raw or "")).strip()
    if not text:
        raise ValidationError(field, "required", "The date is required.", "التاريخ مطلوب.")
    calendar = ""
    if _HIJRI_MARK.search(text):
        calendar, text = "hijri", _HIJRI_MARK.sub("", text)
    elif _GREG_MARK.search(text):
        calendar, text = "gregorian", _GREG_MARK.sub("", text)
    text = text.replace("\u060c", "/").replace(" ", "")
    m = _YMD.fullmatch(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _DMY.fullmatch(text)
        if not m:
            raise _invalid(field, raw)
        d, mo, y = (int(g) for g in m.groups())
    if not calendar:
        calendar = "hijri" if y <= HIJRI_MAX_YEAR else "gregorian"
    return calendar, y, mo, d


def _from_hijri(y: int, mo: int, d: int, field: str, raw: str) -> date:
    if not HIJRI_MIN_YEAR <= y <= HIJRI_MAX_YEAR:
        raise ValidationError(
            field,
            "hijri_out_of_range",
            f"Hijri dates can be converted only for the years {HIJRI_MIN_YEAR}–{HIJRI_MAX_YEAR} "
            "AH; enter this date in Gregorian.",
            f"لا يمكن تحويل التاريخ الهجري إلا للسنوات {HIJRI_MIN_YEAR}–{HIJRI_MAX_YEAR} هـ؛ "
            "أدخل هذا التاريخ بالميلادي.",
        )
    try:
        g = Hijri(y, mo, d, validate=True).to_gregorian()
    except (ValueError, OverflowError):
        raise ValidationError(
            field,
            "invalid_hijri",
            f"{raw.strip()!r} is not a day of the Umm al-Qura calendar (check the day and month).",
            "التاريخ الهجري غير موجود في تقويم أم القرى (تحقق من اليوم والشهر).",
        ) from None
    return date(g.year, g.month, g.day)


def to_hijri(d: date) -> HijriParts | None:
    """The Umm al-Qura date of ``d``, or None outside the supported range."""
    if not GREGORIAN_MIN <= d <= GREGORIAN_MAX:
        return None
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    return HijriParts(h.year, h.month, h.day)


def hijri_unavailable_message(d: date, lang: str = "ar") -> str | None:
    """What to show instead of a Hijri date that cannot be computed (None if it can)."""
    if to_hijri(d) is not None:
        return None
    if lang == "ar":
        return "لا يتوفر مقابل هجري لهذا التاريخ (خارج نطاق 1343–1500 هـ)"
    return "no Hijri equivalent available (outside 1343–1500 AH)"


def format_hijri(d: date, lang: str = "ar", *, arabic_digits: bool = False,
                 typed: HijriParts | None = None) -> str:
    """``19 جمادى الآخرة 1448 هـ`` (or the English form); outside the range a plain note.
    ``typed``: the Hijri day as typed for ``d``, printed instead of converting ``d``."""
    h = typed or to_hijri(d)
    if h is None:
        note = hijri_unavailable_message(d, lang) or ""
        return note.translate(_AR_DIGITS) if arabic_digits and lang == "ar" else note
    if lang == "ar":
        text = f"{h.day} {h.month_name_ar} {h.year} هـ"
        return text.translate(_AR_DIGITS) if arabic_digits else text
    return f"{h.day} {h.month_name_en} {h.year} AH"


def format_gregorian(d: date, lang: str = "ar", *, arabic_digits: bool = False) -> str:
    """``29 نوفمبر 2026م`` or ``29 November 2026``."""
    if lang == "ar":
        text = f"{d.day} {GREGORIAN_MONTHS_AR[d.month - 1]} {d.year}م"
        return text.translate(_AR_DIGITS) if arabic_digits else text
    return f"{d.day} {GREGORIAN_MONTHS_EN[d.month - 1]} {d.year}"


def format_both(d: date, lang: str = "ar", *, arabic_digits: bool = False) -> str:
    """Both calendars, Hijri first as Saudi forms show them."""
    return (
        f"{format_hijri(d, lang, arabic_digits=arabic_digits)} — "
        f"{format_gregorian(d, lang, arabic_digits=arabic_digits)}"
    )


def check_birth_date(d: date, today: date, field: str = "birth_date") -> None:
    """A birth date in the future, or more than 130 years ago, is a typing mistake."""
    if d > today:
        raise ValidationError(
            field,
            "future",
            "The birth date is in the future.",
            "تاريخ الميلاد لا يمكن أن يكون في المستقبل.",
        )
    if d.year < today.year - MAX_AGE_YEARS:
        raise ValidationError(
            field,
            "too_old",
            f"The birth date is more than {MAX_AGE_YEARS} years ago; check the year.",
            f"تاريخ الميلاد أقدم من {MAX_AGE_YEARS} سنة؛ تحقق من السنة.",
        )
