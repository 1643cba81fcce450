"""Costs of issue 9's safety nets, each next to a bare baseline measured in the same run.

1. A password hash: the production Argon2id policy (``makarem_desk.passwords``) next to the
   scrypt N=2^14 the first releases used, each in a fresh process: median time of a
   verification (what a sign-in pays) and the growth of the peak resident memory.
2. A database of N demo beneficiaries (default 100,000): the start-up ``quick_check``, a
   backup through ``BackupService`` (online copy + quick_check of the copy + audit), and a
   full restore (stage, integrity_check, swap), next to a bare ``PRAGMA quick_check``, a
   bare ``sqlite3`` backup-API copy and a plain file copy.

    .venv/bin/python bench/backup_bench.py [--beneficiaries N] [--runs 7]

Figures measured on this 2-core machine (AMD EPYC, shared: other engineers' test runs kept
the load average at 3-6), 2026-11-30, 100,000 beneficiaries (97 MB file):

    password (median of 7 verifications, fresh process each)
      Argon2id t=3 m=64 MiB p=4 (production)    ~150 ms   peak RSS +64 MiB
      scrypt N=2^14 r=8 p=1 (before)             ~45 ms   peak RSS +16 MiB
    see the report of the commit that added this file for the run's exact output
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
ENV = {**os.environ, "PYTHONPATH": str(REPO)}

HASH_PROBE = r"""
import json, resource, statistics, sys, time
kind, runs = sys.argv[1], int(sys.argv[2])
password = "كلمة سر طويلة 1"
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if kind == "argon2id":
    from makarem_desk.passwords import DEFAULT_POLICY, verify_password
    stored = DEFAULT_POLICY.hash(password)
    check = lambda: verify_password(password, stored)
else:
    import hashlib
    salt = b"0123456789abcdef"
    check = lambda: hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
times = []
for _ in range(runs):
    t0 = time.perf_counter(); check(); times.append(time.perf_counter() - t0)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"ms": statistics.median(times) * 1000, "rss_mib": (after - before) / 1024}))
"""


def _hash_figures(runs: int) -> None:
    print(f"password (median of {runs} verifications, fresh process each)")
    for kind, label in (("argon2id", "Argon2id t=3 m=64 MiB p=4 (production)"),
                        ("scrypt", "scrypt N=2^14 r=8 p=1 (before, baseline)")):
        out = subprocess.run([sys.executable, "-c", HASH_PROBE, kind, str(runs)], env=ENV,
                             capture_output=True, text=True, check=True).stdout
        fig = json.loads(out)
        print(f"  {label:<42} {fig['ms']:7.1f} ms   peak RSS +{fig['rss_mib']:.0f} MiB")


def _timed(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _database_figures(n: int, runs: int) -> None:
    from makarem_desk.backups import BackupService, startup_check
    from makarem_desk.db import Database
    from makarem_desk.demo import DemoGenerator
    from makarem_desk.services.actor import SYSTEM
    from makarem_desk.services.setup import SetupInput, SetupService

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "desk" / "makarem.sqlite3"
        db = Database(f"sqlite:///{path}")
        db.upgrade(backup=False)
        SetupService(db).complete(SetupInput(
            site_code="RYD1", association_name="جمعية مكارم", association_name_en="Makarem",
            admin_username="admin", admin_full_name="مدير", admin_password="admin-pass-1"))
        t0 = time.perf_counter()
        DemoGenerator(db, seed=1, chunk_size=20_000).run(n)
        print(f"database: {n:,} beneficiaries built in {time.perf_counter() - t0:.1f} s, "
              f"{path.stat().st_size / 1e6:.0f} MB (median of {runs} runs each)")
        svc = BackupService(db)
        scratch = Path(tmp) / "scratch"
        scratch.mkdir()

        def bare_check() -> None:
            with closing(sqlite3.connect(path)) as c:
                c.execute("PRAGMA quick_check").fetchall()

        def bare_backup() -> None:
            dest = scratch / "bare.sqlite3"
            dest.unlink(missing_ok=True)
            with closing(sqlite3.connect(path)) as s, closing(sqlite3.connect(dest)) as d:
                s.backup(d)

        def plain_copy() -> None:
            dest = scratch / "plain.sqlite3"
            dest.unlink(missing_ok=True)
            shutil.copyfile(path, dest)

        made: list[Path] = []
        rows = [
            ("start-up check (startup_check)", lambda: startup_check(db)),
            ("  bare PRAGMA quick_check", bare_check),
            ("backup (BackupService.backup_now)",
             lambda: made.append(svc.backup_now(SYSTEM).path)),
            ("  bare sqlite3 backup API copy", bare_backup),
            ("  plain file copy", plain_copy),
        ]
        for label, fn in rows:
            print(f"  {label:<42} {_timed(fn, runs) * 1000:8.0f} ms")
        source = made[0]
        restore = _timed(lambda: svc.restore(SYSTEM, source), max(1, runs // 2))
        print(f"  {'restore (check, upgrade/audit, swap)':<42} {restore * 1000:8.0f} ms")
        db.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--beneficiaries", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    _hash_figures(args.runs)
    _database_figures(args.beneficiaries, args.runs)


if __name__ == "__main__":
    main()
