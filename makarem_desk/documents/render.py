"""The three papers: the data-accuracy declaration, the receipt slip, decision letters.

Each takes the declaration's data snapshot (see contracts: built by
``DeclarationService.prepare``) so that what is printed is exactly what was fingerprinted,
and returns the PDF bytes. Identical inputs give identical bytes (reportlab invariant
mode), which the reference-image tests and the verification rely on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.units import mm

from ..errors import UserError
from . import facts, gender_forms, layout
from .blocks import code_block, contact_block, letter_number_block, signatory_block
from .labels import CHANNELS, label
from .page import ROLL_STRIP, AssociationInfo, PageWriter
from .qr import qr_matrix, receipt_code
from .wording import Wording, load_wording

PAPERS = ("a4", "80mm")


def wording_values(snapshot: dict[str, Any], language: str,
                   association: AssociationInfo) -> dict[str, str]:
    b = snapshot.get("beneficiary", {})
    earliest = facts.as_date(snapshot.get("earliest_answer_date"))
    values = {
        "reference": str(snapshot.get("reference", "")),
        "full_name": facts.name_for(b, language),
        "identity_number": str(b.get("identity_number") or label("no_identity", language)),
        "program_name": facts.program_name(snapshot.get("program", {}), language),
        "association_name": association.name(language),
        "earliest_answer_date_hijri": facts.hijri(earliest, language),
        "earliest_answer_date_gregorian": facts.gregorian(earliest, language),
    }
    return _embedded(values, language)


def beneficiary_gender(snapshot: dict[str, Any]) -> str | None:
    """``"male"``, ``"female"`` or None: the papers speak to the person in this gender."""
    return gender_forms.gender_of(snapshot.get("beneficiary", {}).get("gender"))


def _embedded(values: dict[str, str], language: str) -> dict[str, str]:
    if language == "ar":
        return values
    return {k: layout.embed_rtl(v) for k, v in values.items()}


def _applicant_rows(snapshot: dict[str, Any], language: str) -> list[tuple[str, str]]:
    b = snapshot.get("beneficiary", {})
    birth = facts.as_date(b.get("birth_date"))
    rows = [
        (label("full_name", language), facts.name_for(b, language)),
    ]
    if b.get("latin_name"):
        rows.append((label("latin_name", language), str(b["latin_name"])))
    rows += [
        (label("identity", language), facts.identity(b, language)),
        (label("birth_date", language),
         facts.both_calendars(birth, language, facts.typed_hijri(b, "birth_date"))),
        (label("phone", language), facts.phone(b.get("phone"))),
        (label("city", language), facts.city(b)),
        (label("program", language), facts.program_name(snapshot.get("program", {}), language)),
    ]
    return rows


def _missing_items(snapshot: dict[str, Any], language: str) -> list[str]:
    key = "label_en" if language == "en" else "label_ar"
    items = []
    for item in snapshot.get("missing_items") or []:
        if isinstance(item, dict):
            items.append(str(item.get(key) or item.get("label_ar") or item.get("id") or ""))
        else:
            items.append(str(item))
    return [i for i in items if i]


def _channels(writer: PageWriter, association: AssociationInfo, language: str) -> None:
    writer.heading(label("follow_up", language), size=10 if writer.narrow else 12)
    lines = []
    for key, names in CHANNELS:
        value = association.channels.get(key, "")
        lines.append(f"{names[language]}: {value}" if value else names[language])
    writer.bullets(lines, size=8.5 if writer.narrow else 10.5)


def render_declaration(
    snapshot: dict[str, Any], *, language: str, signature_png: bytes | None,
    witness_name: str, signed_at: datetime | None, association: AssociationInfo,
    qr_payload: str, wording: Wording | None = None, preview: bool = False,
    translation: bool = False,
) -> bytes:
    """POL-H4 declaration; unsigned, it has an empty signature line. A ``preview`` (no
    declaration on record, so its code verifies nothing) says so under the title. A
    ``translation`` (a recorded declaration in the other language) says the signed paper
    is the original and has no signature lines: it is read, never signed."""
    wording = wording or load_wording("declaration", language)
    reference = str(snapshot.get("reference", ""))
    gender = beneficiary_gender(snapshot)
    values = wording_values(snapshot, language, association)
    title = wording.title_for(values, gender)
    w = PageWriter(language, association, title=title,
                   subject=f"{title} — {reference}", reference=reference,
                   keywords=qr_payload, qr=qr_matrix(qr_payload),
                   footer_note=f"{label('wording_version', language)}: {wording.version_hash}")
    w.title_block(title, reference)
    if preview:
        w.notice(label("not_signed", language))
    elif translation:
        w.notice(label("translation_note", language))
    w.heading(label("applicant_data", language, gender))
    w.table(_applicant_rows(snapshot, language))
    for para in wording.fill(values, gender):
        w.paragraph(para)
    missing = _missing_items(snapshot, language)
    if missing:
        w.heading(label("missing_items", language), size=12)
        w.bullets(missing)
    signed = signed_at is not None
    when = signed_at or facts.as_datetime(snapshot.get("prepared_at"))
    if translation:
        caption = label("original_signed" if signed else "original_prepared", language)
        w.paragraph(f"{caption}: {facts.date_time(when, language)}", size=10.5, justify=False)
        return w.finish()
    w.signature_block(
        signature_png=signature_png if signed else None,
        signer_name=values["full_name"], witness_name=witness_name,
        when_text=facts.date_time(when, language), signed=signed and bool(signature_png),
        gender=gender,
    )
    return w.finish()


def render_receipt(
    snapshot: dict[str, Any], *, language: str, association: AssociationInfo,
    printed_at: datetime | None = None, wording: Wording | None = None, paper: str = "a4",
) -> bytes:
    """The slip the beneficiary takes home (POL-H5 earliest answer date, POL-CH channels),
    on A4 or on the 80 mm roll of a receipt printer (``paper="80mm"``)."""
    if paper not in PAPERS:
        raise UserError(f"Unknown paper {paper!r}: a4 or 80mm.",
                        message_ar="ورق الإيصال إما A4 أو 80 مم.")
    wording = wording or load_wording("receipt", language)
    # The roll is cut after the last line: the receipt is drawn on a long strip, and the
    # page then ends where it does (``PageWriter.finish``).
    return _receipt_on(None if paper == "a4" else ROLL_STRIP, snapshot, language,
                       association, printed_at, wording)


def _receipt_on(roll_height: float | None, snapshot: dict[str, Any], language: str,
                association: AssociationInfo, printed_at: datetime | None,
                wording: Wording) -> bytes:
    reference = str(snapshot.get("reference", ""))
    title = wording.title_for(wording_values(snapshot, language, association),
                              beneficiary_gender(snapshot))
    code = receipt_code(snapshot)
    w = PageWriter(language, association, title=title, subject=f"{title} — {reference}",
                   reference=reference, keywords=code,
                   qr=None if roll_height else qr_matrix(code), roll_height=roll_height)
    _receipt_into(w, snapshot, language, association, printed_at, wording)
    return w.finish()


def _receipt_into(w: PageWriter, snapshot: dict[str, Any], language: str,
                  association: AssociationInfo, printed_at: datetime | None,
                  wording: Wording) -> None:
    reference = str(snapshot.get("reference", ""))
    gender = beneficiary_gender(snapshot)
    values = wording_values(snapshot, language, association)
    w.title_block(wording.title_for(values, gender), reference)
    b = snapshot.get("beneficiary", {})
    earliest = facts.as_date(snapshot.get("earliest_answer_date"))
    size = 8.5 if w.narrow else 11  # ~32 Arabic letters to a line of the roll
    w.table([
        (label("reference", language), reference),
        (label("full_name", language), facts.name_for(b, language)),
        (label("program", language), facts.program_name(snapshot.get("program", {}), language)),
        (label("earliest_answer", language), facts.both_calendars(earliest, language)),
    ], size=size, label_width=28 * mm if w.narrow else 45 * mm)
    for para in wording.fill(values, gender):
        w.paragraph(para, size=9 if w.narrow else 11.5)
    missing = _missing_items(snapshot, language)
    if missing:
        w.heading(label("missing_items", language), size=10 if w.narrow else 12)
        w.bullets(missing, size=9 if w.narrow else 11)
        w.paragraph(label("missing_note", language), size=9 if w.narrow else 10.5)
    _channels(w, association, language)
    when = printed_at or facts.as_datetime(snapshot.get("prepared_at"))
    w.paragraph(f"{label('printed_at', language)}: {facts.date_time(when, language)}",
                size=8 if w.narrow else 9.5, justify=False)
    if w.narrow:
        code_block(w, qr_matrix(receipt_code(snapshot)), 30 * mm)
        contact_block(w)


@dataclass(frozen=True)
class Outgoing:
    """A letter's outgoing number (صادر), its date and its code."""

    number: str
    issued_on: date
    code: str  # the QR payload (qr.letter_payload)


