"""Read-only queries the printed documents need, and the verification of a paper.

The declaration service builds and stores the snapshot when a declaration is prepared;
this module asks it for the same snapshot of an application that has no declaration yet
(a preview), and compares a paper's fingerprint with the stored declarations and the
current record.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Database
from ..errors import UserError
from ..models import (
    Application,
    Beneficiary,
    Declaration,
    Program,
    Site,
    utcnow,
)
from ..saudi_time import KSA
from ..services.site_settings import letterhead_of
from ..snapshot import sha256_of
from ..validation.identity import normalize_identity_number
from .page import AssociationInfo
from .qr import QrPayload


def current_snapshot(s: Session, app: Application, *, language: str, prepared_at: datetime,
                     site_id: str) -> dict[str, Any]:
    """The snapshot the declaration service would take of ``app`` now (one definition)."""
    from ..services.declarations import build_snapshot

    site = s.scalars(select(Site).where(Site.is_local.is_(True))).first()
    return build_snapshot(app, site, site_id, language, prepared_at)


def _local_site(s: Session) -> Site | None:
    return s.scalars(select(Site).where(Site.is_local.is_(True))).first()


def association_info(db: Database) -> AssociationInfo:
    """The local site's names, logo, contact channels (``settings["channels"]``) and
    letterhead (contact details and signatory, ``services/site_settings.py``)."""
    with db.reader() as s:
        site = _local_site(s)
        if site is None:
            return AssociationInfo(name_ar="جمعية مكارم الأخلاق",
                                   name_en="Makarem Al-Akhlaq Association")
        channels = site.settings.get("channels", {}) if isinstance(site.settings, dict) else {}
        head = letterhead_of(site)
        return AssociationInfo(
            name_ar=site.association_name or site.name,
            name_en=site.association_name_en,
            logo_png=site.logo_png,
            channels={str(k): str(v) for k, v in dict(channels).items() if v},
            phone=head.phone, website=head.website, address=head.address,
            address_en=head.address_en, licence=head.licence,
            signatory_name=head.signatory_name, signatory_title=head.signatory_title,
            signatory_name_en=head.signatory_name_en,
            signatory_title_en=head.signatory_title_en,
        )


def receipt_paper(db: Database) -> str:
    """The paper the counter's receipt printer takes (Settings), ``a4`` or ``80mm``."""
    with db.reader() as s:
        return letterhead_of(_local_site(s)).receipt_paper


@dataclass(frozen=True)
class StoredDeclaration:
    id: uuid.UUID
    snapshot: dict[str, Any]
    snapshot_sha256: str
    wording_version: str
    signature_png: bytes | None
    signed_at: datetime | None
    witness_name: str


@dataclass(frozen=True)
class PrintJob:
    """What the declaration command prints: the stored declaration, or a preview."""

    reference: str
    application_id: uuid.UUID
    snapshot: dict[str, Any]
    declaration: StoredDeclaration | None


def _stored(d: Declaration) -> StoredDeclaration:
    return StoredDeclaration(d.id, dict(d.data_snapshot), d.snapshot_sha256, d.wording_version,
                             d.signature_png, d.signed_at, d.witness_name)


def latest_application_id(db: Database, national_id: str,
                          program_code: str | None = None) -> uuid.UUID:
    number = normalize_identity_number(national_id)
    with db.reader() as s:
        b = s.scalars(select(Beneficiary).where(Beneficiary.identity_number == number)).first()
        if b is None:
            raise UserError(f"No beneficiary has identity number {number}.",
                            message_ar=f"لا يوجد مستفيد برقم الهوية {number}.")
        q = select(Application).where(Application.beneficiary_id == b.id)
        if program_code:
            q = q.join(Program).where(Program.code == program_code.strip().upper())
        app = s.scalars(q.order_by(Application.created_at.desc(),
                                   Application.reference.desc())).first()
        if app is None:
            what = f" to program {program_code}" if program_code else ""
            raise UserError(f"{b.full_name} has no application{what}.",
                            message_ar=f"لا يوجد طلب للمستفيد {b.full_name}.")
        return app.id


def print_job(db: Database, application_id: uuid.UUID, *, language: str,
              now: datetime | None = None) -> PrintJob:
    """The latest declaration of the application, or a preview snapshot if it has none."""
    with db.reader() as s:
        app = s.get(Application, application_id)
        if app is None:
            raise UserError(f"No application {application_id}.")
        decl = s.scalars(
            select(Declaration).where(Declaration.application_id == app.id)
            .order_by(Declaration.created_at.desc())
        ).first()
        if decl is not None:
            stored = _stored(decl)
            return PrintJob(app.reference, app.id, stored.snapshot, stored)
        snapshot = current_snapshot(s, app, language=language, prepared_at=now or utcnow(),
                                    site_id=db.site_id)
        return PrintJob(app.reference, app.id, snapshot, None)


