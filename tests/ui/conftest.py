"""Fixtures for the interface tests: a set-up database, a signed-in receptionist, dialogs
that answer from a script, and background work run inline."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from makarem_desk.models import Role
from makarem_desk.services.auth import AuthService
from makarem_desk.services.setup import SetupInput, SetupService

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TODAY = date(2026, 11, 29)
ADMIN_PW = "admin-pass-1"
RECEPTION_PW = "reem-pass-1"


@pytest.fixture
def db(blank_db):  # type: ignore[no-untyped-def]
    """The interface is set up through its first-run screen or service: it starts blank."""
    return blank_db


@pytest.fixture
def pg_db():  # type: ignore[no-untyped-def]
    """Blank too, on PostgreSQL."""
    from db_support import pg_schema_database

    with pg_schema_database(None) as (d, _url):
        yield d


@pytest.fixture
def desk_app(qapp):  # type: ignore[no-untyped-def]
    """The QApplication with the interface's language, fonts and style (Arabic)."""
    from makarem_desk.ui.i18n import apply_language
    from makarem_desk.ui.main import make_application

    app = make_application(language="ar")
    yield app
    apply_language(app, "ar")


@pytest.fixture
def ctx(db, desk_app) -> Iterator:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.bus import EventBus
    from makarem_desk.ui.context import AppContext
    from makarem_desk.ui.dialogs import RecordingDialogs
    from makarem_desk.ui.tasks import TaskRunner

    SetupService(db).complete(SetupInput(
        site_code="RYD1", association_name="جمعية مكارم الأخلاق الخيرية",
        association_name_en="Makarem Charitable Association", admin_username="admin",
        admin_full_name="مدير النظام", admin_password=ADMIN_PW))
    auth = AuthService(db)
    admin = auth.login("admin", ADMIN_PW)
    auth.create_user(admin, "reem", "ريم الدوسري", Role.RECEPTIONIST, RECEPTION_PW)
    c = AppContext(db=db, bus=EventBus(), tasks=TaskRunner(synchronous=True),
                   dialogs=RecordingDialogs(), today=TODAY)
    c.actor = auth.login("reem", RECEPTION_PW)
    yield c