@dataclass(frozen=True)
class LetterJob:
    """One decision letter of a batch."""

    snapshot: dict[str, Any]
    accepted: bool
    reason: str
    decided_at: datetime
    outgoing: Outgoing | None = None  # None: a preview of the wording, not a letter sent


def _decision_letter_into(w: PageWriter, job: LetterJob, language: str,
                          association: AssociationInfo, wording: Wording) -> None:
    reference = str(job.snapshot.get("reference", ""))
    local = facts.as_datetime(job.decided_at)
    day = local.date() if local else None
    values = wording_values(job.snapshot, language, association)
    values.update(_embedded({
        "decided_at_hijri": facts.hijri(day, language),
        "decided_at_gregorian": facts.gregorian(day, language),
        "decision_reason": " ".join(job.reason.split()) or label("none", language),
    }, language))
    gender = beneficiary_gender(job.snapshot)
    if job.outgoing is not None:
        letter_number_block(w, job.outgoing.number, job.outgoing.issued_on)
    w.title_block(wording.title_for(values, gender), reference)
    for para in wording.fill(values, gender):
        w.paragraph(para)
    signatory_block(w)
    _channels(w, association, language)
    w.paragraph(f"{label('decision_date', language)}: {facts.both_calendars(day, language)}",
                size=9.5, justify=False)


