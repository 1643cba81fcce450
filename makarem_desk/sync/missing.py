"""Before merging: the programs a batch's applications point to must be here or in it.

A counter's batch carries its own program rows (``selection.parents_to_add``), so this only
fails for a batch from a release that saved programs under the placeholder site "LOCAL"
(they never travelled) or a damaged one.  Instead of the database's bare foreign-key
error, the refusal names the programs and says what to do.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Application, Program
from . import container
from .errors import BatchRefused


def _rows(contents: container.Contents, table: str, *columns: str) -> list[tuple[str, ...]]:
    name = f"records/{table}.jsonl"
    if name not in contents.members:
        return []
    rows = (json.loads(line) for line in contents.lines(name) if line.strip())
    # A decisions batch carries only an application's decision fields: no program_id.
    return [tuple(str(r[c]) for c in columns) for r in rows
            if all(r.get(c) is not None for c in columns)]


def _uuids(values: Iterable[str]) -> set[uuid.UUID]:
    try:
        return {uuid.UUID(v) for v in values}
    except ValueError:
        raise BatchRefused("The batch names a record by a malformed id.") from None


def missing_programs(s: Session, contents: container.Contents,
                     aliases: Iterable[str] = ()) -> list[uuid.UUID]:
    """Program ids that applications new here need and that neither the batch nor this
    database holds.  An application already here keeps its own link to its program (the
    merge does not take the sender's), and ``aliases`` are sender ids mapped onto ours."""
    mapped = set(aliases)
    apps = {a: p for a, p in _rows(contents, "application", "id", "program_id")
            if a not in mapped}
    if not apps:
        return []
    here = {str(i) for i in _present(s, Application.id, _uuids(apps))}
    wanted = {p for a, p in apps.items() if a not in here}
    wanted -= {r[0] for r in _rows(contents, "program", "id")} | mapped
    if not wanted:
        return []
    ids = _uuids(wanted)
    return sorted(ids - _present(s, Program.id, ids), key=str)


def _present(s: Session, column: Any, ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``ids`` the column holds, asked in chunks (SQLite limits parameters)."""
    found: set[uuid.UUID] = set()
    ordered = sorted(ids, key=str)
    for i in range(0, len(ordered), 500):
        found.update(s.scalars(select(column).where(column.in_(ordered[i : i + 500]))))
    return found


def refuse_missing_programs(site_id: str, sequence: int, missing: list[uuid.UUID]) -> BatchRefused:
    known = _codes_in_forms()
    codes = [known[i] for i in missing if i in known]
    if len(codes) == len(missing):
        what = (f"They are defined in this installation's forms/ ({', '.join(codes)}): load "
                "them with `makarem-desk programs load` (an administrator), then import "
                "this batch again.")
    else:
        what = (f"Ask {site_id} to update Makarem Desk and send batch {sequence} again "
                f"(`makarem-desk export --to <this site> --batch {sequence}`), or load the "
                "same forms/ here with `makarem-desk programs load`, then import again.")
    return BatchRefused(
        f"Batch {sequence} from {site_id} has applications to {len(missing)} program(s) this "
        f"installation does not have and the batch does not carry "
        f"({', '.join(str(i) for i in missing[:5])}). Nothing was imported. {what}",
        message_ar=f"الدفعة {sequence} من {site_id} تشير إلى برامج غير موجودة هنا ولا في "
        "الدفعة؛ لم يُستورد شيء. حمّل البرامج من مجلد النماذج (makarem-desk programs load) "
        "ثم أعد الاستيراد.",
    )


def _codes_in_forms() -> dict[uuid.UUID, str]:
    from ..checklists.loader import load_forms
    from ..errors import UserError
    from ..services.programs import program_id

    try:
        return {program_id(code): code for code in load_forms().programs}
    except UserError:  # no or broken forms/: the message then says so without codes
        return {}
