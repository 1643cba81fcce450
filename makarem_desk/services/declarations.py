"""POL-H4: the data-accuracy declaration (إقرار صحة البيانات).

``prepare`` freezes what the applicant declares as a data snapshot whose SHA-256 is
printed (QR) and stored; the signature is taken on screen or recorded as made on paper.
The wording version used is recorded (Governance).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import PolicyViolation, UserError
from ..models import (
    MIN_RESPONSE_DAYS,
    Application,
    Declaration,
    DocumentWording,
    SignatureMode,
    Site,
    utcnow,
)
from ..permissions import COUNTER_WORK, READS, guarded, register
from ..saudi_time import KSA
from ..snapshot import sha256_of
from .actor import Actor
from .signature_image import check_signature_png

register({
    # POL-H4: the declaration is prepared, signed and printed with the applicant at a counter.
    "DeclarationService.prepare": COUNTER_WORK,
    "DeclarationService.sign_on_screen": COUNTER_WORK,
    "DeclarationService.sign_on_paper": COUNTER_WORK,
    "DeclarationService.attach_pdf": COUNTER_WORK,
    "DeclarationService.get": READS,
    "DeclarationService.for_application": READS,
})

LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class WordingRef:
    version_hash: str
    text: str


def wording_for(language: str) -> WordingRef:
    """The declaration wording in force (one line to change if the documents API moves)."""
    from ..documents.wording import load_wording

    w = load_wording("declaration", language)
    return WordingRef(w.version_hash, w.text)


@dataclass(frozen=True)
class DeclarationView:
    id: uuid.UUID
    application_id: uuid.UUID
    data_snapshot: dict[str, Any]
    snapshot_sha256: str
    wording_version: str
    signature_mode: SignatureMode | None
    signature_png: bytes | None
    signed_at: datetime | None
    printed_at: datetime | None
    witness_name: str
    has_pdf: bool

    @property
    def is_signed(self) -> bool:
        return self.signature_mode is not None and self.signed_at is not None


def _view(d: Declaration) -> DeclarationView:
    return DeclarationView(d.id, d.application_id, dict(d.data_snapshot), d.snapshot_sha256,
                           d.wording_version, d.signature_mode, d.signature_png, d.signed_at,
                           d.printed_at, d.witness_name, d.pdf is not None)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None




def earliest_answer_date(prepared_at: datetime) -> date:
    """POL-H5: the committee answers in no less than two weeks — counted from the day at
    the counter (a declaration at 00:30 in Riyadh is still 21:30 the day before in UTC)."""
    return prepared_at.astimezone(KSA).date() + timedelta(days=MIN_RESPONSE_DAYS)


def build_snapshot(a: Application, site: Site | None, site_id: str, language: str,
                   prepared_at: datetime) -> dict[str, Any]:
    b, p = a.beneficiary, a.program
    snapshot: dict[str, Any] = {
        "reference": a.reference,
        "application_id": str(a.id),
        "language": language,
        "beneficiary": {
            "id": str(b.id), "full_name": b.full_name, "first_name": b.first_name,
            "father_name": b.father_name, "grandfather_name": b.grandfather_name,
            "family_name": b.family_name, "latin_name": b.latin_name,
            "identity_type": b.identity_type.value, "identity_number": b.identity_number,
            "identity_expiry": _iso(b.identity_expiry), "birth_date": _iso(b.birth_date),
            "gender": b.gender.value if b.gender else None, "nationality": b.nationality,
            "phone": b.phone, "city": b.city, "district": b.district,
        },
        "program": {"code": p.code, "name_ar": p.name_ar, "name_en": p.name_en,
                    "category": p.category.value},
        "missing_items": [
            {"id": m["id"], "label_ar": m.get("label_ar", ""), "label_en": m.get("label_en", "")}
            for m in a.missing_items
        ],
        "earliest_answer_date": earliest_answer_date(prepared_at).isoformat(),
        "prepared_at": prepared_at.isoformat(),
        "site": {
            "id": site.id if site else site_id,
            "association_name": site.association_name if site else "",
            "association_name_en": site.association_name_en if site else "",
        },
    }
    typed = (b.extra or {}).get("typed_hijri")
    if typed:  # the Hijri dates as typed, printed back as typed (validation/dates.py)
        snapshot["beneficiary"]["typed_hijri"] = dict(typed)
    return snapshot


def _filed_copy_is_final(d: Declaration) -> bool:
    """The stored PDF is what was signed: the paper signed by hand was printed before the
    signature was recorded; an on-screen signature is on the paper printed after it."""
    if not d.is_signed or d.pdf is None:
        return False
    if d.signature_mode is SignatureMode.ON_PAPER:
        return True
    return d.printed_at is not None and d.signed_at is not None and d.printed_at >= d.signed_at


def _unstamped(snapshot: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in snapshot.items() if k not in ("prepared_at", "earliest_answer_date")}


class DeclarationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def prepare(self, actor: Actor, application_id: uuid.UUID, language: str,
                now: datetime | None = None) -> uuid.UUID:
        """Freeze the application's data for the applicant to sign. Preparing again with
        unchanged data returns the unsigned declaration already prepared."""
        if language not in LANGUAGES:
            raise UserError(f"Unknown language {language!r}.", message_ar="لغة غير معروفة.")
        wording = wording_for(language)
        now = now or utcnow()
        with self.db.session() as s:
            a = s.get(Application, application_id)
            if a is None:
                raise UserError("No such application.", message_ar="الطلب غير موجود.")
            site = s.get(Site, self.db.site_id)
            snapshot = build_snapshot(a, site, self.db.site_id, language, now)
            for d in self._all(s, application_id):
                if (not d.is_signed and d.wording_version == wording.version_hash
                        and _unstamped(d.data_snapshot) == _unstamped(snapshot)):
                    return d.id
            if s.get(DocumentWording, wording.version_hash) is None:
                s.add(DocumentWording(version_hash=wording.version_hash, document="declaration",
                                      language=language, text=wording.text))
            decl = Declaration(id=uuid.uuid4(), application_id=a.id, data_snapshot=snapshot,
                               snapshot_sha256=sha256_of(snapshot),
                               wording_version=wording.version_hash)
            s.add(decl)
            record_event(s, actor, "declaration_prepared", entity="declaration",
                         entity_id=decl.id,
                         details={"application_id": str(a.id), "reference": a.reference,
                                  "language": language, "wording_version": wording.version_hash,
                                  "snapshot_sha256": decl.snapshot_sha256})
        return decl.id

    @guarded
    def sign_on_screen(self, actor: Actor, declaration_id: uuid.UUID, png: bytes) -> None:
        # Decoded now, while the applicant can sign again, not when it is printed.
        check_signature_png(png)
        self._sign(actor, declaration_id, SignatureMode.ON_SCREEN, png)

    @guarded
    def sign_on_paper(self, actor: Actor, declaration_id: uuid.UUID) -> None:
        """The applicant signed the printed declaration; the member of staff witnessed it."""
        self._sign(actor, declaration_id, SignatureMode.ON_PAPER, None)

    def _sign(self, actor: Actor, declaration_id: uuid.UUID, mode: SignatureMode,
              png: bytes | None) -> None:
        with self.db.session() as s:
            d = self._load(s, declaration_id)
            if d.is_signed:
                if d.signature_mode is mode and d.signature_png == png:
                    return  # the same signature recorded again after a crash
                raise PolicyViolation("This declaration is already signed.",
                                      message_ar="هذا الإقرار موقّع من قبل.")
            d.signature_mode, d.signature_png, d.signed_at = mode, png, utcnow()
            d.witness_user_id, d.witness_name = actor.user_id, actor.full_name
            record_event(s, actor, "declaration_signed", entity="declaration", entity_id=d.id,
                         details={"application_id": str(d.application_id),
                                  "snapshot_sha256": d.snapshot_sha256},
                         before={"signature_mode": None},
                         after={"signature_mode": mode.value, "witness_name": d.witness_name})

    @guarded
    def attach_pdf(self, actor: Actor, declaration_id: uuid.UUID, pdf: bytes,
                   printed_at: datetime | None = None) -> bytes:
        """File the printed paper with the declaration; returns the copy on file.

        Once the filed copy is the signed one — the paper the applicant signed, or the
        print made after an on-screen signature — it is kept: printing again is a reprint,
        recorded, and never replaces what the association files."""
        if not pdf.startswith(b"%PDF-"):
            raise UserError("Not a PDF document.", message_ar="الملف ليس مستند PDF.")
        with self.db.session() as s:
            d = self._load(s, declaration_id)
            details = {"application_id": str(d.application_id),
                       "pdf_sha256": hashlib.sha256(pdf).hexdigest()}
            if d.pdf is not None and _filed_copy_is_final(d):
                details["pdf_sha256"] = hashlib.sha256(d.pdf).hexdigest()
                record_event(s, actor, "declaration_reprinted", entity="declaration",
                             entity_id=d.id, details=details)
                return d.pdf
            if d.pdf is not None:  # an unsigned print replaced by the signed one
                details["replaced_pdf_sha256"] = hashlib.sha256(d.pdf).hexdigest()
            d.pdf, d.printed_at = pdf, printed_at or utcnow()
            record_event(s, actor, "declaration_printed", entity="declaration",
                         entity_id=d.id, details={**details, "signed": d.is_signed})
            return pdf

    @guarded
    def get(self, actor: Actor, declaration_id: uuid.UUID) -> DeclarationView:
        with self.db.reader() as s:
            return _view(self._load(s, declaration_id))

    @guarded
    def for_application(self, actor: Actor,
                        application_id: uuid.UUID) -> list[DeclarationView]:
        with self.db.reader() as s:
            return [_view(d) for d in self._all(s, application_id)]

    @staticmethod
    def _all(s: Session, application_id: uuid.UUID) -> list[Declaration]:
        return list(s.scalars(select(Declaration)
                              .where(Declaration.application_id == application_id)
                              .order_by(Declaration.created_at)))

    @staticmethod
    def _load(s: Session, declaration_id: uuid.UUID) -> Declaration:
        d = s.get(Declaration, declaration_id)
        if d is None:
            raise UserError("No such declaration.", message_ar="الإقرار غير موجود.")
        return d
