"""Installation identity, audit trail, sync log, conflicts, interview drafts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..values import BatchDirection
from .base import Base, enum_column, utcnow


class Site(Base):
    """An installation: this counter (``is_local``) or a trusted peer."""

    __tablename__ = "site"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # site code, e.g. RYD1
    name: Mapped[str] = mapped_column(String(200))
    association_name: Mapped[str] = mapped_column(String(200), default="")
    association_name_en: Mapped[str] = mapped_column(String(200), default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    role: Mapped[str] = mapped_column(String(20), default="site")  # site | committee
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ChangeCounter(Base):
    """One row holding the last change sequence number handed out.

    Taking the next numbers is an UPDATE of this row, which on PostgreSQL holds a row lock
    until commit; so sequence order is commit order and "changed since N" misses nothing.
    """

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AuditEvent(Base):
    """One act in the audit trail: a link of a hash chain (see ``makarem_desk.audit``).

    Rows are only ever inserted: triggers refuse UPDATE and DELETE, and each row's ``hash``
    covers its content and the previous row's hash, so an edit, a deletion or a reordering
    shows at ``audit verify``.
    """

    __tablename__ = "audit_event"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    site_id: Mapped[str] = mapped_column(String(32), default="")
    user_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(40), default="", index=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditHead(Base):
    """The chain's last link: its position and hash.

    Appending takes this row's lock (an UPDATE) first, so on PostgreSQL two counters writing
    at once still build one chain; and deleting the newest events shows as a head that no
    longer matches the last row.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="")


class SyncBatch(Base):
    __tablename__ = "sync_batch"
    __table_args__ = (UniqueConstraint("direction", "peer_site_id", "sequence"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    direction: Mapped[BatchDirection] = mapped_column(enum_column(BatchDirection))
    peer_site_id: Mapped[str] = mapped_column(String(32))  # origin of an import, or ourselves
    kind: Mapped[str] = mapped_column(String(20), default="records")  # records | decisions
    sequence: Mapped[int] = mapped_column(Integer)
    change_seq_from: Mapped[int] = mapped_column(BigInteger, default=0)
    change_seq_to: Mapped[int] = mapped_column(BigInteger, default=0)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(20), default="done")
    gap_before: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncConflict(Base):
    """Two different edits of the same version of a record, kept for a person to resolve."""

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID] = mapped_column()
    local_version: Mapped[int] = mapped_column(Integer)
    incoming: Mapped[dict[str, Any]] = mapped_column()
    from_site_id: Mapped[str] = mapped_column(String(32))
    batch_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolution: Mapped[str | None] = mapped_column(Text, default=None)


class InterviewDraft(Base):
    """The state of an interview in progress, saved after every completed step."""

    __tablename__ = "interview_draft"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID | None] = mapped_column(default=None, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="interview")  # interview | contact
    step: Mapped[str] = mapped_column(String(40))
    state: Mapped[dict[str, Any]] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    application_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DocumentWording(Base):
    """Every version of a printed document's wording that was ever used (Governance)."""

    __tablename__ = "document_wording"

    version_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    document: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    first_used_at: Mapped[datetime] = mapped_column(default=utcnow)
