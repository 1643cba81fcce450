"""The rules of a whole beneficiary record, shared by the counter form and the importer.

``clean_beneficiary`` checks every field and returns the cleaned values together with
*all* problems found, so the interface can mark every wrong field at once (POL-H2).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..models import Gender, IdentityType
from .dates import check_birth_date, parse_date
from .emails import validate_email
from .errors import ValidationError
from .identity import check_not_expired, normalize_identity_number, validate_saudi_id
from .names import clean_latin_name, clean_name_part, clean_text
from .phone import normalize_phone

NAME_FIELDS = ("first_name", "father_name", "grandfather_name", "family_name")
_PASSPORT = re.compile(r"[A-Z0-9]{5,20}")
_COUNTRY = re.compile(r"[A-Z]{2}")

GENDER_WORDS: dict[str, Gender] = {
    "male": Gender.MALE, "m": Gender.MALE, "ذكر": Gender.MALE, "رجل": Gender.MALE,
    "female": Gender.FEMALE, "f": Gender.FEMALE, "أنثى": Gender.FEMALE, "انثى": Gender.FEMALE,
    "انثي": Gender.FEMALE, "أنثي": Gender.FEMALE, "امرأة": Gender.FEMALE,
}
IDENTITY_TYPE_WORDS: dict[str, IdentityType] = {
    **{t.value: t for t in IdentityType},
    "هوية وطنية": IdentityType.CITIZEN_ID, "الهوية الوطنية": IdentityType.CITIZEN_ID,
    "إقامة": IdentityType.IQAMA, "اقامة": IdentityType.IQAMA, "جواز سفر": IdentityType.PASSPORT,
    "جواز": IdentityType.PASSPORT, "بدون": IdentityType.NONE,
}


def _err(field: str, code: str, en: str, ar: str) -> ValidationError:
    return ValidationError(field, code, en, ar)


def parse_gender(raw: object, field: str = "gender") -> Gender:
    if isinstance(raw, Gender):
        return raw
    key = clean_text(str(raw or ""), field).casefold()
    if not key:
        raise _err(field, "required", "The gender is required.", "الجنس مطلوب.")
    try:
        return GENDER_WORDS[key]
    except KeyError:
        raise _err(field, "invalid", "The gender must be male or female (ذكر / أنثى).",
                   "الجنس يجب أن يكون ذكر أو أنثى.") from None


def parse_identity_type(raw: object, field: str = "identity_type") -> IdentityType | None:
    if isinstance(raw, IdentityType) or raw is None:
        return raw
    key = clean_text(str(raw), field).casefold()
    if not key:
        return None
    try:
        return IDENTITY_TYPE_WORDS[key]
    except KeyError:
        raise _err(field, "invalid",
                   "The identity type must be citizen_id, iqama, passport or none.",
                   "نوع الهوية يجب أن يكون هوية وطنية أو إقامة أو جواز سفر أو بدون.") from None


def _as_date(raw: object, field: str) -> date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, date):
        return raw
    return parse_date(str(raw), field=field)


def _identity(values: dict[str, Any], data: Mapping[str, Any], errors: list[ValidationError],
              today: date) -> None:
    """POL-H2 identity rules; POL-E3 persons of unknown identity carry no number but must
    name the partner body that verified them and its reference."""
    try:
        id_type = parse_identity_type(data.get("identity_type"))
    except ValidationError as e:
        errors.append(e)
        return
    raw_number = str(data.get("identity_number") or "")
    number = normalize_identity_number(raw_number)
    if id_type is None:
        if not number:
            errors.append(_err("identity_type", "required", "The identity type is required.",
                               "نوع الهوية مطلوب."))
            return
        if number[:1] in ("1", "2", "١", "٢"):
            id_type = IdentityType.CITIZEN_ID if number[0] in "1١" else IdentityType.IQAMA
        else:
            id_type = IdentityType.PASSPORT
    values["identity_type"] = id_type
    values["identity_number"] = None
    if id_type in (IdentityType.CITIZEN_ID, IdentityType.IQAMA):
        try:
            number, implied = validate_saudi_id(raw_number)
            values["identity_number"] = number
            if implied is not id_type:
                errors.append(_err(
                    "identity_number", "type_mismatch",
                    "A national ID number starts with 1 and an iqama number with 2; this "
                    "number does not match the chosen identity type.",
                    "رقم الهوية الوطنية يبدأ بالرقم ١ ورقم الإقامة بالرقم ٢؛ الرقم لا يطابق "
                    "نوع الهوية المختار.",
                ))
        except ValidationError as e:
            errors.append(e)
    elif id_type is IdentityType.PASSPORT:
        number = number.upper()
        if not number:
            errors.append(_err("identity_number", "required", "The passport number is required.",
                               "رقم جواز السفر مطلوب."))
        elif not _PASSPORT.fullmatch(number):
            errors.append(_err(
                "identity_number", "passport_format",
                "A passport number has 5 to 20 Latin letters and digits.",
                "رقم جواز السفر يتكون من ٥ إلى ٢٠ حرفًا لاتينيًا ورقمًا.",
            ))
        else:
            values["identity_number"] = number
    else:  # IdentityType.NONE
        if number:
            errors.append(_err(
                "identity_number", "not_allowed",
                "A person of unknown identity has no identity number; choose another "
                "identity type or clear the number.",
                "صاحب الهوية غير المعروفة ليس له رقم هوية؛ اختر نوع هوية آخر أو امسح الرقم.",
            ))
        for field, en, ar in (
            ("verifying_partner", "the partner body that verified this person (POL-E3)",
             "الجهة الشريكة التي تحققت من المستفيد"),
            ("partner_reference", "the partner body's reference for this person",
             "مرجع الجهة الشريكة"),
        ):
            try:
                values[field] = clean_text(str(data.get(field) or ""), field, required=True,
                                           max_length=200)
            except ValidationError:
                errors.append(_err(field, "required",
                                   f"Without an identity number, {en} is required.",
                                   f"عند عدم وجود رقم هوية يجب إدخال {ar}."))
    try:
        expiry = _as_date(data.get("identity_expiry"), "identity_expiry")
        values["identity_expiry"] = expiry
        if expiry is not None:
            if id_type is IdentityType.NONE:
                errors.append(_err("identity_expiry", "not_allowed",
                                   "There is no identity document to expire.",
                                   "لا توجد وثيقة هوية لها تاريخ انتهاء."))
            else:
                check_not_expired(expiry, today)
    except ValidationError as e:
        errors.append(e)


def clean_beneficiary(
    data: Mapping[str, Any], today: date
) -> tuple[dict[str, Any], list[ValidationError]]:
    """Cleaned column values and every problem found, in form order."""
    values: dict[str, Any] = {}
    errors: list[ValidationError] = []
    _identity(values, data, errors, today)
    unknown_identity = values.get("identity_type") is IdentityType.NONE
    for field in NAME_FIELDS:
        # POL-E3: of a person of unknown identity perhaps only a first name is known; the
        # grandfather's name is optional for everyone (a four-part name is often three).
        required = field == "first_name" or (
            not unknown_identity and field in ("father_name", "family_name")
        )
        try:
            values[field] = clean_name_part(data.get(field), field, required=required)
        except ValidationError as e:
            errors.append(e)
    try:
        values["latin_name"] = clean_latin_name(data.get("latin_name")) or None
    except ValidationError as e:
        errors.append(e)
    try:
        values["gender"] = parse_gender(data.get("gender"))
    except ValidationError as e:
        errors.append(e)
    try:
        birth = _as_date(data.get("birth_date"), "birth_date")
        if birth is not None:
            check_birth_date(birth, today)
        values["birth_date"] = birth
    except ValidationError as e:
        errors.append(e)
    _nationality(values, data, errors)
    for field in ("phone", "phone_alt"):
        raw = str(data.get(field) or "")
        if not raw.strip():
            values[field] = None
            if field == "phone" and not unknown_identity:
                errors.append(_err("phone", "required", "The mobile number is required.",
                                   "رقم الجوال مطلوب."))
            continue
        try:
            values[field] = normalize_phone(raw, field=field)
        except ValidationError as e:
            errors.append(e)
    if values.get("phone_alt") and values.get("phone_alt") == values.get("phone"):
        values["phone_alt"] = None
    try:
        values["email"] = validate_email(data.get("email")) or None
    except ValidationError as e:
        errors.append(e)
    for field, limit in (("city", 80), ("district", 80)):
        try:
            values[field] = clean_text(data.get(field), field, max_length=limit) or None
        except ValidationError as e:
            errors.append(e)
    try:
        values["notes"] = clean_text(data.get("notes"), "notes", max_length=4000,
                                     multiline=True) or None
    except ValidationError as e:
        errors.append(e)
    return values, errors


def _nationality(values: dict[str, Any], data: Mapping[str, Any],
                 errors: list[ValidationError]) -> None:
    raw = clean_text(str(data.get("nationality") or ""), "nationality").upper()
    id_type = values.get("identity_type")
    if not raw and id_type is IdentityType.CITIZEN_ID:
        raw = "SA"
    if raw and not _COUNTRY.fullmatch(raw):
        errors.append(_err("nationality", "invalid",
                           "The nationality is a two-letter country code (e.g. SA, EG, YE).",
                           "الجنسية رمز دولة من حرفين لاتينيين (مثل SA).",))
        return
    if id_type is IdentityType.CITIZEN_ID and raw != "SA":
        errors.append(_err("nationality", "citizen_not_sa",
                           "A national ID belongs to a Saudi citizen (nationality SA).",
                           "الهوية الوطنية لمواطن سعودي (الجنسية SA)."))
    elif id_type is IdentityType.IQAMA and raw == "SA":
        errors.append(_err("nationality", "resident_sa",
                           "An iqama belongs to a resident, not a Saudi citizen.",
                           "الإقامة لمقيم وليست لمواطن سعودي."))
    values["nationality"] = raw or None
