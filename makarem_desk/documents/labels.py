"""Fixed labels of the printed documents, in Arabic and English.

The wording an administrator edits (paragraphs, titles) lives in forms/documents/; these
are the captions of tables and signature blocks, which change with the layout, not the
policy.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "reference": {"ar": "رقم الطلب", "en": "Reference"},
    "full_name": {"ar": "الاسم الكامل", "en": "Full name"},
    "latin_name": {"ar": "الاسم باللاتينية", "en": "Name in Latin letters"},
    "identity": {"ar": "الهوية", "en": "Identity"},
    "birth_date": {"ar": "تاريخ الميلاد", "en": "Date of birth"},
    "phone": {"ar": "رقم الجوال", "en": "Mobile phone"},
    "city": {"ar": "المدينة / الحي", "en": "City / district"},
    "program": {"ar": "البرنامج", "en": "Program"},
    "applicant_data": {"ar": "بيانات مقدم الطلب", "en": "Applicant's data"},
    "missing_items": {"ar": "المتطلبات الناقصة", "en": "Missing requirements"},
    "missing_note": {
        "ar": "يستكمل التسجيل بعد استيفاء هذه المتطلبات.",
        "en": "Registration is completed once these are supplied.",
    },
    "earliest_answer": {"ar": "أقرب موعد للرد", "en": "Earliest answer date"},
    "applicant_signature": {"ar": "توقيع مقدم الطلب", "en": "Applicant's signature"},
    "signed_on_paper": {"ar": "(يوقع على الورق)", "en": "(to be signed on paper)"},
    "witness": {"ar": "الموظف المستلم (شاهد)", "en": "Receiving officer (witness)"},
    "date_time": {"ar": "التاريخ والوقت", "en": "Date and time"},
    "not_signed": {"ar": "مسودة للمراجعة — لم يسجل الإقرار بعد، فلا يعتمد للتوقيع",
                   "en": "Preview — the declaration is not recorded yet; not for signing"},
    "wording_version": {"ar": "إصدار النص", "en": "Wording version"},
    # A recorded declaration printed in the other language: each language's note names
    # the other as the original (there are two).
    "translation_note": {
        "ar": "ترجمة — الإقرار الموقع باللغة الإنجليزية هو الأصل، فلا توقع هذه النسخة",
        "en": "Translation — the signed Arabic declaration is the original; not for signing",
    },
    "original_signed": {"ar": "تاريخ توقيع الأصل", "en": "Original signed"},
    "original_prepared": {"ar": "تاريخ إعداد الأصل", "en": "Original prepared"},
    "follow_up": {"ar": "للمتابعة والاستفسار", "en": "To follow up or ask"},
    "decision_date": {"ar": "تاريخ القرار", "en": "Date of decision"},
    "decision_letters": {"ar": "خطابات قرارات لجنة البحث",
                         "en": "Letters of the research committee's decisions"},
    "printed_at": {"ar": "تاريخ الطباعة", "en": "Printed"},
    "page": {"ar": "صفحة", "en": "Page"},
    "none": {"ar": "—", "en": "—"},
    # The letterhead (Settings): each printed only when filled.
    "contact_phone": {"ar": "هاتف", "en": "Tel."},
    "contact_website": {"ar": "الموقع", "en": "Web"},
    "contact_address": {"ar": "العنوان", "en": "Address"},
    "contact_licence": {"ar": "ترخيص رقم", "en": "Licence No."},
    # A decision letter's outgoing number and date (صادر), signatory and stamp.
    "letter_number": {"ar": "الرقم", "en": "No."},
    "letter_date": {"ar": "التاريخ", "en": "Date"},
    "letter_date_gregorian": {"ar": "الموافق", "en": "Gregorian"},
    "signatory": {"ar": "المفوض بالتوقيع", "en": "Authorised signatory"},
    "stamp": {"ar": "الختم", "en": "Stamp"},
    # POL-E3: persons of unknown identity have no number to print in the wording
    "no_identity": {"ar": "(بدون رقم هوية)", "en": "(no identity number)"},
}

IDENTITY_TYPES = {
    "citizen_id": {"ar": "هوية وطنية", "en": "National ID"},
    "iqama": {"ar": "إقامة", "en": "Residence permit (iqama)"},
    "passport": {"ar": "جواز سفر", "en": "Passport"},
    "none": {"ar": "بدون هوية", "en": "No identity document"},
}

# POL-CH: the association's channels, in the policy's order; a configured value (a phone
# number, an address) is printed beside the channel's name.
CHANNELS: list[tuple[str, dict[str, str]]] = [
    ("interview", {"ar": "المقابلة في مقر الجمعية", "en": "In person at the association"}),
    ("phone", {"ar": "الاتصالات الهاتفية", "en": "Telephone"}),
    ("social_media", {"ar": "وسائل التواصل الاجتماعي", "en": "Social media"}),
    ("letter", {"ar": "الخطابات", "en": "Letters"}),
    ("assistance_request", {"ar": "خدمات طلب المساعدة", "en": "Assistance-request services"}),
    ("volunteering", {"ar": "خدمة التطوع", "en": "Volunteering service"}),
    ("website", {"ar": "الموقع الإلكتروني للجمعية", "en": "The association's website"}),
]


# Captions naming the beneficiary, as they read for a woman; a man, or a person whose
# gender is not recorded, is named in the masculine (the generic form of Arabic captions).
FEMININE_AR: dict[str, str] = {
    "applicant_data": "بيانات مقدمة الطلب",
    "applicant_signature": "توقيع مقدمة الطلب",
}


def label(key: str, language: str, gender: str | None = None) -> str:
    if gender == "female" and language == "ar" and key in FEMININE_AR:
        return FEMININE_AR[key]
    return LABELS[key][language]
