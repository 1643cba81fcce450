"""The committee's first import, whether or not it ever loaded the programs itself.

The issue: an earlier release saved a counter's programs under the placeholder site "LOCAL"
when they were loaded before the set-up; they never travelled, and a committee that had not
loaded the programs itself failed its first import with a bare foreign-key error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update
from sync_support import (
    ROLES,
    Installation,
    KeyMaterial,
    add_case,
    database,
    export1,
    snapshot,
)

from makarem_desk.checklists import load_forms
from makarem_desk.models import Application, Program, ProgramCategory
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.auth import AuthService
from makarem_desk.services.programs import ProgramService, program_id
from makarem_desk.services.setup import SetupInput, SetupService
from makarem_desk.sync import BatchRefused, KeyStore, SyncService

FORMS = load_forms()
CODE = "FIELD-CONF"  # a program defined in forms/


def _keys(db, site: str, keys: KeyMaterial, folder: Path, peer: str) -> Installation:  # type: ignore[no-untyped-def]
    kdir = folder / f"keys-{site}"
    shutil.copytree(keys[site].dir, kdir)
    svc = SyncService(db, KeyStore(kdir))
    svc.trust(SYSTEM, keys[peer].public_file, role=ROLES[peer])
    return Installation(site, db, svc, keys[site].identity, kdir,
                        db.url.render_as_string(hide_password=False))


def _set_up(db, site: str) -> None:  # type: ignore[no-untyped-def]
    SetupService(db).complete(SetupInput(
        site_code=site, association_name="جمعية مكارم الأخلاق",
        association_name_en="Makarem Association", admin_username="admin",
        admin_full_name="مدير النظام", admin_password="admin-pass-1",
        role=ROLES[site]))


def _programs(db) -> set[str]:  # type: ignore[no-untyped-def]
    with db.reader() as s:
        return set(s.scalars(select(Program.code)))


def test_programs_saved_before_set_up_reach_a_committee_without_programs(
    tmp_path: Path, key_material: KeyMaterial,
) -> None:
    with database("sqlite", "RYD1", tmp_path) as (cdb, _), \
            database("sqlite", "COM1", tmp_path) as (mdb, _):
        # What the earlier release left: a program loaded before the set-up, as "LOCAL".
        with cdb.engine.begin() as conn:
            conn.execute(insert(Program.__table__).values(
                id=program_id(CODE), site_id="LOCAL", version=1, change_seq=1, code=CODE,
                name_ar="الملتقى الميداني", name_en="Field conference",
                category=ProgramCategory.FIELD, checklist="field", definition_hash="",
                active=True))
        _set_up(cdb, "RYD1")  # the set-up adopts it
        _set_up(mdb, "COM1")  # the committee never loads programs
        counter = _keys(cdb, "RYD1", key_material, tmp_path, "COM1")
        committee = _keys(mdb, "COM1", key_material, tmp_path, "RYD1")
        ref = add_case(cdb, program_code=CODE)

        batch = export1(counter, tmp_path)
        assert batch.counts["program"] == 1 and batch.counts["application"] == 1
        assert _programs(mdb) == set()
        result = committee.svc.import_file(SYSTEM, committee.identity, batch.path)
        assert result.total("conflicts") == 0
        assert _programs(mdb) == {CODE}
        with mdb.reader() as s:
            app = s.scalars(select(Application).where(Application.reference == ref)).one()
            assert app.program.code == CODE and app.program.site_id == "RYD1"


@pytest.mark.parametrize("counter_and_committee", [("sqlite", "sqlite")], indirect=True)
def test_a_batch_without_its_programs_says_what_to_do(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    admin = AuthService(counter.db)
    ProgramService(counter.db).load(admin.login("admin", "admin-pass-1"), FORMS)
    ref = add_case(counter.db, program_code=CODE)
    # A counter on the earlier release: its programs, saved as "LOCAL", do not travel.
    with counter.db.engine.begin() as conn:
        conn.execute(update(Program.__table__).values(site_id="LOCAL"))
    batch = export1(counter, tmp_path)
    assert "program" not in batch.counts

    before = snapshot(committee.db)
    with pytest.raises(BatchRefused) as refused:
        committee.svc.import_file(SYSTEM, committee.identity, batch.path)
    message = refused.value.message
    assert "Batch 1 from RYD1 has applications to 1 program(s)" in message
    assert str(program_id(CODE)) in message and "Nothing was imported" in message
    assert f"defined in this installation's forms/ ({CODE})" in message
    assert "`makarem-desk programs load`" in message and "FOREIGN KEY" not in message
    assert "programs load" in refused.value.message_ar
    assert snapshot(committee.db) == before

    # Doing what it says is enough.
    committee_admin = AuthService(committee.db).login("admin", "admin-pass-1")
    ProgramService(committee.db).load(committee_admin, FORMS)
    result = committee.svc.import_file(SYSTEM, committee.identity, batch.path)
    assert result.total("inserted") > 0
    with committee.db.reader() as s:
        app = s.scalars(select(Application).where(Application.reference == ref)).one()
        assert app.program_id == program_id(CODE)


@pytest.mark.parametrize("counter_and_committee", [("sqlite", "sqlite")], indirect=True)
def test_unknown_programs_point_to_the_sender(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db, program_code="NOT-IN-FORMS")  # made here, not from forms/
    with counter.db.engine.begin() as conn:
        conn.execute(update(Program.__table__).values(site_id="LOCAL"))
    batch = export1(counter, tmp_path)
    with pytest.raises(BatchRefused, match="Ask RYD1 to update Makarem Desk and send batch 1"):
        committee.svc.import_file(SYSTEM, committee.identity, batch.path)
    assert snapshot(committee.db)["application"] == []
