"""Everything the beneficiary profile screen shows, read in one unit of work."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import UserError
from ..models import (
    Application,
    ApplicationStatus,
    AuditEvent,
    Beneficiary,
    Channel,
    Contact,
    Declaration,
    Referral,
    ReferralReason,
    ReferralStatus,
    Role,
    SignatureMode,
    User,
)
from ..permissions import READS, guarded, register
from .actor import Actor
from .beneficiaries import BeneficiaryView, view_of
from .referral_reasons import effective_code

register({
    "ProfileService.load": READS,
    # The filed paper is part of the record every reader sees; each copy handed out is audited.
    "ProfileService.declaration_pdf": READS,
})


@dataclass(frozen=True)
class ContactRow:
    id: uuid.UUID
    channel: Channel
    purpose: str
    staff_name: str
    started_at: datetime
    outcome: str | None


@dataclass(frozen=True)
class ApplicationSummary:
    id: uuid.UUID
    reference: str
    program_name_ar: str
    program_name_en: str
    status: ApplicationStatus
    submitted_at: datetime | None
    response_due: datetime | None
    decision_reason: str | None
    created_at: datetime | None = None  # opened at the counter: its place in the history


@dataclass(frozen=True)
class DeclarationRow:
    id: uuid.UUID
    application_id: uuid.UUID
    reference: str
    signature_mode: SignatureMode | None
    signed_at: datetime | None
    printed_at: datetime | None
    has_pdf: bool


@dataclass(frozen=True)
class ReferralSummary:
    id: uuid.UUID
    reason: str
    status: ReferralStatus
    answer: str | None
    created_at: datetime
    # POL-H3: the counter sees the researcher's answer, when and by whom it was given.
    reason_code: ReferralReason = ReferralReason.OTHER
    answered_at: datetime | None = None
    answered_by: str = ""  # the name, when the user belongs to this installation


# The papers handed to the beneficiary, as the audit trail records each printing.
PAPER_ACTIONS = ("declaration_printed", "declaration_reprinted",
                 "declaration_translation_printed", "receipt_printed",
                 "decision_letter_printed")


@dataclass(frozen=True)
class PaperRow:
    """One paper printed for the beneficiary: which (an audit action), when, by whom.

    Whom as the interface names a person (the full name and the role of the user), not the
    log-in the audit trail keeps: "admin" means nothing to a receptionist.  Both are empty
    for a user this installation does not know (the program itself, a user of another
    installation)."""
    action: str
    printed_at: datetime
    reference: str
    printed_by: str  # the user's full name
    printed_by_role: Role | None = None


@dataclass(frozen=True)
class BeneficiaryProfile:
    person: BeneficiaryView
    contacts: list[ContactRow]
    applications: list[ApplicationSummary]
    declarations: list[DeclarationRow]
    referrals: list[ReferralSummary]
    papers: list[PaperRow] = field(default_factory=list)  # newest first


class ProfileService:
    def __init__(self, db: Database):
        self.db = db

    @guarded
    def load(self, actor: Actor, beneficiary_id: uuid.UUID) -> BeneficiaryProfile:
        with self.db.reader() as s:
            b = s.get(Beneficiary, beneficiary_id)
            if b is None:
                raise UserError("No such beneficiary.", message_ar="المستفيد غير موجود.")
            person = view_of(b)
            contacts = [
                ContactRow(c.id, c.channel, c.purpose, c.staff_name, c.started_at, c.outcome)
                for c in s.scalars(select(Contact).where(Contact.beneficiary_id == b.id)
                                   .order_by(Contact.started_at.desc()))
            ]
            apps = list(s.scalars(select(Application).where(Application.beneficiary_id == b.id)
                                  .order_by(Application.created_at.desc())).unique())
            applications = [
                ApplicationSummary(a.id, a.reference, a.program.name_ar, a.program.name_en,
                                   a.status, a.submitted_at, a.response_due, a.decision_reason,
                                   a.created_at)
                for a in apps
            ]
            refs = {a.id: a.reference for a in apps}
            declarations = [
                DeclarationRow(d.id, d.application_id, refs.get(d.application_id, ""),
                               d.signature_mode, d.signed_at, d.printed_at, d.pdf is not None)
                for d in s.scalars(select(Declaration)
                                   .where(Declaration.application_id.in_(list(refs)))
                                   .order_by(Declaration.created_at.desc()))
            ] if refs else []
            referrals = [
                ReferralSummary(r.id, r.reason, r.status, r.answer, r.created_at,
                                effective_code(r.reason_code), r.answered_at, answered_by or "")
                for r, answered_by in s.execute(
                    select(Referral, User.full_name)
                    .outerjoin(User, User.id == Referral.answered_by)
                    .where(Referral.beneficiary_id == b.id)
                    .order_by(Referral.created_at.desc()))
            ]
            papers = _papers(s, refs, {d.id: d.reference for d in declarations})
        return BeneficiaryProfile(person, contacts, applications, declarations, referrals,
                                  papers)

    @guarded
    def declaration_pdf(self, actor: Actor, declaration_id: uuid.UUID) -> bytes:
        """The PDF as printed, for a reprint: the same bytes, never re-rendered."""
        with self.db.session() as s:
            d = s.get(Declaration, declaration_id)
            if d is None or d.pdf is None:
                raise UserError("This declaration has no printed copy yet.",
                                message_ar="لا توجد نسخة مطبوعة من هذا الإقرار بعد.")
            record_event(s, actor, "declaration_reprinted", entity="declaration",
                         entity_id=d.id, details={"application_id": str(d.application_id),
                                                  "pdf_sha256": hashlib.sha256(d.pdf).hexdigest()})
            return d.pdf


def _papers(s: Session, applications: dict[uuid.UUID, str],
            declarations: dict[uuid.UUID, str]) -> list[PaperRow]:
    """Every printing of this beneficiary's declarations, receipts and letters, newest
    first: the audit trail names the application (receipts, letters) or the declaration."""
    keys = {("application", str(k)): ref for k, ref in applications.items()}
    keys.update({("declaration", str(k)): ref for k, ref in declarations.items()})
    if not keys:
        return []
    rows = s.execute(
        select(AuditEvent.action, AuditEvent.at, AuditEvent.entity, AuditEvent.entity_id,
               User.full_name, User.role)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(AuditEvent.action.in_(PAPER_ACTIONS),
               AuditEvent.entity_id.in_([k[1] for k in keys]))
        .order_by(AuditEvent.seq.desc()))
    return [PaperRow(action, at, keys[(entity, entity_id)], full_name or "", role)
            for action, at, entity, entity_id, full_name, role in rows
            if (entity, entity_id) in keys]
