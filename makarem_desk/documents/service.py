"""Documents for the interface and the command line: the record in, a PDF out.

``DocumentService(db)`` is what both call; the interface passes the signed-in user's
language and shows or prints the bytes (QtPdf), the command line writes them to a file.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from ..db import Database
from ..models import Channel, utcnow
from ..services.actor import Actor
from ..services.contacts import ContactInput, ContactService
from ..services.declarations import DeclarationService
from ..snapshot import sha256_of
from . import records
from .qr import payload_for
from .render import (
    LetterJob,
    render_decision_letter,
    render_decision_letters,
    render_declaration,
    render_receipt,
)


@dataclass(frozen=True)
class DeclarationPdf:
    pdf: bytes
    reference: str
    snapshot_sha256: str
    preview: bool  # True: no declaration is recorded yet; the QR will not verify


_LETTERS = uuid.UUID("6f1d2a4e-0c53-4f0e-9a51-3c1b7d9e2f10")  # namespace of letter contacts


class DocumentService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def declaration_for_identity(self, national_id: str, *, program_code: str | None = None,
                                 language: str = "ar", record_as: Actor | None = None,
                                 keep_pdf: bool = False,
                                 now: datetime | None = None) -> DeclarationPdf:
        app_id = records.latest_application_id(self.db, national_id, program_code)
        return self.declaration(app_id, language=language, record_as=record_as,
                                keep_pdf=keep_pdf, now=now)

    def declaration(self, application_id: uuid.UUID, *, language: str = "ar",
                    record_as: Actor | None = None, keep_pdf: bool = False,
                    now: datetime | None = None) -> DeclarationPdf:
        """The application's latest declaration as a PDF.

        With no declaration on record the paper is a preview, unless ``record_as`` is
        given: then the declaration is prepared (snapshot and wording version stored) so
        that the printed paper can be signed on paper and verified later. ``keep_pdf``
        (the paper is being printed, not just shown) stores the PDF and the printing time
        with the recorded declaration — what the association files.
        """
        if record_as is not None and records.print_job(
            self.db, application_id, language=language, now=now
        ).declaration is None:
            DeclarationService(self.db).prepare(record_as, application_id, language, now=now)
        job = records.print_job(self.db, application_id, language=language, now=now)
        association = records.association_info(self.db)
        decl = job.declaration
        sha = decl.snapshot_sha256 if decl else sha256_of(job.snapshot)
        # The stored declaration is printed in the language it was prepared in.
        lang = str(job.snapshot.get("language") or language) if decl else language
        pdf = render_declaration(
            job.snapshot, language=lang,
            signature_png=decl.signature_png if decl else None,
            witness_name=decl.witness_name if decl else "",
            signed_at=decl.signed_at if decl else None,
            association=association, qr_payload=payload_for(job.reference, sha),
            preview=decl is None,
        )
        if decl is not None and keep_pdf:
            DeclarationService(self.db).attach_pdf(decl.id, pdf, printed_at=now)
        return DeclarationPdf(pdf, job.reference, sha, preview=decl is None)

    def receipt(self, reference: str, *, language: str = "ar",
                printed_at: datetime | None = None) -> bytes:
        snapshot = records.snapshot_of_reference(self.db, reference)
        return render_receipt(snapshot, language=language,
                              association=records.association_info(self.db),
                              printed_at=printed_at or utcnow())

    def decision_letters_since(self, since: datetime, *, language: str = "ar",
                               sent_by: Actor | None = None) -> tuple[bytes, list[str]]:
        """Every letter of the decisions recorded since ``since``, as one PDF."""
        references = records.decided_since(self.db, since)
        jobs = []
        for ref in references:
            decision = records.decision_of(self.db, ref)
            jobs.append(LetterJob(records.snapshot_of_reference(self.db, ref),
                                  decision.accepted, decision.reason, decision.decided_at))
        pdf = render_decision_letters(jobs, language=language,
                                      association=records.association_info(self.db))
        if sent_by is not None:
            for ref in references:
                self._record_letter(records.decision_of(self.db, ref), sent_by)
        return pdf, references

    def decision_letter(self, reference: str, *, language: str = "ar",
                        sent_by: Actor | None = None) -> bytes:
        """The committee's decision as a letter; with ``sent_by`` the letter is also
        recorded as a contact through the letters channel (POL-CH), once per decision
        however often it is reprinted."""
        decision = records.decision_of(self.db, reference)
        snapshot = records.snapshot_of_reference(self.db, reference)
        pdf = render_decision_letter(snapshot, language=language, accepted=decision.accepted,
                                     reason=decision.reason, decided_at=decision.decided_at,
                                     association=records.association_info(self.db))
        if sent_by is not None:
            self._record_letter(decision, sent_by)
        return pdf

    def _record_letter(self, decision: records.Decision, sent_by: Actor) -> None:
        outcome = "accepted" if decision.accepted else "rejected"
        key = f"decision-letter:{decision.reference}:{outcome}:{decision.decided_at.isoformat()}"
        ContactService(self.db).record(
            sent_by,
            ContactInput(channel=Channel.LETTER, beneficiary_id=decision.beneficiary_id,
                         purpose=f"خطاب قرار لجنة البحث — {decision.reference}",
                         answer=outcome),
            contact_id=uuid.uuid5(_LETTERS, key),
        )
