"""Nothing is written before the set-up; the command line acts as a real member of staff
(``--by``); ``demo`` on a database never set up makes it a training installation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from db_support import add_user
from interview_support import person, script
from sqlalchemy import func, or_, select

from makarem_desk.cli import main
from makarem_desk.db import Database, NotSetUp
from makarem_desk.models import (
    TRAVELLING_MODELS,
    AuditEvent,
    Beneficiary,
    Contact,
    Declaration,
    IdentityType,
    Role,
    Site,
    User,
)
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.auth import AuthService
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService

NOT_SET_UP = "This installation is not set up yet: finish the set-up in the window or run " \
             "`makarem-desk setup"


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(db: Database) -> int:
    """Every record of every table a batch carries, plus sites and users."""
    with db.reader() as s:
        n = sum(int(s.scalar(select(func.count()).select_from(m)) or 0)
                for m in (*TRAVELLING_MODELS, Site, User))
    return n


def _under_placeholder(db: Database) -> int:
    with db.reader() as s:
        return sum(int(s.scalar(select(func.count()).select_from(m)
                                .where(or_(m.site_id == "LOCAL", m.site_id == ""))) or 0)
                   for m in TRAVELLING_MODELS)


def _writing_commands(tmp: Path) -> dict[str, list[str]]:
    csv = tmp / "people.csv"
    csv.write_text("national_id,first_name,family_name,gender\n1000000008,محمد,الغامدي,ذكر\n",
                   encoding="utf-8")
    steps = tmp / "steps.json"
    steps.write_text(json.dumps(script("VOL-EVENTS"), ensure_ascii=False), encoding="utf-8")
    keys = str(tmp / "keys")
    return {
        "programs load": ["programs", "load"],
        "beneficiary_registered": ["beneficiary", "register", "--first-name", "محمد",
                                 "--family-name", "الغامدي", "--identity-number", "1000000008",
                                 "--gender", "ذكر"],
        "import-beneficiaries": ["import-beneficiaries", str(csv)],
        "interview run": ["interview", "run", "--script", str(steps)],
        "declaration": ["declaration", "--national-id", "1000000008", "--record",
                        "--out", str(tmp / "d.pdf")],
        "print-decision --send": ["print-decision", "--reference", "RYD1-2026-000001",
                                  "--send", "--out", str(tmp / "l.pdf")],
        "print-decisions --send": ["print-decisions", "--since", "2026-01-01", "--send",
                                   "--out", str(tmp / "ls.pdf")],
        "keys init": ["keys", "init", "--keys-dir", keys],
        "keys trust": ["keys", "trust", str(tmp / "peer.pub.json"), "--role", "committee"],
        "export": ["export", "--out", str(tmp), "--keys-dir", keys],
        "import": ["import", str(tmp / "batch.mkb"), "--keys-dir", keys],
        "decide": ["decide", "RYD1-2026-000001", "--accept", "--reason", "مستوفٍ"],
    }


COMMANDS = ["programs load", "beneficiary_registered", "import-beneficiaries", "interview run",
            "declaration", "print-decision --send", "print-decisions --send", "keys init",
            "keys trust", "export", "import", "decide"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_writing_command_refuses_before_set_up(command: str, blank_db: Database,
                                                     tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MAKAREM_PASSPHRASE", "a long passphrase")
    commands = _writing_commands(tmp_path)
    assert sorted(commands) == sorted(COMMANDS)
    argv = commands[command]
    code, out, err = _run(capsys, "--db", _url(blank_db), *argv)
    assert code == 1, (out, err)
    assert NOT_SET_UP in err and "Traceback" not in err
    assert _rows(blank_db) == 0
    assert not (tmp_path / "keys").exists()


def test_no_record_can_be_flushed_under_a_placeholder(any_blank_db: Database) -> None:
    """The rule is held by the database layer, whichever service or import writes."""
    db = any_blank_db
    with pytest.raises(NotSetUp) as refused, db.session() as s:
        s.add(Beneficiary(first_name="زكريا", identity_type=IdentityType.NONE))
    assert "لم يُجهَّز" in refused.value.message_ar
    with pytest.raises(NotSetUp):
        BeneficiaryService(db).register(SYSTEM, BeneficiaryInput(**person()))
    assert _rows(db) == 0


def test_set_up_adopts_rows_an_older_release_saved_as_local(blank_db: Database) -> None:
    """Rows an earlier release saved under "LOCAL" before set-up get the site's code and
    new change numbers, so that the next batch carries them."""
    from sqlalchemy import insert, update

    from makarem_desk.models import ChangeCounter
    from makarem_desk.services.setup import SetupInput, SetupService

    with blank_db.engine.begin() as conn:
        conn.execute(update(ChangeCounter).values(value=7))
        conn.execute(insert(Beneficiary.__table__).values(
            id=__import__("uuid").uuid4(), site_id="LOCAL", version=1, change_seq=3,
            first_name="قديم", identity_type=IdentityType.NONE, search_key="قديم", extra={}))
    SetupService(blank_db).complete(SetupInput(
        site_code="RYD1", association_name="جمعية", association_name_en="Association",
        admin_username="admin", admin_full_name="مدير", admin_password="admin-pass-1"))
    with blank_db.reader() as s:
        b = s.scalars(select(Beneficiary)).one()
        assert (b.site_id, b.change_seq) == ("RYD1", 10)
        assert s.get(ChangeCounter, 1).value == 10  # type: ignore[union-attr]
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "setup")).one()
        assert event.details["adopted"] == {"beneficiary": 1}
    assert _under_placeholder(blank_db) == 0


def test_migration_adopts_local_rows_of_a_database_already_set_up(tmp_path: Path) -> None:
    import uuid

    from sqlalchemy import insert, update

    from makarem_desk.migrate import run_upgrade
    from makarem_desk.models import ChangeCounter

    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    run_upgrade(db.engine, "0003")
    with db.engine.begin() as conn:
        conn.execute(insert(Site.__table__).values(id="RYD1", name="x", is_local=True,
                                                   role="site", association_name="",
                                                   association_name_en="", settings={}))
        conn.execute(update(ChangeCounter).values(value=20))
        for seq, site in ((4, "LOCAL"), (12, "RYD1")):
            conn.execute(insert(Beneficiary.__table__).values(
                id=uuid.uuid4(), site_id=site, version=1, change_seq=seq, first_name="س",
                identity_type=IdentityType.NONE, search_key="س", extra={}))
    db.upgrade(backup=False)
    with db.reader() as s:
        assert sorted(s.execute(select(Beneficiary.site_id, Beneficiary.change_seq)).all()) == [
            ("RYD1", 12), ("RYD1", 24)]
        assert s.get(ChangeCounter, 1).value == 24  # type: ignore[union-attr]
    db.dispose()


# -- --by ----------------------------------------------------------------------------------

REGISTER = ["beneficiary", "register", "--first-name", "نورة", "--father-name", "سعد",
            "--family-name", "الدوسري", "--identity-number", "1000000008", "--gender", "أنثى",
            "--phone", "0551234567"]


def test_commands_act_for_the_user_named_by_by(db: Database, capsys) -> None:  # type: ignore[no-untyped-def]
    url = _url(db)
    add_user(db, "reem", "ريم الدوسري", Role.RECEPTIONIST)
    add_user(db, "old", "موظف سابق", Role.RECEPTIONIST, active=False)
    code, _, err = _run(capsys, "--db", url, *REGISTER, "--by", "ghost")
    assert code == 1 and "--by ghost: no user has this user name" in err
    code, _, err = _run(capsys, "--db", url, *REGISTER, "--by", "old")
    assert code == 1 and "--by old: this user is disabled" in err
    assert _run(capsys, "--db", url, "--by", "Reem", *REGISTER)[0] == 0  # before the command
    with db.reader() as s:
        event = s.scalars(select(AuditEvent)
                          .where(AuditEvent.action == "beneficiary_registered")).one()
        reem = s.scalars(select(User).where(User.username == "reem")).one()
        assert (event.username, event.user_id) == ("reem", reem.id)
        assert s.scalars(select(Beneficiary.site_id)).one() == "TST1"


def test_default_is_the_only_administrator_else_by_is_asked_for(db: Database, capsys) -> None:  # type: ignore[no-untyped-def]
    url = _url(db)
    assert _run(capsys, "--db", url, *REGISTER)[0] == 0
    with db.reader() as s:
        assert s.scalars(select(AuditEvent.username)
                         .where(AuditEvent.action == "beneficiary_registered")).one() == "admin"
    add_user(db, "admin2", "مدير ثان", Role.ADMINISTRATOR)
    code, _, err = _run(capsys, "--db", url, "programs", "load")
    assert code == 1 and "2 active administrators" in err and "--by USERNAME" in err


def test_the_role_of_the_user_named_by_by_applies(db: Database, tmp_path: Path, capsys,
                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_user(db, "reem", "ريم الدوسري", Role.RECEPTIONIST)
    monkeypatch.setenv("MAKAREM_PASSPHRASE", "a long passphrase")
    code, _, err = _run(capsys, "--db", _url(db), "keys", "init", "--by", "reem",
                        "--keys-dir", str(tmp_path / "keys"))
    assert code == 1 and ("not allowed" in err or "may not do this" in err)
    assert not (tmp_path / "keys").exists()


def test_an_interview_from_the_command_line_is_witnessed_by_a_person(db: Database,
                                                                     tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    add_user(db, "reem", "ريم الدوسري", Role.RECEPTIONIST)
    steps = tmp_path / "steps.json"
    steps.write_text(json.dumps(script("VOL-EVENTS"), ensure_ascii=False), encoding="utf-8")
    code, out, err = _run(capsys, "--db", _url(db), "interview", "run", "--by", "reem",
                          "--script", str(steps), "--today", "2026-11-29")
    assert code == 0, err
    assert json.loads(out.splitlines()[-1])["path"] == "submitted"
    with db.reader() as s:
        reem = s.scalars(select(User).where(User.username == "reem")).one()
        decl = s.scalars(select(Declaration)).one()
        assert (decl.witness_name, decl.witness_user_id) == ("ريم الدوسري", reem.id)
        assert set(s.scalars(select(Contact.staff_name))) == {"ريم الدوسري"}
        names = set(s.scalars(select(AuditEvent.username)))
    assert "cli" not in names  # not a made-up actor


# -- demo on a database never set up ------------------------------------------------------

def test_demo_sets_a_blank_database_up_for_training(blank_db: Database, capsys,
                                                    monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("MAKAREM_ADMIN_PASSWORD", raising=False)
    url = _url(blank_db)
    code, out, err = _run(capsys, "--db", url, "demo", "--beneficiaries", "20")
    assert code == 0, err
    assert "Added 20 beneficiary" in out and "TRAINING installation TRN1" in err
    password = err.split("with the password ", 1)[1].split(".", 1)[0].strip()
    assert AuthService(blank_db).login("trainer", password).role is Role.ADMINISTRATOR
    with blank_db.reader() as s:
        site = s.scalars(select(Site).where(Site.is_local.is_(True))).one()
        assert site.id == "TRN1" and site.settings == {"training": True}
        assert "تدريب" in site.association_name and "Training" in site.association_name_en
        assert set(s.scalars(select(Beneficiary.site_id))) == {"TRN1"}
    code, out, _ = _run(capsys, "--db", url, "installation")
    assert code == 0 and "TRAINING" in out
    code, _, err = _run(capsys, "--db", url, *REGISTER)
    assert code == 0 and "TRN1 is a TRAINING installation" in err
    # Set up now: a second demo run adds to it, and nothing is set up again.
    code, _, err = _run(capsys, "--db", url, "demo", "--beneficiaries", "5", "--force")
    assert code == 0 and "not set up" not in err
    assert _under_placeholder(blank_db) == 0


def test_demo_takes_the_training_password_when_given(blank_db: Database, capsys,
                                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MAKAREM_ADMIN_PASSWORD", "training-pass-1")
    code, _, err = _run(capsys, "--db", _url(blank_db), "demo", "--beneficiaries", "3")
    assert code == 0 and "with the password given" in err and "training-pass-1" not in err
    assert AuthService(blank_db).login("trainer", "training-pass-1").username == "trainer"


def test_backup_names_the_person_and_a_new_pc_is_restored_without_one(db: Database,
                                                                      tmp_path: Path,
                                                                      capsys) -> None:  # type: ignore[no-untyped-def]
    from db_support import sqlite_database

    add_user(db, "reem", "ريم الدوسري", Role.RECEPTIONIST)
    copy = tmp_path / "copy.sqlite3"
    code, _, err = _run(capsys, "--db", _url(db), "backup", "--out", str(copy), "--by", "reem")
    assert code == 1 and "may not do this" in err and not copy.exists()
    assert _run(capsys, "--db", _url(db), "backup", "--out", str(copy))[0] == 0
    with db.reader() as s:
        made = s.scalars(select(AuditEvent).where(AuditEvent.action == "backup_made")).one()
        assert made.username == "admin"
    # A new PC, never set up: nobody can be looked up there, yet its data comes back.
    (tmp_path / "new").mkdir()
    sqlite_database(tmp_path / "new" / "makarem.sqlite3", site_id=None).dispose()
    new_url = f"sqlite:///{tmp_path / 'new' / 'makarem.sqlite3'}"
    code, out, err = _run(capsys, "--db", new_url, "restore", str(copy))
    assert code == 0, err
    assert "installation TST1" in out
    restored = Database(new_url)
    assert restored.site_id == "TST1"
    restored.dispose()
