"""Rows of the travelling tables to JSON and back, column by column.

JSON lines keep a batch readable with any text tool.  Binary columns (declaration PDFs,
signature images) travel as separate members of the container; the row names the member.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Integer,
    LargeBinary,
    String,
    Table,
    Uuid,
    inspect,
)
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


def _encoder(col: Column[Any]) -> Callable[[Any], Any] | None:
    """One function per column, chosen once: encoding 100,000 rows is per-value work.
    None: the value is JSON as it comes (text, numbers, booleans, JSON)."""
    t = col.type
    if isinstance(t, Uuid):
        return str
    if isinstance(t, UTCDateTime | Date):
        return lambda v: v.isoformat()
    if isinstance(t, SAEnum):
        return lambda v: v.value if isinstance(v, enum.Enum) else v
    if isinstance(t, String | Integer | Boolean | JSON):  # Text is a String
        return None
    return _plain_value


def _plain_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _same(v: Any) -> Any:
    return v


def _decoder(col: Column[Any]) -> Callable[[Any], Any]:
    t = col.type
    if isinstance(t, Uuid):
        return uuid.UUID
    if isinstance(t, UTCDateTime):
        return _aware_datetime
    if isinstance(t, Date):
        return date.fromisoformat
    if isinstance(t, SAEnum) and t.enum_class is not None:
        cls = t.enum_class
        return lambda v: cls(v)
    return _same  # LargeBinary: replaced from the member file by decode()


def _aware_datetime(text: str) -> datetime:
    """A time with its offset: without one it could be any zone's (refused, as the
    column would refuse it when written)."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"time without a zone offset: {text}")
    return value


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
        self._known = frozenset(self._decoders)
        self._converting = [(name, fn) for name, fn in self._decoders.items()
                            if fn is not _same and name not in self.blob_columns]
        encoders = [(i, c.name, _encoder(c)) for i, c in enumerate(self.columns)
                     if c.name not in self.blob_columns]
        self._as_is = [(i, name) for i, name, fn in encoders if fn is None]
        self._encoders = [(i, name, fn) for i, name, fn in encoders if fn is not None]
        self._blob_positions = [
            (i, c.name) for i, c in enumerate(self.columns) if c.name in self.blob_columns
        ]
        self._id_position = [c.name for c in self.columns].index("id")

    def encode(self, row: Any, blobs: dict[str, bytes]) -> dict[str, Any]:
        """A row selected as ``select(*codec.columns)`` to a JSON-ready dict; binary
        columns go into ``blobs``."""
        out: dict[str, Any] = {name: row[i] for i, name in self._as_is}
        for i, name, fn in self._encoders:
            value = row[i]
            out[name] = None if value is None else fn(value)
        for i, name in self._blob_positions:
            value = row[i]
            if value is None:
                out[name] = None
            else:
                member = blob_member(self.table.name, str(row[self._id_position]), name)
                blobs[member] = bytes(value)
                out[name] = {"$file": member}
        return out

    def decode(self, record: dict[str, Any], blobs: Callable[[str], bytes]) -> dict[str, Any]:
        """A JSON dict back to column values; unknown columns are refused by the caller."""
        if not self._known.issuperset(record):
            raise KeyError(self.unknown_columns(record)[0])
        out = dict(record)
        for name, fn in self._converting:  # the other columns are JSON as they are
            value = out.get(name)
            if value is not None:
                out[name] = fn(value)
        for name in self.blob_columns:
            value = record.get(name)
            if value is not None:
                out[name] = blobs(value["$file"]) if isinstance(value, dict) else None
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
