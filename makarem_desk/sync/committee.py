"""The research committee's side (POL-H5): applications awaiting a decision, their
declaration PDFs, and recording the decision that travels back to the counter."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..db import Database
from ..models import Application, ApplicationStatus, Declaration
from ..permissions import COMMITTEE_ONLY, READS, guarded, register
from ..services.actor import Actor
from ..services.applications import ApplicationService

register({
    "CommitteeService.decide": COMMITTEE_ONLY,
    # The queue and its declarations are reads: counter staff may look at what awaits the
    # committee ("you can look" on the screen); only the committee decides.
    "CommitteeService.pending": READS,
    "CommitteeService.declaration_pdf": READS,
})


@dataclass(frozen=True)
class PendingApplication:
    id: uuid.UUID
    reference: str
    beneficiary_name: str
    identity_number: str | None
    program_name_ar: str
    submitted_at: datetime | None
    response_due: datetime | None
    missing_items: list[Any]
    has_declaration_pdf: bool
    site_id: str
    program_name_en: str = ""  # the interface shows the program in its own language


class CommitteeService:
    def __init__(self, db: Database):
        self.db = db

    @guarded
    def pending(self, actor: Actor) -> list[PendingApplication]:
        with self.db.reader() as s:
            apps = s.scalars(
                select(Application)
                .where(Application.status == ApplicationStatus.SUBMITTED)
                .order_by(Application.response_due, Application.reference)
            ).unique().all()
            with_pdf = set(s.scalars(
                select(Declaration.application_id).where(
                    Declaration.application_id.in_([a.id for a in apps]),
                    Declaration.pdf.is_not(None),
                )
            ).all()) if apps else set()
            return [
                PendingApplication(
                    id=a.id,
                    reference=a.reference,
                    beneficiary_name=a.beneficiary.full_name,
                    identity_number=a.beneficiary.identity_number,
                    program_name_ar=a.program.name_ar,
                    submitted_at=a.submitted_at,
                    response_due=a.response_due,
                    missing_items=list(a.missing_items or []),
                    has_declaration_pdf=a.id in with_pdf,
                    site_id=a.site_id,
                    program_name_en=a.program.name_en,
                )
                for a in apps
            ]

    @guarded
    def declaration_pdf(self, actor: Actor, application_id: uuid.UUID) -> bytes | None:
        """The newest printed declaration of the application."""
        with self.db.reader() as s:
            return s.scalars(
                select(Declaration.pdf)
                .where(Declaration.application_id == application_id,
                       Declaration.pdf.is_not(None))
                .order_by(Declaration.created_at.desc())
                .limit(1)
            ).first()

    @guarded
    def decide(
        self,
        actor: Actor,
        reference: str,
        *,
        accepted: bool,
        reason: str,
        decided_at: datetime | None = None,
    ) -> None:
        ApplicationService(self.db).record_decision(
            actor, reference, accepted, reason.strip(), decided_at=decided_at
        )
