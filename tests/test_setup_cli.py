"""``makarem-desk setup`` and ``installation``: the first run without the window, and the
installation's role carried into its site row and its public key file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.models import AuditEvent, Site, User
from makarem_desk.services.auth import AuthService

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b9c6"
    "a80000000049454e44ae426082"
)
SETUP = ["setup", "--site-code", "com1", "--role", "committee",
         "--association", "جمعية مكارم الأخلاق", "--association-en", "Makarem Association",
         "--admin", "Mona", "--admin-name", "منى العمري"]


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _no_password_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAKAREM_ADMIN_PASSWORD", raising=False)


def test_setup_from_a_password_file_then_never_again(blank_db: Database, tmp_path: Path,
                                                      capsys) -> None:  # type: ignore[no-untyped-def]
    url = _url(blank_db)
    pw = tmp_path / "admin.pw"
    pw.write_text("كلمة سر طويلة\n", encoding="utf-8")  # UTF-8, the newline is not part of it
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG_1PX)
    code, out, err = _run(capsys, "--db", url, *SETUP, "--admin-password-file", str(pw),
                          "--logo", str(logo), "--site-name", "لجنة البحث")
    assert code == 0, err
    assert "Set up COM1 as the research committee" in out and "administrator: mona" in out
    with blank_db.reader() as s:
        site = s.scalars(select(Site).where(Site.is_local.is_(True))).one()
        assert (site.id, site.role, site.name, site.logo_png) == (
            "COM1", "committee", "لجنة البحث", PNG_1PX)
        assert site.association_name_en == "Makarem Association"
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "setup")).one()
        assert event.username == "mona" and event.details["role"] == "committee"
    assert str(blank_db.installation_role) == "committee"
    admin = AuthService(blank_db).login("mona", "كلمة سر طويلة")
    assert admin.full_name == "منى العمري"

    code, out, _ = _run(capsys, "--db", url, "installation")
    assert code == 0 and "COM1" in out and "committee (the research committee)" in out
    assert "TRAINING" not in out

    code, _, err = _run(capsys, "--db", url, *SETUP, "--admin-password-file", str(pw))
    assert code == 1 and "already set up" in err and "Traceback" not in err
    with blank_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1


def test_password_from_the_environment(blank_db: Database, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MAKAREM_ADMIN_PASSWORD", "env-password-1")
    code, _, err = _run(capsys, "--db", _url(blank_db), *SETUP[:4], "site", *SETUP[5:])
    assert code == 0, err
    assert AuthService(blank_db).login("mona", "env-password-1").username == "mona"
    with blank_db.reader() as s:
        assert s.scalars(select(Site.role)).one() == "site"


def test_password_asked_twice(blank_db: Database, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import getpass
    import sys

    answers = iter(["first-password", "other-password"])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda _prompt="": next(answers))
    code, _, err = _run(capsys, "--db", _url(blank_db), *SETUP)
    assert code == 1 and "The two passwords differ; nothing was set up" in err
    with blank_db.reader() as s:
        assert s.scalars(select(Site)).first() is None

    answers = iter(["same-password", "same-password"])
    assert _run(capsys, "--db", _url(blank_db), *SETUP)[0] == 0
    assert AuthService(blank_db).login("mona", "same-password").username == "mona"


def test_no_password_source_and_bad_input_are_plain_errors(blank_db: Database, tmp_path: Path,
                                                           capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import getpass
    import sys

    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    code, _, err = _run(capsys, "--db", _url(blank_db), *SETUP)
    assert code == 1 and "--admin-password-file" in err and "MAKAREM_ADMIN_PASSWORD" in err

    # What can be checked is checked before a password is asked for.
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda _p="": pytest.fail("asked for a password"))
    bad = list(SETUP)
    bad[bad.index("com1")] = "ري١"
    code, _, err = _run(capsys, "--db", _url(blank_db), *bad)
    assert code == 1 and "site code" in err
    logo = tmp_path / "logo.gif"
    logo.write_bytes(b"GIF89a")
    code, _, err = _run(capsys, "--db", _url(blank_db), *SETUP, "--logo", str(logo))
    assert code == 1 and "PNG" in err
    short = tmp_path / "short.pw"
    short.write_text("short\n", encoding="utf-8")
    code, _, err = _run(capsys, "--db", _url(blank_db), *SETUP, "--admin-password-file",
                        str(short))
    assert code == 1 and "at least" in err
    with pytest.raises(SystemExit) as usage:
        main(["--db", _url(blank_db), *SETUP[:4], "counter", *SETUP[5:]])
    assert usage.value.code == 2
    capsys.readouterr()
    code, _, err = _run(capsys, "--db", _url(blank_db), "installation")
    assert code == 1 and "not set up yet" in err
    with blank_db.reader() as s:
        assert s.scalars(select(Site)).first() is None


def test_the_public_key_file_carries_the_installation_role(blank_db: Database, tmp_path: Path,
                                                           capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = _url(blank_db)
    monkeypatch.setenv("MAKAREM_ADMIN_PASSWORD", "admin-pass-1")
    monkeypatch.setenv("MAKAREM_PASSPHRASE", "a long passphrase")
    assert _run(capsys, "--db", url, *SETUP)[0] == 0
    keys = str(tmp_path / "keys")
    code, _, err = _run(capsys, "--db", url, "keys", "init", "--role", "site", "--keys-dir", keys)
    assert code == 1 and "set up as a committee installation" in err
    code, out, err = _run(capsys, "--db", url, "keys", "init", "--keys-dir", keys)
    assert code == 0 and "COM1 (committee)" in out, err
    pub = tmp_path / "COM1.pub.json"
    assert _run(capsys, "keys", "export-public", "--keys-dir", keys, "--out", str(pub))[0] == 0
    data = json.loads(pub.read_text(encoding="utf-8"))
    assert data["site_id"] == "COM1" and data["role"] == "committee"
