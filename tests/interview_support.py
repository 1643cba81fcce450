"""Helpers shared by the interview tests: people, answers and a driver per program."""

from __future__ import annotations

import base64
import itertools
from datetime import date
from typing import Any

from makarem_desk.models import Role
from makarem_desk.services.actor import Actor
from makarem_desk.validation.identity import luhn_check_digit

TODAY = date(2026, 11, 29)
RECEPTIONIST = Actor(None, "reem", "ريم الدوسري", Role.RECEPTIONIST)
RESEARCHER = Actor(None, "khalid", "خالد العتيبي", Role.SOCIAL_RESEARCHER)
COMMITTEE = Actor(None, "saad", "سعد الشهري", Role.COMMITTEE_MEMBER)


def _signature_png() -> bytes:
    """A small real PNG: signatures are decoded when they are captured."""
    import io

    from PIL import Image, ImageDraw

    im = Image.new("LA", (120, 40), (0, 0))
    ImageDraw.Draw(im).line((4, 30, 60, 8, 116, 28), fill=(0, 255), width=3)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


PNG = _signature_png()
_serial = itertools.count(1)


def saudi_id(first: str = "1") -> str:
    body = f"{first}{next(_serial):08d}"
    return body + luhn_check_digit(body)


def person(**over: Any) -> dict[str, Any]:
    data = dict(
        first_name="محمد", father_name="عبدالله", grandfather_name="سعد",
        family_name="القحطاني", identity_type="citizen_id", identity_number=saudi_id(),
        identity_expiry="2030-01-01", gender="male", birth_date="1995-03-04",
        nationality="SA", phone="0501234567", city="الرياض",
    )
    data.update(over)
    return data


ELIGIBILITY: dict[str, dict[str, Any]] = {
    "TRN-ACCOUNTING": {
        "qualification": "بكالوريوس محاسبة", "qualification_matches": True,
        "experience_years": 2, "experience_fits": True, "seriousness": "fee",
        "fee_amount": 500, "fee_receipt": "R-1001", "computer_literate": True,
    },
    "QURAN-MEMO": {
        "qualification": "ثانوية عامة", "qualification_matches": True, "experience_fits": True,
        "seriousness": "penalty", "penalty_accepted": True, "penalty_signed": "on_paper",
        "placement_juz": 3,
    },
    "VOL-EVENTS": {
        "platform_registered": True, "platform_id": "NVP-55821", "abilities_fit": True,
        "record_checked": True, "ratings_acceptable": True,
    },
    "ORPHAN-SPONSOR": {
        "verification": "partner", "partner_name": "جمعية إنسان لرعاية الأيتام",
        "partner_reference": "خ/1448/332", "partner_confirms": True,
    },
    "UNKNOWN-IDENTITY": {
        "verification": "partner", "partner_name": "الشؤون الاجتماعية بالرياض",
        "partner_reference": "ش/1448/77", "partner_confirms": True,
    },
    "FIELD-CONF": {
        "target_group_member": True, "location_suits": True, "heard_through": "invitation",
        "invitation_sent": True, "invitation_channel": "sms",
    },
}
DOCUMENTS: dict[str, dict[str, Any]] = {
    "TRN-ACCOUNTING": {"identity_copy": "provided", "certificates": "provided", "cv": "missing"},
    "QURAN-MEMO": {"identity_copy": "provided", "certificates": "provided"},
    "VOL-EVENTS": {"identity_copy": "provided"},
    "VOL-TUTOR": {"identity_copy": "provided", "platform_certificate": "missing"},
    "ORPHAN-SPONSOR": {"identity_copy": "provided", "partner_letter": "provided",
                       "family_card": "provided"},
    "UNKNOWN-IDENTITY": {"partner_letter": "provided"},
    "FIELD-CONF": {"identity_copy": "provided"},
}


def script(code: str, who: dict[str, Any] | None = None, *,
           eligibility: dict[str, Any] | None = None,
           documents: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The steps of a whole interview that ends registered and rated."""
    return [
        {"step": "reception", "values": {"program_code": code, "purpose": "التسجيل في البرنامج",
                                         "first_visit": True}},
        {"step": "identify", "values": {"new": True}},
        {"step": "personal", "values": who or person()},
        {"step": "eligibility", "values": eligibility or ELIGIBILITY[code]},
        {"step": "documents", "values": documents or DOCUMENTS[code]},
        {"step": "clarity", "values": {"procedures_clear": True}},
        {"step": "declaration", "values": {
            "data_verified": True, "responsibility_statement": True, "signature": "on_screen",
            "signature_png": base64.b64encode(PNG).decode()}},
        {"step": "notice", "values": {"committee_notice": True}},
        {"step": "registration", "values": {}},
        {"step": "delivery", "values": {"service_given": "شرح البرنامج وتسليم إيصال الطلب",
                                        "receipt_printed": True}},
        {"step": "satisfaction", "values": {"score": 5, "anonymous": True,
                                            "answers": {"time_enough": True,
                                                        "procedure_ease": "easy"}}},
    ]
