"""The members of a batch as they are read: JSON lines a chunk of rows at a time, each
binary value as its own member, and the summary sheet from the few fields it shows.

Rows are read with Core, a chunk at a time, and each value is encoded once into its JSON
line: on SQLite by the database itself (``lines.sqlite_line``: one string a row, handed
over as the UTF-8 bytes it already is), elsewhere by one compiled expression per table
(``lines.line_reader``).  Nothing of a table is held beyond its chunk, except the ids of
the parent rows brought along (usually few).
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, literal_column, select

from .lines import line_reader, sqlite_line
from .ownership import DECISIONS_BATCH_COLUMNS
from .records import CODECS, TABLE_BY_NAME, blob_member
from .selection import stream_rows
from .summary import build_summary, summary_pieces

# What the summary sheet reads of an application (summary._rows).
SUMMARY_FIELDS = ("reference", "beneficiary_id", "program_id", "status", "submitted_at",
                  "response_due", "missing_items", "decision_reason")
CHUNK = 2000
BLOB_CHUNK = 50  # rows of declarations with their PDFs read at once
PROBE = 500  # rows whose lines tell whether SQLite or Python writes a table's lines


class BatchStream:
    def __init__(self, s: Any, plan: Any, tables: tuple[Table, ...],
                 where: Callable[[Table], Any], added: dict[str, set[Any]],
                 counts: dict[str, int], unique_seq: set[str] | frozenset[str] = frozenset()):
        self.s = s
        self.plan = plan
        self.where = where
        self.added = added
        self.counts = counts
        self.unique_seq = unique_seq  # tables whose rows in range share no change sequence

    def members(self, table: Table, check_cancel: Callable[[], None]
                ) -> Iterator[tuple[str, Iterable[bytes]]]:
        yield f"records/{table.name}.jsonl", self._lines(table, check_cancel)
        codec = CODECS[table.name]
        for name in codec.blob_columns:
            yield from self._blobs(table, name)

    def _lines(self, table: Table, check_cancel: Callable[[], None]) -> Iterator[bytes]:
        codec = CODECS[table.name]
        names = frozenset(DECISIONS_BATCH_COLUMNS) if self.plan.kind == "decisions" else None
        dialect = self.s.get_bind().dialect.name
        columns, line = line_reader(codec, dialect, names)
        where, added = self.where(table), self.added.get(table.name, set())
        unique = table.name in self.unique_seq
        sent = 0
        rowid: Any = literal_column(f'"{table.name}".rowid')
        whole: Any = literal_column(sqlite_line(codec, names))
        if dialect == "sqlite" and not self._mostly_marked(whole, where):
            # SQLite writes each line; a row it cannot (a value not stored as expected)
            # comes as NUL and its rowid, and its line is made here from its values.

            def made_here(rows: Sequence[Any]) -> list[bytes]:
                """The chunk's lines, those SQLite marked made from their rows' values
                (read by one query per 500 of them)."""
                parts = [r[0] if isinstance(r[0], bytes) else r[0].encode("utf-8")
                         for r in rows]
                marked = [int(p[1:]) for p in parts if p.startswith(b"\x00")]
                made: dict[int, bytes] = {}
                for i in range(0, len(marked), 500):
                    for r in self.s.execute(select(rowid, *columns).where(
                            rowid.in_(marked[i : i + 500]))):
                        made[r[0]] = line(r[1:]).encode("utf-8")
                return [made[int(p[1:])] if p.startswith(b"\x00") else p for p in parts]

            for rows in stream_rows(self.s, [whole], table, where, added, CHUNK,
                                    as_stored=True, text_as_bytes=True, unique_seq=unique):
                check_cancel()
                sent += len(rows)
                try:
                    data = b"".join([r[0] for r in rows])
                except TypeError:  # the parents added, as str
                    data = b""
                if not data or b"\x00" in data:
                    data = b"".join(made_here(rows))
                yield data
        else:
            for rows in stream_rows(self.s, columns, table, where, added, CHUNK,
                                    as_stored=True, unique_seq=unique):
                check_cancel()
                sent += len(rows)
                yield "".join([line(r) for r in rows]).encode("utf-8")
        # What went in, exactly (the manifest, written last, and the database share it).
        self.counts[table.name] = sent

    def _mostly_marked(self, whole: Any, where: Any) -> bool:
        """Whether SQLite would leave most lines of the table to Python (JSON columns
        holding escapes, as json.dumps stores Arabic text): then Python makes them all
        from the values, which is cheaper than asking twice.  Judged on the first rows."""
        lines: list[str] = list(self.s.scalars(select(whole).where(where).limit(PROBE)))
        return sum(line.startswith("\x00") for line in lines) * 5 > len(lines)

    def _blobs(self, table: Table, column: str) -> Iterator[tuple[str, Iterable[bytes]]]:
        col = table.c[column]
        where = self.where(table)
        for rows in stream_rows(self.s, [table.c.id, col], table, where & col.is_not(None),
                                self.added.get(table.name, set()), BLOB_CHUNK,
                                unique_seq=table.name in self.unique_seq):
            for row_id, data in rows:
                if data is not None:
                    yield blob_member(table.name, str(row_id), column), [bytes(data)]

    def summary(self) -> Iterator[bytes]:
        """The sheet of the batch's applications, its rows read with their person and
        program by one join, a chunk at a time, as the sheet is written; then the sheet
        in pieces."""
        app = TABLE_BY_NAME["application"]
        if "application" not in self.counts:
            yield build_summary([], {}, {})
            return
        ben, prog = TABLE_BY_NAME["beneficiary"], TABLE_BY_NAME["program"]
        person = [ben.c[n] for n in PERSON_FIELDS]
        columns = [*(app.c[n] for n in SUMMARY_FIELDS), *person, prog.c.name_ar]
        joined = app.outerjoin(ben, ben.c.id == app.c.beneficiary_id).outerjoin(
            prog, prog.c.id == app.c.program_id)

        def rows() -> Iterator[Any]:
            where, added = self.where(app), self.added.get("application", set())
            result = self.s.execute(select(*columns).select_from(joined).where(where)
                                    .execution_options(yield_per=CHUNK))
            yield from result
            ids = sorted(added, key=str)
            for i in range(0, len(ids), 500):
                yield from self.s.execute(select(*columns).select_from(joined)
                                          .where(app.c.id.in_(ids[i : i + 500])))

        yield from summary_pieces(_summary_line(r) for r in rows())


PERSON_FIELDS = ("first_name", "father_name", "grandfather_name", "family_name",
                 "identity_number", "phone")


def _summary_line(r: Any) -> dict[str, Any]:
    n = len(SUMMARY_FIELDS)
    application = {k: _text(v) for k, v in zip(SUMMARY_FIELDS, r[:n], strict=True)}
    application["person"] = dict(zip(PERSON_FIELDS, r[n : n + len(PERSON_FIELDS)],
                                     strict=True))
    application["program_name_ar"] = r[-1]
    return application


def _text(v: Any) -> Any:
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, uuid.UUID):
        return str(v)
    return v
