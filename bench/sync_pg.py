"""The sync import into PostgreSQL next to psycopg COPY of the same rows (issue 14: import
<= 3x COPY), for sync_bench.py (``--pg URL``; ``--only-pg-import --rounds 3`` for these
figures alone, the ratio counted being the median of the rounds against the rows alone).

PostgreSQL import, 100,000 records (60,000 people), 2026-12-01, 2-core machine shared with
other helpers, PostgreSQL 15 on loopback, wall (CPU) seconds, each line one run:

    before 0009 (issue 14's figure, 0002's index)  import 10.3   COPY 3.9 (0002's index kept)  2.65x
    0009, entries put one by one (fastupdate off),   import 12.65 (12.30)  COPY rows 2.28 (2.23)
      load 2.4                                       -> 5.55x (5.52x); COPY with the trigger on
                                                     took 25.1 s (load 3.7), the import 22.2 s
    0009, entries pending, merged once by the        import  9.16 (9.05)   COPY rows 2.24 (2.23)
      import (sync/name_entries.py), load 2.1        -> 4.08x (4.06x)
    same, load 3.0                                   import 13.82 (13.36)  COPY rows 3.31 (3.11)
                                                     -> 4.18x (4.30x); COPY rows + entries in
                                                     bulk 8.71 (8.08) -> 1.59x (1.65x)

The entries themselves, written the cheapest way, cost more than the rows (8.71 against
3.31 s): against the rows alone the goal of 3x fails, against the same work it holds.
The bench's people all share one name, so their entries merge into few, long posting
lists; real names (60,000 into 140,000 of search_bench's registry, SQL alone): 21.1 /
14.5 s one by one, 4.2 s pending and merged, 1.9-2.9 s without the index.

Each page's COPY on a thread of its own while the next page is read (sync/page_writer.py),
2026-12-01, ``--only-pg-import --rounds 3``, the committed code and the one before it
run one after the other; import / COPY rows, the median of 3 rounds, wall (CPU):

    04:01-04:03 UTC, load 1.3-2.0 (this run included):
      before (one after the other)  import 9.06-9.92 s  COPY 1.71-2.62 s  4.68x (4.48x)
      after (COPY on its thread)    import 5.43-6.94 s  COPY 1.62-1.85 s  3.44x (4.21x)
                                    best round 3.35x; vs rows + entries 1.34-1.64x
    03:49-03:54 UTC, load 3.1-4.8 (other helpers' test suites on both cores):
      before                        3.99x (4.16x), 4.07x (4.38x)
      after                         4.30x (3.77x), 4.25x (4.59x)

With a core free the import's wall drops by a third and falls below its CPU (the server
works while the client reads); with none free there is no gain, since the overlap moves
work in time and removes none (CPU 6.8-8.2 s after, 7.4-10.0 s before, the server's
share varying from run to run).  The goal of 3x is not reached.  Where the time goes, traced at load 3.6: the writer's COPYs cover 6.2 of the
import's 8.2 s (its own CPU 0.45 s, the rest is the server), the reading thread waits
3.7 s for them, opening the batch takes 0.3 s before the first COPY, and the gaps with
no COPY in flight add 1.5 s: each page's look-ups of ids and identity numbers, which
must see the page before.  The server's share, the rows and their name entries, is
2.1-2.4x the rows alone (entries: the 0009 function 0.5 s, their rows with key and
foreign-key checks 1.2 s, GIN 0.3-0.5 s at 60,000 people).  Next: run the next page's
look-ups on the writer right after the COPY before it (same connection, same order).

Migration 0010 (the name index's foreign key replaced by a delete trigger: its check on
every entry row was 0.54 of 0.73 s for 60,000 people), quiet, 2026-12-01 04:15-04:19
UTC, load 1.0-1.4, ``--only-pg-import --rounds 3``, twice: import / COPY rows 3.16x,
3.17x, 3.40x (median 3.17x) and 2.58x, 3.19x, 3.63x (median 3.19x), wall; server time
of the import 4.72 -> 4.02 s.  Against COPY of the rows and their entries: 1.60-1.63x.
The default run at the end (one round, load 1.0): export 0.98 vs 0.33 s (2.96x), SQLite
import 2.02x, PostgreSQL 2.66x (that round's COPY was slow: 2.64 s).

Fewer garbage collections and cheaper look-ups, and the name index on ``beneficiary``
(migration 0011), 2026-12-01.  Traced at load 1-2 before, the import's 5.0 s were: 0.25 s
before the first COPY, the COPYs 3.6 s (server 2.4 s, of it about 1.0 s the name entries:
0009's function 0.4-0.45 s, their rows and the GIN pending list the rest), 0.9 s of gaps
with no COPY in flight (mostly each page's look-ups, 0.44 s in all), the pending list
merged 0.16 s; 0.45-0.5 s of the client's 2.3 s were garbage collections (about 950,
the records of the pages alive walked every tenth).  Changed: the look-ups send their
arrays of 5,000 ids or keys as one text, not a list psycopg dumps item by item (0.44 ->
0.37 s); the merge raises the young generation's threshold (``makarem_desk/garbage.py``:
client CPU 2.3 -> 1.9 s); and 0011 indexes the entries on ``beneficiary`` itself, so an
import writes no rows of entries at all (0009's table and its triggers are gone).

A branch that instead computed the entries in Python and COPYd them into 0009's table,
its trigger stepping aside, measured (05:43-05:46 UTC, load 0.5-1.2, with the two changes
above, ``--only-pg-import --rounds 3``, main c0cc1f6 and that code in turn, three runs
each): before 2.97x / 2.95x / 2.95x wall (CPU 3.58x / 3.48x / 3.54x), after 2.35x /
2.39x / 2.23x (CPU 2.80x / 2.87x / 2.65x); 0011's index made that machinery needless.

What landed (0011's index, the collections, the look-ups), quiet machine, 05:57 UTC,
load 1.0-1.3, ``--only-pg-import --rounds 3``: import 3.22 / 3.31 / 3.33 s against COPY
of the rows alone 1.36 / 1.37 / 1.43 s: 2.33x, 2.37x, 2.41x (median 2.37x), CPU median
2.88x (server 2.47-2.63 s of the import's 4.1-4.2 s); against COPY of the rows and their
entries (2.35-2.44 s) 1.36x.  The default run just before (one round, after the export
and the SQLite import): 2.37x wall, 2.89x CPU; SQLite import 2.07x; export 2.80x.

Stop 21 (another machine of the same kind, slower: COPY of the rows 2.6-3.7 s where the
last one gave 1.4), 08:30-08:40 UTC, load 1.0-1.6, ``--only-pg-import --rounds 3``:
import 7.12-7.58 s, 1.98x / 2.56x / 2.56x (median 2.56x; CPU 3.04x).  An ANALYZE of the
beneficiaries after the commit of a batch that brought a tenth of the registry, so that
name search had its statistics at once, not after autovacuum's (about a minute): import
7.78-8.53 s, 2.69x / 2.89x / 3.05x (median 2.89x; CPU 3.35x), 0.5 s for 60,000 people.
Not kept: the search service re-reads absent statistics every half minute instead.

Stop 23 (2026-12-02, a faster machine: COPY of the rows 1.5 s), migration 0012's pairs of
word stems in the name index (47 entries a person against 33; the function 1.26 -> 1.95
s for 200,000 keys), ``--only-pg-import --rounds 3``, quiet (load ~1), the code before
0012 and after it one after the other: before 2.50x / 2.51x / 2.60x (median 2.51x; CPU
3.02x), after 2.69x / 2.71x / 2.83x (median 2.71x; CPU 3.26x); the pairs cost the import
about 8 %.  The default run of sync_bench.py at the end: 2.86x wall (4.32 vs 1.51 s).

"""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import create_engine, text  # noqa: E402
from sync_common import CPU, TABLES, figure_rows, make_site, timed, track_backends  # noqa: E402

