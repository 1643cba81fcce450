"""A batch changes only its sender's own records; a decisions batch carries decisions only."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select
from sync_support import (
    Installation,
    add_case,
    database,
    export1,
    install,
    jsonl,
    repack,
    rows_of,
    snapshot,
)

from makarem_desk.models import (
    Application,
    ApplicationStatus,
    AuditEvent,
    Beneficiary,
    Role,
)
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.sync import BatchRefused, CommitteeService

MEMBER = Actor(uuid.uuid4(), "amal", "أمل الشهري", Role.COMMITTEE_MEMBER)
RESEARCHER = Actor(uuid.uuid4(), "huda", "هدى", Role.SOCIAL_RESEARCHER)


@pytest.fixture
def three(counter_and_committee, key_material, tmp_path) -> Iterator[tuple[Installation, ...]]:  # type: ignore[no-untyped-def]
    """Riyadh and Jeddah counters, both trusted by the committee, with one case each there."""
    counter, committee = counter_and_committee
    committee.svc.trust(SYSTEM, key_material["JED1"].public_file, role="site")
    with database("sqlite", "JED1", tmp_path) as (jdb, jurl):
        jeddah = install(jdb, jurl, "JED1", key_material, tmp_path, ("COM1",))
        for inst in (counter, jeddah):
            add_case(inst.db)
            committee.svc.import_file(SYSTEM, committee.identity, export1(inst, tmp_path).path)
        yield counter, jeddah, committee


def _refused(committee: Installation, path: Path, match: str) -> BatchRefused:
    before = snapshot(committee.db)
    with pytest.raises(BatchRefused, match=match) as info:
        committee.svc.import_file(SYSTEM, committee.identity, path)
    assert snapshot(committee.db) == before
    assert info.value.message_ar != info.value.message
    return info.value


def _one(db, model, **where):  # type: ignore[no-untyped-def]
    """The one row's column values (readable after its session closed)."""
    with db.reader() as s:
        q = select(model)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        row = s.scalars(q).unique().one()
        return SimpleNamespace(**{c.key: getattr(row, c.key)
                                  for c in model.__mapper__.column_attrs})


