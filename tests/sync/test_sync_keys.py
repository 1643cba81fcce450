"""Keys and trust: set-up order, replaced keys, public key files."""

from __future__ import annotations

import json

import pytest

from makarem_desk.db import Database
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import KeyStore, PublicIdentity, SyncError, SyncService


def test_keys_need_the_site_code_from_first_run_setup(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    db.upgrade(backup=False)
    svc = SyncService(db, KeyStore(tmp_path / "keys"))
    with pytest.raises(SyncError, match="first-run set-up"):
        svc.init_keys(SYSTEM, role="site", passphrase="long-enough-passphrase")
    assert not (tmp_path / "keys").exists()
    db.dispose()


def test_retrusting_a_site_with_new_keys_is_reported(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, _ = counter_and_committee
    old = counter.svc.peers(SYSTEM)[0]
    fresh = KeyStore(tmp_path / "fresh").init(site_id="COM1", role="committee", name="COM1",
                                             passphrase="a-new-passphrase")
    path = tmp_path / "fresh.pub.json"
    path.write_text(json.dumps(fresh.to_json()))
    counter.svc.trust(SYSTEM, path, role="committee")
    assert counter.svc.replaced is not None
    assert counter.svc.replaced.fingerprint == old.fingerprint != fresh.fingerprint
    assert counter.svc.peers(SYSTEM)[0].fingerprint == fresh.fingerprint
    counter.svc.trust(SYSTEM, path, role="committee")  # the same keys again: nothing to say
    assert counter.svc.replaced is None


def test_public_key_file_checks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}')
    with pytest.raises(SyncError, match="not a Makarem Desk public key file"):
        PublicIdentity.read(bad)
    bad.write_text("not json")
    with pytest.raises(SyncError, match="not a Makarem Desk public key file"):
        PublicIdentity.read(bad)
    bad.write_text(json.dumps({"format": "makarem-desk-public-keys/1", "site_id": "X",
                               "role": "site", "ed25519_public": "AAAA",
                               "age_recipient": "age1nope"}))
    with pytest.raises(SyncError, match="damaged"):
        PublicIdentity.read(bad)
    with pytest.raises(SyncError, match="at least 8 characters"):
        KeyStore(tmp_path / "k").init(site_id="RYD1", role="site", name="", passphrase="short")