from makarem_desk.services.actor import SYSTEM  # noqa: E402
from makarem_desk.sync import KeyStore, SyncService  # noqa: E402


def pg_figures(args: argparse.Namespace, work: Path, r: dict[str, float], batch: Path,
               mk: KeyStore, mid: Any, rows: dict[str, list[Any]],
               cols: dict[str, list[str]]) -> None:
    """The batch imported into PostgreSQL and the two COPY baselines, ``args.rounds``
    times in turn, each ratio within its round."""
    admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    rounds: list[tuple[float, float, float, float]] = []
    try:
        for n in range(args.rounds):
            if args.rounds > 1:
                print(f" round {n + 1} of {args.rounds}")
            pg_round(args, admin, work, batch, mk, mid, rows, cols, r)
            rounds.append((r[PG_IMPORT], CPU[PG_IMPORT], r[COPY_ROWS], CPU[COPY_ROWS]))
    finally:
        admin.dispose()
    if args.rounds > 1:
        # Each ratio within its round (the app and its baseline side by side in time).
        walls = sorted(a / b for a, _, b, _ in rounds)
        cpus = sorted(a / b for _, a, _, b in rounds)
        print(f"  import / COPY rows, the rounds sorted: wall {', '.join(f'{x:.2f}x' for x in walls)}"
              f" (median {walls[len(walls) // 2]:.2f}x); CPU "
              f"{', '.join(f'{x:.2f}x' for x in cpus)} (median {cpus[len(cpus) // 2]:.2f}x)")


