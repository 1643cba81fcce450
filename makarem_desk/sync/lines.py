"""A table's rows as the JSON lines of a batch, each value encoded once.

The text is the one ``json.dumps(TableCodec.encode(row), ensure_ascii=False,
separators=(",", ":"))`` gives (the batch format), made without the dict: one compiled
expression per table.  On SQLite the columns are read as stored (UUIDs as 32 hex digits,
times as ``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC, enums as their value, booleans as 0/1),
skipping SQLAlchemy's conversion to Python objects that the line would turn straight back
into text; a stored form not as expected goes through the column's own conversion.
Elsewhere the values come typed.  A binary column is read as its length (null stays null)
and becomes its member's reference; its bytes travel as a member of their own.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Integer,
    LargeBinary,
    String,
    Uuid,
    func,
    type_coerce,
)
from sqlalchemy import Enum as SAEnum

from ..models.base import UTCDateTime
from .records import TableCodec, _plain_value, blob_member

_E = json.encoder.encode_basestring
_DUMP = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _kind(col: Column[Any]) -> str:
    t = col.type
    if isinstance(t, LargeBinary):
        return "blob"
    if isinstance(t, Uuid):
        return "uuid"
    if isinstance(t, UTCDateTime):
        return "time"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, SAEnum):
        return "enum"
    if isinstance(t, String):  # Text is a String
        return "str"
    return "json"  # JSON and anything else, through json.dumps


def _raw_uuid(h: str) -> str:
    if len(h) == 32:
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return str(h)


def _raw_time(s: str) -> str:
    # datetime.isoformat() of the aware UTC value, without making the datetime.
    if len(s) == 26 and s[10] == " " and s[19] == ".":
        frac = s[19:]
        return f"{s[:10]}T{s[11:19]}{'' if frac == '.000000' else frac}+00:00"
    value = s if isinstance(s, datetime) else datetime.fromisoformat(str(s))
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)).isoformat()


def _raw_date(s: str) -> str:
    return s if len(s) == 10 else date.fromisoformat(str(s)[:10]).isoformat()


def _enum_value(v: Any) -> str:
    return _DUMP(v.value if isinstance(v, enum.Enum) else v)


def _json(v: Any) -> str:
    return _DUMP(_plain_value(v))


def _stored_json(text: str) -> str:
    # Stored with json.dumps' defaults (", ", ASCII escapes); the line has its own form.
    return _DUMP(json.loads(text))


_TYPED = {
    "str": "E({v})",
    "int": "str({v})",
    "bool": "('true' if {v} else 'false')",
    "uuid": "'\"' + str({v}) + '\"'",
    "time": "'\"' + {v}.isoformat() + '\"'",
    "date": "'\"' + {v}.isoformat() + '\"'",
    "enum": "N({v})",
    "json": "J({v})",
}
_RAW = {**_TYPED, "uuid": "'\"' + U({v}) + '\"'", "time": "'\"' + T({v}) + '\"'",
        "date": "'\"' + D({v}) + '\"'", "enum": "E({v})", "json": "S({v})"}
_AS_STORED: dict[str, Any] = {"uuid": String(), "time": String(), "date": String(), "enum": String(),
              "bool": Integer(), "json": String()}


def _line_order(codec: TableCodec, names: frozenset[str] | None) -> list[str]:
    """The columns of a line, in the order TableCodec.encode fills its dict in: plain
    values, converted, binary; ``names`` keeps only those."""
    order = [*(n for _, n in codec._as_is), *(n for _, n, _ in codec._encoders),
             *(n for _, n in codec._blob_positions)]
    return [n for n in order if names is None or n in names]


def line_reader(codec: TableCodec, dialect: str, names: frozenset[str] | None = None
                ) -> tuple[list[Any], Callable[[Any], str]]:
    """The columns to select and the function from such a row to its JSON line;
    ``names`` keeps only those columns in the line."""
    raw = dialect == "sqlite"
    kinds = {c.name: _kind(c) for c in codec.columns}
    columns: list[Any] = []
    for c in codec.columns:
        kind = kinds[c.name]
        if kind == "blob":
            columns.append(func.length(c))
        elif raw and kind in _AS_STORED:
            columns.append(type_coerce(c, _AS_STORED[kind]))
        else:
            columns.append(c)
    position = {c.name: i for i, c in enumerate(codec.columns)}
    id_at = position["id"]
    forms = _RAW if raw else _TYPED
    keys, values = [], []
    for name in _line_order(codec, names):
        v = f"r[{position[name]}]"
        expr = (f"F(r[{id_at}], {name!r})" if kinds[name] == "blob"
                else forms[kinds[name]].format(v=v))
        keys.append(json.dumps(name).replace("%", "%%") + ":%s")
        values.append(f"('null' if {v} is None else {expr})")
    # One %-format per row: no chain of partial strings.
    template = "{" + ",".join(keys) + "}\n"
    source = f"lambda r: {template!r} % ({', '.join(values)},)" if values else f"lambda r: {template!r}"
    table = codec.table.name
    env = {
        "E": _E, "J": _json, "S": _stored_json, "N": _enum_value, "U": _raw_uuid, "T": _raw_time, "D": _raw_date,
        "F": lambda row_id, col: '{"$file":' + _E(blob_member(
            table, _raw_uuid(row_id) if raw else str(row_id), col)) + "}",
    }
    return columns, cast(Callable[[Any], str], eval(source, env))  # noqa: S307 - our columns


# -- the whole line computed by SQLite ------------------------------------------------
# SQLite writes the line itself (json_object, in the line's key order): the driver then
# hands Python one string a row instead of an object per value.  json_object escapes text
# as json.dumps(ensure_ascii=False) does (``\"``, ``\\``, ``\b \f \n \r \t``, other
# control characters as ``\u00xx``, the rest as is) and writes a value made by json() as
# it is.  A row holding a value not stored in the form expected (a UUID not of 32 digits,
# a time not ``YYYY-MM-DD HH:MM:SS.ffffff``, JSON with an escape, which json.loads and
# json.dumps would turn into letters) comes instead as NUL and its rowid, and its line is
# made by ``line_reader``: the bytes are the same whatever is stored.
_UUID_TEXT = ("substr({c}, 1, 8) || '-' || substr({c}, 9, 4) || '-' || substr({c}, 13, 4) "
              "|| '-' || substr({c}, 17, 4) || '-' || substr({c}, 21)")
_SQL = {  # the value json_object is given, NULL for NULL; {c} is the column
    "uuid": _UUID_TEXT,
    # '.000000' can only be the fraction: the check below leaves 26 characters.
    "time": "replace(replace({c}, '.000000', ''), ' ', 'T') || '+00:00'",
    "bool": "CASE WHEN {c} IS NULL THEN NULL WHEN {c} THEN json('true') ELSE json('false') END",
    "json": "json({c})",
}
# When that value is the one line_reader makes (a cheap test: one per value of each row).
# Text, numbers and enums need none: the columns' affinity stores them as text and
# integers, as line_reader expects.  A time of 26 characters is SQLAlchemy's
# 'YYYY-MM-DD HH:MM:SS.ffffff' (or the same with a 'T', which gives the same line);
# anything else (no fraction, an offset) goes through line_reader.
_STORED_AS_EXPECTED = {
    "uuid": "length({c}) = 32",
    "time": "length({c}) = 26",
    "date": "length({c}) = 10",
    "json": "instr({c}, char(92)) = 0 AND json_valid({c})",
}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sqlite_line(codec: TableCodec, names: frozenset[str] | None = None) -> str:
    """SQLite's expression of a row's JSON line (newline included), the text
    ``line_reader`` makes for it, or NUL and the rowid when it cannot make it."""
    table = codec.table.name

    def ref(name: str) -> str:
        return f'"{table}"."{name}"'

    kinds = {c.name: _kind(c) for c in codec.columns}
    pairs, checks = [], []
    for name in _line_order(codec, names):
        kind, c = kinds[name], ref(name)
        if kind == "blob":  # {"$file":"declarations/<id>.pdf"}, made from the row's id
            before, after = blob_member(table, "\x00", name).split("\x00")
            value = (f"CASE WHEN {c} IS NULL THEN NULL ELSE json_object('$file', "
                     f"{_literal(before)} || {_UUID_TEXT.format(c=ref('id'))} || "
                     f"{_literal(after)}) END")
            kind, c = "uuid", ref("id")
        else:
            value = _SQL.get(kind, "{c}").format(c=c)
        if kind in _STORED_AS_EXPECTED:
            checks.append(f"({c} IS NULL OR {_STORED_AS_EXPECTED[kind].format(c=c)})")
        pairs.append(f"{_literal(name)}, {value}")
    line = f"json_object({', '.join(pairs)}) || char(10)"
    if not checks:
        return line
    return f'CASE WHEN {" AND ".join(checks)} THEN {line} ELSE char(0) || "{table}".rowid END'
