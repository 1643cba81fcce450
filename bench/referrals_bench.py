"""The social researcher's inbox (POL-H3) on a demo database: the counts per status and
code, and the inbox lists, next to the bare GROUP BY through sqlite3 in the same run.

    makarem-desk --db sqlite:///B.sqlite3 demo --beneficiaries 200000
    python bench/referrals_bench.py B.sqlite3 [--rounds 15]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from collections.abc import Callable
from typing import Any

from makarem_desk.db import Database
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.referrals import ReferralService


def timed(fn: Callable[[], Any], rounds: int) -> tuple[float, float]:
    fn()  # warm the cache and the statements
    ms = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    return statistics.median(ms), ms[max(0, int(len(ms) * 0.95) - 1)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    db = Database(f"sqlite:///{args.path}")
    refs = ReferralService(db)
    raw = sqlite3.connect(args.path)
    total = raw.execute("SELECT count(*) FROM referral").fetchone()[0]
    c = refs.counts(SYSTEM)
    print(f"{total:,} referrals: open {c.open:,}, answered {c.answered:,}, "
          f"overdue {c.overdue:,} (target {c.target_days} days)")
    rows = [
        ("bare GROUP BY code, status (sqlite3)", lambda: raw.execute(
            "SELECT reason_code, status, count(*) FROM referral "
            "GROUP BY reason_code, status").fetchall()),
        ("counts() per status and code", lambda: refs.counts(SYSTEM)),
        ("inbox open (all of them)", lambda: refs.inbox(SYSTEM, limit=None)),
        ("inbox overdue, one code", lambda: refs.inbox(SYSTEM, status="overdue",
                                                       reason_code="documents")),
        ("inbox all (first 1,000)", lambda: refs.inbox(SYSTEM, status="all")),
    ]
    for label, fn in rows:
        p50, p95 = timed(fn, args.rounds)
        print(f"  {label:<40} p50 {p50:8.2f} ms   p95 {p95:8.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
