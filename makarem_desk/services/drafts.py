"""Interview drafts: every completed step is saved at once, so a crash or a closed window
loses nothing and the interview resumes where it stopped."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import PermissionDenied, UserError
from ..models import InterviewDraft, Role
from ..permissions import COUNTER_WORK, guarded, register
from .actor import Actor

register({
    # An interview in progress is counter work; whose draft it is, is checked per draft.
    "DraftService.create": COUNTER_WORK,
    "DraftService.save": COUNTER_WORK,
    "DraftService.load": COUNTER_WORK,
    "DraftService.open_drafts": COUNTER_WORK,
    "DraftService.abandon": COUNTER_WORK,
})

OPEN, DONE, ABANDONED = "open", "done", "abandoned"
# The audit records a draft's start and end; the step-by-step saves in between are the
# crash-safety copy, and the acts they lead to (contact, application, …) have their own events.
_ENDED = {DONE: "draft_finished", ABANDONED: "draft_abandoned"}


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

    @guarded
    def create(self, actor: Actor, kind: str, step: str, state: dict[str, Any],
               draft_id: uuid.UUID | None = None) -> uuid.UUID:
        with self.db.session() as s:
            d = InterviewDraft(id=draft_id or uuid.uuid4(), user_id=actor.user_id, kind=kind,
                               step=step, state=state, status=OPEN)
            s.add(d)
            record_event(s, actor, "draft_started", entity="interview_draft", entity_id=d.id,
                         details={"kind": kind, "step": step})
        return d.id

    @guarded
    def save(self, actor: Actor, draft_id: uuid.UUID, step: str, state: dict[str, Any], *,
             application_id: uuid.UUID | None = None, status: str = OPEN) -> None:
        with self.db.session() as s:
            d = _mine(s, actor, draft_id)
            before = d.status
            d.step, d.state, d.status = step, state, status
            if application_id is not None:
                d.application_id = application_id
            if status != before and status in _ENDED:
                _record_end(s, actor, d, before)

    @guarded
    def load(self, actor: Actor, draft_id: uuid.UUID) -> DraftView:
        with self.db.reader() as s:
            return _view(_mine(s, actor, draft_id))

    @guarded
    def open_drafts(self, actor: Actor, *, kind: str | None = None,
                    user_id: uuid.UUID | None = None) -> list[DraftView]:
        """The interviews waiting to be resumed: one's own; an administrator sees everyone's
        (or ``user_id``'s)."""
        admin = actor.role is Role.ADMINISTRATOR
        whose = user_id if admin else actor.user_id
        with self.db.reader() as s:
            stmt = select(InterviewDraft).where(InterviewDraft.status == OPEN)
            if kind:
                stmt = stmt.where(InterviewDraft.kind == kind)
            if not admin or user_id is not None:
                stmt = stmt.where(InterviewDraft.user_id.is_(None) if whose is None
                                  else InterviewDraft.user_id == whose)
            return [_view(d) for d in s.scalars(stmt.order_by(InterviewDraft.updated_at.desc()))]

    @guarded
    def abandon(self, actor: Actor, draft_id: uuid.UUID) -> None:
        with self.db.session() as s:
            if s.get(InterviewDraft, draft_id) is None:
                return  # nothing left to abandon
            d = _mine(s, actor, draft_id)
            if d.status != ABANDONED:
                before, d.status = d.status, ABANDONED
                _record_end(s, actor, d, before)


def _mine(s: Session, actor: Actor, draft_id: uuid.UUID) -> InterviewDraft:
    """The draft, if it is the actor's own: an interview in progress holds what a visitor
    said to one member of staff. An administrator may take over (someone left for the day)."""
    d = s.get(InterviewDraft, draft_id)
    if d is None:
        raise UserError(f"No interview draft {draft_id}.",
                        message_ar="مسودة المقابلة غير موجودة.")
    if d.user_id != actor.user_id and actor.role is not Role.ADMINISTRATOR:
        raise PermissionDenied("This interview was started by another member of staff.",
                               message_ar="هذه المقابلة بدأها موظف آخر.")
    return d


def _record_end(s: Session, actor: Actor, d: InterviewDraft, before: str) -> None:
    record_event(s, actor, _ENDED[d.status], entity="interview_draft", entity_id=d.id,
                 details={"kind": d.kind, "step": d.step,
                          "application_id": str(d.application_id) if d.application_id else None},
                 before={"status": before}, after={"status": d.status})