PG_IMPORT = "makarem-desk import into PostgreSQL"


def pg_round(args: argparse.Namespace, admin: Any, work: Path, batch: Path, mk: KeyStore,
             mid: Any, rows: dict[str, list[Any]], cols: dict[str, list[str]],
             r: dict[str, float]) -> None:
    """The batch imported into a fresh PostgreSQL schema, then the two COPY baselines,
    each into a fresh schema of its own."""
    schema = f"{args.schema_prefix}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as c:
        for sch in (schema, schema + "_copy", schema + "_copyidx"):
            c.execute(text(f"CREATE SCHEMA {sch}"))
    sep = "&" if "?" in args.pg else "?"
    try:
        pg = make_site(f"{args.pg}{sep}options=-csearch_path%3D{schema},public",
                       "COM1", "committee")
        psvc = SyncService(pg, mk)
        psvc.trust(SYSTEM, work / "c.pub", role="site")
        pids = track_backends(pg.engine)
        timed(PG_IMPORT, lambda: psvc.import_file(SYSTEM, mid, batch), r, pids)
        pg.dispose()
        url = f"{args.pg}{sep}options=-csearch_path%3D{{}},public"
        pg_copy(url.format(schema + "_copy"), rows, cols, r, entries=False)
        pg_copy(url.format(schema + "_copyidx"), rows, cols, r, entries=True)
    finally:
        with admin.connect() as c:
            for sch in (schema, schema + "_copy", schema + "_copyidx"):
                c.execute(text(f"DROP SCHEMA {sch} CASCADE"))


COPY_ROWS = "psycopg COPY of the same rows"
COPY_ENTRIES = "psycopg COPY, rows + name entries in bulk"


def pg_copy(url: str, rows: dict[str, list[Any]], cols: dict[str, list[str]],
            r: dict[str, float], *, entries: bool) -> None:
    """The plainest load of the same rows into a migrated schema of their own.

    ``entries=False``: the rows alone, the name index dropped from the schema (the strict
    floor: no search index at all, where the baseline before 0009 kept 0002's).
    ``entries=True``: the rows and their name-index entries written the cheapest way
    PostgreSQL offers (the GIN pending list merged once at the end), the work the import
    must do too."""
    pgc = make_site(url, "COM1", "committee")
    if not entries:
        with pgc.engine.begin() as c:
            c.execute(text("DROP INDEX ix_beneficiary_name_entries"))
    raw = pgc.engine.raw_connection()
    pid = {int(raw.driver_connection.info.backend_pid)}

    def load() -> None:
        try:
            cur = raw.cursor()
            if entries:
                cur.execute("SET LOCAL gin_pending_list_limit = '1GB'")
            for t in TABLES:
                with cur.copy(f"COPY {t} ({', '.join(cols[t])}) FROM STDIN") as cp:
                    for row in rows[t]:
                        cp.write_row(row)
            if entries:
                cur.execute("SELECT gin_clean_pending_list('ix_beneficiary_name_entries')")
            raw.commit()
        finally:
            raw.close()

    timed(COPY_ENTRIES if entries else COPY_ROWS, load, r, pid)
    pgc.dispose()


def pg_figure_rows(n_label: str, r: dict[str, float]) -> None:
    if COPY_ROWS in r:
        figure_rows(f"import {n_label} into PostgreSQL", PG_IMPORT,
                    COPY_ROWS, "<= 3x psycopg COPY", r)
        figure_rows(f"import {n_label} into PG, vs COPY+entries",
                    PG_IMPORT, COPY_ENTRIES,
                    "<= 3x psycopg COPY", r)
