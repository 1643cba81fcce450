"""Reading the audit trail back in tests, and an application draft to open."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from makarem_desk.audit import verify_chain
from makarem_desk.checklists import load_forms
from makarem_desk.db import Database
from makarem_desk.models import AuditEvent
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.applications import ApplicationDraft
from makarem_desk.services.audit_trail import AuditEventView, AuditService

FORMS = load_forms()


def events(db: Database, **where: Any) -> list[AuditEventView]:
    """Oldest first, read as the administrator does."""
    return AuditService(db).events(SYSTEM, newest_first=False, **where)


def actions(db: Database, entity_id: object) -> list[str]:
    return [e.action for e in events(db, entity_id=str(entity_id))]


def audit_events(db: Database, action: str | None = None) -> list[AuditEvent]:
    """The rows themselves (user id and hash included), oldest first, detached."""
    with db.reader() as s:
        q = select(AuditEvent).order_by(AuditEvent.seq)
        if action is not None:
            q = q.where(AuditEvent.action == action)
        rows = list(s.scalars(q))
        s.expunge_all()  # the reader rolls back on leaving; keep the loaded values
        return rows


def chain_ok(db: Database) -> bool:
    with db.reader() as s:
        report = verify_chain(s)
    assert report.ok, report.problem
    return True


def draft(bid: uuid.UUID, **over: Any) -> ApplicationDraft:
    code = "FIELD-CONF"
    data: dict[str, Any] = dict(beneficiary_id=bid, program_code=code,
                                form_version_hash=FORMS.version_hash_for(code),
                                outcome="eligible")
    data.update(over)
    return ApplicationDraft(**data)
