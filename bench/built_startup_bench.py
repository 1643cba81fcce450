"""Start-up of the built one-folder app (``make installer``): process start to the log-in
form painted, next to a bare PySide6 window and to the app run from the source tree, all
fresh processes in alternating rounds, the median of several runs; plus the folder's size.

"Painted" is the app's own log line ("log-in form painted", written right after the first
``processEvents`` that shows the form; ``--verbose`` puts it on the console); the bare
window prints a line after the same call.  The clock runs from just before the process
is spawned to the moment that line is read, so the bundle's unpacking, imports and Qt's
start are all in it.  Offscreen by default; ``--xvfb`` runs everything under one Xvfb
server (the xcb platform, as on a desktop).

    .venv/bin/python bench/built_startup_bench.py [--dist dist/makarem-desk] [--runs 7]

Measured 2026-11-30 on the shared 2-core machine (load average 11-13 from other builds),
medians of 7 rounds: offscreen, bare window 731 ms, built app 1461 ms (2.00x), source
1476 ms; under Xvfb, bare 956 ms, built app 1653 ms (1.73x), source 1720 ms.  Before the
window's start stopped importing the data layer (the command modules, and the log-in
form's date field through validation -> models), the built app took 4893 ms against a
bare 709 ms in one run (6.90x).  The folder: 188 MiB of files (197.6 MB).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAINTED = "log-in form painted"
BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
print("INFO bare: log-in form painted", file=sys.stderr, flush=True)
"""


def until_painted(command: list[str], env: dict[str, str]) -> tuple[float, list[str]]:
    """Seconds from spawn to the painted line, and the lines of stderr before it."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if PAINTED in line:
                return time.perf_counter() - t0, lines
            lines.append(line.rstrip())
        raise SystemExit(f"{command[0]} ended before painting:\n" + "\n".join(lines))
    finally:
        proc.kill()
        proc.wait()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dist", type=Path, default=REPO / "dist" / "makarem-desk")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--xvfb", action="store_true", help="under Xvfb (xcb) instead of offscreen")
    args = ap.parse_args()
    exe = args.dist / "makarem-desk-debug"
    size = sum(p.stat().st_size for p in args.dist.rglob("*") if p.is_file()
               and not p.is_symlink())
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "MAKAREM_DATA_DIR": str(Path(tmp) / "data"), "LANG": "C.UTF-8",
               "HOME": tmp, "MAKAREM_ADMIN_PASSWORD": "bench-pass-2026",
               "QT_QPA_PLATFORM": "xcb" if args.xvfb else "offscreen"}
        db = ["--db", f"sqlite:///{Path(tmp) / 'start.sqlite3'}"]
        subprocess.run([str(exe), *db, "setup", "--site-code", "BNCH", "--role", "site",
                        "--association", "جمعية", "--association-en", "Makarem",
                        "--admin", "admin", "--admin-name", "مدير"], env=env, check=True,
                       capture_output=True)
        commands = {
            "bare PySide6 window (venv python)": [sys.executable, "-c", BARE],
            "app from source (venv python)": [sys.executable, "-m", "makarem_desk", *db,
                                              "--verbose"],
            "built app (makarem-desk-debug)": [str(exe), *db, "--verbose"],
        }
        source_env = {**env, "PYTHONPATH": str(REPO)}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # one warm-up each (the disk cache)
            until_painted(command, source_env)
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(until_painted(command, source_env)[0])
    bare = statistics.median(times["bare PySide6 window (venv python)"])
    print(f"{args.dist}: {size / 2**20:.0f} MiB; {args.runs} alternating rounds, "
          f"{'Xvfb (xcb)' if args.xvfb else 'offscreen'}, process start -> log-in painted")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:36s} median {median * 1000:6.0f} ms  (min {min(values) * 1000:.0f}, "
              f"max {max(values) * 1000:.0f})  {median / bare:.2f}x bare")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
