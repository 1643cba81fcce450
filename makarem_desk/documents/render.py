"""The three papers: the data-accuracy declaration, the receipt slip, decision letters.

Each takes the declaration's data snapshot (see contracts: built by
``DeclarationService.prepare``) so that what is printed is exactly what was fingerprinted,
and returns the PDF bytes. Identical inputs give identical bytes (reportlab invariant
mode), which the reference-image tests and the verification rely on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..errors import UserError
from . import facts, gender_forms, layout
from .labels import CHANNELS, label
from .page import AssociationInfo, PageWriter
from .qr import qr_matrix
from .wording import Wording, load_wording


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
    writer.heading(label("follow_up", language), size=12)
    lines = []
    for key, names in CHANNELS:
        value = association.channels.get(key, "")
        lines.append(f"{names[language]}: {value}" if value else names[language])
    writer.bullets(lines, size=10.5)


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
    printed_at: datetime | None = None, wording: Wording | None = None,
) -> bytes:
    """The slip the beneficiary takes home (POL-H5 earliest answer date, POL-CH channels)."""
    wording = wording or load_wording("receipt", language)
    reference = str(snapshot.get("reference", ""))
    gender = beneficiary_gender(snapshot)
    values = wording_values(snapshot, language, association)
    title = wording.title_for(values, gender)
    w = PageWriter(language, association, title=title,
                   subject=f"{title} — {reference}", reference=reference)
    w.title_block(title, reference)
    b = snapshot.get("beneficiary", {})
    earliest = facts.as_date(snapshot.get("earliest_answer_date"))
    w.table([
        (label("reference", language), reference),
        (label("full_name", language), facts.name_for(b, language)),
        (label("program", language), facts.program_name(snapshot.get("program", {}), language)),
        (label("earliest_answer", language), facts.both_calendars(earliest, language)),
    ])
    for para in wording.fill(values, gender):
        w.paragraph(para)
    missing = _missing_items(snapshot, language)
    if missing:
        w.heading(label("missing_items", language), size=12)
        w.bullets(missing)
        w.paragraph(label("missing_note", language), size=10.5)
    _channels(w, association, language)
    when = printed_at or facts.as_datetime(snapshot.get("prepared_at"))
    w.paragraph(f"{label('printed_at', language)}: {facts.date_time(when, language)}",
                size=9.5, justify=False)
    return w.finish()


@dataclass(frozen=True)
class LetterJob:
    """One decision letter of a batch."""

    snapshot: dict[str, Any]
    accepted: bool
    reason: str
    decided_at: datetime


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
    w.title_block(wording.title_for(values, gender), reference)
    for para in wording.fill(values, gender):
        w.paragraph(para)
    _channels(w, association, language)
    w.paragraph(f"{label('decision_date', language)}: {facts.both_calendars(day, language)}",
                size=9.5, justify=False)


def _letter_wording(accepted: bool, language: str) -> Wording:
    return load_wording("decision_accepted" if accepted else "decision_rejected", language)


def render_decision_letter(
    snapshot: dict[str, Any], *, language: str, accepted: bool, reason: str,
    decided_at: datetime, association: AssociationInfo, wording: Wording | None = None,
) -> bytes:
    """The letter sent when the committee's decision is recorded (the letters channel)."""
    wording = wording or _letter_wording(accepted, language)
    reference = str(snapshot.get("reference", ""))
    title = wording.title_for(wording_values(snapshot, language, association),
                              beneficiary_gender(snapshot))
    w = PageWriter(language, association, title=title,
                   subject=f"{title} — {reference}", reference=reference)
    _decision_letter_into(w, LetterJob(snapshot, accepted, reason, decided_at), language,
                          association, wording)
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
    w = PageWriter(language, association, title=title, subject=f"{title} ({len(jobs)})",
                   reference=first)
    for i, job in enumerate(jobs):
        if i:
            w.next_document(str(job.snapshot.get("reference", "")))
        _decision_letter_into(w, job, language, association,
                              _letter_wording(job.accepted, language))
    return w.finish()
