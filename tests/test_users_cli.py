"""``users …``: staff accounts administered from the command line (issue 9)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from makarem_desk.cli import main, users_cmds
from makarem_desk.db import Database
from makarem_desk.errors import UserError
from makarem_desk.models import AuditEvent, Role
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.auth import AuthService
from makarem_desk.services.setup import SetupInput, SetupService

ADMIN_PW = "admin-pass-1"


@pytest.fixture
def db(blank_db: Database) -> Database:
    """Set up below through the service, as the first run does."""
    return blank_db


@pytest.fixture
def url(db: Database, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv(users_cmds.PASSWORD_ENV, raising=False)
    SetupService(db).complete(SetupInput(
        site_code="RYD1", association_name="جمعية مكارم", association_name_en="Makarem",
        admin_username="admin", admin_full_name="مدير النظام", admin_password=ADMIN_PW))
    return db.url.render_as_string(hide_password=False)


def run(url: str, *argv: str) -> int:
    return main(["--db", url, "users", *argv])


def pw_file(tmp_path: Path, password: str) -> str:
    path = tmp_path / "pw.txt"
    path.write_text(password + "\n", encoding="utf-8")
    return str(path)


def users(db: Database) -> dict[str, tuple[str, bool]]:
    return {u.username: (u.role.value, u.active) for u in AuthService(db).list_users(SYSTEM)}


def events(db: Database, action: str) -> list[SimpleNamespace]:
    with db.reader() as s:
        return [SimpleNamespace(username=e.username, details=e.details,
                                before=e.details.get("before"), after=e.details.get("after"))
                for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action))]


def test_add_then_list(db: Database, url: str, tmp_path: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "add", "Reem", "--name", "ريم  الدوسري", "--role", "receptionist",
               "--language", "en", "--password-file", pw_file(tmp_path, "reem-pass-1")) == 0
    assert "Created reem (receptionist)" in capsys.readouterr().out
    assert AuthService(db).login("reem", "reem-pass-1").full_name == "ريم الدوسري"
    assert run(url, "list", "--json") == 0
    listed = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert set(listed) == {"admin", "reem"}
    assert listed["reem"]["role"] == "receptionist" and listed["reem"]["language"] == "en"
    assert listed["reem"]["active"] is True and listed["reem"]["last_login_at"]
    assert run(url, "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("reem\treceptionist\ten\tactive\tريم الدوسري") for line in lines)
    [created] = [e for e in events(db, "user_created") if e.details["username"] == "reem"]
    assert created.username == "admin"  # the command line acts for the administrator


def test_password_from_the_environment_and_taken_names(
        db: Database, url: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(users_cmds.PASSWORD_ENV, "sara-pass-1")
    assert run(url, "add", "sara", "--name", "سارة", "--role", "social_researcher") == 0
    assert AuthService(db).login("sara", "sara-pass-1").role is Role.SOCIAL_RESEARCHER
    capsys.readouterr()
    assert run(url, "add", "sara", "--name", "سارة", "--role", "receptionist") == 1
    assert "is taken" in capsys.readouterr().err


def test_disable_and_enable(db: Database, url: str, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "add", "reem", "--name", "ريم", "--role", "receptionist",
               "--password-file", pw_file(tmp_path, "reem-pass-1")) == 0
    assert run(url, "disable", "reem") == 0
    assert "can no longer sign in" in capsys.readouterr().out
    assert users(db)["reem"] == ("receptionist", False)
    with pytest.raises(UserError):
        AuthService(db).login("reem", "reem-pass-1")
    assert run(url, "disable", "REEM") == 0  # already: says so, changes nothing
    assert "already disabled" in capsys.readouterr().out
    assert run(url, "enable", "reem") == 0
    assert AuthService(db).login("reem", "reem-pass-1").username == "reem"
    [off] = events(db, "user_disabled")
    assert off.before == {"active": True} and off.after == {"active": False}
    assert len(events(db, "user_enabled")) == 1


def test_reset_password_lifts_the_lock_out(db: Database, url: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    auth = AuthService(db)
    for _ in range(6):
        with pytest.raises(UserError):
            auth.login("admin", "wrong-password")
    assert run(url, "reset-password", "admin",
               "--password-file", pw_file(tmp_path, "fresh-pass-9")) == 0
    assert "lock-out" in capsys.readouterr().out
    assert auth.login("admin", "fresh-pass-9").username == "admin"
    with pytest.raises(UserError):
        auth.login("admin", ADMIN_PW)


def test_set_role_is_audited_before_and_after(db: Database, url: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "add", "reem", "--name", "ريم", "--role", "receptionist",
               "--password-file", pw_file(tmp_path, "reem-pass-1")) == 0
    assert run(url, "set-role", "reem", "Committee_Member") == 0
    assert "receptionist -> committee_member" in capsys.readouterr().out
    assert users(db)["reem"] == ("committee_member", True)
    [changed] = events(db, "user_role_changed")
    assert changed.before == {"role": "receptionist"}
    assert changed.after == {"role": "committee_member"}
    assert run(url, "set-role", "reem", "committee_member") == 0  # nothing to do
    assert "already committee_member" in capsys.readouterr().out
    assert len(events(db, "user_role_changed")) == 1


def test_a_wrong_role_name_is_a_usage_error(url: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (("set-role", "admin", "boss"),
                 ("add", "reem", "--name", "ريم", "--role", "clerk",
                  "--password-file", pw_file(tmp_path, "reem-pass-1"))):
        with pytest.raises(SystemExit) as exc:
            run(url, *argv)
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert "invalid choice" in err and "receptionist" in err and "Traceback" not in err


def test_an_unknown_user_is_named(db: Database, url: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (("disable", "ghost"), ("enable", "ghost"), ("set-role", "ghost", "receptionist"),
                 ("reset-password", "ghost")):
        assert run(url, *argv) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: There is no user named 'ghost'") and "Traceback" not in err
    assert set(users(db)) == {"admin"}


def test_the_last_active_administrator_is_kept(db: Database, url: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "disable", "admin") == 1  # the command acts for admin: their own account
    assert "cannot disable your own account" in capsys.readouterr().err
    assert run(url, "set-role", "admin", "receptionist") == 1
    assert "last active administrator" in capsys.readouterr().err
    assert users(db)["admin"] == ("administrator", True)
    # With a second administrator either of them may step down.
    assert run(url, "add", "nora", "--name", "نورة", "--role", "administrator",
               "--password-file", pw_file(tmp_path, "nora-pass-1")) == 0
    assert run(url, "set-role", "admin", "receptionist") == 1  # two of them: who acts?
    assert "--by USERNAME" in capsys.readouterr().err
    assert run(url, "set-role", "admin", "receptionist", "--by", "nora") == 0
    assert run(url, "disable", "nora") == 1  # now nora is the last one
    assert users(db) == {"admin": ("receptionist", True), "nora": ("administrator", True)}


def test_a_short_password_is_refused_wherever_it_comes_from(
        db: Database, url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "add", "reem", "--name", "ريم", "--role", "receptionist",
               "--password-file", pw_file(tmp_path, "short")) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    monkeypatch.setenv(users_cmds.PASSWORD_ENV, "short")
    assert run(url, "reset-password", "admin") == 1
    assert "at least 8 characters" in capsys.readouterr().err
    monkeypatch.delenv(users_cmds.PASSWORD_ENV)
    asked: list[str] = []
    monkeypatch.setattr(users_cmds.getpass, "getpass",
                        lambda prompt: asked.append(prompt) or "short")
    assert run(url, "add", "reem", "--name", "ريم", "--role", "receptionist") == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert len(asked) == 1  # refused at once, not after typing it twice
    assert set(users(db)) == {"admin"}
    assert AuthService(db).login("admin", ADMIN_PW).username == "admin"


def test_password_asked_twice(db: Database, url: str, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    answers = ["first-pass-1", "other-pass-2"]
    monkeypatch.setattr(users_cmds.getpass, "getpass", lambda prompt: answers.pop(0))
    assert run(url, "add", "reem", "--name", "ريم", "--role", "receptionist") == 1
    err = capsys.readouterr().err
    assert "The two passwords differ; nothing was changed." in err and "Traceback" not in err
    assert set(users(db)) == {"admin"}
    answers[:] = ["new-pass-123", "new-pass-123"]
    assert run(url, "reset-password", "admin") == 0
    assert AuthService(db).login("admin", "new-pass-123").username == "admin"

    def no_terminal(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr(users_cmds.getpass, "getpass", no_terminal)
    assert run(url, "reset-password", "admin") == 1
    assert "--password-file" in capsys.readouterr().err


def test_nothing_is_written_before_the_set_up(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'blank.sqlite3'}"
    assert main(["--db", url, "users", "add", "reem", "--name", "ريم", "--role",
                 "receptionist", "--password-file", pw_file(tmp_path, "reem-pass-1")]) == 1
    assert "not set up yet" in capsys.readouterr().err
    assert main(["--db", url, "users", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
