"""The rows a records batch brings along, and the summary sheet of a batch."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Table, func, not_, select

from .records import CODECS, TABLE_BY_NAME, TABLES
from .summary import build_summary


def summary_of(s: Any, decoded: dict[str, list[dict[str, Any]]]) -> bytes:
    apps = decoded.get("application", [])
    bens = {b["id"]: b for b in decoded.get("beneficiary", [])}
    progs = {p["id"]: p for p in decoded.get("program", [])}
    # An application changed (e.g. decided) without its beneficiary: look the name up.
    want = {a["beneficiary_id"] for a in apps} - set(bens)
    if want:
        t = TABLE_BY_NAME["beneficiary"]
        for chunk in _chunks(sorted(want), 500):
            cols = CODECS["beneficiary"].columns
            for r in s.execute(select(*cols).where(t.c.id.in_([_uuid(x) for x in chunk]))):
                bens[str(r.id)] = CODECS["beneficiary"].encode(r, {})
    want = {a["program_id"] for a in apps} - set(progs)
    if want:
        t = TABLE_BY_NAME["program"]
        for r in s.execute(select(*CODECS["program"].columns)
                           .where(t.c.id.in_([_uuid(x) for x in want]))):
            progs[str(r.id)] = CODECS["program"].encode(r, {})
    return build_summary(apps, bens, progs)


def add_parents(s: Any, site_id: str, selected: dict[str, list[Any]]) -> None:
    """Bring along our own parent rows (the program, person, contact, application) of
    what is sent, at their current version: the receiver then never meets a record whose
    parent it lacks, even when an earlier batch went missing.  Where it already has them,
    the same version is a no-op."""
    for table in reversed(TABLES):
        rows = selected.get(table.name) or []
        for col in table.columns:
            for fk in col.foreign_keys:
                parent = fk.column.table
                have = {r.id for r in selected.get(parent.name, [])}
                want = {getattr(r, col.name) for r in rows} - have - {None}
                if not want:
                    continue
                codec = CODECS[parent.name]
                ids = sorted(want, key=str)
                for i in range(0, len(ids), 500):
                    found = s.execute(select(*codec.columns).where(
                        parent.c.id.in_(ids[i : i + 500]), parent.c.site_id == site_id)).all()
                    selected.setdefault(parent.name, []).extend(found)


def parents_to_add(s: Any, site_id: str, in_range: Callable[[Table], Any]) -> dict[str, set[Any]]:
    """``add_parents`` without holding the batch: the ids of our own parent rows outside
    the batch's range that its rows (or parents already added) refer to.  The database
    does the matching; only the ids added, usually few, are held."""
    added: dict[str, set[Any]] = {}
    for table in reversed(TABLES):
        extra = sorted(added.get(table.name, ()), key=str)
        for col in table.columns:
            for fk in col.foreign_keys:
                parent = fk.column.table
                outside = (parent.c.site_id == site_id, not_(in_range(parent)))
                found = added.setdefault(parent.name, set())
                found.update(s.scalars(select(parent.c.id).where(
                    *outside, parent.c.id.in_(select(col).where(in_range(table))))))
                for i in range(0, len(extra), 500):
                    refs = select(col).where(table.c.id.in_(extra[i : i + 500]))
                    found.update(s.scalars(select(parent.c.id).where(
                        *outside, parent.c.id.in_(refs))))
    return {name: ids for name, ids in added.items() if ids}


def count_rows(s: Any, table: Table, where: Any, added: set[Any]) -> int:
    return int(s.scalar(select(func.count()).select_from(table).where(where)) or 0) + len(added)


def stream_rows(s: Any, columns: Sequence[Any], table: Table, where: Any, added: set[Any],
                chunk: int = 2000) -> Iterator[Sequence[Any]]:
    """The rows in range in change order, then the parents added, ``chunk`` at a time."""
    result = s.execute(select(*columns).where(where).order_by(table.c.change_seq, table.c.id)
                       .execution_options(yield_per=chunk))
    yield from result.partitions()
    ids = sorted(added, key=str)
    for i in range(0, len(ids), 500):
        yield s.execute(select(*columns).where(table.c.id.in_(ids[i : i + 500]))).all()


def _uuid(x: str) -> uuid.UUID:
    return uuid.UUID(x)


def _chunks(items: list[str], n: int) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]
