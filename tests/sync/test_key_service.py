"""KeyService: what the Keys screen and `makarem-desk keys …` share — keys made for the
installation role chosen at set-up, the public key file, trusting a peer, all audited."""

from __future__ import annotations

import json

import pytest
from db_support import sqlite_database
from sqlalchemy import select

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied
from makarem_desk.models import AuditEvent, Role
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.sync import KeyStore, SyncError
from makarem_desk.sync.key_service import KeyService

CLERK = Actor(None, "sara", "سارة", Role.RECEPTIONIST)
PASS = "a-long-passphrase"


def _installation(tmp_path, site: str, role: str) -> Database:  # type: ignore[no-untyped-def]
    return sqlite_database(tmp_path / (site + ".sqlite3"), site, role)  # set up, as at first run


def _actions(db: Database) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    with db.reader() as s:
        return [(e.action, e.details) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.at))]


def test_keys_carry_the_installation_role_and_are_audited(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = _installation(tmp_path, "COM1", "committee")
    svc = KeyService(db, KeyStore(tmp_path / "keys"))
    with pytest.raises(PermissionDenied):
        svc.create_keys(CLERK, passphrase=PASS)
    with pytest.raises(SyncError, match="set up as a committee installation"):
        svc.create_keys(SYSTEM, passphrase=PASS, role="site")
    assert svc.overview(SYSTEM).own is None
    public = svc.create_keys(SYSTEM, passphrase=PASS)
    assert public.role == "committee" and public.site_id == "COM1"
    out = tmp_path / "COM1.pub.json"
    assert svc.export_public(SYSTEM, out).fingerprint == public.fingerprint
    assert json.loads(out.read_text(encoding="utf-8"))["role"] == "committee"
    actions = _actions(db)
    assert actions[0] == ("keys_created", {"role": "committee",
                                           "fingerprint": public.fingerprint})
    assert actions[1][0] == "public_key_exported" and actions[1][1]["file"] == out.name
    overview = svc.overview(SYSTEM)
    assert overview.own == public and overview.role == "committee" and overview.peers == []
    with pytest.raises(PermissionDenied):
        svc.overview(CLERK)
    db.dispose()


def test_trusting_a_peer_checks_role_and_site_before_asking(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = _installation(tmp_path, "RYD1", "site")
    svc = KeyService(db, KeyStore(tmp_path / "ryd1-keys"))
    own = svc.create_keys(SYSTEM, passphrase=PASS)
    own_file = tmp_path / "RYD1.pub.json"
    svc.export_public(SYSTEM, own_file)
    committee = KeyStore(tmp_path / "com1-keys").init(site_id="COM1", role="committee",
                                                     name="لجنة البحث", passphrase=PASS)
    peer_file = tmp_path / "COM1.pub.json"
    peer_file.write_text(json.dumps(committee.to_json()), encoding="utf-8")

    with pytest.raises(SyncError, match="is for a committee installation, not a site"):
        svc.read_peer_file(SYSTEM, peer_file, role="site")
    with pytest.raises(SyncError, match="own site code"):
        svc.read_peer_file(SYSTEM, own_file, role="site")
    with pytest.raises(PermissionDenied):
        svc.read_peer_file(CLERK, peer_file, role="committee")
    assert svc.read_peer_file(SYSTEM, peer_file, role="committee").fingerprint == \
        committee.fingerprint
    assert svc.overview(SYSTEM).peers == []  # reading changes nothing

    result = svc.trust(SYSTEM, peer_file, role="committee")
    assert result.replaced is None
    assert [p.site_id for p in svc.overview(SYSTEM).peers] == ["COM1"]
    trusted = [d for a, d in _actions(db) if a == "peer_trusted"]
    assert trusted == [{"role": "committee", "before": {"fingerprint": None},
                        "after": {"fingerprint": committee.fingerprint}}]
    assert own.fingerprint != committee.fingerprint
    db.dispose()


def test_cli_keys_init_takes_the_role_from_setup(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = _installation(tmp_path, "COM1", "committee")
    url = str(db.url)
    pw = tmp_path / "pass"
    pw.write_text(PASS + "\n", encoding="utf-8")
    code = main(["--db", url, "keys", "init", "--role", "site", "--keys-dir",
                 str(tmp_path / "k"), "--passphrase-file", str(pw)])
    _, err = capsys.readouterr()
    assert code == 1 and "set up as a committee installation" in err
    code = main(["--db", url, "keys", "init", "--keys-dir", str(tmp_path / "k"),
                 "--passphrase-file", str(pw)])
    out, _ = capsys.readouterr()
    assert code == 0 and "COM1 (committee)" in out
    assert [a for a, _ in _actions(db)] == ["keys_created"]
    db.dispose()
