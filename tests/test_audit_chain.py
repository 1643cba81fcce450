"""The audit trail is a hash chain: an edit, a deletion or a reordering is caught."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from makarem_desk.audit import record_event, verify_chain
from makarem_desk.cli import main as cli
from makarem_desk.db import Database
from makarem_desk.errors import UserError
from makarem_desk.models import Role, utcnow
from makarem_desk.services.actor import Actor
from makarem_desk.services.auth import MAX_FAILURES, AuthService

ADMIN = Actor(user_id=None, username="admin", full_name="مدير", role=Role.ADMINISTRATOR)


def _events(db: Database, n: int) -> None:
    with db.session() as s:
        for i in range(n):
            record_event(s, ADMIN, "test_event", entity="thing", entity_id=f"T{i}",
                         details={"i": i, "نص": "عربي"}, before={"a": 1}, after={"a": i})


@contextmanager
def _no_triggers(db: Database):
    """What someone editing the file with other tools could do: drop the guard triggers."""
    with db.engine.begin() as conn:
        if db.is_sqlite:
            conn.execute(text("DROP TRIGGER audit_event_no_update"))
            conn.execute(text("DROP TRIGGER audit_event_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER audit_event_no_change ON audit_event"))
    yield
    # The triggers are gone for the rest of this test's database; nothing else uses it.


def _verify(db: Database):
    with db.reader() as s:
        return verify_chain(s)


def test_intact_chain_verifies(any_db: Database) -> None:
    _events(any_db, 5)
    report = _verify(any_db)
    assert report.ok, report.problem
    assert report.events == 5


def test_update_and_delete_are_refused_by_triggers(any_db: Database) -> None:
    _events(any_db, 2)
    for stmt in ("UPDATE audit_event SET username = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="audit trail cannot be changed"):
            with any_db.engine.begin() as conn:
                conn.execute(text(stmt))
    assert _verify(any_db).events == 2


def test_edited_event_is_named(any_db: Database) -> None:
    _events(any_db, 5)
    with _no_triggers(any_db), any_db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET username = 'someone' WHERE seq = 3"))
    report = _verify(any_db)
    assert not report.ok
    assert report.broken_seq == 3
    assert "event #3" in report.problem and "changed" in report.problem


def test_deleted_event_is_caught(any_db: Database) -> None:
    _events(any_db, 5)
    with _no_triggers(any_db), any_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = 2"))
    report = _verify(any_db)
    assert not report.ok and report.broken_seq == 2
    assert "missing" in report.problem


def test_deleted_event_renumbered_is_caught(any_db: Database) -> None:
    """Deleting one and closing the gap in the numbers still breaks the links."""
    _events(any_db, 4)
    with _no_triggers(any_db), any_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = 2"))
        conn.execute(text("UPDATE audit_event SET seq = seq - 1 WHERE seq > 2"))
    report = _verify(any_db)
    assert not report.ok and report.broken_seq == 2


def test_newest_event_deleted_is_caught(any_db: Database) -> None:
    _events(any_db, 3)
    with _no_triggers(any_db), any_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = 3"))
    report = _verify(any_db)
    assert not report.ok and "newest events" in report.problem


def test_reordered_events_are_caught(any_db: Database) -> None:
    _events(any_db, 4)
    with _no_triggers(any_db), any_db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET seq = 100 WHERE seq = 2"))
        conn.execute(text("UPDATE audit_event SET seq = 2 WHERE seq = 3"))
        conn.execute(text("UPDATE audit_event SET seq = 3 WHERE seq = 100"))
    report = _verify(any_db)
    assert not report.ok and report.broken_seq == 2


def test_lockout_cannot_be_lifted_unnoticed(db: Database) -> None:
    """Deleting the failed sign-ins ends a lock-out, but the chain shows it."""
    auth = AuthService(db)
    auth._create("amal", "أمل محمد", Role.RECEPTIONIST, "correct-horse", "ar", None)
    for _ in range(MAX_FAILURES):
        with pytest.raises(UserError):
            auth.login("amal", "wrong-password")
    with pytest.raises(UserError, match="Too many failed attempts"):
        auth.login("amal", "correct-horse")
    with _no_triggers(db), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE action = 'login_failed'"))
    auth.login("amal", "correct-horse")  # the lock-out is gone...
    report = _verify(db)
    assert not report.ok  # ...and so is the chain
    assert report.broken_seq == 2  # the first failure followed the account's creation


def test_edit_records_only_changed_fields(db: Database) -> None:
    with db.session() as s:
        ev = record_event(s, ADMIN, "thing_changed", before={"a": 1, "b": 2}, after={"a": 1, "b": 3})
    assert ev.details == {"before": {"b": 2}, "after": {"b": 3}}


def test_timestamps_and_order_survive_reading_back(any_db: Database) -> None:
    with any_db.session() as s:
        record_event(s, ADMIN, "first", at=utcnow() + timedelta(seconds=5))
        record_event(s, ADMIN, "second", at=utcnow())  # a clock going backwards is no break
    assert _verify(any_db).ok


def test_cli_verify_and_show(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    _events(db, 3)
    url = str(db.url)
    assert cli(["--db", url, "audit", "verify"]) == 0
    assert "3 events" in capsys.readouterr().out
    assert cli(["--db", url, "audit", "show", "--entity", "thing", "--id", "T1"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "test_event" in out[0] and "thing:T1" in out[0]
    with _no_triggers(db), db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET action = 'other' WHERE seq = 2"))
    assert cli(["--db", url, "audit", "verify"]) == 1
    assert "event #2" in capsys.readouterr().out
    assert cli(["--db", url, "audit", "show", "--since", "2026-13-01"]) == 1
    assert "Not a date" in capsys.readouterr().err


def test_every_event_goes_through_the_chain() -> None:
    """No module builds AuditEvent rows itself: they would be links without a chain."""
    import pathlib

    import makarem_desk

    root = pathlib.Path(makarem_desk.__file__).parent
    offenders = [
        str(p.relative_to(root)) for p in root.rglob("*.py")
        if p.name != "audit.py" and "AuditEvent(" in p.read_text(encoding="utf-8")
        and "migrations" not in p.parts and p.name != "system.py"
    ]
    assert offenders == []
