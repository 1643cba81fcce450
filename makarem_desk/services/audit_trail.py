"""Reading and checking the audit trail (administrators only)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..audit import ChainReport, verify_chain
from ..db import Database
from ..models import AuditEvent
from ..permissions import ADMIN_ONLY, guarded, register
from .actor import Actor

register({
    "AuditService.verify": ADMIN_ONLY,
    "AuditService.events": ADMIN_ONLY,
    "AuditService.facets": ADMIN_ONLY,
})


@dataclass(frozen=True)
class AuditEventView:
    seq: int
    at: datetime
    site_id: str
    user_id: uuid.UUID | None
    username: str
    action: str
    entity: str
    entity_id: str
    details: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class AuditFacets:
    """The values the trail holds, for the filters of the audit screen."""

    actions: list[str]
    entities: list[str]
    usernames: list[str]


class AuditService:
    def __init__(self, db: Database):
        self.db = db

    @guarded
    def verify(self, actor: Actor) -> ChainReport:
        with self.db.reader() as s:
            return verify_chain(s)

    @guarded
    def events(
        self, actor: Actor, *, since: datetime | None = None, until: datetime | None = None,
        entity: str | None = None, entity_id: str | None = None, action: str | None = None,
        username: str | None = None, limit: int = 500, newest_first: bool = True,
    ) -> list[AuditEventView]:
        q = select(AuditEvent)
        if since is not None:
            q = q.where(AuditEvent.at >= since)
        if until is not None:
            q = q.where(AuditEvent.at < until)
        if entity:
            q = q.where(AuditEvent.entity == entity)
        if entity_id:
            q = q.where(AuditEvent.entity_id == entity_id)
        if action:
            q = q.where(AuditEvent.action == action)
        if username:
            q = q.where(AuditEvent.username == username)
        q = q.order_by(AuditEvent.seq.desc() if newest_first else AuditEvent.seq).limit(limit)
        with self.db.reader() as s:
            return [
                AuditEventView(e.seq, e.at, e.site_id, e.user_id, e.username, e.action,
                               e.entity, e.entity_id, dict(e.details or {}), e.hash)
                for e in s.scalars(q)
            ]

    @guarded
    def facets(self, actor: Actor) -> AuditFacets:
        def distinct(column: Any) -> list[str]:
            return [v for v in s.scalars(select(column).distinct().order_by(column)) if v]

        with self.db.reader() as s:
            return AuditFacets(distinct(AuditEvent.action), distinct(AuditEvent.entity),
                               distinct(AuditEvent.username))
