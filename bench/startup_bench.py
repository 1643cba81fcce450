"""Start-up and responsiveness of the interface, measured in one run.

1. Cold start to a usable main window (signed in, Today painted) and its peak memory,
   next to a bare PySide6 QMainWindow process — both as fresh processes, offscreen, the
   median of several runs.  Also the time to the first painted window of the application.
2. The longest event-loop stall while searching a large database (default 1,000,000
   beneficiaries; the search benchmark's file is reused when present): a 5 ms timer runs
   in the GUI thread while queries are typed into the Search screen; the largest gap
   between its ticks is the longest freeze a receptionist would feel.

    .venv/bin/python bench/startup_bench.py [--beneficiaries N] [--path FILE] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
USER, PASSWORD = "bench", "bench-pass-1"

BARE = r"""
import json, resource, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"ready": time.time(), "rss_mb": rss}), flush=True)
"""

APP = r"""
import json, resource, sys, time
from PySide6.QtCore import Qt
from makarem_desk.ui.main import DatabaseOpener, StartWindow, make_application
from makarem_desk.ui.login_view import LoginPage
app = make_application(language="ar")
start = StartWindow(); login = LoginPage(None); start.show_page(login); start.show()
app.processEvents()
first_paint = time.time()  # the log-in form, usable: the data layer is not imported yet
login.username.setText(sys.argv[2]); login.password.setText(sys.argv[3])
login.submit()  # as if the receptionist pressed Enter at once
opener = DatabaseOpener(sys.argv[1])
state = {}
def opened(db):
    from makarem_desk.ui.bus import EventBus
    from makarem_desk.ui.context import AppContext
    from makarem_desk.ui.dialogs import Dialogs
    from makarem_desk.ui.main import Desk
    from makarem_desk.ui.tasks import TaskRunner
    state["db_ready"] = time.time()
    ctx = AppContext(db=db, bus=EventBus(), tasks=TaskRunner(), dialogs=Dialogs())
    desk = Desk(app, ctx); desk.start = start; state["desk"] = desk
    login.signed_in.connect(desk.signed_in)
    login.attach(ctx)
opener.opened.connect(opened, Qt.ConnectionType.QueuedConnection)
opener.start()
while "desk" not in state or state["desk"].main is None:
    app.processEvents(); time.sleep(0.001)
app.processEvents()
ready = time.time()  # the main window is shown and answers input
today = state["desk"].main.page("today")
while today.figures is None:  # the Today figures arrive from the thread pool
    app.processEvents(); time.sleep(0.001)
figures = time.time()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"first_paint": first_paint, "db_ready": state["db_ready"], "ready": ready,
                  "figures": figures, "rss_mb": rss}), flush=True)
"""

STALL = r"""
import json, sys, time
from PySide6.QtCore import QElapsedTimer, QTimer
from makarem_desk.db import Database
from makarem_desk.models import Role
from makarem_desk.services.actor import Actor
from makarem_desk.ui.bus import EventBus
from makarem_desk.ui.context import AppContext
from makarem_desk.ui.dialogs import RecordingDialogs
from makarem_desk.ui.main import Desk, make_application
from makarem_desk.ui.tasks import TaskRunner
app = make_application(language="ar")
# The large file may belong to the search benchmark: open it as it is, write nothing.
ctx = AppContext(db=Database(sys.argv[1]), bus=EventBus(), tasks=TaskRunner(),
                 dialogs=RecordingDialogs())
ctx.actor = Actor(None, "bench", "موظف القياس", Role.RECEPTIONIST)
desk = Desk(app, ctx)
window = desk.open_main("search")
view = window.page("search")
queries = json.loads(sys.argv[2])
gaps, latencies = [], []
clock = QElapsedTimer(); clock.start()
last = [clock.elapsed()]
def tick():
    now = clock.elapsed(); gaps.append(now - last[0]); last[0] = now
