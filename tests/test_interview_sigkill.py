"""Kill the interview process with SIGKILL after each step in turn, restart it, and find
every completed step intact (and no record made twice)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from db_support import sqlite_database
from interview_support import script
from sqlalchemy import func, select

from makarem_desk.db import Database
from makarem_desk.models import (
    Application,
    Beneficiary,
    Contact,
    Declaration,
    SatisfactionResponse,
)
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.drafts import DraftService

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _spawn(db_url: str, steps: Path, resume: str | None) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "makarem_desk", "--db", db_url, "interview", "run",
           "--script", str(steps), "--pause", "--today", "2026-11-29"]
    if resume:
        cmd += ["--resume", resume]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _line(proc: subprocess.Popen[str]) -> dict:
    assert proc.stdout is not None
    raw = proc.stdout.readline()
    if not raw:
        proc.wait(10)
        pytest.fail(f"the interview process ended early: {proc.stderr.read() if proc.stderr else ''}")
    return json.loads(raw)


def _count(db: Database, model: type) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_sigkill_after_every_step_resumes_intact(tmp_path):
    steps = script("TRN-ACCOUNTING")
    script_file = tmp_path / "steps.json"
    script_file.write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")
    sqlite_database(tmp_path / "counter.sqlite3").dispose()  # a set-up counter
    db_url = f"sqlite:///{tmp_path / 'counter.sqlite3'}"
    draft: str | None = None
    saved: dict[str, dict] = {}  # each step's values as first saved
    for k, entry in enumerate(steps, start=1):
        proc = _spawn(db_url, script_file, draft)
        ready = _line(proc)
        assert ready["event"] == "ready" and ready["step"] == entry["step"]
        draft = ready["draft"]
        done = _line(proc)
        assert done["completed"] == entry["step"]
        proc.send_signal(signal.SIGKILL)  # while it waits before the next step
        assert proc.wait(10) == -signal.SIGKILL
        proc.stdout.close()
        proc.stderr.close()
        proc.stdin.close()

        db = Database(db_url)
        try:
            state = DraftService(db).load(SYSTEM, uuid.UUID(draft)).state
            completed = [e["step"] for e in steps[:k]]
            assert state["history"] == completed
            saved.setdefault(entry["step"], state["values"][entry["step"]])
            for name in completed:  # every completed step intact, unchanged by restarts
                assert state["values"][name] == saved[name], name
            # No effect was applied twice across the restarts.
            assert _count(db, Contact) == 1
            assert _count(db, Beneficiary) == (1 if k >= 3 else 0)
            assert _count(db, Application) == (1 if k >= 6 else 0)
            assert _count(db, Declaration) == (1 if k >= 6 else 0)
        finally:
            db.dispose()
    db = Database(db_url)
    try:
        final = DraftService(db).load(SYSTEM, uuid.UUID(draft))
        assert final.status == "done" and final.step == "done"
        assert final.state["path"] == "submitted"
        assert _count(db, SatisfactionResponse) == 1
        with db.reader() as s:
            app = s.scalars(select(Application)).one()
            assert app.status.value == "submitted" and app.service_delivered_at is not None
            assert s.scalars(select(Declaration)).one().is_signed
    finally:
        db.dispose()
