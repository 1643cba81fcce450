"""The rows a batch holds: those in its range, then the parents it brings along."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import String, Table, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from .records import TABLES


class not_indexed(FunctionElement[str]):  # noqa: N801
    """A column whose index the query must not search by.  A batch's rows are those of a
    range of change sequences and of one site: on SQLite, without statistics, the planner
    searches the site's index, which at a counter holds nearly every row, then sorts them
    all into change order; by the change-sequence index it reads only the range, already
    in order (0.1 s of a 100k export, and a small incremental batch no longer reads the
    whole table).  PostgreSQL keeps statistics and chooses for itself."""

    type = String()
    inherit_cache = True
    name = "not_indexed"


@compiles(not_indexed, "sqlite")
def _unary_plus(element: not_indexed, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite's documented way to keep a term from using an index: a unary "+".
    return "+" + compiler.process(element.clauses, **kw)


@compiles(not_indexed)
def _as_is(element: not_indexed, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


def parents_to_add(s: Any, in_range: Callable[[Table], Any],
                   outside: Callable[[Table], Any]) -> dict[str, set[Any]]:
    """Our own parent rows (the program, person, contact, application) of what is sent,
    brought along at their current version: the receiver then never meets a record whose
    parent it lacks, even when an earlier batch went missing; where it already has them,
    the same version is a no-op.  These are the ids of such rows ``outside`` the batch's
    range that its rows (or parents already added) refer to: the database does the
    matching, by the ids referred to (so the work follows the batch's size, not the
    registry's), only the ids added, usually few, are held.  A table with no row of ours
    outside the range (every table at a first export) is not searched at all."""
    added: dict[str, set[Any]] = {}
    searched: dict[str, bool] = {}
    for table in reversed(TABLES):
        extra = sorted(added.get(table.name, ()), key=str)
        for col in table.columns:
            for fk in col.foreign_keys:
                parent = fk.column.table
                found = added.setdefault(parent.name, set())
                if parent.name not in searched:
                    searched[parent.name] = s.execute(
                        select(parent.c.id).where(outside(parent)).limit(1)).first() is not None
                if not searched[parent.name]:
                    continue
                found.update(s.scalars(select(parent.c.id).where(
                    outside(parent), parent.c.id.in_(select(col).where(in_range(table))))))
                for i in range(0, len(extra), 500):
                    refs = select(col).where(table.c.id.in_(extra[i : i + 500]))
                    found.update(s.scalars(select(parent.c.id).where(
                        outside(parent), parent.c.id.in_(refs))))
    return {name: ids for name, ids in added.items() if ids}


def count_rows(s: Any, table: Table, where: Any, added: set[Any]) -> tuple[int, bool]:
    """The rows a batch takes of ``table``, and whether no two rows in range share a
    change sequence (then change order alone orders them: see ``stream_rows``).  One
    query, counted by change sequence along its index, answers both."""
    per_seq = (select(func.count().label("n")).select_from(table).where(where)
               .group_by(table.c.change_seq).subquery())
    total, most = s.execute(select(func.sum(per_seq.c.n), func.max(per_seq.c.n))).one()
    return int(total or 0) + len(added), int(most or 0) <= 1


def stream_rows(s: Any, columns: Sequence[Any], table: Table, where: Any, added: set[Any],
                chunk: int = 2000, *, as_stored: bool = False, text_as_bytes: bool = False,
                unique_seq: bool = False) -> Iterator[Sequence[Any]]:
    """The rows in range in change order, then the parents added, ``chunk`` at a time.
    Rows sharing a change sequence come in the order of their ids; ``unique_seq`` (none
    share one, as ``count_rows`` found) orders by the change sequence alone, the same
    order, read straight along its index instead of sorted again (a tenth of the time
    SQLite spends on a batch's lines).  ``as_stored`` (SQLite, columns that need no conversion): the rows in range come
    straight from the driver's cursor, as plain tuples; ``text_as_bytes``: their text as
    the UTF-8 bytes SQLite holds, not decoded into str (the parents added come as str)."""
    order = (table.c.change_seq,) if unique_seq else (table.c.change_seq, table.c.id)
    stmt = select(*columns).where(where).order_by(*order)
    conn = s.connection()
    if as_stored and conn.dialect.name == "sqlite":
        compiled = stmt.compile(dialect=conn.dialect)
        params = compiled.construct_params()
        driver = conn.connection.driver_connection
        cursor = driver.cursor()
        text_factory = driver.text_factory
        try:
            cursor.execute(str(compiled), [params[k] for k in compiled.positiontup or ()])
            while True:
                # The driver converts text as it hands each row over: bytes only here,
                # never for whatever else reads through the connection meanwhile.
                driver.text_factory = bytes if text_as_bytes else text_factory
                try:
                    rows = cursor.fetchmany(chunk)
                finally:
                    driver.text_factory = text_factory
                if not rows:
                    break
                yield rows
        finally:
            cursor.close()
    else:
        yield from s.execute(stmt.execution_options(yield_per=chunk)).partitions()
    ids = sorted(added, key=str)
    for i in range(0, len(ids), 500):
        yield s.execute(select(*columns).where(table.c.id.in_(ids[i : i + 500]))).all()


