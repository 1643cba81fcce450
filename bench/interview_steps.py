"""How long each interview step takes at the counter (service work + draft commit).

Runs whole interviews on a fresh SQLite file (synchronous=FULL, as at the counter) and
prints the median and p95 per step in milliseconds.

    .venv/bin/python bench/interview_steps.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from interview_support import RECEPTIONIST, TODAY, script  # noqa: E402

from makarem_desk.checklists import load_forms  # noqa: E402
from makarem_desk.db import Database  # noqa: E402
from makarem_desk.demo import set_up_training  # noqa: E402
from makarem_desk.interview.services import InterviewServices  # noqa: E402
from makarem_desk.interview.session import InterviewSession  # noqa: E402


def main(rounds: int) -> None:
    t0 = time.perf_counter()
    forms = load_forms()
    print(f"load_forms: {(time.perf_counter() - t0) * 1000:.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        db.upgrade(backup=False)
        set_up_training(db, "bench-password-1")  # nothing is written before the set-up
        services = InterviewServices.for_database(db, forms, today=TODAY)
        times: dict[str, list[float]] = defaultdict(list)
        codes = ["TRN-ACCOUNTING", "VOL-EVENTS", "ORPHAN-SPONSOR", "FIELD-CONF"]
        for n in range(rounds):
            t = time.perf_counter()
            s = InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY)
            times["start"].append(time.perf_counter() - t)
            for entry in script(codes[n % len(codes)]):
                t = time.perf_counter()
                s.complete(dict(entry["values"]))
                times[entry["step"]].append(time.perf_counter() - t)
        db.dispose()
    print(f"{rounds} interviews; per step in ms (median / p95):")
    total = 0.0
    for step, values in times.items():
        values.sort()
        med = statistics.median(values) * 1000
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))] * 1000
        total += med
        print(f"  {step:<13} {med:7.2f} / {p95:7.2f}")
    print(f"  whole interview (sum of medians): {total:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
