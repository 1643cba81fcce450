"""Set-up and the association's letterhead: audited, and only an administrator changes it."""

from __future__ import annotations

import pytest
from audit_support import audit_events, chain_ok

from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied
from makarem_desk.models import Role
from makarem_desk.services.auth import AuthService
from makarem_desk.services.setup import SetupInput, SetupService

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20



@pytest.fixture
def db(blank_db: Database) -> Database:
    """Set up in the test through the service, as the first run does."""
    return blank_db

def test_setup_and_letterhead_changes_are_audited(db: Database) -> None:
    setup = SetupService(db)
    setup.complete(SetupInput("RYD1", "جمعية مكارم", "Makarem", "admin", "مدير النظام",
                              "s3cret-pass"))
    (first,) = audit_events(db, "setup")
    assert first.username == "admin" and first.entity_id == "RYD1"

    auth = AuthService(db)
    admin = auth.login("admin", "s3cret-pass")
    setup.update_association(admin, association_name="جمعية مكارم الأخلاق",
                             association_name_en="Makarem", logo_png=PNG)
    (ev,) = audit_events(db, "association_updated")
    assert ev.username == "admin" and ev.entity == "site" and ev.entity_id == "RYD1"
    assert ev.details["before"] == {"association_name": "جمعية مكارم", "logo_sha256": None}
    assert ev.details["after"]["association_name"] == "جمعية مكارم الأخلاق"
    assert len(ev.details["after"]["logo_sha256"]) == 16  # a digest, never the image
    assert "association_name_en" not in ev.details["after"]  # unchanged fields left out

    auth.create_user(admin, "sara", "سارة", Role.RECEPTIONIST, "pass-1234")
    with pytest.raises(PermissionDenied):
        setup.update_association(auth.login("sara", "pass-1234"), association_name="س",
                                 association_name_en="x", logo_png=None)
    assert len(audit_events(db, "association_updated")) == 1
    assert chain_ok(db)
