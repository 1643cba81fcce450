"""Closed vocabularies of the domain. Values are stored as these strings.

Plain ``enum`` classes with no ORM and no Qt: the interface (``ui/``), the core services and
the models (``models.enums`` re-exports them for the columns) share these very classes, so
the interface never has to import ``models`` to name a role or a status (issue 12)."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    RECEPTIONIST = "receptionist"
    SOCIAL_RESEARCHER = "social_researcher"
    COMMITTEE_MEMBER = "committee_member"
    ADMINISTRATOR = "administrator"


class IdentityType(enum.StrEnum):
    CITIZEN_ID = "citizen_id"  # الهوية الوطنية
    IQAMA = "iqama"  # الإقامة
    PASSPORT = "passport"
    NONE = "none"  # POL-E3: persons of unknown identity


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class Channel(enum.StrEnum):
    """POL-CH: the seven contact channels, in the policy's order."""

    INTERVIEW = "interview"  # المقابلة
    PHONE = "phone"  # الاتصالات الهاتفية
    SOCIAL_MEDIA = "social_media"  # وسائل التواصل الاجتماعي
    LETTER = "letter"  # الخطابات
    ASSISTANCE_REQUEST = "assistance_request"  # خدمات طلب المساعدة
    VOLUNTEERING = "volunteering"  # خدمة التطوع
    WEBSITE = "website"  # الموقع الإلكتروني للجمعية


class ProgramCategory(enum.StrEnum):
    ACADEMIC = "academic"  # POL-E1 academic and qualification (training)
    VOLUNTEERING = "volunteering"  # POL-E2
    SPECIAL_GROUPS = "special_groups"  # POL-E3 orphans, prisons, unknown identity
    FIELD = "field"  # POL-E4 field programs, meetings, conferences


class ApplicationStatus(enum.StrEnum):
    DRAFT = "draft"  # interview in progress
    INCOMPLETE = "incomplete"  # POL-H6: registration pending missing items
    SUBMITTED = "submitted"  # POL-H5: with the research committee
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    NOT_ELIGIBLE = "not_eligible"  # closed at the counter by the eligibility checks
    WITHDRAWN = "withdrawn"


class ReferralStatus(enum.StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


class ReferralReason(enum.StrEnum):
    """Why the counter referred a beneficiary to the social-research officer (POL-H3)."""

    UNCLEAR_PROCEDURE = "unclear_procedure"  # the procedures are unclear to the beneficiary
    SPECIAL_CIRCUMSTANCES = "special_circumstances"  # a case the checklist does not fit
    DOCUMENTS = "documents"  # doubt about a document or the data given
    ELIGIBILITY = "eligibility"  # a question about the program's conditions
    COMPLAINT = "complaint"  # dissatisfaction to be heard and explained
    OTHER = "other"


class SuggestionStatus(enum.StrEnum):
    """POL-GOAL: a beneficiary's suggestion is followed up, not only stored."""

    NEW = "new"
    UNDER_REVIEW = "under_review"
    ADOPTED = "adopted"
    NOT_ADOPTED = "not_adopted"


class SignatureMode(enum.StrEnum):
    ON_SCREEN = "on_screen"
    ON_PAPER = "on_paper"


class BatchDirection(enum.StrEnum):
    EXPORT = "export"
    IMPORT = "import"