def _letter_wording(accepted: bool, language: str) -> Wording:
    return load_wording("decision_accepted" if accepted else "decision_rejected", language)


def render_decision_letter(
    snapshot: dict[str, Any], *, language: str, accepted: bool, reason: str,
    decided_at: datetime, association: AssociationInfo, wording: Wording | None = None,
    outgoing: Outgoing | None = None,
) -> bytes:
    """The letter sent when the committee's decision is recorded (the letters channel):
    with its ``outgoing`` number, date and code once it is issued."""
    wording = wording or _letter_wording(accepted, language)
    reference = str(snapshot.get("reference", ""))
    title = wording.title_for(wording_values(snapshot, language, association),
                              beneficiary_gender(snapshot))
    code = outgoing.code if outgoing else ""
    w = PageWriter(language, association, title=title,
                   subject=f"{title} — {reference}", reference=reference, keywords=code,
                   qr=qr_matrix(code) if code else None)
    _decision_letter_into(w, LetterJob(snapshot, accepted, reason, decided_at, outgoing),
                          language, association, wording)
    return w.finish()


def render_decision_letters(jobs: Sequence[LetterJob], *, language: str,
                            association: AssociationInfo) -> bytes:
    """Many letters as one PDF (one print job; the font is embedded once, so a page costs
    a fraction of a separate file). Each letter starts on a new page numbered from 1."""
    if not jobs:
        raise UserError("There are no decision letters to print.",
                        message_ar="لا توجد خطابات قرارات للطباعة.")
    title = label("decision_letters", language)
    first = str(jobs[0].snapshot.get("reference", ""))
    def code_of(job: LetterJob) -> list[list[bool]] | None:
        return qr_matrix(job.outgoing.code) if job.outgoing else None

    w = PageWriter(language, association, title=title, subject=f"{title} ({len(jobs)})",
                   reference=first, qr=code_of(jobs[0]))
    for i, job in enumerate(jobs):
        if i:
            w.next_document(str(job.snapshot.get("reference", "")), code_of(job))
        _decision_letter_into(w, job, language, association,
                              _letter_wording(job.accepted, language))
    return w.finish()
