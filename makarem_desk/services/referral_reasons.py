"""Why a beneficiary was referred to the social-research officer (POL-H3), in Arabic and
English, for the command line and the printed reports (the screens translate the same
codes through Qt Linguist)."""

from __future__ import annotations

from ..errors import UserError
from ..models import ReferralReason

# In the order the counter is offered them; "other" last.
REASON_LABELS: dict[ReferralReason, dict[str, str]] = {
    ReferralReason.UNCLEAR_PROCEDURE: {"ar": "الإجراءات غير واضحة للمستفيد",
                                       "en": "Procedures unclear to the beneficiary"},
    ReferralReason.SPECIAL_CIRCUMSTANCES: {"ar": "ظروف خاصة", "en": "Special circumstances"},
    ReferralReason.DOCUMENTS: {"ar": "المستندات أو صحة البيانات",
                               "en": "Documents or the data given"},
    ReferralReason.ELIGIBILITY: {"ar": "شروط البرنامج والأهلية",
                                 "en": "Program conditions and eligibility"},
    ReferralReason.COMPLAINT: {"ar": "شكوى أو عدم رضا", "en": "Complaint or dissatisfaction"},
    ReferralReason.OTHER: {"ar": "سبب آخر", "en": "Other reason"},
}


def effective_code(code: str | None) -> ReferralReason:
    """The code a referral is counted and shown under: referrals made before codes existed
    (NULL) count as "other"."""
    if code is None:
        return ReferralReason.OTHER
    return ReferralReason(code)


def reason_label(code: str | None, lang: str) -> str:
    """The label of a reason code in "ar" or "en"; None (an old referral) reads as other."""
    try:
        labels = REASON_LABELS[effective_code(code)]
    except ValueError:
        return str(code)  # a code this version does not know: show it rather than fail
    return labels["ar" if lang.startswith("ar") else "en"]


def parse_reason_code(value: str | ReferralReason | None) -> ReferralReason:
    """A reason code typed or chosen by staff; missing or unknown is a clear error."""
    text = (value.value if isinstance(value, ReferralReason) else value or "").strip()
    if not text:
        raise UserError(
            "Choose the kind of reason for the referral.",
            message_ar="اختر نوع سبب الإحالة إلى مسؤول البحث الاجتماعي.")
    try:
        return ReferralReason(text.lower().replace("-", "_"))
    except ValueError:
        raise UserError(
            f"Unknown referral reason code {text!r}; use one of: {_choices()}.",
            message_ar="نوع سبب الإحالة غير معروف؛ اختر أحد الأنواع المعروضة.") from None


def _choices() -> str:
    return ", ".join(c.value for c in ReferralReason)
