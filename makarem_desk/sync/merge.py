"""Merging a batch's rows into the database, in the caller's single transaction.

Rules, per record (by id):
- not here                               -> insert
- same version, same content             -> nothing
- same version, different content        -> conflict (two edits of the same version)
- newer version                          -> update, unless this installation changed the
                                            row and has not sent that change yet: then both
                                            sides edited it -> conflict
- older version, same author or content  -> nothing (a stale copy)
- older version, other author, differs   -> conflict
Before these, ``ownership``: a record of a third installation refuses the batch, and at
the committee an application whose decision fields a counter changed is a conflict
(``counter_decision``), never applied.  At the committee, a change it made to anything
but an application is never sent (decisions batches carry applications only), so it
counts as unsent for good.
Imported rows keep the sender's ``site_id`` and ``version``; they get fresh local change
sequence numbers (local ordering only: exports take our own ``site_id`` rows only).

Two installations may load the same program definitions, or register the same person
(one identity number) under different ids: incoming ids are then mapped onto the local
row, and a duplicate person is also listed as a conflict for someone to check.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Table,
    Uuid,
    any_,
    bindparam,
    cast,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection
from sqlalchemy.types import NullType

from ..models import SyncConflict
from ..models.base import utcnow
from ..pg_array import array_text
from .errors import BatchRefused
from .ownership import (
    SHARED_DEFINITIONS,
    Wording,
    check_new_application,
    check_owner,
    counter_decision_problem,
    is_shared_copy,
    record_name,
)
from .page_copy import copy_new_rows
from .page_writer import PageWriter
from .records import CODECS, TableCodec

CHUNK = 500
# Natural keys two installations may share for different ids.
NATURAL_KEYS = {"program": "code", "beneficiary": "identity_number", "application": "reference"}


@dataclass
class TableStats:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    mapped: int = 0

    def as_dict(self) -> dict[str, int]:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass
class MergeContext:
    my_site: str
    from_site: str
    export_cursor: int  # our last exported change sequence
    batch_id: uuid.UUID
    next_seq: Callable[[int], int]  # reserves n change sequence numbers, returns the first
    # The sender's ids of programs/persons we already hold under our own ids; kept in the
    # peer's site row so later batches referring to them still find them.
    remap: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)
    stats: dict[str, TableStats] = field(default_factory=dict)
    # A records batch from a counter arriving at the committee: decisions are checked.
    at_committee: bool = False
    # Applications a counter tried to decide, for the audit trail.
    counter_decisions: list[dict[str, Any]] = field(default_factory=list)
    # PostgreSQL: new rows are written by COPY on this writer's thread (page_writer.py).
    writer: PageWriter | None = None

    def settle(self) -> None:
        """Before the connection is used: the page being written has been written."""
        if self.writer is not None:
            self.writer.settle()

    def never_sent(self, table: str) -> bool:
        """Tables whose local changes never travel to the sender."""
        return self.at_committee and table != "application"


def merge_table(
    conn: Connection,
    table: Table,
    records: list[dict[str, Any]],
    blobs: Callable[[str], bytes],
    ctx: MergeContext,
) -> TableStats:
    codec = CODECS[table.name]
    stats = ctx.stats.setdefault(table.name, TableStats())
    incoming = []
    known: set[tuple[str, ...]] = set()  # the columns of a sender's rows: one set or two
    for rec in records:
        keys = tuple(rec)
        unknown = [] if keys in known else codec.unknown_columns(rec)
        known.add(keys)
        if unknown:
            raise BatchRefused(
                f"The batch has columns this version does not know ({table.name}: "
                f"{', '.join(unknown)}); upgrade Makarem Desk here first.",
                message_ar="الدفعة صادرة من إصدار أحدث؛ حدّث البرنامج أولاً.",
            )
        if rec.get("site_id") != ctx.from_site:
            raise BatchRefused(
                f"The batch from {ctx.from_site} carries a record written by "
                f"{rec.get('site_id')} ({record_name(table.name, rec)}); refusing it.",
                message_ar="تحتوي الدفعة سجلاً منسوباً إلى موقع آخر؛ رُفضت.",
            )
        values = codec.decode(rec, blobs)
        if ctx.remap:
            _apply_remap(codec, values, ctx.remap)
        incoming.append((rec, values))

    ctx.settle()  # what follows reads what the previous page wrote
    local = _load_local(conn, table, codec, [v["id"] for _, v in incoming])
    if table.name in SHARED_DEFINITIONS and local:
        incoming = [(r, v) for r, v in incoming
                    if not is_shared_copy(table.name, local.get(v["id"]), v,
                                          my_site=ctx.my_site, from_site=ctx.from_site)]
    for _, values in incoming:
        here = local.get(values["id"])
        if here is not None:
            check_owner(table.name, here, values, my_site=ctx.my_site, from_site=ctx.from_site)
    new_rows = [(r, v) for r, v in incoming if v["id"] not in local]
    new_rows = _map_natural_duplicates(conn, table, codec, new_rows, ctx, stats)
    if ctx.at_committee and table.name == "application":
        for _, values in new_rows:
            check_new_application(values, ctx.from_site)
            problem = counter_decision_problem(None, values)
            if problem is not None:
                raise BatchRefused(
                    f"The batch from {ctx.from_site} brings "
                    f"{record_name(table.name, values)} already decided: {problem.en}. "
                    "Only the research committee decides; nothing was imported.",
                    message_ar=f"تحتوي الدفعة من {ctx.from_site} الطلب {values.get('reference')} "
                    f"وعليه قرار: {problem.ar}. لم يُستورد شيء.",
                )

    inserts: list[dict[str, Any]] = [v for _, v in new_rows]
    updates: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    update_pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for rec, values in incoming:
        here = local.get(values["id"])
        if here is None:
            continue
        same = codec.content(here) == codec.content(values)
        mine_unsent = here["site_id"] == ctx.my_site and (
            here["change_seq"] > ctx.export_cursor or ctx.never_sent(table.name))
        stale = values["version"] < here["version"] and (
            same or values["site_id"] == here["site_id"])
        problem = (counter_decision_problem(here, values) if ctx.at_committee
                   and table.name == "application" and not same and not stale else None)
        if problem is not None:
            conflicts.append(_conflict(table, here, rec, blobs, ctx, reason="counter_decision",
                                       wording=problem))
            ctx.counter_decisions.append({
                "id": str(here["id"]), "reference": here["reference"],
                "incoming_version": values["version"], "why": problem.en,
                "status": rec.get("status"), "decided_by": rec.get("decided_by"),
            })
        elif values["version"] == here["version"]:
            if same:
                stats.unchanged += 1
            else:
                conflicts.append(_conflict(table, here, rec, blobs, ctx))
        elif values["version"] > here["version"]:
            if mine_unsent and not same:
                conflicts.append(_conflict(table, here, rec, blobs, ctx))
            else:
                updates.append(values)
                update_pairs.append((here, values))
        elif stale:
            stats.unchanged += 1
        else:
            conflicts.append(_conflict(table, here, rec, blobs, ctx))

    _keep_local_links(conn, table, update_pairs)
    rows = inserts + updates
    if rows:
        first = ctx.next_seq(len(rows))
        for i, v in enumerate(rows):
            v["change_seq"] = first + i
    if inserts:
        _insert_rows(conn, table, inserts, sent=[r for r, _ in new_rows], writer=ctx.writer)
        stats.inserted += len(inserts)
    if updates or conflicts:
        ctx.settle()
    if updates:
        stmt = update(table).where(table.c.id == bindparam("_match_id"))
        for v in updates:
            v["_match_id"] = v["id"]
        _executemany(conn, stmt, updates)
        stats.updated += len(updates)
    if conflicts:
        conn.execute(insert(SyncConflict), conflicts)
        stats.conflicts += len(conflicts)
    return stats


def _executemany(conn: Connection, stmt: Any, rows: list[dict[str, Any]]) -> None:
    for group in _by_columns(rows).values():
        for i in range(0, len(group), 5000):
            conn.execute(stmt, group[i : i + 5000])


def _by_columns(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Rows grouped by their columns: executemany and COPY want one set of keys, and rows
    of one table may differ when a sender's older version lacks a column.  Rows decoded
    from one sender's lines share their key order, so the order is the key (two orders of
    one set make two groups, which costs a statement, not a mistake)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(tuple(r), []).append(r)
    return groups


def _insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]],
                 sent: list[dict[str, Any]] | None = None,
                 writer: PageWriter | None = None) -> None:
    """New rows in pages: PostgreSQL through COPY (a third of the time of executemany,
    ``page_copy``), SQLite through executemany."""
    if conn.dialect.name != "postgresql":
        _executemany(conn, insert(table), rows)
        return
    copy_new_rows(conn, table, rows, sent, writer)


def _keep_local_links(
    conn: Connection, table: Table, pairs: list[tuple[dict[str, Any], dict[str, Any]]]
) -> None:
    """An updated row may point at a record the sender holds under another id (a person
    registered twice, mapped at the sender): keep our own link rather than fail."""
    for col in table.columns:
        for fk in col.foreign_keys:
            target = fk.column
            changed = {v[col.name] for h, v in pairs
                       if v.get(col.name) is not None and v.get(col.name) != h.get(col.name)}
            if not changed:
                continue
            ids = sorted(changed, key=str)
            found: set[Any] = set()
            for i in range(0, len(ids), CHUNK):
                found.update(conn.execute(
                    select(target).where(target.in_(ids[i : i + CHUNK]))).scalars())
            for here, values in pairs:
                if values.get(col.name) in changed and values[col.name] not in found:
                    values[col.name] = here.get(col.name)


def _apply_remap(codec: TableCodec, values: dict[str, Any], remap: dict[uuid.UUID, uuid.UUID]) -> None:
    if not remap:
        return
    for col in codec.columns:
        if col.name != "id" and isinstance(col.type, Uuid):
            v = values.get(col.name)
            if v in remap:
                values[col.name] = remap[v]


def _load_local(
    conn: Connection, table: Table, codec: TableCodec, ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    out: dict[uuid.UUID, dict[str, Any]] = {}
    cols = [*codec.columns, table.c.change_seq]
    for where in _among(conn, table.c.id, ids):
        for row in conn.execute(select(*cols).where(where)):
            m = dict(row._mapping)
            out[m["id"]] = m
    return out


def _among(conn: Connection, col: Any, values: list[Any]) -> Iterator[Any]:
    """``col IN values`` a page at a time; on PostgreSQL one array parameter for the
    whole page (``= ANY``), not one parameter per value to send and parse."""
    if conn.dialect.name == "postgresql":
        if values:
            # The array's text form, parsed by the server: psycopg's dumping of a list of
            # 5,000 values item by item took longer than the look-up itself.  Untyped, so
            # the server reads it as the array type and plans it as a constant.
            literal = array_text(map(str, values))
            yield col == any_(cast(bindparam("among", literal, type_=NullType()),
                                   ARRAY(col.type)))
        return
    for i in range(0, len(values), CHUNK):
        yield col.in_(values[i : i + CHUNK])


def _map_natural_duplicates(
    conn: Connection,
    table: Table,
    codec: TableCodec,
    new_rows: list[tuple[dict[str, Any], dict[str, Any]]],
    ctx: MergeContext,
    stats: TableStats,
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    key = NATURAL_KEYS.get(table.name)
    if key is None or not new_rows:
        return new_rows
    wanted = [v[key] for _, v in new_rows if v.get(key) is not None]
    existing: dict[Any, dict[str, Any]] = {}
    cols = [*codec.columns, table.c.change_seq]
    for where in _among(conn, table.c[key], wanted):
        for row in conn.execute(select(*cols).where(where)):
            existing[row._mapping[key]] = dict(row._mapping)
    if not existing:
        return new_rows
    kept = []
    for rec, values in new_rows:
        here = existing.get(values.get(key))
        if here is None:
            kept.append((rec, values))
            continue
        if table.name == "application":
            raise BatchRefused(
                f"Application reference {values[key]} already belongs to another "
                "application here; the batch was not imported.",
                message_ar=f"رقم الطلب {values[key]} مستخدم لطلب آخر؛ لم تُستورد الدفعة.",
            )
        ctx.remap[values["id"]] = here["id"]
        stats.mapped += 1
        if table.name == "beneficiary":
            # The same identity number registered at two places: one person, two records.
            conn.execute(insert(SyncConflict), [
                _conflict(table, here, rec, _no_blobs, ctx, reason="duplicate_identity")
            ])
            stats.conflicts += 1
    return kept


def _no_blobs(_name: str) -> bytes:
    return b""


def _conflict(
    table: Table,
    here: dict[str, Any],
    rec: dict[str, Any],
    blobs: Callable[[str], bytes],
    ctx: MergeContext,
    *,
    reason: str = "concurrent_edit",
    wording: Wording | None = None,
) -> dict[str, Any]:
    kept = {}
    for k, v in rec.items():
        if isinstance(v, dict) and "$file" in v:
            # Keep the incoming file itself: the batch is not kept after import.
            kept[k] = {"$base64": base64.b64encode(blobs(v["$file"])).decode("ascii")}
        else:
            kept[k] = v
    return {
        "id": uuid.uuid4(),
        "entity": table.name,
        "entity_id": here["id"],
        "local_version": here["version"],
        "incoming": {"record": kept, "reason": reason,
                     **({"why_en": wording.en, "why_ar": wording.ar} if wording else {})},
        "from_site_id": ctx.from_site,
        "batch_id": ctx.batch_id,
        "received_at": utcnow(),
        "resolved_at": None,
        "resolution": None,
    }
