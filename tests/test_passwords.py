"""Passwords: Argon2id under the database's policy; old scrypt hashes verify and are
upgraded at the next successful sign-in (issue 9)."""

from __future__ import annotations

import base64
import hashlib

import pytest
from db_support import FAST_PASSWORDS
from sqlalchemy import select

from makarem_desk.db import Database
from makarem_desk.errors import UserError
from makarem_desk.models import AuditEvent, User
from makarem_desk.passwords import DEFAULT_POLICY, PasswordPolicy, describe_hash, verify_password
from makarem_desk.services.auth import AuthService, hash_password
from makarem_desk.services.setup import SetupInput, SetupService

PASSWORD = "كلمة سر طويلة 1"


def _legacy_scrypt(password: str, salt: bytes = b"0123456789abcdef") -> str:
    """The stored form the first releases wrote (scrypt, N=2^14, r=8, p=1)."""
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=32)
    b64 = base64.b64encode
    return f"scrypt$16384$8$1${b64(salt).decode()}${b64(digest).decode()}"


def _setup(db: Database) -> None:
    SetupService(db).complete(SetupInput(
        site_code="RYD1", association_name="جمعية مكارم", association_name_en="Makarem",
        admin_username="admin", admin_full_name="مدير النظام", admin_password=PASSWORD))


def _hash_of(db: Database, username: str = "admin") -> str:
    with db.reader() as s:
        return s.scalars(select(User.password_hash).where(User.username == username)).one()


def _set_hash(db: Database, stored: str, username: str = "admin") -> None:
    with db.session() as s:
        s.scalars(select(User).where(User.username == username)).one().password_hash = stored


def _upgrade_events(db: Database) -> list[dict[str, str]]:
    with db.reader() as s:
        return [dict(e.details) for e in s.scalars(select(AuditEvent).where(
            AuditEvent.action == "password_hash_upgraded"))]


def test_production_policy_is_argon2id_within_64_mib() -> None:
    stored = hash_password(PASSWORD)
    assert stored.startswith("$argon2id$v=19$m=65536,t=2,p=1$")
    assert DEFAULT_POLICY.memory_kib <= 64 * 1024
    assert verify_password(PASSWORD, stored)
    assert not verify_password(PASSWORD + "!", stored)
    assert hash_password(PASSWORD) != stored  # salted
    assert not DEFAULT_POLICY.needs_rehash(stored)
    assert describe_hash(stored) == "argon2id m=65536,t=2,p=1"


def test_legacy_scrypt_hashes_still_verify() -> None:
    stored = _legacy_scrypt(PASSWORD)
    assert verify_password(PASSWORD, stored)
    assert not verify_password("wrong password", stored)
    assert DEFAULT_POLICY.needs_rehash(stored)
    assert describe_hash(stored) == "scrypt n=16384,r=8,p=1"


@pytest.mark.parametrize("stored", [
    "", "garbage", "scrypt$x$8$1$AA==$AA==", "scrypt$16384$8$1$not base64$AA==",
    "scrypt$16384$8$1$AA==", "$argon2id$v=19$m=8,t=1,p=1$broken", "$argon2i$v=19$m=8,t=1,p=1$AA$AA",
])
def test_malformed_hashes_never_verify(stored: str) -> None:
    assert not verify_password(PASSWORD, stored)


def test_sign_in_upgrades_a_legacy_hash_once(blank_db: Database) -> None:
    db = blank_db  # set up here, through the service
    _setup(db)
    legacy = _legacy_scrypt(PASSWORD)
    _set_hash(db, legacy)
    auth = AuthService(db)
    with pytest.raises(UserError):
        auth.login("admin", "not the password")
    assert _hash_of(db) == legacy  # a refused sign-in changes nothing
    assert auth.login("admin", PASSWORD).username == "admin"
    upgraded = _hash_of(db)
    assert upgraded.startswith("$argon2id$") and not FAST_PASSWORDS.needs_rehash(upgraded)
    assert verify_password(PASSWORD, upgraded) and not verify_password("x" * 9, upgraded)
    [details] = _upgrade_events(db)
    assert details == {"from": "scrypt n=16384,r=8,p=1", "to": describe_hash(upgraded)}
    assert legacy not in str(details) and upgraded not in str(details)
    auth.login("admin", PASSWORD)
    assert _hash_of(db) == upgraded and len(_upgrade_events(db)) == 1


def test_sign_in_moves_a_hash_to_the_current_parameters(blank_db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = blank_db  # set up here, through the service
    _setup(db)  # hashed under FAST_PASSWORDS
    stronger = PasswordPolicy(time_cost=2, memory_kib=64, parallelism=1)
    later = Database(db.url.render_as_string(hide_password=False), passwords=stronger)
    try:
        AuthService(later).login("admin", PASSWORD)
        assert describe_hash(_hash_of(later)) == "argon2id m=64,t=2,p=1"
    finally:
        later.dispose()


def test_unknown_user_is_refused_like_a_wrong_password(blank_db: Database) -> None:
    db = blank_db  # set up here, through the service
    _setup(db)
    auth = AuthService(db)
    for name in ("nobody", "admin"):
        with pytest.raises(UserError, match="Wrong user name or password"):
            auth.login(name, "wrong password")


def test_new_and_reset_passwords_use_the_database_policy(blank_db: Database) -> None:
    db = blank_db  # set up here, through the service
    _setup(db)
    assert describe_hash(_hash_of(db)) == "argon2id m=8,t=1,p=1"
