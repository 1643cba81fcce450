"""Documents for the interface and the command line: the record in, a PDF out.

``DocumentService(db)`` is what both call; the interface passes the signed-in user's
language and shows or prints the bytes (QtPdf), the command line writes them to a file.
Every paper handed out is audited: a declaration when it is printed for the file, a receipt
or a decision letter whenever it is made (shown on screen, each can be printed or saved
from the preview without coming back here).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from ..audit import record_event
from ..db import Database
from ..models import Channel, utcnow
from ..permissions import COUNTER_WORK, guarded, register
from ..saudi_time import KSA
from ..services.actor import Actor
from ..services.contacts import ContactInput, ContactService
from ..services.declarations import DeclarationService
from ..services.letter_numbers import number_letter
from ..snapshot import sha256_of
from . import records
from .qr import letter_payload, payload_for
from .render import (
    LetterJob,
    Outgoing,
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
    language: str = "ar"  # the language the PDF is in
    translation: bool = False  # a recorded declaration in the language it was not signed in


register({
    # Papers for the beneficiary are printed at the counter (POL-H4, POL-H5 letters).
    "DocumentService.declaration_for_identity": COUNTER_WORK,
    "DocumentService.declaration": COUNTER_WORK,
    "DocumentService.receipt": COUNTER_WORK,
    "DocumentService.decision_letters_since": COUNTER_WORK,
    "DocumentService.decision_letter": COUNTER_WORK,
})

_LETTERS = uuid.UUID("6f1d2a4e-0c53-4f0e-9a51-3c1b7d9e2f10")  # namespace of letter contacts


class DocumentService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def declaration_for_identity(self, actor: Actor, national_id: str, *,
                                 program_code: str | None = None, language: str = "ar",
                                 record: bool = False, keep_pdf: bool = False,
                                 now: datetime | None = None,
                                 translate: bool = False) -> DeclarationPdf:
        app_id = records.latest_application_id(self.db, national_id, program_code)
        return self.declaration(actor, app_id, language=language, record=record,
                                keep_pdf=keep_pdf, now=now, translate=translate)

    @guarded
    def declaration(self, actor: Actor, application_id: uuid.UUID, *, language: str = "ar",
                    record: bool = False, keep_pdf: bool = False,
                    now: datetime | None = None, translate: bool = False) -> DeclarationPdf:
        """The application's latest declaration as a PDF.

        With no declaration on record the paper is a preview, unless ``record``: then the
        declaration is prepared by ``actor`` (snapshot and wording version stored) so that
        the printed paper can be signed on paper and verified later. ``keep_pdf`` (the
        paper is being printed, not just shown) stores the PDF and the printing time with
        the recorded declaration — what the association files; once that copy is the
        signed one, it is what a reprint gives back.

        A recorded declaration is printed in the language it was prepared in, whatever
        ``language`` says — unless ``translate``: then a declaration recorded in the other
        language comes as a translation marked as such, without signature lines, and is
        never filed as the declaration's paper.
        """
        if record and records.print_job(
            self.db, application_id, language=language, now=now
        ).declaration is None:
            DeclarationService(self.db).prepare(actor, application_id, language, now=now)
        job = records.print_job(self.db, application_id, language=language, now=now)
        association = records.association_info(self.db)
        decl = job.declaration
        sha = decl.snapshot_sha256 if decl else sha256_of(job.snapshot)
        # The stored declaration is printed in the language it was prepared in.
        lang = str(job.snapshot.get("language") or language) if decl else language
        original = lang
        translation = decl is not None and translate and lang != language
        if translation:
            lang = language
        pdf = render_declaration(
            job.snapshot, language=lang,
            signature_png=decl.signature_png if decl else None,
            witness_name=decl.witness_name if decl else "",
            signed_at=decl.signed_at if decl else None,
            association=association, qr_payload=payload_for(job.reference, sha),
            preview=decl is None, translation=translation,
        )
        if translation and keep_pdf:  # read by the beneficiary, never filed as the original
            self._printed(actor, "declaration_translation_printed", job.application_id,
                          {"reference": job.reference, "language": lang,
                           "original_language": original})
        elif decl is not None and keep_pdf:
            pdf = DeclarationService(self.db).attach_pdf(actor, decl.id, pdf, printed_at=now)
        elif keep_pdf:  # a preview printed: no declaration to file it with, still a paper out
            self._printed(actor, "declaration_preview_printed", job.application_id,
                          {"reference": job.reference, "language": lang})
        return DeclarationPdf(pdf, job.reference, sha, preview=decl is None, language=lang,
                              translation=translation)

    @guarded
    def receipt(self, actor: Actor, reference: str, *, language: str = "ar",
                printed_at: datetime | None = None, paper: str | None = None) -> bytes:
        """The receipt on A4 or the 80 mm roll (``paper``; default: the Settings' choice)."""
        snapshot = records.snapshot_of_reference(self.db, reference)
        paper = paper or records.receipt_paper(self.db)
        pdf = render_receipt(snapshot, language=language,
                             association=records.association_info(self.db),
                             printed_at=printed_at or utcnow(), paper=paper)
        self._printed(actor, "receipt_printed", snapshot.get("application_id", ""),
                      {"reference": reference, "language": language, "paper": paper})
        return pdf

    @guarded
    def decision_letters_since(self, actor: Actor, since: datetime, *, language: str = "ar",
                               send: bool = False,
                               now: datetime | None = None) -> tuple[bytes, list[str]]:
        """Every letter of the decisions recorded since ``since``, as one PDF; with
        ``send`` each is also recorded as a contact through the letters channel."""
        references = records.decided_since(self.db, since)
        jobs = []
        for ref in references:
            decision = records.decision_of(self.db, ref)
            jobs.append(LetterJob(records.snapshot_of_reference(self.db, ref),
                                  decision.accepted, decision.reason, decision.decided_at,
                                  self._outgoing(actor, decision, now)))
        pdf = render_decision_letters(jobs, language=language,
                                      association=records.association_info(self.db))
        for ref, job in zip(references, jobs, strict=True):
            self._letter_printed(actor, ref, job.snapshot, language, send)
        if send:
            for ref in references:
                self._record_letter(records.decision_of(self.db, ref), actor)
        return pdf, references

    @guarded
    def decision_letter(self, actor: Actor, reference: str, *, language: str = "ar",
                        send: bool = False, now: datetime | None = None) -> bytes:
        """The committee's decision as a letter; with ``send`` the letter is also recorded
        as a contact through the letters channel (POL-CH), once per decision however often
        it is reprinted. The first printing gives it its outgoing number and date; a
        reprint carries the same."""
        decision = records.decision_of(self.db, reference)
        snapshot = records.snapshot_of_reference(self.db, reference)
        pdf = render_decision_letter(snapshot, language=language, accepted=decision.accepted,
                                     reason=decision.reason, decided_at=decision.decided_at,
                                     association=records.association_info(self.db),
                                     outgoing=self._outgoing(actor, decision, now))
        self._letter_printed(actor, reference, snapshot, language, send)
        if send:
            self._record_letter(decision, actor)
        return pdf

    def _outgoing(self, actor: Actor, decision: records.Decision,
                  now: datetime | None) -> Outgoing:
        today = (now or utcnow()).astimezone(KSA).date()
        with self.db.session() as s:
            issued = number_letter(s, actor, application_id=decision.application_id or "",
                                   reference=decision.reference, accepted=decision.accepted,
                                   decided_at=decision.decided_at, today=today)
        return Outgoing(issued.number, issued.issued_on,
                        letter_payload(decision.reference, issued.number, issued.digest))

    def _letter_printed(self, actor: Actor, reference: str, snapshot: dict[str, object],
                        language: str, send: bool) -> None:
        self._printed(actor, "decision_letter_printed", snapshot.get("application_id", ""),
                      {"reference": reference, "language": language, "sent": send})

    def _printed(self, actor: Actor, action: str, application_id: object,
                 details: dict[str, object]) -> None:
        with self.db.session() as s:
            record_event(s, actor, action, entity="application", entity_id=application_id,
                         details=details)

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
