"""The reason codes of a referral (POL-H3) and their Arabic/English labels, the one mapping
the command line and the printed reports use."""

from __future__ import annotations

import pytest

from makarem_desk.errors import UserError
from makarem_desk.models import ReferralReason
from makarem_desk.services.referral_reasons import (
    REASON_LABELS,
    parse_reason_code,
    reason_label,
)


def test_every_code_has_both_labels_and_they_differ() -> None:
    assert list(REASON_LABELS) == list(ReferralReason)
    arabic = [reason_label(c.value, "ar") for c in ReferralReason]
    english = [reason_label(c.value, "en") for c in ReferralReason]
    assert len(set(arabic)) == len(set(english)) == len(ReferralReason)
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in a) for a in arabic)
    assert reason_label("documents", "ar") == "المستندات أو صحة البيانات"
    assert reason_label("complaint", "en") == "Complaint or dissatisfaction"


def test_old_referrals_without_a_code_read_as_other() -> None:
    assert reason_label(None, "ar") == reason_label("other", "ar") == "سبب آخر"
    assert reason_label(None, "en") == "Other reason"


def test_parse_accepts_codes_and_refuses_missing_or_unknown() -> None:
    assert parse_reason_code("eligibility") is ReferralReason.ELIGIBILITY
    assert parse_reason_code(" Unclear-Procedure ") is ReferralReason.UNCLEAR_PROCEDURE
    assert parse_reason_code(ReferralReason.OTHER) is ReferralReason.OTHER
    for missing in (None, "", "  "):
        with pytest.raises(UserError) as err:
            parse_reason_code(missing)
        assert err.value.message_ar == "اختر نوع سبب الإحالة إلى مسؤول البحث الاجتماعي."
    with pytest.raises(UserError, match="Unknown referral reason code 'gossip'; use one of: "
                                        "unclear_procedure, special_circumstances"):
        parse_reason_code("gossip")
