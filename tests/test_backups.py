"""Backups and restore (issue 9): automatic copies with rotation, manual copies, a restore
that checks the file before anything changes and swaps atomically, and the start-up check.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from db_support import FAST_PASSWORDS
from sqlalchemy import select, text

from makarem_desk.audit import verify_chain
from makarem_desk.backups import AUTO, MANUAL, BackupService, startup_check
from makarem_desk.cli import main
from makarem_desk.cli.common import open_database
from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied, UserError
from makarem_desk.models import AuditEvent, Role, User
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.services.auth import AuthService
from makarem_desk.services.setup import SetupInput, SetupService
from makarem_desk.sqlite_files import quick_check

ROOT = Path(__file__).resolve().parents[1]
PW = "admin-pass-1"
T0 = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


def _install(path: Path, site: str = "RYD1") -> Database:
    db = Database(f"sqlite:///{path}", passwords=FAST_PASSWORDS)
    db.upgrade(backup=False)
    SetupService(db).complete(SetupInput(
        site_code=site, association_name="جمعية مكارم", association_name_en="Makarem",
        admin_username="admin", admin_full_name="مدير النظام", admin_password=PW))
    return db


def _add_user(db: Database, name: str) -> None:
    auth = AuthService(db)
    auth.create_user(auth.login("admin", PW), name, "موظف", Role.RECEPTIONIST, "pass-1234")


def _users(db: Database) -> set[str]:
    with db.reader() as s:
        return set(s.scalars(select(User.username)))


def _users_in(path: Path) -> set[str]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1",
                                 uri=True)) as conn:
        return {r[0] for r in conn.execute("SELECT username FROM user_account")}


def _actions(db: Database, action: str) -> list[SimpleNamespace]:
    with db.reader() as s:
        return [SimpleNamespace(details=e.details, username=e.username, site_id=e.site_id)
                for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                   .order_by(AuditEvent.seq))]


def _damage(path: Path) -> None:
    """Overwrite the middle pages of a (checkpointed) database file with garbage."""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(4096)
        f.write(b"\xa5" * max(4096, size - 3 * 4096))


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Database]:
    db = _install(tmp_path / "desk" / "makarem.sqlite3")
    _add_user(db, "sara")
    yield db
    db.dispose()


@pytest.fixture
def good_backup(live: Database) -> Path:
    """A backup taken with sara; afterwards the live database also gets late."""
    path = BackupService(live).backup_now(SYSTEM).path
    _add_user(live, "late")
    return path


# -- making backups ------------------------------------------------------------------------
def test_backup_now_is_a_checked_self_contained_copy(live: Database) -> None:
    info = BackupService(live).backup_now(SYSTEM)
    assert info.kind == MANUAL and info.path.parent == live.sqlite_path.parent / "backups"  # type: ignore[union-attr]
    assert quick_check(info.path, immutable=True) is None
    assert _users_in(info.path) == {"admin", "sara"}
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]  # no -wal
    assert open(info.path, "rb").read(20)[18:20] == b"\x01\x01"  # rollback journal mode
    [event] = _actions(live, "backup_made")
    assert event.details["file"] == str(info.path) and event.username == "system"


def test_cli_backup_out_file_and_folder(live: Database, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    url = str(live.url)
    out = tmp_path / "usb" / "copy.sqlite3"
    assert main(["--db", url, "backup", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out) and _users_in(out) == {"admin", "sara"}
    assert main(["--db", url, "backup", "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["--db", url, "backup", "--out", str(out.parent)]) == 0
    assert len(list(out.parent.glob("makarem-*-manual.sqlite3"))) == 1


def test_automatic_backups_at_start_every_n_hours_keep_the_newest(live: Database) -> None:
    clock = Clock()
    svc = BackupService(live, clock=clock)
    assert svc.settings(SYSTEM).interval_hours == 4 and svc.settings(SYSTEM).keep == 10
    svc.update_settings(SYSTEM, interval_hours=2, keep=3)
    [changed] = _actions(live, "backup_settings_changed")
    assert changed.details == {"before": {"interval_hours": 4, "keep": 10},
                               "after": {"interval_hours": 2, "keep": 3}}
    manual = svc.backup_now(SYSTEM)
    made = [svc.automatic_backup(SYSTEM, at_start=True)]
    clock.advance(hours=1)
    assert svc.automatic_backup(SYSTEM) is None  # not due yet
    for _ in range(4):
        clock.advance(hours=2, seconds=1)
        made.append(svc.automatic_backup(SYSTEM))
    assert all(m is not None and m.kind == AUTO for m in made)
    listed = svc.list_backups(SYSTEM)
    autos = [b.path for b in listed if b.kind == AUTO]
    assert autos == [m.path for m in reversed(made[-3:])]  # type: ignore[union-attr]
    assert manual.path in [b.path for b in listed]  # manual copies are never rotated out
    assert not made[0].path.exists()  # type: ignore[union-attr]
    assert _actions(live, "backup_made")[-1].details["rotated_out"] == [made[1].path.name]  # type: ignore[union-attr]
    with pytest.raises(UserError):
        svc.update_settings(SYSTEM, interval_hours=0, keep=3)


def test_no_automatic_backup_before_set_up(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", passwords=FAST_PASSWORDS)
    db.upgrade(backup=False)
    try:
        assert BackupService(db).automatic_backup(SYSTEM, at_start=True) is None
    finally:
        db.dispose()


def test_backups_are_for_administrators_only(live: Database, good_backup: Path) -> None:
    clerk = Actor(None, "reem", "ريم", Role.RECEPTIONIST)
    svc = BackupService(live)
    for call in (lambda: svc.list_backups(clerk), lambda: svc.settings(clerk),
                 lambda: svc.backup_now(clerk), lambda: svc.automatic_backup(clerk),
                 lambda: svc.update_settings(clerk, interval_hours=1, keep=1),
                 lambda: svc.check_file(clerk, good_backup),
                 lambda: svc.restore(clerk, good_backup)):
        with pytest.raises(PermissionDenied):
            call()
    assert _users(live) == {"admin", "sara", "late"}


def test_every_public_method_is_in_the_matrix_for_administrators_only() -> None:
    import inspect

    from makarem_desk.permissions import MATRIX, InstallationRole

    public = [n for n, f in inspect.getmembers(BackupService, inspect.isfunction)
              if not n.startswith("_")]
    assert len(public) == 7
    for name in public:
        assert getattr(getattr(BackupService, name), "__guarded__", False), name
        rule = MATRIX[f"BackupService.{name}"]
        assert all(rule[inst] == frozenset({Role.ADMINISTRATOR})  # type: ignore[index]
                   for inst in InstallationRole), name


def test_postgresql_is_pointed_to_pg_dump(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://desk@db.example/makarem"
    assert main(["--db", url, "restore", "x.dump"]) == 1
    err = capsys.readouterr().err
    assert "pg_restore --clean --if-exists --no-owner --dbname='postgresql://desk@db.example/" \
           "makarem' makarem.dump" in err and "pg_dump --format=custom" in err


@pytest.mark.pg
def test_postgresql_backup_is_refused_with_pg_dump(pg_db: Database) -> None:
    svc = BackupService(pg_db)
    with pytest.raises(UserError, match="pg_dump"):
        svc.backup_now(SYSTEM)
    assert svc.automatic_backup(SYSTEM, at_start=True) is None


# -- restoring -----------------------------------------------------------------------------
def test_restore_swaps_in_the_backup_and_keeps_the_replaced_file(
        live: Database, good_backup: Path) -> None:
    path = live.sqlite_path
    assert path is not None and Path(f"{path}-wal").exists()  # the old file is in WAL use
    result = BackupService(live).restore(SYSTEM, good_backup)
    assert _users(live) == {"admin", "sara"}
    assert result.replaced is not None and result.facts.site_id == "RYD1"
    # The replaced file is whole by itself: its write-ahead log was folded in first.
    assert _users_in(result.replaced) == {"admin", "sara", "late"}
    assert not Path(f"{result.replaced}-wal").exists()
    assert not list(path.parent.glob(".*partial"))
    [event] = _actions(live, "database_restored")
    assert event.details["file"] == str(good_backup) and event.site_id == "RYD1"
    with live.reader() as s:
        assert verify_chain(s).ok
    assert good_backup.exists()  # the backup itself is left as it was


def _refusals(db: Database) -> list[str]:
    return [e.details["reason"] for e in _actions(db, "restore_refused")]


def _assert_untouched(db: Database) -> None:
    path = db.sqlite_path
    assert path is not None
    db.dispose()
    assert quick_check(path, immutable=False) is None
    assert _users(db) == {"admin", "sara", "late"}
    assert not list(path.parent.glob(".*partial")) and not list(path.parent.glob("*replaced*"))


def _corrupt(src: Path, dest: Path) -> Path:
    dest.write_bytes(src.read_bytes())
    _damage(dest)
    return dest


def _truncated(src: Path, dest: Path) -> Path:
    data = src.read_bytes()
    dest.write_bytes(data[: len(data) // 2])
    return dest


def _not_sqlite(src: Path, dest: Path) -> Path:
    dest.write_text("name,phone\nأحمد,0550000000\n" * 200, encoding="utf-8")
    return dest


def _foreign_sqlite(src: Path, dest: Path) -> Path:
    with closing(sqlite3.connect(dest)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (zeroblob(5000))")
        conn.commit()
    return dest


def _newer_schema(src: Path, dest: Path) -> Path:
    dest.write_bytes(src.read_bytes())
    with closing(sqlite3.connect(dest)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
        conn.commit()
    return dest


@pytest.mark.parametrize(("make", "why"), [
    (_corrupt, "damaged or not a database"),
    (_truncated, "damaged or not a database"),
    (_not_sqlite, "damaged or not a database"),
    (_foreign_sqlite, "not a Makarem Desk database"),
    (_newer_schema, "made by a newer version"),
])
def test_restore_refuses_a_bad_file_before_anything_changes(
        live: Database, good_backup: Path, tmp_path: Path, make, why: str) -> None:  # type: ignore[no-untyped-def]
    bad = make(good_backup, tmp_path / "bad.sqlite3")
    svc = BackupService(live)
    with pytest.raises(UserError, match=why) as refused:
        svc.restore(SYSTEM, bad)
    assert refused.value.message.startswith("Nothing was changed")
    _assert_untouched(live)
    [reason] = _refusals(live)
    assert why in reason and str(bad) in reason


def test_restore_refuses_another_installation_unless_told(
        live: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = _install(tmp_path / "other" / "makarem.sqlite3", site="JED2")
    theirs = BackupService(other).backup_now(SYSTEM).path
    other.dispose()
    _add_user(live, "late")
    url = str(live.url)
    assert main(["--db", url, "restore", str(theirs)]) == 1
    err = capsys.readouterr().err
    assert "belongs to the installation JED2, not to this one (RYD1)" in err
    assert "--other-installation" in err
    _assert_untouched(live)
    assert main(["--db", url, "restore", "--check", "--other-installation", str(theirs)]) == 0
    assert "installation JED2" in capsys.readouterr().out
    live.dispose()  # as if this test's process had closed its window
    assert main(["--db", url, "restore", "--other-installation", str(theirs)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "kept as" in out
    live.forget_installation()
    assert live.site_id == "JED2" and _users(live) == {"admin"}
    assert len(_refusals(live)) == 0  # the refusal was recorded in RYD1's trail, kept aside


def test_restore_refuses_a_file_copied_while_in_use(live: Database, tmp_path: Path) -> None:
    src = live.sqlite_path
    assert src is not None
    hot = tmp_path / "hot.sqlite3"
    hot.write_bytes(src.read_bytes())
    Path(f"{hot}-wal").write_bytes(Path(f"{src}-wal").read_bytes())
    _add_user(live, "late")
    with pytest.raises(UserError, match="copied while in use"):
        BackupService(live).restore(SYSTEM, hot)
    _assert_untouched(live)


def test_restore_refuses_while_another_connection_is_reading(
        live: Database, good_backup: Path) -> None:
    path = live.sqlite_path
    assert path is not None
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM user_account").fetchone()
        with pytest.raises(UserError, match="in use"):
            BackupService(live).restore(SYSTEM, good_backup)
        other.execute("COMMIT")
    assert _users(live) == {"admin", "sara", "late"}
    assert not list(path.parent.glob(".*partial"))


def test_restore_onto_a_new_pc(good_backup: Path, tmp_path: Path) -> None:
    new = Database(f"sqlite:///{tmp_path / 'new' / 'makarem.sqlite3'}", passwords=FAST_PASSWORDS)
    try:
        result = BackupService(new).restore(SYSTEM, good_backup)
        assert result.replaced is None and _users(new) == {"admin", "sara"}
        assert new.site_id == "RYD1" and len(_actions(new, "database_restored")) == 1
    finally:
        new.dispose()


def _first_release_file(path: Path, *extra_sql: str) -> Path:
    from makarem_desk.migrate import run_upgrade

    old = Database(f"sqlite:///{path}")
    run_upgrade(old.engine, "0001")
    with old.session() as s:
        s.execute(text("INSERT INTO site (id, name, association_name, association_name_en, "
                       "is_local, role, settings, created_at) VALUES ('RYD1', 'x', 'x', 'x', "
                       "1, 'site', '{}', '2026-01-01 00:00:00')"))
        for sql in extra_sql:
            s.execute(text(sql))
    old.dispose()
    return path


def test_restore_of_an_older_schema_brings_it_up_to_date(live: Database, tmp_path: Path) -> None:
    from makarem_desk.migrate import head_revision

    result = BackupService(live).restore(SYSTEM, _first_release_file(tmp_path / "old.sqlite3"))
    assert result.facts.revision == "0001" and result.upgraded_from == "0001"
    assert live.current_revision() == head_revision()
    assert len(_actions(live, "database_restored")) == 1


def test_an_older_file_that_cannot_be_upgraded_is_refused(live: Database, tmp_path: Path) -> None:
    _add_user(live, "late")
    # A table in the way of a later migration: the upgrade of the staged copy fails.
    odd = _first_release_file(tmp_path / "odd.sqlite3", "CREATE TABLE beneficiary_fts (x)")
    with pytest.raises(UserError, match="could not be brought up to this version's schema"):
        BackupService(live).restore(SYSTEM, odd)
    _assert_untouched(live)
    assert len(_refusals(live)) == 1


# -- killed at every step --------------------------------------------------------------------
KILL_SCRIPT = """
import os, sys
from pathlib import Path
from makarem_desk.backups import BackupService
from makarem_desk.db import Database
from makarem_desk.services.actor import SYSTEM

