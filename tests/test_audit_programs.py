"""Loading programs: each program added, changed or retired is one audited event."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from audit_support import audit_events, chain_ok

from makarem_desk.checklists import load_forms
from makarem_desk.checklists.loader import default_forms_dir
from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied
from makarem_desk.models import Role
from makarem_desk.services.actor import Actor
from makarem_desk.services.programs import ProgramService, program_id

FORMS = load_forms()
ADMIN = Actor(user_id=None, username="admin", full_name="مدير", role=Role.ADMINISTRATOR)
RECEPTIONIST = Actor(user_id=None, username="reem", full_name="ريم", role=Role.RECEPTIONIST)


def test_program_loads_are_audited(db: Database, tmp_path: Path) -> None:
    svc = ProgramService(db)
    svc.load(ADMIN, FORMS)
    added = audit_events(db, "program_added")
    assert len(added) == len(FORMS.programs)
    conf = next(e for e in added if e.details["code"] == "FIELD-CONF")
    assert conf.username == "admin" and conf.entity_id == str(program_id("FIELD-CONF"))

    svc.load(ADMIN, FORMS)  # nothing changed: nothing recorded
    assert len(audit_events(db)) == len(FORMS.programs)

    folder = tmp_path / "forms"
    shutil.copytree(default_forms_dir(), folder, ignore=shutil.ignore_patterns("documents"))
    text = (folder / "programs.yaml").read_text(encoding="utf-8")
    start = text.index("  - code: FIELD-FAMILY-DAY")
    text = text[:start].replace("name_en: Annual beneficiaries' field conference",
                                "name_en: Annual beneficiaries' conference")
    (folder / "programs.yaml").write_text(text, encoding="utf-8")
    svc.load(ADMIN, load_forms(folder))
    (updated,) = audit_events(db, "program_updated")
    assert updated.details["before"]["name_en"] == "Annual beneficiaries' field conference"
    assert updated.details["after"]["name_en"] == "Annual beneficiaries' conference"
    assert "name_ar" not in updated.details["after"]
    (retired,) = audit_events(db, "program_deactivated")
    assert retired.details["code"] == "FIELD-FAMILY-DAY"
    assert retired.details["after"] == {"active": False}
    assert chain_ok(db)


def test_only_an_administrator_loads_programs(db: Database) -> None:
    with pytest.raises(PermissionDenied):
        ProgramService(db).load(RECEPTIONIST, FORMS)
    assert ProgramService(db).list(RECEPTIONIST) == []
    assert audit_events(db) == []