def snapshot_of_reference(db: Database, reference: str) -> dict[str, Any]:
    """The latest stored snapshot of an application, or a fresh one (receipts, letters).

    Once the application is submitted its ``response_due`` (POL-H5, counted from the
    submission) is the earliest answer date the beneficiary is told.
    """
    with db.reader() as s:
        app = s.scalars(select(Application)
                        .where(Application.reference == reference.strip().upper())).first()
        if app is None:
            raise UserError(f"No application {reference}.", message_ar=f"لا يوجد طلب {reference}.")
        app_id, due = app.id, app.response_due
    snapshot = dict(print_job(db, app_id, language="ar").snapshot)
    if due is not None:
        due_day = (due if due.tzinfo else due.replace(tzinfo=UTC)).astimezone(KSA).date()
        snapshot["earliest_answer_date"] = due_day.isoformat()
    return snapshot


@dataclass(frozen=True)
class Decision:
    reference: str
    beneficiary_id: uuid.UUID
    accepted: bool
    reason: str
    decided_at: datetime
    application_id: uuid.UUID | None = None


def decision_of(db: Database, reference: str) -> Decision:
    from ..models import ApplicationStatus

    with db.reader() as s:
        app = s.scalars(select(Application)
                        .where(Application.reference == reference.strip().upper())).first()
        if app is None:
            raise UserError(f"No application {reference}.", message_ar=f"لا يوجد طلب {reference}.")
        if app.status not in (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED):
            raise UserError(
                f"The committee has not decided on {app.reference} yet (status {app.status.value}).",
                message_ar="لم تصدر لجنة البحث قرارها في هذا الطلب بعد.",
            )
        return Decision(app.reference, app.beneficiary_id,
                        app.status is ApplicationStatus.ACCEPTED, app.decision_reason or "",
                        app.decided_at or app.updated_at, app.id)


def decided_since(db: Database, since: datetime) -> list[str]:
    """References of the applications the committee decided at or after ``since``."""
    from ..models import ApplicationStatus

    with db.reader() as s:
        rows = s.scalars(
            select(Application.reference)
            .where(Application.status.in_([ApplicationStatus.ACCEPTED,
                                           ApplicationStatus.REJECTED]))
            .where(Application.decided_at >= since)
            .order_by(Application.decided_at, Application.reference)
        )
        return list(rows)


class Verdict(enum.StrEnum):
    MATCH = "match"
    CHANGED = "changed"  # the paper was a true declaration; the record changed since
    NOT_RECORDED = "not_recorded"  # the reference exists, the fingerprint matches nothing
    UNKNOWN = "unknown"  # no application with this reference


@dataclass(frozen=True)
class Verification:
    verdict: Verdict
    reference: str
    changed_fields: tuple[str, ...] = ()
    declaration_id: uuid.UUID | None = None
    # What the record says the paper shows, for the member of staff to compare by eye.
    recorded: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.MATCH


def _differences(stored: dict[str, Any], current: dict[str, Any], prefix: str) -> list[str]:
    # Only the keys the stored snapshot has: a later version of the service may record
    # more, which must not make every older paper look "changed".
    return [f"{prefix}.{k}" for k in stored if stored.get(k) != current.get(k)]


def verify(db: Database, payload: QrPayload) -> Verification:
    with db.reader() as s:
        app = s.scalars(select(Application)
                        .where(Application.reference == payload.reference)).first()
        if app is None:
            return Verification(Verdict.UNKNOWN, payload.reference)
        decls = list(s.scalars(select(Declaration).where(Declaration.application_id == app.id)))
        match = next((d for d in decls if payload.matches(d.snapshot_sha256)), None)
        if match is None:
            # A preview printed before the declaration was prepared, an older paper of a
            # replaced declaration, or a forged one: nothing on record carries this print.
            return Verification(Verdict.NOT_RECORDED, payload.reference)
        stored = dict(match.data_snapshot)
        if sha256_of(stored) != match.snapshot_sha256:
            return Verification(Verdict.CHANGED, payload.reference, ("data_snapshot",), match.id,
                                stored)
        now = current_snapshot(s, app, language=str(stored.get("language") or "ar"),
                               prepared_at=utcnow(), site_id=db.site_id)
        changed = _differences(stored.get("beneficiary", {}), now["beneficiary"], "beneficiary")
        changed += _differences(stored.get("program", {}), now["program"], "program")
        # Missing items supplied after signing (POL-H6) complete the file; they do not
        # change what the applicant declared, so they are not compared.
        if changed:
            return Verification(Verdict.CHANGED, payload.reference, tuple(changed), match.id,
                                stored)
        return Verification(Verdict.MATCH, payload.reference, (), match.id, stored)
