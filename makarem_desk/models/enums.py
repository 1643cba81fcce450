"""The domain's value enums, defined in ``makarem_desk.values`` (ORM-free, so the interface
can use them without importing the models) and re-exported here for the columns."""

from __future__ import annotations

from ..values import (
    ApplicationStatus,
    BatchDirection,
    Channel,
    Gender,
    IdentityType,
    ProgramCategory,
    ReferralReason,
    ReferralStatus,
    Role,
    SignatureMode,
    SuggestionStatus,
)

__all__ = [
    "ApplicationStatus",
    "BatchDirection",
    "Channel",
    "Gender",
    "IdentityType",
    "ProgramCategory",
    "ReferralReason",
    "ReferralStatus",
    "Role",
    "SignatureMode",
    "SuggestionStatus",
]