def test_a_counter_cannot_overwrite_another_counters_person(three, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, jeddah, committee = three
    theirs = _one(jeddah.db, Beneficiary)
    # A tampered Riyadh counter holds a copy of Jeddah's person (same id) and edits it.
    with counter.db.session() as s:
        copy = Beneficiary(**{c.name: getattr(theirs, c.name)
                              for c in Beneficiary.__table__.columns
                              if c.name not in ("site_id", "change_seq", "version")})
        copy.site_id = "RYD1"
        s.add(copy)
        s.flush()
        copy.phone = "+966599999999"
    path = export1(counter, tmp_path).path
    err = _refused(committee, path, f"changes beneficiary {theirs.id}, a record of JED1")
    assert "only its sender's own records" in err.message
    there = _one(committee.db, Beneficiary, id=theirs.id)
    assert (there.site_id, there.phone) == ("JED1", theirs.phone)


def test_a_counter_cannot_touch_another_counters_decided_application(three, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Decided at the committee, Jeddah's application was last written by the committee;
    still it is Jeddah's (its reference says so), not Riyadh's to change."""
    counter, jeddah, committee = three
    j_app = _one(jeddah.db, Application)
    CommitteeService(committee.db).decide(MEMBER, j_app.reference, accepted=False,
                                          reason="لا تنطبق الشروط")
    assert _one(committee.db, Application, id=j_app.id).site_id == "COM1"
    mine = _one(counter.db, Application)
    # The tampered Riyadh counter makes an application with Jeddah's id and reference.
    with counter.db.session() as s:
        s.add(Application(id=j_app.id, reference=j_app.reference,
                          beneficiary_id=mine.beneficiary_id, program_id=mine.program_id,
                          status=ApplicationStatus.SUBMITTED))
    _refused(committee, export1(counter, tmp_path).path,
             f"changes application {j_app.id} \\({j_app.reference}\\), a record of JED1")
    there = _one(committee.db, Application, id=j_app.id)
    assert (there.status, there.site_id) == (ApplicationStatus.REJECTED, "COM1")


def test_reference_of_an_application_never_changes(three, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, _, committee = three
    with counter.db.session() as s:
        a = s.scalars(select(Application)).unique().one()
        a.reference = "JED1-2026-999999"
    _refused(committee, export1(counter, tmp_path).path, "changes the reference of application")


def test_a_new_application_under_another_counters_code_is_refused(three, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, _, committee = three
    ref = add_case(counter.db)
    with counter.db.session() as s:
        a = s.scalars(select(Application).where(Application.reference == ref)).unique().one()
        a.reference = "JED1" + ref[4:]
    _refused(committee, export1(counter, tmp_path).path, "whose reference is not one of RYD1's")


def test_a_counter_cannot_send_a_decisions_batch(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db)
    path = export1(counter, tmp_path).path
    forged = repack(path, counter, committee, tmp_path / "kind.mkb", lambda m, f: None,
                    kind="decisions")
    _refused(committee, forged, "its batches are records batches, not decisions")


# -- decisions batches, at the counter ------------------------------------------------


@pytest.fixture
def decided(counter_and_committee, tmp_path):  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    ref = add_case(counter.db)
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    CommitteeService(committee.db).decide(MEMBER, ref, accepted=True, reason="مستوفٍ")
    return counter, committee, ref, export1(committee, tmp_path).path


def test_decisions_batch_carries_the_decision_fields_only(decided) -> None:  # type: ignore[no-untyped-def]
    counter, committee, ref, path = decided
    from makarem_desk.sync.container import Contents, open_envelope

    env = open_envelope(path.read_bytes())
    contents = Contents(counter.identity.decrypt(env.ciphertext))
    assert set(contents.members) == {"records/application.jsonl", "summary.xlsx"}
    [row] = rows_of(contents.read("records/application.jsonl"))
    assert set(row) == {"id", "site_id", "version", "updated_at", "reference", "status",
                        "decision_reason", "decided_at", "decided_by"}
    assert (row["reference"], row["status"]) == (ref, "accepted")


@pytest.mark.parametrize(("change", "match"), [
    ("beneficiary_table", "carries records/beneficiary.jsonl"),
    ("extra_column", "carries missing_items of application"),
    ("unknown_application", "which is not an application of this counter"),
    ("other_counters_application", "which is not an application of this counter"),
    ("reference", "gives application .* the reference"),
])
def test_decisions_batch_with_anything_else_is_refused(decided, tmp_path, change: str, match: str) -> None:  # type: ignore[no-untyped-def]
    counter, committee, ref, path = decided
    person = _one(counter.db, Beneficiary)

    def forge(members, manifest):  # type: ignore[no-untyped-def]
        [row] = rows_of(members["records/application.jsonl"])
        if change == "beneficiary_table":
            members["records/beneficiary.jsonl"] = jsonl([{"id": str(person.id),
                                                           "site_id": "COM1", "phone": "0"}])
        elif change == "extra_column":
            row["missing_items"] = []
        elif change == "unknown_application":
            row["id"] = str(uuid.uuid4())
        elif change == "other_counters_application":
            row["reference"] = "JED1-2026-000001"
            row["id"] = str(uuid.uuid4())
        elif change == "reference":
            row["reference"] = ref + "9"
        members["records/application.jsonl"] = jsonl([row])

    forged = repack(path, committee, counter, tmp_path / "forged.mkb", forge)
    _refused(counter, forged, match)
    assert _one(counter.db, Application).status is ApplicationStatus.SUBMITTED


def test_refused_batches_leave_an_audit_event(decided, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, ref, path = decided

    def forge(members, manifest):  # type: ignore[no-untyped-def]
        [row] = rows_of(members["records/application.jsonl"])
        row["missing_items"] = []
        members["records/application.jsonl"] = jsonl([row])

    forged = repack(path, committee, counter, tmp_path / "forged.mkb", forge)
    with pytest.raises(BatchRefused):
        counter.svc.import_file(SYSTEM, counter.identity, forged)
    event = _one(counter.db, AuditEvent, action="sync_import_refused")
    assert event.entity == "sync_batch" and event.entity_id == "COM1#1"
    assert event.details["file"] == "forged.mkb"
    assert "missing_items" in event.details["reason"]
    # The genuine batch still imports.
    counter.svc.import_file(SYSTEM, counter.identity, path)
    assert _one(counter.db, Application).status is ApplicationStatus.ACCEPTED


def test_a_status_of_the_counters_part_from_the_committee_is_listed(decided, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Drafts, missing items and eligibility are the counter's: a decisions batch setting
    one is not applied, and the counter's other decisions still arrive."""
    counter, committee, ref, path = decided
    other = add_case(counter.db)
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    CommitteeService(committee.db).decide(MEMBER, other, accepted=False, reason="مكرر")
    second = export1(committee, tmp_path)

    def forge(members, manifest):  # type: ignore[no-untyped-def]
        rows = rows_of(members["records/application.jsonl"])
        for row in rows:
            if row["reference"] == other:
                row["status"] = "incomplete"
        members["records/application.jsonl"] = jsonl(rows)

    # Batch 2 holds the second decision only; batch 1 (the first) arrives first.
    counter.svc.import_file(SYSTEM, counter.identity, path)
    forged = repack(second.path, committee, counter, tmp_path / "status.mkb", forge)
    res = counter.svc.import_file(SYSTEM, counter.identity, forged)
    assert res.counts["application"] == {"conflicts": 1}
    assert _one(counter.db, Application, reference=other).status is ApplicationStatus.SUBMITTED
    assert _one(counter.db, Application, reference=ref).status is ApplicationStatus.ACCEPTED
    [c] = counter.svc.conflicts(SYSTEM)
    assert c.reason == "committee_status" and "'incomplete'" in c.reason_text_en
    # At a counter its social researcher resolves conflicts (the permission matrix).
    with pytest.raises(Exception, match="cannot be taken"):
        counter.svc.resolve_conflict(RESEARCHER, c.id, take_incoming=True)


def _programs_from_forms(db, forms):  # type: ignore[no-untyped-def]
    from makarem_desk.services.programs import ProgramService

    ProgramService(db).load(SYSTEM, forms)


def test_two_counters_send_the_programs_both_loaded_from_the_forms(  # type: ignore[no-untyped-def]
        counter_and_committee, key_material, tmp_path) -> None:
    """A program's id follows from its code, so each counter sends its own copy of the
    program the other sent first: an identical copy is passed over, not refused as a
    change of the other counter's record; a copy defined otherwise is refused."""
    from makarem_desk.checklists.loader import load_forms
    from makarem_desk.models import Program
    from makarem_desk.services.programs import program_id

    counter, committee = counter_and_committee
    committee.svc.trust(SYSTEM, key_material["JED1"].public_file, role="site")
    forms = load_forms()
    code = next(iter(forms.programs))
    with database("sqlite", "JED1", tmp_path) as (jdb, jurl):
        jeddah = install(jdb, jurl, "JED1", key_material, tmp_path, ("COM1",))
        for inst in (jeddah, counter):
            _programs_from_forms(inst.db, forms)
            add_case(inst.db, program_code=code)
            committee.svc.import_file(SYSTEM, committee.identity, export1(inst, tmp_path).path)
        there = _one(committee.db, Program, id=program_id(code))
        assert there.site_id == "JED1"  # the first copy stays where it came from
        with committee.db.reader() as s:
            refs = sorted(r for r in s.scalars(select(Application.reference)))
        assert [r[:4] for r in refs] == ["JED1", "RYD1"]

        with counter.db.session() as s:  # Riyadh's forms now say something else
            s.scalars(select(Program).where(Program.code == code)).one().name_ar = "اسم آخر"
        _refused(committee, export1(counter, tmp_path).path,
                 "otherwise than JED1 did; every installation must load the same forms")
