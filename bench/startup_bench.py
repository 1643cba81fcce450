"""Start-up of the interface, measured in one run: the application's log-in form painted,
next to a bare PySide6 QMainWindow process (goal: at most 1.5 times the bare window).

Each run is a fresh process, offscreen; bare and application runs *alternate* (bare, app,
bare, app, ...) so that a machine busier at one moment weighs on both alike; the medians
and their ratio are printed.  Each child reads its *own* peak memory (``VmHWM`` in
/proc/self/status, reset at exec; ``ru_maxrss`` of the child where there is no /proc)
-- never the parent's ``ru_maxrss``, which carries over the parent's own peak.  Also
the time to a usable main window (signed in at once) and to the Today figures.

The event-loop stalls while searching, reporting, exporting and importing are measured
by ``bench/stall_probe.py``.

    .venv/bin/python bench/startup_bench.py [--runs 7]
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

PEAK = r"""
def peak_mb():
    # This process's own peak resident memory: VmHWM starts afresh at exec.
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

BARE = PEAK + r"""
import json, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
ready = time.time()
print(json.dumps({"ready": ready, "cpu": time.process_time(), "rss_mb": peak_mb()}),
      flush=True)
"""

APP = PEAK + r"""
import json, sys, time
from PySide6.QtCore import Qt
from makarem_desk.ui.main import DatabaseOpener, StartWindow, make_application
from makarem_desk.ui.login_view import LoginPage
app = make_application(language="ar")
start = StartWindow(); login = LoginPage(None); start.show_page(login); start.show()
app.processEvents()
first_paint = time.time()  # the log-in form, usable: the data layer is not imported yet
paint_cpu, paint_mb = time.process_time(), peak_mb()
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
print(json.dumps({"first_paint": first_paint, "db_ready": state["db_ready"], "ready": ready,
                  "figures": figures, "paint_cpu": paint_cpu, "paint_mb": paint_mb, "rss_mb": peak_mb()}), flush=True)
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


def main() -> int:
    sys.path.insert(0, str(REPO))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    bare: list[dict] = []  # type: ignore[type-arg]
    app: list[dict] = []  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        small = f"sqlite:///{Path(tmp) / 'start.sqlite3'}"
        ensure_setup(small)
        spawn(BARE)  # one of each to warm the disk cache, not counted
        spawn(APP, small, USER, PASSWORD)
        for _ in range(args.runs):  # alternating: bare, app, bare, app, ...
            bare.append(spawn(BARE))
            app.append(spawn(APP, small, USER, PASSWORD))

    def med(runs: list[dict], key: str) -> float:  # type: ignore[type-arg]
        return statistics.median((r[key] - r["t0"]) * 1000 for r in runs)

    bare_ms, paint_ms = med(bare, "ready"), med(app, "first_paint")
    db_ms, app_ms, figures_ms = med(app, "db_ready"), med(app, "ready"), med(app, "figures")
    bare_mb = statistics.median(b["rss_mb"] for b in bare)
    paint_mb = statistics.median(a["paint_mb"] for a in app)
    app_mb = statistics.median(a["rss_mb"] for a in app)
    spread = [round((a["first_paint"] - a["t0"]) / (b["ready"] - b["t0"]), 2)
              for a, b in zip(app, bare, strict=True)]
    ratio = paint_ms / bare_ms
    # CPU time of each child up to the same moment: what the machine's other load
    # cannot inflate (on a shared machine the wall times above can be several times it).
    bare_cpu = statistics.median(b["cpu"] for b in bare) * 1000
    paint_cpu = statistics.median(a["paint_cpu"] for a in app) * 1000
    print(f"{args.runs} alternating runs of each, offscreen; medians; peak = the child's own "
          "VmHWM")
    print(f"bare QMainWindow shown    : {bare_ms:6.0f} ms   peak {bare_mb:5.0f} MB")
    print(f"app log-in form painted   : {paint_ms:6.0f} ms   peak {paint_mb:5.0f} MB   "
          f"{ratio:.2f}x bare (goal <= 1.50x: {'holds' if ratio <= 1.5 else 'FAILS'}); "
          f"pairwise ratios {spread}")
    print(f"CPU time to those moments : bare {bare_cpu:.0f} ms, app log-in {paint_cpu:.0f} ms: "
          f"{paint_cpu / bare_cpu:.2f}x (goal <= 1.50x: "
          f"{'holds' if paint_cpu / bare_cpu <= 1.5 else 'FAILS'})")
    print(f"app database open         : {db_ms:6.0f} ms   (imports + upgrade check, on a "
          "worker thread while the password is typed)")
    print(f"app usable main window    : {app_ms:6.0f} ms   peak {app_mb:5.0f} MB "
          f"(signed in at once, one scrypt; {app_ms / bare_ms:.2f}x time, "
          f"{app_mb / bare_mb:.2f}x memory of bare)")
    print(f"app Today figures shown   : {figures_ms:6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
