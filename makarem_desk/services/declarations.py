"""POL-H4: the data-accuracy declaration (إقرار صحة البيانات).

``prepare`` freezes what the applicant declares as a data snapshot whose SHA-256 is
printed (QR) and stored; the signature is taken on screen or recorded as made on paper.
The wording version used is recorded (Governance).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Database
from ..errors import PolicyViolation, UserError
from ..models import (
    MIN_RESPONSE_DAYS,
    Application,
    Declaration,
    DocumentWording,
    Role,
    SignatureMode,
    Site,
    utcnow,
)
from ..snapshot import sha256_of
from .actor import Actor
from .signature_image import check_signature_png

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


# Saudi Arabia keeps UTC+3 all year; the counter's calendar day is the one that counts.
KSA = timezone(timedelta(hours=3), "AST")


def earliest_answer_date(prepared_at: datetime) -> date:
    """POL-H5: the committee answers in no less than two weeks — counted from the day at
    the counter (a declaration at 00:30 in Riyadh is still 21:30 the day before in UTC)."""
    return prepared_at.astimezone(KSA).date() + timedelta(days=MIN_RESPONSE_DAYS)


def build_snapshot(a: Application, site: Site | None, site_id: str, language: str,
                   prepared_at: datetime) -> dict[str, Any]:
    b, p = a.beneficiary, a.program
    return {
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


def _unstamped(snapshot: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in snapshot.items() if k not in ("prepared_at", "earliest_answer_date")}


class DeclarationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def prepare(self, actor: Actor, application_id: uuid.UUID, language: str,
                now: datetime | None = None) -> uuid.UUID:
        """Freeze the application's data for the applicant to sign. Preparing again with
        unchanged data returns the unsigned declaration already prepared."""
        actor.require(Role.RECEPTIONIST, action="prepare a declaration")
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
            decl = Declaration(application_id=a.id, data_snapshot=snapshot,
                               snapshot_sha256=sha256_of(snapshot),
                               wording_version=wording.version_hash)
            s.add(decl)
        return decl.id

    def sign_on_screen(self, actor: Actor, declaration_id: uuid.UUID, png: bytes) -> None:
        # Decoded now, while the applicant can sign again, not when it is printed.
        check_signature_png(png)
        self._sign(actor, declaration_id, SignatureMode.ON_SCREEN, png)

    def sign_on_paper(self, actor: Actor, declaration_id: uuid.UUID) -> None:
        """The applicant signed the printed declaration; the member of staff witnessed it."""
        self._sign(actor, declaration_id, SignatureMode.ON_PAPER, None)

    def _sign(self, actor: Actor, declaration_id: uuid.UUID, mode: SignatureMode,
              png: bytes | None) -> None:
        actor.require(Role.RECEPTIONIST, action="record a signature")
        with self.db.session() as s:
            d = self._load(s, declaration_id)
            if d.is_signed:
                if d.signature_mode is mode and d.signature_png == png:
                    return  # the same signature recorded again after a crash
                raise PolicyViolation("This declaration is already signed.",
                                      message_ar="هذا الإقرار موقّع من قبل.")
            d.signature_mode, d.signature_png, d.signed_at = mode, png, utcnow()
            d.witness_user_id, d.witness_name = actor.user_id, actor.full_name

    def attach_pdf(self, declaration_id: uuid.UUID, pdf: bytes,
                   printed_at: datetime | None = None) -> None:
        if not pdf.startswith(b"%PDF-"):
            raise UserError("Not a PDF document.", message_ar="الملف ليس مستند PDF.")
        with self.db.session() as s:
            d = self._load(s, declaration_id)
            d.pdf, d.printed_at = pdf, printed_at or utcnow()

    def get(self, declaration_id: uuid.UUID) -> DeclarationView:
        with self.db.reader() as s:
            return _view(self._load(s, declaration_id))

    def for_application(self, application_id: uuid.UUID) -> list[DeclarationView]:
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
