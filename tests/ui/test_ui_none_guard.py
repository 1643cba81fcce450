"""PySide6 6.12 on CPython 3.11 drops a reference to None on every Qt call returning
nothing; without the guard the interpreter aborts after some tens of thousands of calls.
The application must survive a long day's worth of them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LONG_DAY = """
import sys
from makarem_desk.ui.main import make_application
from PySide6.QtWidgets import QLabel
app = make_application(language="ar")
label = QLabel()
for _ in range(200_000):
    label.setText("مكارم")
print("alive", sys.getrefcount(None) > 0)
"""


def test_two_hundred_thousand_qt_calls_do_not_kill_the_desk() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", LONG_DAY], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "alive True"
