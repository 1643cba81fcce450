"""The members of a batch as they are read: JSON lines a chunk of rows at a time, each
binary value as its own member, and the summary sheet from the few fields it shows.

Rows are read with Core, a chunk at a time, and each value is encoded once into its JSON
line (``TableCodec.line_encoder``); nothing of a table is held beyond its chunk, except
the summary's fields of each application and the programs (a small table).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import Table, func

from .ownership import DECISIONS_BATCH_COLUMNS
from .records import CODECS, blob_member
from .selection import stream_rows, summary_of

# What the summary sheet reads of an application (summary._rows).
SUMMARY_FIELDS = ("reference", "beneficiary_id", "program_id", "status", "submitted_at",
                  "response_due", "missing_items", "decision_reason")
CHUNK = 2000
BLOB_CHUNK = 50  # rows of declarations with their PDFs read at once


class BatchStream:
    def __init__(self, s: Any, plan: Any, tables: tuple[Table, ...],
                 where: Callable[[Table], Any], added: dict[str, set[Any]],
                 counts: dict[str, int]):
        self.s = s
        self.plan = plan
        self.where = where
        self.added = added
        self.counts = counts
        self.applications: list[dict[str, Any]] = []
        self.programs: list[dict[str, Any]] = []

    def members(self, table: Table, check_cancel: Callable[[], None]
                ) -> Iterator[tuple[str, Iterable[bytes]]]:
        yield f"records/{table.name}.jsonl", self._lines(table, check_cancel)
        codec = CODECS[table.name]
        for name in codec.blob_columns:
            yield from self._blobs(table, name)

    def _lines(self, table: Table, check_cancel: Callable[[], None]) -> Iterator[bytes]:
        codec = CODECS[table.name]
        # A binary column is read as its length here (null stays null); its bytes are
        # read apart, a few rows at a time, as members of their own.
        columns = [func.length(c) if c.name in codec.blob_columns else c
                   for c in codec.columns]
        names = frozenset(DECISIONS_BATCH_COLUMNS) if self.plan.kind == "decisions" else None
        line = codec.line_encoder(names)
        keep = {"application": self._keep_application,
                "program": self._keep_program}.get(table.name)
        for rows in stream_rows(self.s, columns, table, self.where(table),
                                self.added.get(table.name, set()), CHUNK):
            check_cancel()
            if keep is not None:
                for r in rows:
                    keep(r)
            yield "".join([line(r) for r in rows]).encode("utf-8")

    def _blobs(self, table: Table, column: str) -> Iterator[tuple[str, Iterable[bytes]]]:
        col = table.c[column]
        where = self.where(table)
        for rows in stream_rows(self.s, [table.c.id, col], table, where & col.is_not(None),
                                self.added.get(table.name, set()), BLOB_CHUNK):
            for row_id, data in rows:
                if data is not None:
                    yield blob_member(table.name, str(row_id), column), [bytes(data)]

    def _keep_application(self, row: Any) -> None:
        full = CODECS["application"].encode(row, {})
        self.applications.append({k: full.get(k) for k in SUMMARY_FIELDS})

    def _keep_program(self, row: Any) -> None:
        self.programs.append(CODECS["program"].encode(row, {}))

    def summary(self) -> bytes:
        return summary_of(self.s, {"application": self.applications, "program": self.programs})
