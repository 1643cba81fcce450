"""Rows of the travelling tables to JSON and back, column by column.

JSON lines keep a batch readable with any text tool.  Binary columns (declaration PDFs,
signature images) travel as separate members of the container; the row names the member.
"""

from __future__ import annotations

import base64
import enum
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import JSON, Column, Date, LargeBinary, Table, Uuid, inspect
from sqlalchemy import Enum as SAEnum

from ..models import TRAVELLING_MODELS
from ..models.base import UTCDateTime

# Parents before children: the order rows are inserted in.
TABLES: tuple[Table, ...] = tuple(
    cast(Table, inspect(m).local_table) for m in TRAVELLING_MODELS
)
TABLE_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

# Columns that are the receiving database's own business, not part of a record's content.
LOCAL_ONLY = frozenset({"change_seq"})
# Differences here alone do not make two versions "different edits".
NOT_CONTENT = frozenset({"change_seq", "updated_at", "site_id"})

BLOB_SUFFIX = {("declaration", "pdf"): ".pdf", ("declaration", "signature_png"): ".png"}


def blob_member(table: str, row_id: str, column: str) -> str:
    suffix = BLOB_SUFFIX.get((table, column), ".bin")
    folder = "declarations" if table == "declaration" else f"blobs/{table}"
    name = row_id if column == "pdf" else f"{row_id}-{column.replace('_png', '')}"
    return f"{folder}/{name}{suffix}"


def _encode(col: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decoder(col: Column[Any]) -> Callable[[Any], Any]:
    t = col.type
    if isinstance(t, Uuid):
        return uuid.UUID
    if isinstance(t, UTCDateTime):
        return datetime.fromisoformat
    if isinstance(t, Date):
        return date.fromisoformat
    if isinstance(t, SAEnum) and t.enum_class is not None:
        cls = t.enum_class
        return lambda v: cls(v)
    if isinstance(t, LargeBinary):
        return lambda v: base64.b64decode(v)
    return lambda v: v


class TableCodec:
    """Encodes and decodes the rows of one table."""

    def __init__(self, table: Table):
        self.table = table
        self.columns = [c for c in table.columns if c.name not in LOCAL_ONLY]
        self.blob_columns = [
            c.name for c in self.columns if isinstance(c.type, LargeBinary)
        ]
        self.json_columns = {c.name for c in self.columns if isinstance(c.type, JSON)}
        self._decoders = {c.name: _decoder(c) for c in self.columns}

    def encode(self, row: Any, blobs: dict[str, bytes]) -> dict[str, Any]:
        """A row (mapping) to a JSON-ready dict; binary columns go into ``blobs``."""
        out: dict[str, Any] = {}
        m = row._mapping if hasattr(row, "_mapping") else row
        for col in self.columns:
            value = m[col.name]
            if col.name in self.blob_columns:
                if value is None:
                    out[col.name] = None
                else:
                    member = blob_member(self.table.name, str(m["id"]), col.name)
                    blobs[member] = bytes(value)
                    out[col.name] = {"$file": member}
            else:
                out[col.name] = _encode(col, value)
        return out

    def decode(self, record: dict[str, Any], blobs: Callable[[str], bytes]) -> dict[str, Any]:
        """A JSON dict back to column values; unknown columns are refused by the caller."""
        out: dict[str, Any] = {}
        for name, value in record.items():
            if value is None:
                out[name] = None
            elif name in self.blob_columns:
                out[name] = blobs(value["$file"]) if isinstance(value, dict) else None
            elif name in self.json_columns:
                out[name] = value
            else:
                out[name] = self._decoders[name](value)
        return out

    def content(self, values: dict[str, Any]) -> dict[str, Any]:
        """What two versions are compared on (decoded values, bytes included)."""
        return {
            k: _comparable(v)
            for k, v in values.items()
            if k not in NOT_CONTENT and k in self._decoders
        }

    def unknown_columns(self, record: dict[str, Any]) -> list[str]:
        return sorted(k for k in record if k not in self._decoders)


def _comparable(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.isoformat()  # aware UTC on both sides
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, memoryview | bytearray):
        return bytes(v)
    return v


CODECS: dict[str, TableCodec] = {t.name: TableCodec(t) for t in TABLES}
