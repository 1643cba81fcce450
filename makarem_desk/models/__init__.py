"""The ORM (SQLAlchemy 2). No Qt here."""

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
from .base import Base, Travelling, utcnow
from .library import LibraryDocument, LibraryPassage
from .people import Beneficiary, User
from .programs import MIN_RESPONSE_DAYS, Application, Program
from .records import Contact, Declaration, Referral, SatisfactionResponse
from .system import (
    AuditEvent,
    AuditHead,
    ChangeCounter,
    DocumentWording,
    InterviewDraft,
    Site,
    SyncBatch,
    SyncConflict,
)

TRAVELLING_MODELS: tuple[type[Travelling], ...] = (
    Program,
    Beneficiary,
    Contact,
    Application,
    Declaration,
    Referral,
    SatisfactionResponse,
)

__all__ = [
    "MIN_RESPONSE_DAYS",
    "TRAVELLING_MODELS",
    "Application",
    "ApplicationStatus",
    "AuditEvent",
    "AuditHead",
    "Base",
    "BatchDirection",
    "Beneficiary",
    "LibraryDocument",
    "LibraryPassage",
    "ChangeCounter",
    "Channel",
    "Contact",
    "Declaration",
    "DocumentWording",
    "Gender",
    "IdentityType",
    "InterviewDraft",
    "Program",
    "ProgramCategory",
    "Referral",
    "ReferralReason",
    "ReferralStatus",
    "Role",
    "SatisfactionResponse",
    "SignatureMode",
    "SuggestionStatus",
    "Site",
    "SyncBatch",
    "SyncConflict",
    "Travelling",
    "User",
    "utcnow",
]
