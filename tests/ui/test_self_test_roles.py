"""``makarem-desk --self-test`` on a counter's and on the committee's database: every screen
offered opens, and the committee is not offered the walk-in screens (a new interview, a new
contact: COUNTER_WORK, POL-H5 — the committee decides, the counters receive).  Before,
the committee's self-test opened 11/12 screens: the interview screen asked for the
counter's open drafts and was refused.  No warning from Qt on the way."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from db_support import sqlite_database

from makarem_desk.models import Role
from makarem_desk.services.actor import Actor
from makarem_desk.ui.main_window import MainWindow
from makarem_desk.ui.qt_messages import NO_SIZE_HINTS, meaningful

REPO = Path(__file__).resolve().parents[2]
WALK_IN = ("interview", "contact")


def self_test(url: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {"QT_QPA_PLATFORM": "offscreen", "MAKAREM_DATA_DIR": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "makarem_desk", "--db", url, "--self-test"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=180)


def opened(stderr: str) -> tuple[int, int, list[str]]:
    found = re.search(r"self-test: (\d+)/(\d+) screens opened \(([^)]*)\)", stderr)
    assert found, stderr
    return int(found.group(1)), int(found.group(2)), found.group(3).split(", ")


@pytest.mark.parametrize("role", ["site", "committee"])
def test_every_offered_screen_opens_on_both_installations(tmp_path: Path, role: str) -> None:
    db = sqlite_database(tmp_path / f"{role}.sqlite3", "COM1" if role == "committee" else "RYD1",
                         role=role)
    db.dispose()
    proc = self_test(f"sqlite:///{tmp_path / f'{role}.sqlite3'}", tmp_path)
    assert proc.returncode == 0, proc.stderr
    done, total, screens = opened(proc.stderr)
    assert done == total == len(screens)
    if role == "committee":
        assert not set(WALK_IN) & set(screens)
        assert {"committee", "search", "profile", "settings"} <= set(screens)
    else:
        assert set(WALK_IN) <= set(screens)
    # nothing but the self-test's own lines: no Qt warning, no error
    assert [line for line in proc.stderr.splitlines() if not line.startswith("self-test:")] == []


def test_walk_in_screens_follow_the_permission_matrix(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    researcher = Actor(None, "khalid", "خالد العتيبي", Role.SOCIAL_RESEARCHER)
    member = Actor(None, "saad", "سعد الشهري", Role.COMMITTEE_MEMBER)
    ctx.actor = researcher
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert set(WALK_IN) <= set(window.pages)
    ctx.actor = member  # a committee member's account on a counter's machine: no counter work
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert not set(WALK_IN) & set(window.pages)
    assert window.show_page("interview") is None  # Ctrl+N and Today's cards lead nowhere


def test_only_the_windowless_platforms_size_hint_notice_is_dropped() -> None:
    assert not meaningful(NO_SIZE_HINTS, "offscreen")
    assert meaningful(NO_SIZE_HINTS, "xcb") and meaningful(NO_SIZE_HINTS, "windows")
    assert meaningful("QPainter::begin: Paint device returned engine == 0", "offscreen")
