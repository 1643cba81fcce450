"""Export and import 100,000 records, next to the plainest tools doing the same rows,
and the peak memory of a first export of a registry of N persons.

    .venv/bin/python bench/sync_bench.py [--records 100000] [--pg URL] [--no-import]
    .venv/bin/python bench/sync_bench.py --pg URL --only-pg-import --rounds 3
    .venv/bin/python bench/sync_bench.py --memory 100000,300000,1000000

The memory rows export, each in a child process of its own, the demo registry of N
persons (``search_bench.build``, about 2.9 records a person, cached under
/work/bench-cache/ as sync-persons-N.sqlite3, built by this process when absent, never
by the measured child); the child reports its own ``VmHWM`` (peak resident memory) after
the keys are unlocked (scrypt's 128 MB is reset out of the mark), as each stage starts,
and at the end.

Measured 2026-12-01, this machine (2 cores shared with other jobs, load 4.7-7.0),
first export of the whole demo registry, peak VmHWM (the child before the export: 69 MB):

    persons     records    batch    export    peak
    100,000     288,210    36 MB     71 s     97 MB   (104 MB before the summary streamed)
    300,000     865,043   108 MB    177 s     98 MB   (126 MB before, same session)
  1,000,000   2,882,637   360 MB    517 s     99 MB   (before: not run; 104 -> 126 MB projects ~200 MB)

Flat: the growth over the child's 69 MB is 28-30 MB at every size.  The last share that
grew with the registry was the summary sheet, handed to the zip as one bytes object and
copied by the zip's sink, its drain and the encryption reader; it now comes in 64 KiB
pieces of a temporary file.  Most of the export's time is that sheet (openpyxl, about
0.5 ms per application: 90 % of the CPU in a profile at 100k), not the records.
The 1,000,000-person registry took 1,501 s wall, 252 s CPU to build at load 7-10 (the
process had 16 % of a core; the search index 146 s of it); the builder before the bulk
settings took 129 s wall / 55 s CPU for 200,000 persons against 74 s / 38 s after, run
one after the other at load 4.7 / 5.0.

Same 100k registry, 2026-12-01 03:31-03:34 UTC, load 2.4-3.4, the export branch's
summary sheet written as its XML (``xlsx_stream``, no openpyxl), run once each, main's
code then this one's on the same cached registry:

    before (openpyxl)   100,000 persons  288,210 records  13.8 s  peak 97 MB (growth 30 MB)
    after (its XML)     100,000 persons  288,210 records  10.4 s  peak 88 MB (growth 21 MB)

Export is compared with ``sqlite3 -csv`` dumping the same rows; import with a raw
``sqlite3`` executemany of the same rows into an empty database and, when a PostgreSQL
URL is given (or $MAKAREM_TEST_PG_URL is set), with psycopg ``COPY`` twice (``pg_copy``):
the rows alone, 0009's name-index trigger off, and the rows with their name-index entries
written in bulk.  All in one run, so the ratios hold on whatever machine runs it.  Key unlocking (scrypt, ~0.3 s by design)
is reported apart from the work.

Each step prints its wall time and its CPU time: this process's and its children's
plus, for PostgreSQL, that of the server backends serving its connections (read from
/proc, the server being local).  On a machine other jobs share, wall time mostly measures
the queue for the cores; the CPU ratio is the steadier figure, and both are printed.  The export's baseline runs before and after the
export and its faster run counts.

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

Quiet machine, 2026-12-01 02:39 UTC (load 0.9, no other jobs), 100,000 records, one run:
export 1.36 s vs ``sqlite3 -csv`` 0.40 s (3.37x wall, 3.49x CPU; goal <= 4x); import into
SQLite 8.71 vs 4.13 s executemany (2.11x); into PostgreSQL 10.50 s vs COPY of the rows
alone 2.99 s (3.51x, goal <= 3x) and vs COPY of the rows and their name-index entries
5.65 s (1.86x).

This machine, 2026-12-01 03:34-03:35 UTC, load 2.3-2.9 (other helpers running), 100,000
records, ``--no-import``, three runs each, main's code and the export branch's in turn
(wall / CPU seconds; the baseline is the faster of its two runs):

    main    export 0.93 / 0.92  sqlite3 -csv 0.27 / 0.24  3.49x wall  3.83x CPU
            export 1.42 / 0.97               0.37 / 0.24  3.80x       4.04x
            export 1.36 / 0.96               0.32 / 0.26  4.20x       3.69x
    export  export 0.75 / 0.73               0.26 / 0.24  2.94x       3.04x
            export 1.11 / 0.76               0.32 / 0.25  3.46x       3.04x
            export 1.51 / 0.82               0.52 / 0.26  2.89x       3.15x

The CPU went from 0.92-0.97 s to 0.73-0.82 s: openpyxl's import for the summary sheet
(about 0.17 s in a process that had not loaded it; the sheet is now written as its XML),
SQLite sorting every line into change order after searching the site's index (the rows
are now read along the change-sequence index, sorted by id only where two share a
sequence), and the search for parents outside the range (skipped when there is none, as
at a first export).  What is left is SQLite writing the JSON lines (about 55 %), deflate
at level 1 of their 54 MB (about 18 %) and the members' SHA-256 (5 %).

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
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, event, insert, text  # noqa: E402

from makarem_desk.db import Database  # noqa: E402
from makarem_desk.models import (  # noqa: E402
    Beneficiary,
    ChangeCounter,
    Channel,
    Contact,
    IdentityType,
    Site,
)
from makarem_desk.services.actor import SYSTEM  # noqa: E402
from makarem_desk.sync import KeyStore, SyncService  # noqa: E402

TABLES = ("beneficiary", "contact")


CPU: dict[str, float] = {}  # step -> CPU seconds (this process + its PostgreSQL backends)


def timed(label: str, fn, results: dict[str, float],  # type: ignore[no-untyped-def]
          backends: set[int] | None = None):
    _reset_peak()
    b0 = _backend_cpu(backends)
    c0, t0 = _own_cpu(), time.perf_counter()
    out = fn()
    results[label] = time.perf_counter() - t0
    CPU[label] = _own_cpu() - c0 + _backend_cpu(backends) - b0
    server = f" (server {_backend_cpu(backends) - b0:5.2f})" if backends else ""
    print(f"  {label:<44} {results[label]:8.2f} s   CPU {CPU[label]:6.2f} s{server}   "
          f"peak RSS {_peak_mb():5.0f} MB", flush=True)
    return out


def _own_cpu() -> float:
    """This process's CPU seconds and those of the children it waited for (sqlite3 CLI)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _backend_cpu(pids: set[int] | None) -> float:
    """User+system CPU seconds of local PostgreSQL backend processes (Linux /proc)."""
    total = 0.0
    for pid in pids or ():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def track_backends(engine) -> set[int]:  # type: ignore[no-untyped-def]
    """The backend pids of the connections ``engine`` opens from now on."""
    pids: set[int] = set()

    @event.listens_for(engine, "connect")
    def _pid(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        with dbapi_conn.cursor() as cur:
            cur.execute("SELECT pg_backend_pid()")
            pids.add(int(cur.fetchone()[0]))

    engine.dispose()
    return pids


def _reset_peak() -> None:
    """Linux: writing 5 to clear_refs resets the peak-RSS mark, so each step's own peak
    shows (the key unlock's scrypt would otherwise dominate every figure)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def row(figure: str, app: float, base: float | None, goal: str, unit: str = "s") -> None:
    ratio = f"{app / base:6.2f}x" if base else "      -"
    b = f"{base:8.2f} {unit}" if base is not None else " " * 10
    print(f"  {figure:<34} app {app:8.2f} {unit}  baseline {b}  ratio {ratio}  goal {goal}",
          flush=True)


def figure_rows(figure: str, app: str, base: str, goal: str, r: dict[str, float]) -> None:
    """The figure in wall time and in CPU time (see the module's note)."""
    row(f"{figure} (wall)", r[app], r[base], goal)
    row(f"{figure} (CPU)", CPU[app], CPU[base], goal)


def export_memory(persons: int) -> None:
    """In a child: a first export of the cached registry of ``persons`` people."""
    path = registry_file(persons)
    work = Path(tempfile.mkdtemp(prefix="sync-mem-"))
    try:
        # A copy: the cached registry stays as built (no trusted key, no batch sent).
        shutil.copyfile(path, work / "registry.sqlite3")
        db = Database(f"sqlite:///{work / 'registry.sqlite3'}")
        site = db.site_id
        ck, mk = KeyStore(work / "ck"), KeyStore(work / "mk")
        ck.init(site_id=site, role="site", name=site, passphrase="bench-passphrase")
        mk.init(site_id="COM1", role="committee", name="COM1", passphrase="bench-passphrase")
        (work / "m.pub").write_text(__import__("json").dumps(mk.public().to_json()))
        svc = SyncService(db, ck)
        svc.trust(SYSTEM, work / "m.pub", role="committee")
        cid = ck.unlock("bench-passphrase")
        out = work / "out"
        out.mkdir()
        with db.reader() as s:
            records = sum(int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0)
                          for t in ("program", "beneficiary", "contact", "application",
                                    "declaration", "referral", "satisfaction_response"))
        _reset_peak()
        before = _peak_mb()
        stages: list[str] = []

        def along(_done: int, _total: int, label: str) -> None:
            # The peak so far as each stage starts: which stage grows with the size.
            stages.append(f"{label}:{_peak_mb():.0f}")

        t0 = time.perf_counter()
        [res] = svc.export(SYSTEM, cid, out, progress=along)  # a first export: every record
        seconds = time.perf_counter() - t0
        print(f"MEM {persons} {res.total} {records} {before:.0f} {_peak_mb():.0f} {seconds:.1f} "
              f"{res.path.stat().st_size}", flush=True)
        print("STAGES " + " ".join(stages), flush=True)
        db.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def registry_file(persons: int) -> Path:
    cache = Path(os.environ.get("MAKAREM_BENCH_CACHE", "/work/bench-cache"))
    return cache / f"sync-persons-{persons}.sqlite3"


def build_registry(persons: int) -> None:
    """The demo registry of ``persons`` people, built once (in this process, never in the
    measured child: the build's page cache would stay in the child's resident memory)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from search_bench import build

    path = registry_file(persons)
    if path.exists():
        return
    # Built aside, then renamed: a build cut short is never taken.
    part = path.with_name(f"{path.stem}.{os.getpid()}.building.sqlite3")
    c0, t0 = time.process_time(), time.perf_counter()
    build(part, persons, 1)
    con = sqlite3.connect(part)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    os.replace(part, path)
    print(f"  built {path.name}: {time.perf_counter() - t0:.0f} s wall, "
          f"{time.process_time() - c0:.0f} s CPU, load {os.getloadavg()[0]:.1f}", flush=True)


def memory_rows(sizes: list[int]) -> None:
    print("first export of a whole registry, each in its own process (peak = VmHWM)")
    for n in sizes:
        build_registry(n)
        p = subprocess.run([sys.executable, __file__, "--child-memory", str(n)],
                           capture_output=True, text=True)
        line = next((x for x in p.stdout.splitlines() if x.startswith("MEM ")), None)
        stages = next((x for x in p.stdout.splitlines() if x.startswith("STAGES ")), "")
        if line is None:
            print(p.stdout, p.stderr, file=sys.stderr)
            continue
        _, persons, sent, records, before, peak, seconds, size = line.split()
        print(f"  {int(persons):>9,} persons  {int(sent):>9,} records sent (of {int(records):,}) "
              f" {float(seconds):6.1f} s  batch {int(size) / 1e6:6.1f} MB  "
              f"peak {float(peak):5.0f} MB (process before the export {float(before):4.0f} MB; "
              f"growth {float(peak) - float(before):4.0f} MB)  goal: flat in the size",
              flush=True)
        print(f"    peak (MB) as each stage starts: {stages[len('STAGES '):]}", flush=True)


def make_site(url: str, site: str, role: str) -> Database:
    db = Database(url)
    db.upgrade(backup=False)
    with db.session() as s:
        s.add(Site(id=site, name=site, is_local=True, role=role))
    return db


def fill(db: Database, n: int) -> None:
    """60 % beneficiaries, 40 % contacts of them, written as the services would."""
    n_ben = n * 6 // 10
    now = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    ben_ids = [uuid.uuid4() for _ in range(n_ben)]
    families = ["القحطاني", "العتيبي", "الشهري", "الغامدي", "الدوسري", "الزهراني"]
    bens = [
        dict(id=ben_ids[i], site_id=db.site_id, version=1, created_at=now, updated_at=now,
             change_seq=i + 1, first_name="محمد", father_name="عبدالله", grandfather_name="سالم",
             family_name=families[i % 6], latin_name=None, identity_type=IdentityType.CITIZEN_ID,
             identity_number=f"1{i:09d}", phone=f"+9665{i:08d}", city="الرياض",
             district="النسيم", search_key="محمد عبدالله سالم", extra={})
        for i in range(n_ben)
    ]
    contacts = [
        dict(id=uuid.uuid4(), site_id=db.site_id, version=1, created_at=now, updated_at=now,
             change_seq=n_ben + j + 1, beneficiary_id=ben_ids[j % n_ben],
             channel=Channel.PHONE, purpose="استفسار عن موعد الرد", staff_name="موظف",
             started_at=now + timedelta(minutes=j), follow_up_needed=False)
        for j in range(n - n_ben)
    ]
    with db.session() as s:
        for i in range(0, len(bens), 10_000):
            s.execute(insert(Beneficiary), bens[i : i + 10_000])
        for i in range(0, len(contacts), 10_000):
            s.execute(insert(Contact), contacts[i : i + 10_000])
        s.merge(ChangeCounter(id=1, value=n))


def import_figures(args: argparse.Namespace, work: Path, r: dict[str, float], batch: Path,
                   mk: KeyStore, mid: Any, msvc: SyncService) -> None:
    """The batch imported at the committee, next to raw executemany (and COPY)."""
    print("import")
    src = sqlite3.connect(work / "counter.sqlite3")
    rows = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}
    cols = {t: [d[1] for d in src.execute(f"PRAGMA table_info({t})")] for t in TABLES}
    src.close()
    if not args.only_pg_import:
        timed("makarem-desk import into SQLite (verify+merge)",
              lambda: msvc.import_file(SYSTEM, mid, batch), r)
        raw_db = work / "raw.sqlite3"
        make_site(f"sqlite:///{raw_db}", "COM1", "committee").dispose()

        def raw_executemany() -> None:
            dst = sqlite3.connect(raw_db)
            dst.execute("PRAGMA synchronous=FULL")
            with dst:
                for t in TABLES:
                    marks = ",".join("?" * len(cols[t]))
                    dst.executemany(f"INSERT INTO {t} VALUES ({marks})", rows[t])
            dst.close()

        timed("raw sqlite3 executemany of the same rows", raw_executemany, r)

    if not args.pg:
        return
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
            c.execute(text("DROP INDEX ix_beneficiary_name_prefixes"))
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
                cur.execute("SELECT gin_clean_pending_list('ix_beneficiary_name_prefixes')")
            raw.commit()
        finally:
            raw.close()

    timed(COPY_ENTRIES if entries else COPY_ROWS, load, r, pid)
    pgc.dispose()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--pg", default=os.environ.get("MAKAREM_TEST_PG_URL"))
    ap.add_argument("--memory", default="", help="persons, comma-separated: 100000,300000")
    ap.add_argument("--schema-prefix", default="sync_bench",
                    help="PostgreSQL scratch schemas are named PREFIX_<random>")
    ap.add_argument("--no-import", action="store_true", help="export figures only")
    ap.add_argument("--only-pg-import", action="store_true",
                    help="of the import figures, PostgreSQL's alone (needs --pg)")
    ap.add_argument("--rounds", type=int, default=1,
                    help="PostgreSQL import and its COPY baselines, this many times in turn")
    ap.add_argument("--child-memory", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_memory:
        export_memory(args.child_memory)
        return 0
    if args.memory:
        memory_rows([int(x) for x in args.memory.split(",")])
        return 0
    if not shutil.which("sqlite3"):
        print("the sqlite3 command line is needed (apt-get install sqlite3)", file=sys.stderr)
        return 1
    r: dict[str, float] = {}
    work = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    try:
        print(f"{args.records:,} records ({', '.join(TABLES)}), SQLite at both ends, in {work}")
        counter = make_site(f"sqlite:///{work / 'counter.sqlite3'}", "RYD1", "site")
        committee = make_site(f"sqlite:///{work / 'committee.sqlite3'}", "COM1", "committee")
        timed("fill the counter (Core bulk insert)", lambda: fill(counter, args.records), r)

        ck, mk = KeyStore(work / "ck"), KeyStore(work / "mk")
        ck.init(site_id="RYD1", role="site", name="RYD1", passphrase="bench-passphrase")
        mk.init(site_id="COM1", role="committee", name="COM1", passphrase="bench-passphrase")
        (work / "c.pub").write_text(__import__("json").dumps(ck.public().to_json()))
        (work / "m.pub").write_text(__import__("json").dumps(mk.public().to_json()))
        csvc, msvc = SyncService(counter, ck), SyncService(committee, mk)
        csvc.trust(SYSTEM, work / "m.pub", role="committee")
        msvc.trust(SYSTEM, work / "c.pub", role="site")
        cid = timed("unlock keys (scrypt, once per operation)",
                    lambda: ck.unlock("bench-passphrase"), r)
        mid = mk.unlock("bench-passphrase")

        out = work / "out"
        out.mkdir()
        print("export (the baseline before and after it; the faster counts)")

        def sqlite_csv() -> None:
            for t in TABLES:
                with open(work / f"{t}.csv", "wb") as fh:
                    subprocess.run(["sqlite3", "-csv", str(work / "counter.sqlite3"),
                                    f"SELECT * FROM {t} WHERE site_id = 'RYD1'"],
                                   stdout=fh, check=True)

        base = "sqlite3 -csv of the same rows"
        timed(base, sqlite_csv, r)
        first = r[base], CPU[base]
        [res] = timed("makarem-desk export (sign+encrypt+fsync)",
                      lambda: csvc.export(SYSTEM, cid, out), r)
        size = res.path.stat().st_size
        timed(base, sqlite_csv, r)
        r[base], CPU[base] = min(r[base], first[0]), min(CPU[base], first[1])
        csv_size = sum((work / f"{t}.csv").stat().st_size for t in TABLES)

        if not args.no_import:
            import_figures(args, work, r, res.path, mk, mid, msvc)

        print("figures (one run; ratio = app / baseline)")
        n_label = f"{args.records // 1000}k" if args.records % 1000 == 0 else f"{args.records:,}"
        exp = r["makarem-desk export (sign+encrypt+fsync)"]
        figure_rows(f"export {n_label}, signed+encrypted", "makarem-desk export (sign+encrypt+fsync)",
                    "sqlite3 -csv of the same rows", "<= 4x sqlite3 -csv (the sqlite3 CLI)", r)
        if "raw sqlite3 executemany of the same rows" in r:
            figure_rows(f"import {n_label} into SQLite",
                        "makarem-desk import into SQLite (verify+merge)",
                        "raw sqlite3 executemany of the same rows", "<= 3x sqlite3 executemany", r)
        if COPY_ROWS in r:
            figure_rows(f"import {n_label} into PostgreSQL", PG_IMPORT,
                        COPY_ROWS, "<= 3x psycopg COPY", r)
            figure_rows(f"import {n_label} into PG, vs COPY+entries",
                        PG_IMPORT, COPY_ENTRIES,
                        "<= 3x psycopg COPY", r)
        print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"  batch file {size / 1e6:.1f} MB (encrypted zip) vs CSV {csv_size / 1e6:.1f} MB")
        print(f"  throughput: export {args.records / exp:,.0f} rec/s")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
