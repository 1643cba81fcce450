"""The export lock of an SQLite installation, across processes: a second exporter waits for
the first, and an exporter that was killed while holding the lock blocks nobody — with the
system's lock, and with fcntl missing (filelock's own lock file, as where no flock exists)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from makarem_desk.db import Database
from makarem_desk.sync.locks import export_lock

ROOT = Path(__file__).resolve().parents[2]
DESK = """
import sys, time
if sys.argv[2] == "no-fcntl":
    sys.modules["fcntl"] = None
from makarem_desk.db import Database
from makarem_desk.sync.locks import export_lock
with export_lock(Database("sqlite:///" + sys.argv[1]), "COM1"):
    print("held", flush=True)
    if sys.argv[3] == "hold":
        time.sleep(600)
"""


def _desk(db_file: Path, flavour: str, what: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", DESK, str(db_file), flavour, what],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def _holding(db_file: Path, flavour: str) -> subprocess.Popen[str]:
    holder = _desk(db_file, flavour, "hold")
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def _kill(proc: subprocess.Popen[str]) -> None:
    proc.kill()  # SIGKILL / TerminateProcess: no clean-up code runs
    proc.wait(timeout=30)


def test_a_second_exporter_waits_and_a_killed_one_blocks_nobody(tmp_path: Path) -> None:
    db_file = tmp_path / "desk.db"
    holder = _holding(db_file, "native")
    taken = threading.Event()

    def take() -> None:
        with export_lock(Database(f"sqlite:///{db_file}"), "COM1"):
            taken.set()

    waiter = threading.Thread(target=take, daemon=True)
    try:
        waiter.start()
        assert not taken.wait(1.5)  # the other process holds it
    finally:
        _kill(holder)
    assert taken.wait(10)
    waiter.join(10)
    # another destination never waited for this one
    with export_lock(Database(f"sqlite:///{db_file}"), "COM2"):
        pass


@pytest.mark.parametrize("flavour", ["native", "no-fcntl"])
def test_lock_of_a_killed_process_is_taken_over(tmp_path: Path, flavour: str) -> None:
    db_file = tmp_path / "desk.db"
    holder = _holding(db_file, flavour)
    taker = _desk(db_file, flavour, "take")
    try:
        time.sleep(1.5)
        assert taker.poll() is None  # still waiting behind the holder
    finally:
        _kill(holder)
    out, _ = taker.communicate(timeout=30)
    assert out == "held\n" and taker.returncode == 0
