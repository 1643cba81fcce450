"""Writing millions of rows into SQLite at once (the demo registry of the benchmarks).

With the counter's everyday settings (a 2 MB page cache, each commit synced, some thirty
indexes kept up row by row, foreign keys looked up row by row) every row lands on a random
page of each index keyed by a random id; the small cache spills dirty pages into the
write-ahead log again and again, and a 1,000,000-person load could not finish on a
loaded machine (issue 14).  For the load only, on one connection of its own:

- a page cache large enough for the working set of the indexes that must stay (primary
  keys and unique numbers);
- no sync per commit: a demo load cut short is made again, never repaired;
- no foreign-key lookups: the generator writes parents before their children in the
  same transaction (``tests/test_demo.py`` checks ``PRAGMA foreign_key_check``);
- the other indexes and the given triggers set aside, then made again from their own
  stored SQL at the end, which sorts once instead of inserting row by row.

The connection is discarded afterwards, so no unit of work inherits these settings; the
indexes and triggers are made again even when the load fails.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine

# A ceiling, not an allocation: SQLite takes pages as it needs them.
CACHE_MB = 512


class SqliteBulkLoad:
    def __init__(
        self,
        engine: Engine,
        tables: Sequence[str],
        *,
        triggers: Sequence[str] = (),
        finish_sql: Sequence[str] = (),
        cache_mb: int = CACHE_MB,
    ) -> None:
        """``tables``: whose secondary indexes are set aside; ``triggers``: names of
        triggers set aside too; ``finish_sql``: run at the end, once they are back (to
        fill what those triggers would have fed)."""
        self.engine = engine
        self.tables = tuple(tables)
        self.triggers = tuple(triggers)
        self.finish_sql = tuple(finish_sql)
        self.cache_mb = cache_mb
        self._set_aside: list[tuple[str, str, str]] = []
        self._conn: Connection | None = None

    def open(self) -> Connection:
        conn = self.engine.connect()
        self._conn = conn
        # Outside any transaction, or SQLite ignores foreign_keys.
        raw = conn.connection.driver_connection
        assert raw is not None
        for pragma in (f"cache_size=-{self.cache_mb * 1024}", "synchronous=OFF",
                       "foreign_keys=OFF", "temp_store=MEMORY"):
            raw.execute(f"PRAGMA {pragma}")
        tables, triggers = self._marks(self.tables), self._marks(self.triggers)
        with conn.begin():
            # Kept as stored, so they come back exactly as the migrations made them.
            self._set_aside = [
                (str(kind), str(name), str(sql)) for kind, name, sql in conn.exec_driver_sql(
                    "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                    f"((type = 'index' AND tbl_name IN ({tables})) OR "
                    f"(type = 'trigger' AND name IN ({triggers}))) ORDER BY type, name",
                    (*self.tables, *self.triggers))
            ]
            for kind, name, _sql in self._set_aside:
                conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        return conn

    @staticmethod
    def _marks(values: Sequence[str]) -> str:
        return ",".join("?" * len(values)) or "NULL"

    def close(self) -> None:
        """Indexes and triggers back, then the connection and its settings discarded."""
        conn = self._conn
        if conn is None:
            return
        self._conn = None
        try:
            if conn.in_transaction():
                conn.rollback()
            with conn.begin():
                for _kind, _name, sql in self._set_aside:
                    conn.exec_driver_sql(sql)
                for sql in self.finish_sql:
                    conn.exec_driver_sql(sql)
            raw = conn.connection.driver_connection
            assert raw is not None
            # The log of the last pages goes into the file now, not at someone's commit.
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.invalidate()
            conn.close()
