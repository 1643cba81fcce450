"""Printed documents: ``declaration``, ``verify-declaration`` (and ``verify``: any paper's
code), ``print-receipt``, ``print-decision``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import UserError
from .common import acting_for, add_by_option, open_database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("declaration", help="print the data-accuracy declaration (PDF)",
                       description="Writes the declaration of the beneficiary's latest "
                       "application; a preview with an empty signature line if none is "
                       "signed yet.")
    p.add_argument("--national-id", required=True, metavar="ID",
                   help="the beneficiary's identity number")
    p.add_argument("--program", metavar="CODE", help="only applications to this program")
    p.add_argument("--record", action="store_true",
                   help="if none is on record, prepare the declaration first so the paper "
                   "can be signed on paper and verified")
    _common(p)
    # No default: a language asked for on a recorded declaration of the other language
    # gives a translation marked as such, never silently the recorded one.
    p.set_defaults(language=None)
    add_by_option(p)
    p.set_defaults(handler=_declaration)

    for name in ("verify-declaration", "verify"):
        v = sub.add_parser(
            name, help="check a printed declaration, receipt or decision letter against the "
            "record", description="Reads the code on a paper (our PDF, or a scan or photo) — a "
            "declaration, a receipt or a decision letter — and says whether it matches the "
            "record. Exit 0 only for a match.")
        v.add_argument("file", nargs="?", type=Path,
                       help="the PDF, or a PNG/JPEG scan or photo of the paper")
        v.add_argument("--payload", metavar="TEXT", help="the code's text, e.g. from a scanner")
        v.set_defaults(handler=_verify)

    r = sub.add_parser("print-receipt", help="print the receipt slip of an application (PDF)")
    r.add_argument("--reference", required=True, help="e.g. RYD1-2026-000123")
    r.add_argument("--paper", choices=("a4", "80mm"),
                   help="A4, or the 80 mm roll of a receipt printer (default: the letterhead "
                   "setting)")
    _common(r)
    add_by_option(r)
    r.set_defaults(handler=_receipt)

    d = sub.add_parser("print-decision", help="print the committee's decision letter (PDF)")
    d.add_argument("--reference", required=True, help="e.g. RYD1-2026-000123")
    d.add_argument("--send", action="store_true",
                   help="also record the letter as a contact through the letters channel")
    _common(d)
    add_by_option(d)
    d.set_defaults(handler=_decision)

    m = sub.add_parser("print-decisions",
                       help="print every decision letter recorded since a date, as one PDF")
    m.add_argument("--since", required=True, metavar="DATE",
                   help="Hijri 1448/06/19 or Gregorian 2026-11-29 (Riyadh time)")
    m.add_argument("--send", action="store_true",
                   help="also record each letter as a contact through the letters channel")
    _common(m)
    add_by_option(m)
    m.set_defaults(handler=_decisions)

    w = sub.add_parser("preview-wording",
                       help="print a document with invented sample data (after editing its wording)",
                       description="Renders a document from the wording templates in "
                       "forms/documents/ with a fictitious applicant, so an administrator sees "
                       "an edit before any beneficiary does: one page for a man, one for a "
                       "woman and one for a person whose gender is not recorded. Needs no "
                       "database.")
    w.add_argument("document", choices=("declaration", "receipt", "decision_accepted",
                                         "decision_rejected"))
    w.add_argument("--gender", choices=PREVIEW_GENDERS, action="append",
                   help="only this applicant (repeatable; default: all three)")
    _common(w)
    w.set_defaults(handler=_preview_wording)


# The sample applicant of each preview page: a man, a woman, and no gender on record.
PREVIEW_GENDERS = ("male", "female", "unknown")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", choices=("ar", "en"), default="ar")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")


def _write(path: Path, pdf: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(pdf)
        tmp.replace(path)
    except OSError as exc:
        raise UserError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    print(f"wrote {path} ({len(pdf) // 1024 + 1} KiB)")


def _declaration(args: argparse.Namespace) -> int:
    from ..documents import service

    db = open_database(args)
    try:
        # Printing is audited, files the PDF with the declaration on record and, with
        # --record, prepares one: all in the name of the member of staff at the counter.
        result = service.DocumentService(db).declaration_for_identity(
            acting_for(args, db), args.national_id, program_code=args.program,
            language=args.language or "ar", record=args.record, keep_pdf=True,
            translate=args.language is not None)
    finally:
        db.dispose()
    _write(args.out, result.pdf)
    if result.translation:
        original = "Arabic" if result.language == "en" else "English"
        print(f"translation: the declaration on record was prepared in {original}; this "
              f"copy is marked as a translation and has no signature lines (the signed "
              f"{original} paper is the original)", file=sys.stderr)
    if result.preview:
        print("preview: no declaration is recorded for this application yet "
              "(--record prepares one)", file=sys.stderr)
    return 0


def _verify(args: argparse.Namespace) -> int:
    from ..documents import qr, verification
    from ..documents.verify_input import read_payload

    if args.payload is None and args.file is None:
        raise UserError("Give the paper's PDF (or a scan or photo), or --payload TEXT.")
    payload = qr.parse_payload(args.payload if args.payload is not None
                               else read_payload(args.file))
    db = open_database(args)
    try:
        check = verification.verify_paper(db, payload)
    finally:
        db.dispose()
    for line in verification.explain(check):
        print(line)
    return 0 if check.ok else 1


def _receipt(args: argparse.Namespace) -> int:
    from ..documents import service

    db = open_database(args)
    try:
        pdf = service.DocumentService(db).receipt(acting_for(args, db), args.reference,
                                                  language=args.language, paper=args.paper)
    finally:
        db.dispose()
    _write(args.out, pdf)
    return 0


def _decision(args: argparse.Namespace) -> int:
    from ..documents import service

    db = open_database(args)
    try:
        pdf = service.DocumentService(db).decision_letter(
            acting_for(args, db), args.reference, language=args.language, send=args.send)
    finally:
        db.dispose()
    _write(args.out, pdf)
    return 0


def _decisions(args: argparse.Namespace) -> int:
    from datetime import datetime

    from ..documents import service
    from ..saudi_time import KSA
    from ..validation.dates import parse_date

    day = parse_date(args.since, "since")
    since = datetime(day.year, day.month, day.day, tzinfo=KSA)
    db = open_database(args)
    try:
        pdf, references = service.DocumentService(db).decision_letters_since(
            acting_for(args, db), since, language=args.language, send=args.send)
    finally:
        db.dispose()
    _write(args.out, pdf)
    print(f"{len(references)} letters: {', '.join(references)}")
    return 0


def _preview_wording(args: argparse.Namespace) -> int:
    from ..documents import sample
    from ..documents.wording import load_wording

    pages = []
    for gender in args.gender or PREVIEW_GENDERS:
        snap = sample.sample_snapshot(None if gender == "unknown" else gender)
        pages.append(_sample_pdf(args.document, args.language, snap, sample.sample_association()))
    _write(args.out, _joined(pages))
    for number, gender in enumerate(args.gender or PREVIEW_GENDERS, start=1):
        print(f"page {number}: {_PREVIEW_PERSON[gender]}")
    print(f"wording version {load_wording(args.document, args.language).version_hash}")
    return 0


_PREVIEW_PERSON = {"male": "a man", "female": "a woman",
                   "unknown": "gender not recorded (the n: forms)"}


def _sample_pdf(document: str, lang: str, snap: dict[str, Any], assoc: Any) -> bytes:
    from ..documents import sample
    from ..documents.qr import payload_for
    from ..documents.render import (
        render_decision_letter,
        render_declaration,
        render_receipt,
    )
    from ..snapshot import sha256_of

    if document == "declaration":
        return render_declaration(snap, language=lang, signature_png=None,
                                  witness_name=sample.WITNESS, signed_at=None, association=assoc,
                                  qr_payload=payload_for(snap["reference"], sha256_of(snap)),
                                  preview=True)
    if document == "receipt":
        return render_receipt(snap, language=lang, association=assoc)
    accepted = document == "decision_accepted"
    return render_decision_letter(snap, language=lang, accepted=accepted,
                                  reason="" if accepted else sample.REJECTION_REASON,
                                  decided_at=sample.DECIDED_AT, association=assoc,
                                  outgoing=sample.sample_outgoing(accepted))


def _joined(pdfs: list[bytes]) -> bytes:
    if len(pdfs) == 1:
        return pdfs[0]
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(io.BytesIO(pdf))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
