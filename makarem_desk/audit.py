"""The audit trail: one hash-chained event for every act, and its verification.

Each event's ``hash`` is SHA-256 over its canonical content (position, time, installation,
who, what, details) and the previous event's hash.  Editing, deleting or reordering any
event therefore breaks the chain from that point on, and deleting the newest events leaves
the head row (``audit_head``) pointing past the last one: ``makarem-desk audit verify``
names the first broken event.  The lock-out after failed sign-ins is read from these events,
so it cannot be lifted by deleting them unnoticed.  Triggers refusing UPDATE and DELETE on
the table (migration 0003) are defence in depth, not the guarantee.

Identity numbers are never written to log files; ``details`` lives in the database, which
holds them anyway.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from .models import AuditEvent, AuditHead, Site, utcnow

GENESIS = "0" * 64


class _Who(Protocol):
    @property
    def user_id(self) -> uuid.UUID | None: ...

    @property
    def username(self) -> str: ...


def _jsonable(value: Any) -> Any:
    """Details as they will read back from a JSON column (so the hash survives the trip)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def canonical(
    *, seq: int, at: datetime, site_id: str, user_id: uuid.UUID | None, username: str,
    action: str, entity: str, entity_id: str, details: Any, prev_hash: str,
) -> bytes:
    body = {
        "seq": seq,
        "at": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "site": site_id,
        "user_id": str(user_id) if user_id else None,
        "username": username,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "details": details,
        "prev": prev_hash,
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def event_hash(ev: AuditEvent) -> str:
    return hashlib.sha256(canonical(
        seq=ev.seq, at=ev.at, site_id=ev.site_id, user_id=ev.user_id, username=ev.username,
        action=ev.action, entity=ev.entity, entity_id=ev.entity_id, details=ev.details,
        prev_hash=ev.prev_hash,
    )).hexdigest()


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that differ, as {"before": {...}, "after": {...}} for an event's details."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    keys += [k for k in before if k not in after]
    return {"before": {k: before.get(k) for k in keys}, "after": {k: after.get(k) for k in keys}}


def record_event(
    s: Session,
    actor: _Who | None,
    action: str,
    *,
    entity: str = "",
    entity_id: object = "",
    details: Mapping[str, Any] | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    username: str | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's unit of work.

    ``before``/``after`` are the changed fields of an edit (only those that differ are kept);
    ``username`` overrides the actor's (a failed sign-in names the account tried).
    """
    body: dict[str, Any] = dict(details or {})
    if before is not None or after is not None:
        body.update(changes(before or {}, after or {}))
    conn = s.connection()
    # The UPDATE takes the head row's lock until commit: one writer extends the chain at
    # a time, on PostgreSQL as on SQLite (whose writers hold the database lock anyway).
    if conn.execute(update(AuditHead).where(AuditHead.id == 1)
                    .values(seq=AuditHead.seq + 1)).rowcount == 0:
        conn.execute(insert(AuditHead).values(id=1, seq=1, hash=GENESIS))
    seq, prev = conn.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)
    ).one()
    site = s.scalars(select(Site.id).where(Site.is_local.is_(True))).first() or ""
    ev = AuditEvent(
        id=uuid.uuid4(),
        seq=int(seq),
        at=(at or utcnow()).astimezone(UTC),
        site_id=site,
        user_id=actor.user_id if actor else None,
        username=(username if username is not None else actor.username if actor else "")[:64],
        action=action,
        entity=entity,
        entity_id=str(entity_id)[:40] if entity_id else "",
        details=_jsonable(body),
        prev_hash=prev or GENESIS,
    )
    ev.hash = event_hash(ev)
    s.add(ev)
    conn.execute(update(AuditHead).where(AuditHead.id == 1).values(hash=ev.hash))
    return ev


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    problem: str = ""  # the first broken event, worded
    broken_seq: int | None = None
    # What broke, for a translated message: missing | out_of_order | relinked | changed |
    # truncated (the newest events are gone).
    reason: str = ""


def verify_chain(s: Session, *, batch: int = 2000) -> ChainReport:
    """Walk the chain in order; stop at the first event that does not fit."""
    expected_seq, prev, count = 1, GENESIS, 0
    rows: Iterator[AuditEvent] = s.scalars(
        select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=batch)
    )
    for ev in rows:
        where = f"event #{ev.seq} ({ev.action} by {ev.username or '-'} at {ev.at:%Y-%m-%d %H:%M:%S})"
        if ev.seq != expected_seq:
            gap = "missing" if ev.seq > expected_seq else "out of order"
            return ChainReport(False, count, f"event #{expected_seq} is {gap}; next is {where}",
                               expected_seq, gap.replace(" ", "_"))
        if ev.prev_hash != prev:
            return ChainReport(False, count,
                               f"{where} does not follow the event before it (deleted, "
                               "inserted or reordered)", ev.seq, "relinked")
        if event_hash(ev) != ev.hash:
            return ChainReport(False, count, f"{where} was changed after it was written", ev.seq,
                               "changed")
        prev, expected_seq, count = ev.hash, expected_seq + 1, count + 1
    head = s.get(AuditHead, 1)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != count or (count and head_hash != prev):
        return ChainReport(False, count,
                           f"the newest events after #{count} are missing "
                           f"(the chain's head says #{head_seq})", count + 1, "truncated")
    return ChainReport(True, count)
