"""Contacts, declarations, referrals and satisfaction responses."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..values import (
    Channel,
    ReferralReason,
    ReferralStatus,
    SignatureMode,
    SuggestionStatus,
)
from .base import Base, Travelling, enum_column


class Contact(Travelling, Base):
    """POL-CH: every contact with a beneficiary, through one of the seven channels."""

    __tablename__ = "contact"

    beneficiary_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("beneficiary.id"), default=None, index=True
    )
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), index=True)
    purpose: Mapped[str] = mapped_column(String(400), default="")
    staff_user_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    staff_name: Mapped[str] = mapped_column(String(200), default="")
    caller_name: Mapped[str | None] = mapped_column(String(200), default=None)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    answer: Mapped[str | None] = mapped_column(Text, default=None)
    outcome: Mapped[str | None] = mapped_column(String(40), default=None)
    follow_up_needed: Mapped[bool] = mapped_column(Boolean, default=False)


class Declaration(Travelling, Base):
    """POL-H4: the data-accuracy declaration (إقرار صحة البيانات) the applicant signs."""

    __tablename__ = "declaration"

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("application.id"), index=True)
    data_snapshot: Mapped[dict[str, Any]] = mapped_column()
    snapshot_sha256: Mapped[str] = mapped_column(String(64))
    wording_version: Mapped[str] = mapped_column(String(64))
    signature_mode: Mapped[SignatureMode | None] = mapped_column(
        enum_column(SignatureMode), default=None
    )
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    signed_at: Mapped[datetime | None] = mapped_column(default=None)
    printed_at: Mapped[datetime | None] = mapped_column(default=None)
    witness_user_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    witness_name: Mapped[str] = mapped_column(String(200), default="")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)

    @property
    def is_signed(self) -> bool:
        return self.signature_mode is not None and self.signed_at is not None


class Referral(Travelling, Base):
    """POL-H3: a referral to the social-research officer (مسؤول البحث الاجتماعي)."""

    __tablename__ = "referral"

    beneficiary_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("beneficiary.id"), default=None, index=True
    )
    application_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("application.id"), default=None, index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"), default=None)
    reason: Mapped[str] = mapped_column(Text)
    # None on referrals made before reason codes existed; shown as "other".
    reason_code: Mapped[ReferralReason | None] = mapped_column(
        enum_column(ReferralReason), default=None
    )
    referred_by: Mapped[uuid.UUID | None] = mapped_column(default=None)
    assigned_to: Mapped[uuid.UUID | None] = mapped_column(default=None)
    status: Mapped[ReferralStatus] = mapped_column(
        enum_column(ReferralStatus), default=ReferralStatus.OPEN, index=True
    )
    answer: Mapped[str | None] = mapped_column(Text, default=None)
    answered_at: Mapped[datetime | None] = mapped_column(default=None)
    answered_by: Mapped[uuid.UUID | None] = mapped_column(default=None)


class SatisfactionResponse(Travelling, Base):
    """POL-G5/G6: a rating is the beneficiary's right, for improvement, never punishment.

    ``staff_user_id`` is kept for aggregate improvement of the procedure; reports must not
    rank individual staff.
    """

    __tablename__ = "satisfaction_response"

    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"), default=None)
    application_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("application.id"), default=None
    )
    beneficiary_id: Mapped[uuid.UUID | None] = mapped_column(default=None)  # None if anonymous
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    channel: Mapped[str] = mapped_column(String(32), default="interview")
    staff_user_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    score: Mapped[int] = mapped_column(Integer)  # 1..5
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    comment: Mapped[str | None] = mapped_column(Text, default=None)
    # The program the service was about, kept even when the rating is anonymous: results by
    # program are shown only for groups of five or more (POL-G6), so it singles no one out.
    program_code: Mapped[str | None] = mapped_column(String(40), default=None)
    # POL-GOAL: a free-text suggestion (answers["suggestion"] or the comment) is followed up.
    suggestion_status: Mapped[SuggestionStatus | None] = mapped_column(
        enum_column(SuggestionStatus), default=None
    )
    suggestion_note: Mapped[str | None] = mapped_column(Text, default=None)
    suggestion_updated_at: Mapped[datetime | None] = mapped_column(default=None)
