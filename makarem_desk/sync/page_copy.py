"""A page of new rows written into PostgreSQL by COPY (issue 14: import <= 3x COPY).

COPY takes a third of the time of executemany.  Each value becomes the text COPY reads by
a function chosen once per column (``_copy_text``), with the checks of the column type's
own bind conversion (aware times only, an enum's known values); times, dates and ids are
taken as the sender wrote them (decoding checked them: no re-formatting).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Column, Date, Integer, LargeBinary, String, Table, Uuid
from sqlalchemy import Enum as SAEnum
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ..models.base import UTCDateTime
from .page_writer import PageWriter


def copy_new_rows(conn: Connection, table: Table, rows: list[dict[str, Any]],
                  sent: list[dict[str, Any]] | None, writer: PageWriter | None) -> None:
    """``rows`` COPYd into ``table``.  ``sent``, the records ``rows`` were decoded from
    (in the same order), gives times, dates and ids as the sender wrote them; other id
    columns may have been mapped onto ours, so are not taken.  With a ``writer`` the COPY
    runs on its thread and this returns at once: neither ``rows`` nor ``sent`` may change
    afterwards."""
    quote = conn.dialect.identifier_preparer
    raw = conn.connection.driver_connection
    assert raw is not None
    records = sent if sent is not None and len(sent) == len(rows) else [None] * len(rows)
    groups: dict[tuple[str, ...], list[tuple[dict[str, Any], dict[str, Any] | None]]] = {}
    for r, rec in zip(rows, records, strict=True):
        groups.setdefault(tuple(r), []).append((r, rec))
    steps: list[tuple[str, Iterable[Sequence[Any]]]] = []  # each COPY with its rows
    for keys, group in groups.items():
        texts = [(i, f, k if k == "id" or isinstance(table.c[k].type, UTCDateTime | Date)
                  else None)
                 for i, k in enumerate(keys)
                 if (f := _copy_text(table.c[k], conn.dialect)) is not None]
        sql = (f"COPY {quote.format_table(table)} ({', '.join(quote.quote(k) for k in keys)})"
               " FROM STDIN")
        steps.append((sql, _copy_rows(keys, texts, group)))
    dbapi_error = conn.dialect.loaded_dbapi.Error

    def write() -> None:
        sql = ""
        try:
            with raw.cursor() as cur:
                for sql, lines in steps:
                    with cur.copy(sql) as copy:
                        for line in lines:
                            copy.write_row(line)
        except dbapi_error as exc:
            # As SQLAlchemy raises it for its own statements (an IntegrityError is a
            # batch that does not fit this database), not the driver's bare error.
            raise DBAPIError.instance(sql, None, exc, dbapi_error,
                                      dialect=conn.dialect) from exc

    if writer is None:
        write()
    else:
        writer.submit(write)


def _copy_rows(keys: tuple[str, ...], texts: list[tuple[int, Callable[[Any], Any], str | None]],
               group: list[tuple[dict[str, Any], dict[str, Any] | None]],
               ) -> Iterator[list[Any]]:
    """The rows of one COPY, each value as ``_copy_text`` or as sent; made as they are
    written (on the writer's thread)."""
    pick = itemgetter(*keys)
    for r, rec in group:
        row = list(pick(r)) if len(keys) > 1 else [r[keys[0]]]
        for i, f, as_sent in texts:
            v = row[i]
            if v is not None:
                row[i] = rec[as_sent] if as_sent and rec is not None else f(v)
        yield row


def _copy_text(col: Column[Any], dialect: Any) -> Callable[[Any], Any] | None:
    """How a decoded value of ``col`` is handed to COPY: None when psycopg writes it as it
    is (text, numbers, booleans, bytes), else a function to its text form."""
    t = col.type
    if isinstance(t, UTCDateTime):
        return _aware_iso
    if isinstance(t, Uuid | Date):
        return str  # str(date) is its ISO form
    if isinstance(t, SAEnum) and t.enum_class is not None:
        stored = _enum_values(t)
        return stored.__getitem__  # KeyError for a value the column does not know
    if isinstance(t, JSON):
        return cast(Callable[[Any], Any], getattr(dialect, "_json_serializer", None)
                    or json.dumps)
    if isinstance(t, String | Integer | Boolean | LargeBinary):  # Text is a String
        return None
    proc = t.dialect_impl(dialect).bind_processor(dialect)
    return cast(Callable[[Any], Any] | None, proc)


def _enum_values(t: SAEnum) -> dict[Any, str]:
    """Members and stored strings of an enum column to the stored string."""
    assert t.enum_class is not None
    members = list(t.enum_class)
    stored = [str(v) for v in (t.enums or [])]
    if len(stored) != len(members):
        stored = [str(m.value) for m in members]
    return {**dict(zip(members, stored, strict=True)), **{v: v for v in stored}}


def _aware_iso(v: datetime) -> str:
    if v.tzinfo is None:
        raise ValueError("naive datetime given; use an aware UTC datetime")
    return v.isoformat()
