"""Interview drafts: every completed step is saved at once, so a crash or a closed window
loses nothing and the interview resumes where it stopped."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..db import Database
from ..errors import UserError
from ..models import InterviewDraft
from .actor import Actor

OPEN, DONE, ABANDONED = "open", "done", "abandoned"


@dataclass(frozen=True)
class DraftView:
    id: uuid.UUID
    kind: str
    step: str
    state: dict[str, Any]
    status: str
    application_id: uuid.UUID | None
    user_id: uuid.UUID | None
    updated_at: datetime


def _view(d: InterviewDraft) -> DraftView:
    return DraftView(d.id, d.kind, d.step, dict(d.state), d.status, d.application_id,
                     d.user_id, d.updated_at)


class DraftService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, actor: Actor, kind: str, step: str, state: dict[str, Any],
               draft_id: uuid.UUID | None = None) -> uuid.UUID:
        with self.db.session() as s:
            d = InterviewDraft(id=draft_id or uuid.uuid4(), user_id=actor.user_id, kind=kind,
                               step=step, state=state, status=OPEN)
            s.add(d)
        return d.id

    def save(self, draft_id: uuid.UUID, step: str, state: dict[str, Any], *,
             application_id: uuid.UUID | None = None, status: str = OPEN) -> None:
        with self.db.session() as s:
            d = s.get(InterviewDraft, draft_id)
            if d is None:
                raise UserError("The interview draft no longer exists.",
                                message_ar="مسودة المقابلة غير موجودة.")
            d.step, d.state, d.status = step, state, status
            if application_id is not None:
                d.application_id = application_id

    def load(self, draft_id: uuid.UUID) -> DraftView:
        with self.db.reader() as s:
            d = s.get(InterviewDraft, draft_id)
            if d is None:
                raise UserError(f"No interview draft {draft_id}.",
                                message_ar="مسودة المقابلة غير موجودة.")
            return _view(d)

    def open_drafts(self, *, kind: str | None = None,
                    user_id: uuid.UUID | None = None) -> list[DraftView]:
        with self.db.reader() as s:
            stmt = select(InterviewDraft).where(InterviewDraft.status == OPEN)
            if kind:
                stmt = stmt.where(InterviewDraft.kind == kind)
            if user_id:
                stmt = stmt.where(InterviewDraft.user_id == user_id)
            return [_view(d) for d in s.scalars(stmt.order_by(InterviewDraft.updated_at.desc()))]

    def abandon(self, draft_id: uuid.UUID) -> None:
        with self.db.session() as s:
            d = s.get(InterviewDraft, draft_id)
            if d is not None:
                d.status = ABANDONED
