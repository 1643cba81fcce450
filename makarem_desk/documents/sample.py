"""A fixed, fictitious application for previews of the wording, the tests and the benchmark.

An administrator who edits a template in forms/documents/ prints it with this data to see
the result before any beneficiary does. Every value is invented; the identity number is a
valid-looking Luhn number that belongs to no one.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from typing import Any

from ..snapshot import sha256_of
from .page import AssociationInfo
from .qr import letter_payload, payload_for
from .render import Outgoing, render_declaration

_SNAPSHOT: dict[str, Any] = {
    "reference": "RYD1-2026-000123",
    "application_id": "0b4f7a56-2d53-4a39-9d83-6c1f1f9b1a11",
    "language": "ar",
    "beneficiary": {
        "id": "5f0e2b8c-7c1d-4f5e-8a7b-2b3c4d5e6f70",
        "full_name": "عبدالرحمن محمد صالح القحطاني",
        "first_name": "عبدالرحمن",
        "father_name": "محمد",
        "grandfather_name": "صالح",
        "family_name": "القحطاني",
        "latin_name": "Abdulrahman M. Al-Qahtani",
        "identity_type": "citizen_id",
        "identity_number": "1012345674",
        "identity_expiry": "2029-03-01",
        "birth_date": "1990-01-29",
        "gender": "male",
        "nationality": "SA",
        "phone": "+966551234567",
        "city": "الرياض",
        "district": "النسيم",
    },
    "program": {
        "code": "ACAD-IT",
        "name_ar": "برنامج التأهيل في تقنية المعلومات (IT)",
        "name_en": "IT qualification program",
        "category": "academic",
    },
    "missing_items": [
        {"id": "certificate", "label_ar": "صورة المؤهل الدراسي (الشهادة الثانوية)",
         "label_en": "Copy of the school-leaving certificate"},
    ],
    "earliest_answer_date": "2026-12-13",
    "prepared_at": "2026-11-29T10:15:00+00:00",
    "site": {"id": "RYD1", "association_name": "جمعية مكارم الأخلاق الخيرية",
             "association_name_en": "Makarem Al-Akhlaq Charitable Association"},
}

SIGNED_AT = datetime(2026, 11, 29, 10, 21, tzinfo=UTC)
# The sample letter's outgoing number and date (a preview's letter has none).
LETTER_NUMBER = "RYD1/1448/0012"
LETTER_ISSUED_ON = date(2026, 12, 21)
DECIDED_AT = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)
WITNESS = "سارة أحمد الشهري"
# Worded as a noun phrase, as the committee is asked to: it fits a man and a woman alike.
REJECTION_REASON = "عدم استيفاء شرط المؤهل: الثانوية العامة بنسبة 75% على الأقل (المادة 3/ب)"

# The same application made by a woman: the papers must speak to her as a woman.
_WOMAN = {
    "full_name": "نورة عبدالله صالح القحطاني",
    "first_name": "نورة",
    "father_name": "عبدالله",
    "latin_name": "Noura A. Al-Qahtani",
    "gender": "female",
}


def sample_snapshot(gender: str | None = "male") -> dict[str, Any]:
    """The man's application; ``"female"``: a woman's; None: the gender is not recorded."""
    snap = copy.deepcopy(_SNAPSHOT)
    if gender == "female":
        snap["beneficiary"].update(_WOMAN)
    elif gender is None:
        snap["beneficiary"]["gender"] = None
    return snap


def sample_association() -> AssociationInfo:
    return AssociationInfo(
        name_ar="جمعية مكارم الأخلاق الخيرية",
        name_en="Makarem Al-Akhlaq Charitable Association",
        logo_png=None,
        channels={"phone": "+966 11 234 5678", "website": "www.makarem.example.sa",
                  "social_media": "@makarem_sa"},
        phone="+966 11 234 5678", website="www.makarem.example.sa",
        address="الرياض، حي النسيم، شارع الأمير سعود بن محمد",
        address_en="Prince Saud bin Mohammed St., Al-Naseem, Riyadh", licence="1234",
        signatory_name="خالد عبدالعزيز الدوسري", signatory_title="رئيس لجنة البحث",
        signatory_name_en="Khalid A. Al-Dosari",
        signatory_title_en="Chair of the Research Committee",
    )


def sample_outgoing(accepted: bool) -> Outgoing:
    """The sample letter's number, date and code (as ``DocumentService`` issues them)."""
    from ..services.letter_numbers import LetterNumber, decision_time

    reference = str(_SNAPSHOT["reference"])
    issued = LetterNumber(LETTER_NUMBER, LETTER_ISSUED_ON, reference,
                          "accepted" if accepted else "rejected", decision_time(DECIDED_AT))
    return Outgoing(LETTER_NUMBER, LETTER_ISSUED_ON,
                    letter_payload(reference, LETTER_NUMBER, issued.digest))


def sample_declaration(snap: dict[str, Any]) -> bytes:
    """The Arabic declaration of ``snap`` as the counter prints it for signing by hand (no
    signature image), its code from the snapshot's SHA-256: the paper the benchmark and
    the font tests print."""
    return render_declaration(
        snap, language="ar", signature_png=None, witness_name=WITNESS, signed_at=SIGNED_AT,
        association=sample_association(), qr_payload=payload_for(snap["reference"], sha256_of(snap)))
