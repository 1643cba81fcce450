"""The whole-year report on PostgreSQL (counters sharing one server): ``ReportService.build``
next to the very statements it sends, replayed through bare psycopg, in the same run.

    .venv/bin/python bench/report_bench_pg.py postgresql+psycopg://postgres@127.0.0.1/test

Loads the demo data (as ``report_bench.py``: 1,000,000 beneficiaries by default, with their
contacts, applications, referrals and ratings, and the 0006 columns filled the same way)
into the schema ``report_bench_<N>``, kept for the next run (``--drop`` removes it), runs
ANALYZE, then times.  Goal: under 2 s, as on SQLite.

Figures: at the end of this docstring.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_bench import GOAL_S, captured, timed  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402

from makarem_desk.db import Database  # noqa: E402
from makarem_desk.demo import DemoGenerator, set_up_training  # noqa: E402
from makarem_desk.models import Contact  # noqa: E402
from makarem_desk.reports.figures import ReportService  # noqa: E402
from makarem_desk.saudi_time import ksa_day  # noqa: E402
from makarem_desk.services.actor import SYSTEM  # noqa: E402

_H = "(abs(hashtext(id::text)) % 1000)"  # a stable pseudo-random number 0..999 per row
ENRICH = [
    """UPDATE satisfaction_response r SET program_code = p.code
       FROM application a JOIN program p ON p.id = a.program_id
       WHERE a.id = r.application_id AND r.program_code IS NULL""",
    f"""UPDATE satisfaction_response SET channel = CASE
         WHEN {_H} < 120 THEN 'phone' WHEN {_H} < 180 THEN 'social_media'
         WHEN {_H} < 230 THEN 'website' WHEN {_H} < 250 THEN 'letter' ELSE channel END""",
    f"""UPDATE satisfaction_response SET comment = 'اقتراح', suggestion_status = CASE
         WHEN {_H} % 4 = 0 THEN 'new' WHEN {_H} % 4 = 1 THEN 'under_review'
         WHEN {_H} % 4 = 2 THEN 'adopted' ELSE 'not_adopted' END
       WHERE (abs(hashtext(id::text || 's')) % 100) < 8""",
    f"""UPDATE referral SET reason_code = CASE
         WHEN {_H} < 400 THEN 'unclear_procedure' WHEN {_H} < 550 THEN 'documents'
         WHEN {_H} < 700 THEN 'eligibility' WHEN {_H} < 800 THEN 'special_circumstances'
         WHEN {_H} < 880 THEN 'complaint' ELSE 'other' END""",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("url")
    ap.add_argument("--beneficiaries", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--drop", action="store_true", help="drop the schema afterwards")
    args = ap.parse_args()
    schema = f"report_bench_{args.beneficiaries}"
    admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(text("SELECT count(*) FROM information_schema.schemata "
                                  "WHERE schema_name = :s"), {"s": schema})
        if not exists:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in args.url else "?"
    db = Database(f"{args.url}{sep}options=-csearch_path%3D{schema},public")
    try:
        if not exists:
            db.upgrade(backup=False)
            set_up_training(db, "bench-password-1")
            t0 = time.perf_counter()
            built = DemoGenerator(db, seed=args.seed, chunk_size=20_000).run(args.beneficiaries)
            print(f"BUILD {args.beneficiaries:,} on PostgreSQL: "
                  f"{time.perf_counter() - t0:.1f} s; rows {built.counts}")
            t0 = time.perf_counter()
            with db.engine.begin() as conn:
                for sql in ENRICH:
                    conn.execute(text(sql))
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.execute(text("ANALYZE"))
            print(f"ENRICH and ANALYZE: {time.perf_counter() - t0:.1f} s")
        db.upgrade(backup=False)
        measure(db, args.runs)
    finally:
        db.dispose()
        if args.drop:
            with admin.connect() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return 0


def measure(db: Database, runs: int) -> None:
    with db.reader() as s:
        last = s.scalar(select(func.max(Contact.started_at)))
        counts = {t: s.scalar(text(f"SELECT count(*) FROM {t}"))  # noqa: S608
                  for t in ("beneficiary", "contact", "application", "referral",
                            "satisfaction_response")}
    assert last is not None
    end = ksa_day(last)
    start = end - timedelta(days=364)
    now = datetime.combine(end, datetime.min.time(), UTC) + timedelta(hours=9)
    svc = ReportService(db)
    report = svc.build(SYSTEM, start, end, period="month", now=now)
    own = captured(db, lambda: svc.build(SYSTEM, start, end, period="month", now=now))
    raw = db.engine.raw_connection()
    cur = raw.cursor()

    def replay() -> None:
        for sql, params in own:
            cur.execute(sql, params)
            cur.fetchall()
        raw.rollback()

    app = timed(lambda: svc.build(SYSTEM, start, end, period="month", now=now), runs)
    base = timed(replay, runs)
    week = timed(lambda: svc.build(SYSTEM, start, end, period="week", now=now), runs)
    a, b = statistics.median(app), statistics.median(base)
    print("\nRESULTS on PostgreSQL")
    print("  rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"  range {start} .. {end}: {report.channels.total:,} contacts, "
          f"{report.applications.total:,} applications, "
          f"{report.satisfaction.overall.count or 0:,} ratings")
    print(f"  ReportService.build, by month   median {a:.3f} s  "
          f"(min {min(app):.3f}, max {max(app):.3f}, n={runs})")
    print(f"  ReportService.build, by week    median {statistics.median(week):.3f} s")
    print(f"  bare: the same {len(own)} statements through psycopg  median {b:.3f} s")
    print(f"  ratio app/bare {a / b:.2f}   goal < {GOAL_S:.1f} s: "
          f"{'met' if a < GOAL_S else 'NOT met'}   (load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    raw.close()


if __name__ == "__main__":
    os.environ.setdefault("MAKAREM_DATA_DIR", tempfile.gettempdir())
    raise SystemExit(main())
