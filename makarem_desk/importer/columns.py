"""Column headings of beneficiary spreadsheets, in English or Arabic.

Headings are matched after folding (hamza forms, taa marbuta, case, spaces and
underscores), so "رقم الهويه", "رقم_الهوية" and "National ID" all name the same column.
"""

from __future__ import annotations

import re

from ..errors import UserError
from ..text import fold_arabic

REQUIRED = ("national_id", "first_name", "father_name", "family_name", "gender", "birth_date",
            "phone")
OPTIONAL = ("grandfather_name", "city", "district", "nationality", "identity_type",
            "identity_expiry", "phone_alt", "email", "latin_name", "notes",
            "verifying_partner", "partner_reference")

_ALIASES: dict[str, tuple[str, ...]] = {
    "national_id": ("national_id", "nationalid", "national id", "identity_number", "id_number",
                    "رقم الهوية", "الهوية", "رقم الهوية الوطنية", "السجل المدني",
                    "رقم السجل المدني", "رقم الهوية/الإقامة", "رقم الهوية او الإقامة",
                    "رقم الإقامة", "هوية"),
    "first_name": ("first_name", "first name", "الاسم الأول", "الاسم"),
    "father_name": ("father_name", "father name", "father", "اسم الأب", "الأب"),
    "grandfather_name": ("grandfather_name", "grandfather name", "grandfather", "اسم الجد",
                         "الجد"),
    "family_name": ("family_name", "family name", "surname", "last_name", "last name",
                    "اسم العائلة", "العائلة", "اللقب", "القبيلة"),
    "gender": ("gender", "sex", "الجنس", "النوع"),
    "birth_date": ("birth_date", "birth date", "date_of_birth", "dob", "تاريخ الميلاد",
                   "الميلاد"),
    "phone": ("phone", "mobile", "mobile_number", "phone_number", "الجوال", "رقم الجوال",
              "الهاتف", "رقم الهاتف", "جوال"),
    "city": ("city", "المدينة"),
    "district": ("district", "الحي"),
    "nationality": ("nationality", "الجنسية"),
    "identity_type": ("identity_type", "id_type", "نوع الهوية"),
    "identity_expiry": ("identity_expiry", "id_expiry", "expiry", "تاريخ انتهاء الهوية",
                        "انتهاء الهوية"),
    "phone_alt": ("phone_alt", "phone2", "alternative_phone", "جوال آخر", "رقم جوال آخر",
                  "هاتف آخر"),
    "email": ("email", "e-mail", "البريد الإلكتروني", "الإيميل"),
    "latin_name": ("latin_name", "english_name", "name_en", "الاسم باللاتينية",
                   "الاسم بالإنجليزية"),
    "notes": ("notes", "ملاحظات", "الملاحظات"),
    # POL-E3: persons of unknown identity, verified by a partner body.
    "verifying_partner": ("verifying_partner", "partner", "الجهة الشريكة", "الجهة المتحققة"),
    "partner_reference": ("partner_reference", "مرجع الجهة الشريكة", "مرجع الجهة"),
}

LABELS_AR = {
    "national_id": "رقم الهوية", "first_name": "الاسم الأول", "father_name": "اسم الأب",
    "grandfather_name": "اسم الجد", "family_name": "اسم العائلة", "gender": "الجنس",
    "birth_date": "تاريخ الميلاد", "phone": "الجوال", "city": "المدينة",
}


def heading_key(text: str) -> str:
    return re.sub(r"[\s_\-/]+", "", fold_arabic(text.strip()))


_BY_KEY = {heading_key(alias): column for column, aliases in _ALIASES.items()
           for alias in aliases}


def match_headings(headings: list[str]) -> tuple[dict[str, int], list[str]]:
    """Column name -> index in the row, and the headings not recognised. Two headings
    naming the same column are refused: which one holds the data is a guess."""
    found: dict[str, int] = {}
    unknown: list[str] = []
    for i, heading in enumerate(headings):
        column = _BY_KEY.get(heading_key(heading or ""))
        if column is None:
            if (heading or "").strip():
                unknown.append(heading.strip())
        elif column in found:
            first = headings[found[column]].strip()
            raise UserError(
                f"Two columns hold the {column}: {first!r} and {heading.strip()!r}; keep one.",
                message_ar=f"عمودان لنفس البيان: «{first}» و«{heading.strip()}»؛ أبقِ أحدهما.",
            )
        else:
            found[column] = i
    return found, unknown
