"""Staff accounts: every change to a user is audited, and nobody touches another's account."""

from __future__ import annotations

import pytest
from audit_support import audit_events, chain_ok

from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied
from makarem_desk.models import Role
from makarem_desk.services.auth import AuthService
from makarem_desk.services.setup import SetupInput, SetupService


@pytest.fixture
def db(blank_db: Database) -> Database:
    """Set up in the test through the service, as the first run does."""
    return blank_db

@pytest.fixture
def auth(db: Database) -> AuthService:
    SetupService(db).complete(SetupInput("RYD1", "جمعية مكارم", "Makarem", "admin", "مدير النظام",
                                         "s3cret-pass"))
    return AuthService(db)


def test_user_changes_are_audited_with_before_and_after(db: Database, auth: AuthService) -> None:
    admin = auth.login("admin", "s3cret-pass")
    uid = auth.create_user(admin, "sara", "سارة العتيبي", Role.RECEPTIONIST, "pass-1234")
    (created,) = audit_events(db, "user_created")
    assert created.username == "admin" and created.entity_id == str(uid)
    assert created.details == {"username": "sara", "role": "receptionist"}

    auth.set_active(admin, uid, False)
    auth.set_active(admin, uid, False)  # no change: no event
    (disabled,) = audit_events(db, "user_disabled")
    assert disabled.username == "admin" and disabled.entity_id == str(uid)
    assert disabled.details["before"] == {"active": True}
    assert disabled.details["after"] == {"active": False}
    auth.set_active(admin, uid, True)
    assert len(audit_events(db, "user_enabled")) == 1

    auth.set_language(admin, uid, "en")
    (lang,) = audit_events(db, "user_language_changed")
    assert lang.details["before"] == {"language": "ar"}
    assert lang.details["after"] == {"language": "en"}

    auth.reset_password(admin, uid, "new-pass-99")
    sara = auth.login("sara", "new-pass-99")
    auth.change_password(sara, "new-pass-99", "newer-pass-1")
    (changed,) = audit_events(db, "password_changed")
    assert changed.username == "sara" and changed.entity_id == str(uid)
    # The hash of the password never goes into the trail.
    assert "scrypt" not in str(changed.details)
    assert chain_ok(db)


def test_a_user_cannot_touch_another_users_account(auth: AuthService) -> None:
    admin = auth.login("admin", "s3cret-pass")
    auth.create_user(admin, "sara", "سارة العتيبي", Role.RECEPTIONIST, "pass-1234")
    auth.create_user(admin, "omar", "عمر الحربي", Role.SOCIAL_RESEARCHER, "pass-5678")
    sara, omar = auth.login("sara", "pass-1234"), auth.login("omar", "pass-5678")
    auth.set_language(sara, sara.user_id, "en")  # her own: fine
    assert auth.get(sara, sara.user_id).language == "en"
    with pytest.raises(PermissionDenied):
        auth.set_language(sara, omar.user_id, "en")
    with pytest.raises(PermissionDenied):
        auth.get(sara, omar.user_id)
    for call in (lambda: auth.list_users(sara),
                 lambda: auth.create_user(omar, "x1", "س", Role.ADMINISTRATOR, "pass-1234"),
                 lambda: auth.reset_password(sara, omar.user_id, "pass-0000"),
                 lambda: auth.set_active(omar, sara.user_id, False)):
        with pytest.raises(PermissionDenied):
            call()
    assert {u.username for u in auth.list_users(admin)} == {"admin", "sara", "omar"}
