"""Search on PostgreSQL (several counters sharing one server): SearchService vs bare query.

    .venv/bin/python bench/search_bench_pg.py postgresql+psycopg://postgres@127.0.0.1/test \\
        --beneficiaries 200000

Loads the demo data into a private schema (dropped afterwards unless --keep), then times
name, identity and phone searches through ``SearchService`` next to the bare query on the
index it uses (migration 0009's GIN index of prefix entries; the btree lookups) and a
``LIKE '%word%'`` scan, over the same queries, in rounds whose order rotates; medians over
rounds and the ratios with their goals (issue 14).  Then the server's own execution time
of the bare query and of the scan (EXPLAIN ANALYZE), and this process's CPU per query.

Figures (2026-12-01 01:34 UTC, 2-core machine shared with other helpers, load average
6.5-7.1 during the run; PostgreSQL 15 on loopback, seed 1, 200,000 beneficiaries, kept
schema --reuse, 5 rounds, wall time; the entries in 0009's beneficiary_name_index):

    name      SearchService.search (ranked, limit 20)   p50  3.929 ms   p95  11.580 ms
              bare GIN prefix entries, LIMIT 20         p50  0.967 ms   p95   6.481 ms
              LIKE '%word%' scan, LIMIT 20              p50  9.371 ms   p95 147.666 ms
              p95 app / bare 1.72x (goal <= 2x, holds);
              p95 LIKE / app 13.6x (goal >= 40x, FAILS; the bare query itself 22.8x)
              on the server: bare p50 0.449 / p95 1.257 ms, LIKE p50 3.7 / p95 124.0 ms,
              98.6x at p95; client CPU per query app 0.814 ms, bare 0.156 ms
    identity  SearchService.search                      p50  0.506 ms   p95   4.046 ms
              bare btree lookup                         p50  0.084 ms   p95   0.236 ms
              p50 through the service <= 0.5 ms: fails by 0.006 ms at this load
    phone     SearchService.search                      p50  0.375 ms   p95   3.430 ms
              bare btree lookup phone OR phone_alt      p50  0.061 ms   p95   0.150 ms
              p50 through the service <= 0.5 ms: holds

Two more runs right after, load 7.4-9.4: name p95 app 16.8 / 13.9 ms, bare 11.0 / 9.4,
LIKE 234.2 / 196.1 -> app/bare 1.55x / 1.47x (holds), LIKE/app 13.9x / 13.7x (fails);
on the server 102.7x / 91.1x; identity p50 0.428 / 0.891, phone 0.815 / 1.149 ms.

Read the 40x against this: on this machine under load the client-side wall time of a
1-2 ms query is mostly waiting to be scheduled.  The same bare query is 0.45 / 1.26 ms on
the server and 0.97 / 6.48 ms seen from Python, so the bare index itself fails 40x by
wall time while it is ~100x under the scan on the server.  Not shown quiet: no quiet
window came while this was measured.

0009 first held the entries as a generated column of ``beneficiary``; that widened the
rows (heap 53 -> 144 MB) and slowed every full scan: same run, alternating, LIKE p95
141.0 ms on that table against 90.8 ms on a copy without the column.  With that column
(and its inflated LIKE) a run at load 4.7-5.0 gave app 1.91 / 5.75, bare 1.10 / 4.16,
LIKE 16.4 / 137.3 ms (27.4x) — against a narrow table about 16x.  The figures above are
on the narrow table (54 MB after VACUUM FULL), as before 0009.

Before 0009 (2026-11-30, tsquery on 0002's GIN index, six OR'ed ``word:*`` per typed word,
load 3-5): name p50 7.284 / p95 20.741 ms through the service, bare GIN tsquery 3.958 /
13.166, LIKE 5.014 / 125.618 -> LIKE / app 5.7x; identity p50 0.260, phone 0.325 ms.
Same schema on 2026-12-01 before the change, 1 round at load ~4: app 12.0 / 26.9, bare
tsquery 8.5 / 19.7, LIKE 7.7 / 144.7 ms.  Steps on 2026-12-01 (same schema, alternating,
load 5-7): with the exact entries alone the service's p95 was 11.0 ms at load 7 (26.9 ms
before, at load ~4, above); checking out a connection cost a pre-ping round trip (2.8 ms
of 7 ms per search in a profile at load 9), so the service now keeps one for the keystrokes (identity p50 0.38 -> 0.23 ms);
sending the narrow tiers in the same statement (a CTE with one-time filters) saved no p95
(7.14 vs 7.15 ms) and cost p50 (2.75 vs 2.17 ms) in planning, so it was taken out again.
Plans are made for each statement's values (``plan_cache_mode = force_custom_plan`` on
every PostgreSQL connection): a generic plan read 58,000 index entries for "مح" (39 ms)
where the planner, told the word, scans 65 rows (0.2 ms).

With the index's pending list on (fastupdate, 64kB a session, merged by a sync import;
2026-12-01 ~02:15 UTC, own schema built by this bench and vacuumed, 3 rounds, load
2.4-2.9): pending list empty, app p50 1.721 / p95 5.207 ms, bare 0.881 / 1.801, LIKE
9.0 / 100.4 -> app/bare 2.01x (fails by 0.01), LIKE/app 20.9x (fails 40x); on the
server bare 0.469 / 1.252 ms (as with fastupdate off above), 63.0x.  With 40 people's
entries pending (4 pages of the 8 the limit allows): app 2.157 / 5.123, bare 1.033 /
3.333 -> 1.54x, LIKE/app 21.3x; on the server bare 0.571 / 1.504 ms: the everyday
pending list costs a search ~0.1-0.25 ms on the server at half its limit.  Not
vacuumed after the build, the same schema gave bare 0.768 / 3.456 ms on the server.

Earlier: the run before the search read in autocommit gave identity p50 0.540 / phone
0.547 ms; on 2026-11-29 (a session per search) 0.704 / 0.800 ms.  Before 0002's index had
``fastupdate = off`` name search took p50 15.8 / p95 31.7 ms through the service.

Quiet machine, 2026-12-01 02:31 UTC (load 1.0, no other jobs), --schema pgs_200k --reuse
--rounds 3: name p95 app 4.916 / bare prefix entries 2.876 / LIKE 88.101 ms -> app/bare
2.04x (fails by 0.04), LIKE/app 17.1x (fails; the bare query alone 30.6x); on the server
LIKE / bare 43.3x at p95; identity p50 0.315 ms, phone 0.366 ms (hold); client CPU per
name query app 0.996 ms, bare 0.141 ms: the rest of the gap is the service's Python.

Stop 19 (2026-12-01, another machine of the same kind, faster: the same schema's LIKE
p95 58-79 ms where it was 88).  Before the changes, quiet, after VACUUM ANALYZE of the
schema (the bench's build had left the entries unanalysed, and the planner then read
"محمد" through the index, 5-7 ms): app p95 2.71, bare 1.61, LIKE 64.0 ms -> 1.69x, 22.1x.
Changes: one statement per keystroke (a common name's best kinds first, each arm
stopping at the limit; a rare name's kinds inside the broad query's statement, read only
when it overflows), psycopg's own cursor, the arm's way in chosen by the service from
pg_stats so that the kept connection plans each statement once (force_generic_plan,
enable_seqscan off, jit off), number ranges planned for their values.  Statements per
name query 1.28 -> 1.0; client CPU per name query 0.53 -> 0.31 ms (this process, in a
loop); server time per keystroke p50 0.64 -> 0.51 ms.  Quiet runs of this bench at the
end (04:11-04:17 UTC, load 0.7-1.0, 3 rounds each):

    app p95   bare p95   LIKE p95 (parallel / one process)   app/bare   LIKE/app (/ one proc.)
    2.511     1.697       79.1 / 108.0                        1.49x      31.5x (47.0x)
    2.415     1.505       57.9 /  86.7                        1.39x      24.6x (46.1x)
    2.784     1.837       69.6 / 105.5                        1.41x      23.3x (39.5x)

identity p50 0.146-0.196 ms, phone 0.170-0.269 ms.  The 40x fails against the scan
as PostgreSQL plans it (two parallel workers on a full scan): the bare index query alone
is 38-47x there (LIKE / bare at p95), so a service on this index would have to cost no
more than the bare query to reach it; against a scan in one process, as each keystroke
runs, the service is at 40-47x.  What is left
is the index itself: a name rare among common words ("سعد خالد الحرب") makes GIN
intersect posting lists of 10,000-40,000 people, about 1 ms at 200,000, the floor of the
p95 (pair entries of every two words' 3-letter prefixes halved those, measured on a copy,
at 37 % more entries and a slower import: not taken).

Stop 20 (2026-12-01, quiet machine, load 1.0-1.3).  Migration 0011 indexes the entries on
``beneficiary`` itself (a GIN expression index over 0009's function): a keystroke reads
the shown columns from the index's bitmap, with no table of entries to fetch and join,
and what a search touches (beneficiary 54 MB, index 14 MB) fits the server's default
cache, where the table of entries (95 MB more) did not.  Rows are tested with regular
expressions equal to the entries; the scans that stop at the limit read a range of row
addresses (their pages stay cached: a sequential scan of a table this size used a small
ring of buffers and started where the last one stopped).  Server time per keystroke, the
same 300 names, old schema and new in turn: p50 0.46-0.51 -> 0.31-0.32 ms, p95
0.98-1.12 -> 0.92-0.95 ms; client CPU 0.25-0.28 ms.  The bare query now runs with the
sequential scan off, so that it is the index's own speed: left to choose, the planner
tests a common word by calling the index's function on row after row.  It reads every
word as a prefix through the index, also for "محمد" (58,000 entries into a bitmap),
where the service scans until the limit: bare p95 2.25 ms, app 1.31 ms (06:02 UTC, load
0.5; LIKE 37.3 ms -> 28.5x; one process 52.2 ms -> 41.7x).  The three runs below had
the planner's choice for the bare query (p95 1.59-1.77 ms).

The bench's schema built by this code (``--schema pgn_200k``), VACUUM ANALYZE'd, three
runs at 05:55 UTC: app p95 1.338 / 1.368 / 1.352 ms; ``LIKE`` p95 (parallel) 36.1 /
38.1 / 37.2 ms -> 27.7x / 27.9x / 28.0x (FAILS 40x); against the scan in one process
(49.4-51.4 ms) 36.4-39.0x; identity p50 0.053-0.064, phone 0.127-0.142 ms.  The
vacuumed table scans faster than the unvacuumed one of the earlier figures (same rows,
unvacuumed: LIKE p95 48-61 ms), so the 40x now asks for a keystroke under 0.9 ms at p95
end to end, where the server alone needs 0.85-0.9 ms for the tail: GIN's cost follows
the rarest posting list of a query, and at 200,000 people the common family names hold
8,000-10,000 each ("محمد أحمد الدوس": 0.9 ms for 255 found).  Tried this stop and not
kept: a cost model choosing scan or index per arm (the oracle of the two: p95 -7 %), a
btree on the keys for names typed in order (as fast only when it alone finds the limit).

Stop 21 (2026-12-01, a slower machine of the same kind: the same build's LIKE p95 65-81
ms where the last one gave 36-38; 07:05-08:15 UTC, quiet): app p95 2.48 / 2.67 ms, LIKE
65.4 / 81.4 -> 26.2x / 31.2x (FAILS 40x; one process 43.5x / 36.0x); identity p50 0.25 /
0.31, phone 0.28 / 0.39 ms.  The scan is now timed over the same 300 names as the app
(``--like-samples``; it was the first 60): 08:19-08:21 UTC, load 1.8-2.1, 300 / 60 / 300
names: app p95 3.08 / 2.99 / 2.69 ms, LIKE 82.4 / 90.0 / 68.3 ms -> 27.7x / 31.8x / 25.4x;
in one process 42.4x / 40.1x / 45.3x.  Pair entries measured on this schema, not kept: a second
GIN index over 0009's entries plus every pair of two different words' (and halves')
3-letter starts, "احم دوس" (11.2 pairs a person, entries +34 %, index 14 -> 24 MB).
"محمد$ احمد$ الدوس" on the server: the word entries alone 2.9-3.2 ms on that index, with
their three pairs 1.4-1.6 ms, the rarest pair alone 0.38-0.49 ms (1,281 people, 255 of
them the name).  GIN reads every entry's posting list of a query, so pairs sent next to
the words save half, and end to end (300 names, the service's own choices) nothing
beyond the noise: p95 2.45 / 2.86 ms words, 2.49 / 2.74 ms pairs.  Sending the rarest
pair alone and testing the words on the rows it finds (regular expressions) brought p50
1.36 -> 1.27-1.33 ms but p95 to 13.5-14.6 ms: a kind held by nobody ("الع$ عبد$") then
tests every person of its pair (up to 240 ms).  That way needs a per-arm choice between
the two from the pairs' own statistics, which ANALYZE keeps only for the most common.

Stop 23 (2026-12-02, a machine of the kind where this build's LIKE p95 is 38-41 ms;
schema pgn_200k built by this bench, VACUUM ANALYZE'd; the names are now the same on
every run, REPEATABLE).  0011 at the start (13:40 UTC): app p95 1.384 ms, LIKE 39.7 ms
-> 27.8x (FAILS).  Migration 0012 puts pairs of word stems in the index (search_pairs:
each word's and half's first three letters, and the half's after another joining
prefix; 47 entries a person against 33, the index 14 -> 24 MB, computing the entries
1.26 -> 1.95 s for 200,000), and the service sends the pairs and tests its common words
on the rows instead of decoding their lists when its cost model says so
(search_costs.EntryFrequencies: 6 ns a person decoded, 0.18 us a person of the shortest
list, 0.39 us a row scanned, 3.3 us a row tested).  Steps, two runs each, quiet (load
~1): pairs sent beside the words, common words tested when the shortest list is short
0.897-1.119 ms; stems for every word ("بندر", "الج") and the scan chosen against the
index's cost 1.003-1.058 ms (38.7-40.4x, the scan's own p95 moving 37-41 ms); the rows
to test estimated from the stems (at most the limit's people and those sharing a stem)
and LIKE ANY for the row tests (no regular expression compiled per keystroke): 0.905 /
0.923 ms, LIKE 40.5 / 39.0 ms -> 44.8x / 42.3x (holds); identity p50 0.15, phone 0.16
ms.  In alternation on one process (a sweep of the same 300 names, p95 of each query's
median of 3, four samples, both ways in turn): the stem-based estimate 0.965 -> 0.829
ms.  The bare query sends the word entries alone to the bigger index: 1.9-2.2 ms.
Then the statements' arrays sent as text (psycopg dumped a Python list in 9 us of CPU;
client CPU of a three-arm statement 0.197 -> 0.068 ms).  Default runs (5 rounds) from
there to the final commit, 14:16-14:43 UTC, load 0.9-1.3: app p95 0.792 / 0.844 / 0.879
/ 0.868 / 0.885 ms, LIKE 37.6-41.2 ms -> 49.1x / 46.8x / 46.2x / 47.5x / 45.5x (holds);
app / bare 0.38-0.44x; identity p50 0.06-0.16, phone 0.14-0.15 ms.  Runs of 3 rounds
vary more (the app's p95 is the 15th slowest of 300 single keystrokes): 40.3-45.9x, and
twice 32.4x (right after the test suite had run) and 34.8x.  What is slowest now: one
common word alone ("امل", "لطيف": its whole list into the bitmap, 0.17 us a person) and
"عبد" typed apart from the rest of a name (a second statement, the split words).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import uuid
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import search_bench  # noqa: E402
from search_bench import figures, name_queries, p50_p95  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from makarem_desk.db import Database  # noqa: E402
from makarem_desk.demo import DemoGenerator, set_up_training  # noqa: E402
from makarem_desk.search import SearchService  # noqa: E402
from makarem_desk.search_query import parse_query  # noqa: E402
from makarem_desk.search_sql import pg_entry  # noqa: E402
from makarem_desk.services.actor import SYSTEM  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("url")
    ap.add_argument("--beneficiaries", type=int, default=200_000)
    ap.add_argument("--samples", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the schema")
    ap.add_argument("--schema", help="the schema's name (default: a random bench_… name)")
    ap.add_argument("--reuse", action="store_true",
                    help="measure the existing --schema (upgraded first), kept afterwards")
    ap.add_argument("--rounds", type=int, default=5, help="alternating rounds (medians)")
    ap.add_argument("--like-samples", type=int, default=300,
                    help="of the names, how many the LIKE scans time (all by default: the "
                         "p95 of the same queries as the app's; before stop 21, 60)")
    args = ap.parse_args()
    search_bench.clock = search_bench.CLOCK["wall"]  # the server's work is not our CPU time
    schema = args.schema or f"bench_{uuid.uuid4().hex[:8]}"
    reuse = args.reuse and args.schema is not None
    admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
    if not reuse:
        with admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in args.url else "?"
    db = Database(f"{args.url}{sep}options=-csearch_path%3D{schema},public")
    try:
        db.upgrade(backup=False)
        if not reuse:
            set_up_training(db, "bench-password-1")  # nothing is written before the set-up
            t0 = time.perf_counter()
            report = DemoGenerator(db, seed=args.seed, chunk_size=20_000).run(args.beneficiaries)
            print(f"BUILD {args.beneficiaries:,} on PostgreSQL: {time.perf_counter() - t0:.1f} s;"
                  f" rows {report.counts}")
            with admin.connect() as conn:
                conn.execute(text(f"ANALYZE {schema}.beneficiary"))
        rng = random.Random(args.seed + 1)
        with db.engine.connect() as conn:
            people = conn.execute(
                text("SELECT first_name, father_name, grandfather_name, family_name, "
                     "identity_number, phone FROM beneficiary TABLESAMPLE SYSTEM (1) REPEATABLE (:seed) "
                     "LIMIT :n"),  # the same names on every run of a schema (stop 23)
                {"n": args.samples, "seed": args.seed},
            ).all()
        names = name_queries([tuple(p[:4]) for p in people], rng)
        ids = [p[4] for p in people if p[4]]
        phones = ["0" + p[5][4:] for p in people if p[5]]
        svc = SearchService(db)
        search = partial(svc.search, SYSTEM)  # the bench reads as the administrator
        raw = db.engine.raw_connection()
        cur = raw.cursor()
        # The bare query reads the index as the service's statements do: left to choose, the
        # planner tests a common word by calling the index's function row after row (0011).
        index_conn = db.engine.raw_connection()
        index_cur = index_conn.cursor()
        index_cur.execute("SET enable_seqscan = off")

        def bare_sql(q: str) -> tuple[str, object]:
            entries = [pg_entry(w, True) for w in parse_query(q).words]
            return ("SELECT id FROM beneficiary WHERE beneficiary_name_entries(search_key) "
                    "@> %s LIMIT 20", (entries,))

        def like_sql(q: str) -> tuple[str, object]:
            words = parse_query(q).words
            where = " AND ".join("search_key LIKE %s" for _ in words)
            return (f"SELECT id FROM beneficiary WHERE {where} LIMIT 20",
                    [f"%{w}%" for w in words])

        def bare_name(q: str) -> object:
            index_cur.execute(*bare_sql(q))
            return index_cur.fetchall()

        def like(q: str) -> object:
            cur.execute(*like_sql(q))
            return cur.fetchall()

        def server_ms(sql: str, params: object, on: Any = cur) -> float:
            """The server's own execution time, which no client-side scheduling delay on
            a loaded machine inflates (best of two)."""
            best = float("inf")
            for _ in range(2):
                on.execute(f"EXPLAIN (ANALYZE, TIMING OFF, SUMMARY) {sql}", params)
                plan = "\n".join(r[0] for r in on.fetchall())
                found = re.search(r"Execution Time: ([\d.]+)", plan)
                best = min(best, float(found.group(1)) if found else best)
            return best

        def bare_id(q: str) -> object:
            cur.execute("SELECT id FROM beneficiary WHERE identity_number = %s", (q,))
            return cur.fetchall()

        def bare_phone(q: str) -> object:
            e164 = "+966" + q[1:]
            cur.execute("SELECT id FROM beneficiary WHERE phone = %s OR phone_alt = %s",
                        (e164, e164))
            return cur.fetchall()

        with db.engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM beneficiary")).scalar_one()
        print(f"\nRESULTS on {count:,} beneficiaries (PostgreSQL); medians of "
              f"{args.rounds} rounds, the order of app, bare and scan rotating each round")
        print("name")
        figures(search, names, (bare_name, "bare GIN prefix entries, LIMIT 20"),
                (like, "LIKE '%word%' scan, LIMIT 20", args.like_samples),
                [("identity number", ids, bare_id, "bare btree lookup"),
                 ("phone (typed 05…)", phones, bare_phone, "bare btree lookup phone OR phone_alt")],
                args.rounds)
        # Context, not the goal: the scan above runs as PostgreSQL plans it, with parallel
        # workers on a full scan; a keystroke's statement runs in one process.
        serial_conn = db.engine.raw_connection()
        serial = serial_conn.cursor()
        serial.execute("SET max_parallel_workers_per_gather = 0")

        def like_serial(q: str) -> object:
            serial.execute(*like_sql(q))
            return serial.fetchall()

        label = "LIKE scan in one process (no parallel workers)"
        runs = search_bench.alternate({"app": (search, names), label: (like_serial, names[:args.like_samples])},
                                      args.rounds)
        print(f"  {label:<44} p50 {search_bench.med(runs, label, 0):8.3f} ms   p95 "
              f"{search_bench.med(runs, label, 1):8.3f} ms   "
              f"(/ app at p95 {search_bench.ratio(runs, label, 'app', 1):.1f}x; context only)")
        serial_conn.close()
        on_server = {"bare GIN prefix entries": [server_ms(*bare_sql(q), index_cur)
                                                 for q in names],
                     "LIKE scan": [server_ms(*like_sql(q)) for q in names[:args.like_samples]]}
        print("name, execution time on the server (EXPLAIN ANALYZE, best of 2)")
        for label, ms in on_server.items():
            p50, p95 = p50_p95(ms)
            print(f"  {label:<44} p50 {p50:8.3f} ms   p95 {p95:8.3f} ms")
        server_ratio = p50_p95(on_server["LIKE scan"])[1] / p50_p95(
            on_server["bare GIN prefix entries"])[1]
        print(f"  p95 LIKE scan / bare index on the server {server_ratio:6.1f}x")
        cpu: dict[str, list[float]] = {"app": [], "bare": []}
        for _ in range(2):  # alternating; this process's CPU time per name query
            for label, fn in (("app", search), ("bare", bare_name)):
                t0 = time.process_time()
                for q in names:
                    fn(q)
                cpu[label].append((time.process_time() - t0) * 1000 / len(names))
        print(f"  client CPU per name query: app {min(cpu['app']):.3f} ms, "
              f"bare {min(cpu['bare']):.3f} ms")
        raw.close()
        index_conn.close()
    finally:
        db.dispose()
        if not (args.keep or reuse):
            with admin.connect() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