url, source, step = sys.argv[1:4]
def on_step(name):
    if name == step:
        os._exit(9)  # as abrupt as a power cut: no clean-up runs
BackupService(Database(url), on_step=on_step).restore(SYSTEM, Path(source))
"""
STEPS_BEFORE_SWAP = ["copying", "staged", "checked", "prepared", "checkpointed", "kept",
                     "side-files"]


def _padded(backup: Path) -> Path:
    """Make the backup bigger than one copy chunk, so a kill lands in the middle of it."""
    with closing(sqlite3.connect(backup)) as conn:
        conn.execute("CREATE TABLE padding (b BLOB)")
        conn.execute("INSERT INTO padding VALUES (randomblob(3000000))")
        conn.commit()
    return backup


@pytest.mark.parametrize("step", [*STEPS_BEFORE_SWAP, "replaced"])
def test_a_restore_killed_at_any_step_leaves_one_whole_database(
        live: Database, good_backup: Path, step: str) -> None:
    _padded(good_backup)
    path = live.sqlite_path
    assert path is not None
    live.dispose()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(live.url), str(good_backup),
                           step], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    assert quick_check(path, immutable=False) is None
    expected = {"admin", "sara"} if step == "replaced" else {"admin", "sara", "late"}
    assert _users(live) == expected
    # The next start-up check passes and the next restore clears what the killed one left.
    startup_check(live)
    BackupService(live).restore(SYSTEM, good_backup)
    assert _users(live) == {"admin", "sara"}
    assert not list(path.parent.glob(".*partial"))


# -- the start-up check ----------------------------------------------------------------------
def test_a_damaged_database_is_refused_at_start_naming_the_backup_to_restore(
        live: Database, good_backup: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = live.sqlite_path
    assert path is not None
    older = BackupService(live, clock=lambda: T0).backup_now(SYSTEM).path
    live.dispose()
    _damage(good_backup)  # the newest backup is damaged too
    _damage(path)
    url = str(live.url)
    assert main(["--db", url, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "is damaged (SQLite quick_check" in err and "Nothing was changed" in err
    assert f'The newest good backup is {older}' in err
    assert f'makarem-desk --db "{url}" restore "{older}"' in err
    # The way forward it names works, on the damaged file, and keeps that file aside.
    assert main(["--db", url, "restore", str(older)]) == 0
    assert "kept as" in capsys.readouterr().out
    db = open_database(type("Args", (), {"db": url})())
    try:
        assert _users(db) == {"admin", "sara", "late"}
    finally:
        db.dispose()


def test_a_damaged_database_without_backups_says_so(tmp_path: Path) -> None:
    db = _install(tmp_path / "makarem.sqlite3")
    db.dispose()
    _damage(tmp_path / "makarem.sqlite3")
    with pytest.raises(UserError, match="No good backup was found") as refused:
        startup_check(db)
    assert "تالف" in refused.value.message_ar
