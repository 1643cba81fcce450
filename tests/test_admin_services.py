"""What the administrator screens and the idle lock call, without Qt: roles, enabling,
the session events (lock, unlock, sign-out), the idle time, the installation role."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from makarem_desk.errors import PermissionDenied, UserError
from makarem_desk.models import AuditEvent, Role, Site
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.auth import MAX_FAILURES, AuthService
from makarem_desk.services.setup import SetupInput, SetupService
from makarem_desk.services.site_settings import DEFAULT_IDLE_LOCK_MINUTES, SiteSettingsService

ADMIN_PW, STAFF_PW = "admin-pass-1", "staff-pass-1"


@pytest.fixture
def db(blank_db):  # type: ignore[no-untyped-def]
    """Set up in each test through the service, as the first run does."""
    return blank_db


@pytest.fixture
def any_db(any_blank_db):  # type: ignore[no-untyped-def]
    return any_blank_db


def _setup(db, role: str = "site") -> AuthService:  # type: ignore[no-untyped-def]
    SetupService(db).complete(SetupInput(
        site_code="RYD1", association_name="جمعية مكارم", association_name_en="Makarem",
        admin_username="admin", admin_full_name="مدير النظام", admin_password=ADMIN_PW,
        role=role))
    auth = AuthService(db)
    admin = auth.login("admin", ADMIN_PW)
    auth.create_user(admin, "reem", "ريم الدوسري", Role.RECEPTIONIST, STAFF_PW)
    return auth


def _events(db, action: str) -> list[SimpleNamespace]:  # type: ignore[no-untyped-def]
    with db.reader() as s:
        return [SimpleNamespace(username=e.username, entity_id=e.entity_id, details=e.details)
                for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                   .order_by(AuditEvent.at))]


def _user(auth: AuthService, username: str):  # type: ignore[no-untyped-def]
    return next(u for u in auth.list_users(SYSTEM) if u.username == username)


def test_installation_role_is_chosen_at_setup_and_kept_in_the_site_row(any_db) -> None:  # type: ignore[no-untyped-def]
    _setup(any_db, role="committee")
    info = SetupService(any_db).site_info()
    assert info is not None and info.role == "committee"
    with any_db.reader() as s:
        assert s.get(Site, "RYD1").role == "committee"  # type: ignore[union-attr]
    assert _events(any_db, "setup")[0].details == {"role": "committee"}


def test_an_unknown_installation_role_is_refused_before_anything_is_written(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="counter"):
        SetupService(db).complete(SetupInput(
            site_code="RYD1", association_name="جمعية", association_name_en="A",
            admin_username="admin", admin_full_name="مدير", admin_password=ADMIN_PW,
            role="headquarters"))
    assert SetupService(db).needs_setup()


def test_set_role_is_audited_with_before_and_after(any_db) -> None:  # type: ignore[no-untyped-def]
    auth = _setup(any_db)
    admin = auth.login("admin", ADMIN_PW)
    reem = _user(auth, "reem")
    auth.set_role(admin, reem.id, Role.SOCIAL_RESEARCHER)
    assert auth.get(SYSTEM, reem.id).role is Role.SOCIAL_RESEARCHER
    (event,) = _events(any_db, "user_role_changed")
    assert event.username == "admin" and event.entity_id == str(reem.id)
    assert event.details["before"] == {"role": "receptionist"}
    assert event.details["after"] == {"role": "social_researcher"}
    auth.set_role(admin, reem.id, Role.SOCIAL_RESEARCHER)  # no change: no event
    assert len(_events(any_db, "user_role_changed")) == 1


def test_only_an_administrator_changes_roles(db) -> None:  # type: ignore[no-untyped-def]
    auth = _setup(db)
    reem = auth.login("reem", STAFF_PW)
    with pytest.raises(PermissionDenied):
        auth.set_role(reem, reem.user_id, Role.ADMINISTRATOR)  # type: ignore[arg-type]
    assert auth.get(SYSTEM, reem.user_id).role is Role.RECEPTIONIST  # type: ignore[arg-type]


def test_the_last_active_administrator_is_never_demoted_or_disabled(db) -> None:  # type: ignore[no-untyped-def]
    auth = _setup(db)
    admin = auth.login("admin", ADMIN_PW)
    with pytest.raises(UserError, match="last active administrator"):
        auth.set_role(admin, admin.user_id, Role.RECEPTIONIST)  # type: ignore[arg-type]
    with pytest.raises(UserError, match="last active administrator"):
        auth.set_active(SYSTEM, admin.user_id, False)  # type: ignore[arg-type]
    assert auth.has_administrator()
    # With a second administrator, the first may step down.
    reem = _user(auth, "reem")
    auth.set_role(admin, reem.id, Role.ADMINISTRATOR)
    auth.set_role(admin, admin.user_id, Role.RECEPTIONIST)  # type: ignore[arg-type]
    assert auth.get(SYSTEM, admin.user_id).role is Role.RECEPTIONIST  # type: ignore[arg-type]
    # A disabled administrator does not count as one.
    new_admin = auth.login("reem", STAFF_PW)
    auth.set_role(new_admin, admin.user_id, Role.ADMINISTRATOR)  # type: ignore[arg-type]
    auth.set_active(new_admin, admin.user_id, False)  # type: ignore[arg-type]
    with pytest.raises(UserError, match="last active administrator"):
        auth.set_role(new_admin, new_admin.user_id, Role.RECEPTIONIST)  # type: ignore[arg-type]


def test_disabling_and_enabling_are_audited(db) -> None:  # type: ignore[no-untyped-def]
    auth = _setup(db)
    admin = auth.login("admin", ADMIN_PW)
    reem = _user(auth, "reem")
    auth.set_active(admin, reem.id, False)
    with pytest.raises(UserError):
        auth.login("reem", STAFF_PW)
    auth.set_active(admin, reem.id, True)
    assert auth.login("reem", STAFF_PW).username == "reem"
    (off,), (on,) = _events(db, "user_disabled"), _events(db, "user_enabled")
    assert off.details["after"] == {"active": False} and on.details["after"] == {"active": True}


def test_lock_unlock_and_logout_are_audited(any_db) -> None:  # type: ignore[no-untyped-def]
    auth = _setup(any_db)
    reem = auth.login("reem", STAFF_PW)
    auth.lock(reem)
    with pytest.raises(UserError, match="Wrong"):
        auth.unlock(reem, "not-her-password")
    auth.unlock(reem, STAFF_PW)
    auth.logout(reem)
    assert [e.username for e in _events(any_db, "session_locked")] == ["reem"]
    assert [e.username for e in _events(any_db, "session_unlocked")] == ["reem"]
    assert [e.username for e in _events(any_db, "logout")] == ["reem"]
    failed = _events(any_db, "login_failed")
    assert failed[-1].details == {"during": "session_unlocked"}


def test_failed_unlocks_count_toward_the_lock_out(db) -> None:  # type: ignore[no-untyped-def]
    auth = _setup(db)
    reem = auth.login("reem", STAFF_PW)
    for _ in range(MAX_FAILURES):
        with pytest.raises(UserError):
            auth.unlock(reem, "guessing")
    with pytest.raises(UserError, match="Too many failed attempts"):
        auth.unlock(reem, STAFF_PW)  # even the right password waits out the lock-out


def test_an_administrator_signs_a_locked_user_out_with_their_own_password(db) -> None:  # type: ignore[no-untyped-def]
    auth = _setup(db)
    admin = auth.login("admin", ADMIN_PW)
    auth.create_user(admin, "sara", "سارة", Role.RECEPTIONIST, STAFF_PW)
    reem = auth.login("reem", STAFF_PW)
    with pytest.raises(PermissionDenied):
        auth.sign_out_locked(reem, "sara", STAFF_PW)  # a colleague is not enough
    with pytest.raises(UserError, match="Wrong"):
        auth.sign_out_locked(reem, "admin", "wrong-password")
    assert _events(db, "logout") == []
    by = auth.sign_out_locked(reem, "admin", ADMIN_PW)
    assert by.username == "admin"
    (event,) = _events(db, "logout")
    assert event.username == "reem" and event.details == {"by": "admin"}
    (refused,) = _events(db, "locked_session_ended_refused")
    assert refused.username == "sara" and refused.details == {"user": "reem"}


def test_idle_lock_minutes_default_and_administrator_setting(any_db) -> None:  # type: ignore[no-untyped-def]
    auth = _setup(any_db)
    svc = SiteSettingsService(any_db)
    reem = auth.login("reem", STAFF_PW)
    assert svc.idle_lock_minutes(reem) == DEFAULT_IDLE_LOCK_MINUTES == 10
    admin = auth.login("admin", ADMIN_PW)
    svc.set_idle_lock_minutes(admin, 3)
    assert svc.idle_lock_minutes(reem) == 3
    (event,) = _events(any_db, "settings_changed")
    assert event.details == {"before": {"idle_lock_minutes": 10},
                             "after": {"idle_lock_minutes": 3}}
    for bad in (0, 121):
        with pytest.raises(UserError, match="1 to 120"):
            svc.set_idle_lock_minutes(admin, bad)
    with pytest.raises(PermissionDenied):
        svc.set_idle_lock_minutes(reem, 30)
    assert svc.idle_lock_minutes(reem) == 3
