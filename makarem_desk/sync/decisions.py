"""Merging a decisions batch at a counter: the committee's answers, and nothing else.

Each record names one of this counter's applications and carries only its decision
fields (``ownership.DECISIONS_BATCH_COLUMNS``); any other table, column, unknown
application or an application of another counter refuses the whole batch.  A status of
the counter's own part of the procedure (draft, incomplete, not eligible) is listed as a
conflict, never applied.  The version
rules are those of ``merge``, compared on the decision fields: a newer decision is
applied unless this counter has an unsent change of the application, in which case both
are kept and listed as a conflict.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.engine import Connection

from ..models import SyncConflict
from .errors import BatchRefused
from .merge import MergeContext, TableStats, _conflict, _load_local
from .ownership import (
    DECISION_FIELDS,
    DECISIONS_BATCH_COLUMNS,
    committee_status_problem,
    comparable,
    record_name,
    reference_site,
)
from .records import CODECS, TABLE_BY_NAME


def check_decisions_members(members: list[str], from_site: str) -> None:
    """A decisions batch holds the applications' decision fields and its summary only."""
    extra = sorted(n for n in members if n not in ("records/application.jsonl", "summary.xlsx"))
    if extra:
        raise BatchRefused(
            f"The decisions batch from {from_site} carries {', '.join(extra[:5])}; a decisions "
            "batch may carry the decision fields of applications only. Nothing was imported.",
            message_ar="تحمل دفعة القرارات بيانات غير قرارات الطلبات؛ لم يُستورد شيء.",
        )


def merge_decisions(conn: Connection, records: list[dict[str, Any]], ctx: MergeContext) -> TableStats:
    table: Table = TABLE_BY_NAME["application"]
    codec = CODECS["application"]
    stats = ctx.stats.setdefault(table.name, TableStats())
    incoming: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for rec in records:
        extra = sorted(k for k in rec if k not in DECISIONS_BATCH_COLUMNS)
        if extra:
            raise BatchRefused(
                f"The decisions batch from {ctx.from_site} carries {', '.join(extra)} of "
                f"{record_name('application', rec)}; a decisions batch may carry only the "
                f"decision fields ({', '.join(DECISION_FIELDS)}). Nothing was imported.",
                message_ar="تحمل دفعة القرارات حقولاً غير حقول القرار؛ لم يُستورد شيء.",
            )
        if rec.get("site_id") != ctx.from_site or "id" not in rec or "version" not in rec:
            raise BatchRefused(
                f"The decisions batch from {ctx.from_site} has a record that is not the "
                f"committee's ({record_name('application', rec)}). Nothing was imported.",
                message_ar="تحتوي دفعة القرارات سجلاً غير منسوب إلى لجنة البحث؛ لم يُستورد شيء.",
            )
        incoming.append((rec, codec.decode(rec, _no_files)))

    local = _load_local(conn, table, codec, [v["id"] for _, v in incoming])
    updates: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    for rec, values in incoming:
        here = local.get(values["id"])
        if here is None or reference_site(here["reference"]) != ctx.my_site:
            raise BatchRefused(
                f"The decisions batch from {ctx.from_site} answers "
                f"{record_name('application', rec)}, which is not an application of this "
                f"counter ({ctx.my_site}). Nothing was imported.",
                message_ar=f"تحتوي دفعة القرارات قراراً لطلب ليس من طلبات هذا الموقع "
                f"({rec.get('reference')}); لم يُستورد شيء.",
            )
        if values.get("reference", here["reference"]) != here["reference"]:
            raise BatchRefused(
                f"The decisions batch from {ctx.from_site} gives application {here['id']} "
                f"the reference {values.get('reference')}; it is {here['reference']} here. "
                "Nothing was imported.",
                message_ar="رقم الطلب في دفعة القرارات لا يطابق رقمه هنا؛ لم يُستورد شيء.",
            )
        same = all(comparable(here.get(f)) == comparable(values.get(f))
                   for f in DECISION_FIELDS if f in values)
        mine_unsent = here["site_id"] == ctx.my_site and here["change_seq"] > ctx.export_cursor
        problem = None if same else committee_status_problem(values, here)
        if problem is not None:
            # Listed, not refused: the counter's other decisions still arrive.
            conflicts.append(_conflict(table, here, rec, _no_files, ctx,
                                       reason="committee_status", wording=problem))
        elif values["version"] > here["version"] and not mine_unsent:
            updates.append({k: v for k, v in values.items() if k != "reference"})
        elif same or (values["version"] < here["version"] and here["site_id"] == ctx.from_site):
            # The same decision (our unsent change then carries it on), or a stale copy
            # of the committee's own earlier write.
            stats.unchanged += 1
        else:
            conflicts.append(_conflict(table, here, rec, _no_files, ctx))

    if updates:
        first = ctx.next_seq(len(updates))
        for i, v in enumerate(updates):
            v["change_seq"] = first + i
            v["_match_id"] = v["id"]
        stmt = update(table).where(table.c.id == bindparam("_match_id"))
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for v in updates:
            groups.setdefault(tuple(sorted(v)), []).append(v)
        for group in groups.values():
            conn.execute(stmt, group)
        stats.updated += len(updates)
    if conflicts:
        conn.execute(insert(SyncConflict), conflicts)
        stats.conflicts += len(conflicts)
    return stats


def _no_files(name: str) -> bytes:
    raise BatchRefused(f"A decisions batch carries no files ({name}).",
                       message_ar="لا تحمل دفعة القرارات ملفات.")