ticker = QTimer(); ticker.setInterval(5); ticker.timeout.connect(tick); ticker.start()
def wait(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents(); time.sleep(0.001)
wait(300)
for q in queries:
    view.query.clear(); wait(50)
    t0 = time.perf_counter()
    for i in range(1, len(q) + 1):  # typed letter by letter, 80 ms apart
        view.query.setText(q[:i]); wait(80)
    seq = view._seq
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline and (view.timer.isActive() or view.hits_seq != seq):
        app.processEvents(); time.sleep(0.001)
    latencies.append((time.perf_counter() - t0) * 1000 - 80 * len(q))
    wait(100)
ticker.stop()
print(json.dumps({"max_gap_ms": max(gaps), "p99_gap_ms": sorted(gaps)[int(len(gaps) * .99)],
                  "ticks": len(gaps), "after_typing_ms": latencies,
                  "hits": len(view.hits)}), flush=True)
"""


def spawn(code: str, *args: str) -> dict:  # type: ignore[type-arg]
    t0 = time.time()
    proc = subprocess.run([PY, "-c", code, *args], env=ENV, cwd=REPO, capture_output=True,
                          text=True, timeout=600)
    if proc.returncode != 0:
        raise SystemExit(f"child failed:\n{proc.stderr}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["t0"] = t0
    return data


def ensure_setup(url: str) -> None:
    from makarem_desk.db import Database
    from makarem_desk.models import Role
    from makarem_desk.services.auth import AuthService
    from makarem_desk.services.setup import SetupInput, SetupService

    db = Database(url)
    db.upgrade(backup=False)
    setup = SetupService(db)
    if setup.needs_setup():
        setup.complete(SetupInput("BNCH", "جمعية مكارم", "Makarem", "benchadmin", "مدير",
                                  PASSWORD))
    auth = AuthService(db)
    admin = auth.login("benchadmin", PASSWORD)
    if not any(u.username == USER for u in auth.list_users(admin)):
        auth.create_user(admin, USER, "موظف القياس", Role.RECEPTIONIST, PASSWORD)
    db.dispose()


def build(path: Path, n: int) -> None:
    from makarem_desk.db import Database
    from makarem_desk.demo import DemoGenerator

    ensure_setup(f"sqlite:///{path}")  # nothing is written before the set-up
    db = Database(f"sqlite:///{path}")
    t = time.perf_counter()
    DemoGenerator(db, seed=1, chunk_size=20_000).run(n)
    db.dispose()
    print(f"built {n:,} beneficiaries in {time.perf_counter() - t:.0f} s", file=sys.stderr)


def main() -> int:
    sys.path.insert(0, str(REPO))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--beneficiaries", type=int, default=1_000_000)
    ap.add_argument("--path", type=Path,
                    default=Path(tempfile.gettempdir()) / "makarem-search-bench-1m.sqlite3",
                    help="large database to search (the search benchmark's; built if absent)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        small = f"sqlite:///{Path(tmp) / 'start.sqlite3'}"
        ensure_setup(small)
        bare = [spawn(BARE) for _ in range(args.runs)]
        app = [spawn(APP, small, USER, PASSWORD) for _ in range(args.runs)]
    bare_ms = statistics.median((b["ready"] - b["t0"]) * 1000 for b in bare)
    app_ms = statistics.median((a["ready"] - a["t0"]) * 1000 for a in app)
    paint_ms = statistics.median((a["first_paint"] - a["t0"]) * 1000 for a in app)
    figures_ms = statistics.median((a["figures"] - a["t0"]) * 1000 for a in app)
    bare_mb = statistics.median(b["rss_mb"] for b in bare)
    app_mb = statistics.median(a["rss_mb"] for a in app)
    print(f"bare QMainWindow          : {bare_ms:6.0f} ms   peak {bare_mb:5.0f} MB")
    db_ms = statistics.median((a["db_ready"] - a["t0"]) * 1000 for a in app)
    print(f"app log-in form painted   : {paint_ms:6.0f} ms   ({paint_ms / bare_ms:.2f}x bare; "
          f"usable, data layer not yet imported)")
    print(f"app database open         : {db_ms:6.0f} ms   (imports + upgrade check, on a "
          f"worker thread while the password is typed)")
    print(f"app usable main window    : {app_ms:6.0f} ms   peak {app_mb:5.0f} MB "
          f"(signed in at once, one scrypt) "
          f"({app_ms / bare_ms:.2f}x time, {app_mb / bare_mb:.2f}x memory of bare)")
    print(f"app Today figures shown   : {figures_ms:6.0f} ms")

    path = args.path
    if path.exists():
        print(f"reusing {path}", file=sys.stderr)
    else:
        build(path, args.beneficiaries)
    url = f"sqlite:///{path}"
    queries = ["محمد", "عبدالله القحطاني", "نوره", "ال سعود", "0551234567", "1000000008"]
    stall = spawn(STALL, url, json.dumps(queries, ensure_ascii=False))
    lat = stall["after_typing_ms"]
    print(f"search on {path.name}: longest event-loop stall {stall['max_gap_ms']:.0f} ms "
          f"(p99 gap {stall['p99_gap_ms']:.0f} ms over {stall['ticks']} ticks of 5 ms); "
          f"results after the last key: median {statistics.median(lat):.0f} ms, "
          f"max {max(lat):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
