"""Concurrent edits become a conflict list; duplicates across counters are mapped;
each counter receives only the decisions on its own applications."""

from __future__ import annotations

import uuid

import pytest
from audit_support import audit_events
from sqlalchemy import func, select
from sync_support import add_case, database, export1, install, snapshot, status_of

from makarem_desk.errors import PermissionDenied
from makarem_desk.models import Application, ApplicationStatus, Beneficiary, Program, Role
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.sync import BatchRefused, CommitteeService

MEMBER = Actor(uuid.uuid4(), "amal", "أمل الشهري", Role.COMMITTEE_MEMBER)


def _set_phone(db, identity_number: str, phone: str) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        s.scalars(select(Beneficiary).where(Beneficiary.identity_number == identity_number)
                  ).one().phone = phone


def _phone(db, identity_number: str) -> tuple[str, int, str]:  # type: ignore[no-untyped-def]
    with db.reader() as s:
        b = s.scalars(select(Beneficiary).where(Beneficiary.identity_number == identity_number)).one()
        return b.phone, b.version, b.site_id


def test_two_edits_of_the_same_version_become_a_conflict_and_converge(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db, identity_number="1000000008")
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)

    _set_phone(counter.db, "1000000008", "+966500000001")
    _set_phone(committee.db, "1000000008", "+966500000002")
    batch = export1(counter, tmp_path).path
    res = committee.svc.import_file(SYSTEM, committee.identity, batch)
    assert res.total("conflicts") == 1 and res.total("updated") == 0
    assert _phone(committee.db, "1000000008") == ("+966500000002", 2, "COM1")

    [c] = committee.svc.conflicts(SYSTEM)
    assert (c.entity, c.local_version, c.incoming_version, c.from_site_id, c.reason) == (
        "beneficiary", 2, 2, "RYD1", "concurrent_edit")
    assert c.differing_fields() == ["phone"]

    # At the committee its members resolve conflicts; a counter's roles do not (the matrix).
    for role in (Role.RECEPTIONIST, Role.SOCIAL_RESEARCHER):
        with pytest.raises(PermissionDenied):
            committee.svc.resolve_conflict(Actor(None, "r", "r", role), c.id,
                                           take_incoming=True)
    committee.svc.resolve_conflict(MEMBER, c.id, take_incoming=True)
    assert committee.svc.conflicts(SYSTEM) == []
    (ev,) = audit_events(committee.db, "sync_conflict_resolved")
    assert (ev.username, ev.entity, ev.entity_id) == ("amal", "beneficiary", str(c.entity_id))
    assert ev.details["choice"] == "took the incoming version"
    # The committee never sends beneficiaries back (decisions batches carry applications),
    # so taking the counter's version takes it as the counter holds it: same version,
    # still the counter's record.
    assert _phone(committee.db, "1000000008") == ("+966500000001", 2, "RYD1")
    assert _phone(counter.db, "1000000008") == ("+966500000001", 2, "RYD1")

    # The counter's next change then merges as usual, no new conflict.
    _set_phone(counter.db, "1000000008", "+966500000003")
    res = committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    assert res.counts["beneficiary"] == {"updated": 1}
    assert _phone(committee.db, "1000000008") == ("+966500000003", 3, "RYD1")


def test_a_committee_edit_of_a_counter_record_stays_for_review(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The committee's own change of a person is never sent, so a later version from the
    counter is a conflict even after the committee has exported its decisions."""
    counter, committee = counter_and_committee
    add_case(counter.db, identity_number="2999000032")
    other = add_case(counter.db)
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    _set_phone(committee.db, "2999000032", "+966500000021")
    # A decision goes out after the edit: the committee's cursor passes it.
    CommitteeService(committee.db).decide(MEMBER, other, accepted=True, reason="مستوفٍ")
    assert export1(committee, tmp_path).counts == {"application": 1}
    _set_phone(counter.db, "2999000032", "+966500000022")
    _set_phone(counter.db, "2999000032", "+966500000023")
    res = committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    assert res.counts["beneficiary"] == {"conflicts": 1}
    assert _phone(committee.db, "2999000032") == ("+966500000021", 2, "COM1")


def test_local_unsent_change_is_not_overwritten_by_a_newer_version(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    ref = add_case(counter.db)
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    CommitteeService(committee.db).decide(MEMBER, ref, accepted=False, reason="لم تكتمل الشروط")
    # Meanwhile at the counter, the applicant withdraws (not yet sent).
    with counter.db.session() as s:
        a = s.scalars(select(Application).where(Application.reference == ref)).one()
        a.status = ApplicationStatus.WITHDRAWN
        a.decision_reason = "انسحب المتقدم"
    res = counter.svc.import_file(SYSTEM, counter.identity, export1(committee, tmp_path).path)
    assert res.total("conflicts") == 1
    assert status_of(counter.db, ref) is ApplicationStatus.WITHDRAWN
    [c] = counter.svc.conflicts(SYSTEM)
    assert c.entity == "application" and c.incoming["status"] == "rejected"
    # A decisions batch carries the decision fields and nothing else.
    assert c.differing_fields() == ["decided_at", "decided_by", "decision_reason", "status"]
    counter.svc.resolve_conflict(Actor(None, "admin", "مدير", Role.ADMINISTRATOR), c.id,
                                 take_incoming=False)
    with counter.db.reader() as s:
        a = s.scalars(select(Application).where(Application.reference == ref)).one()
        assert (a.status, a.version, a.site_id) == (ApplicationStatus.WITHDRAWN, 3, "RYD1")
    # The kept version (3) travels to the committee, but it would undo the committee's
    # rejection: listed there for review, never applied (POL-H5).
    res = committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    assert res.counts["application"] == {"conflicts": 1}
    assert status_of(committee.db, ref) is ApplicationStatus.REJECTED
    [c] = committee.svc.conflicts(SYSTEM)
    assert c.reason == "counter_decision" and "rejected" in c.reason_text_en
    # The committee keeps its decision; it travels back above both versions and the
    # counter comes round to it.
    committee.svc.resolve_conflict(MEMBER, c.id, take_incoming=False)
    res = counter.svc.import_file(SYSTEM, counter.identity, export1(committee, tmp_path).path)
    assert res.counts["application"] == {"updated": 1}
    assert status_of(counter.db, ref) is ApplicationStatus.REJECTED
    with counter.db.reader() as s:
        a = s.scalars(select(Application).where(Application.reference == ref)).one()
        assert (a.decision_reason, a.version, a.site_id) == ("لم تكتمل الشروط", 4, "COM1")


def test_two_counters_same_person_and_program_and_own_decisions_only(counter_and_committee, key_material, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    committee.svc.trust(SYSTEM, key_material["JED1"].public_file, role="site")
    with database("sqlite", "JED1", tmp_path) as (jdb, jurl):
        jeddah = install(jdb, jurl, "JED1", key_material, tmp_path, ("COM1",))
        r_ref = add_case(counter.db, identity_number="1000000016")
        j_ref = add_case(jeddah.db, identity_number="1000000016", first_name="محمد")
        committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
        res = committee.svc.import_file(SYSTEM, committee.identity, export1(jeddah, tmp_path).path)
        assert res.counts["program"] == {"mapped": 1}
        assert res.counts["beneficiary"] == {"mapped": 1, "conflicts": 1}
        with committee.db.reader() as s:
            assert s.scalar(select(func.count()).select_from(Program)) == 1
            assert s.scalar(select(func.count()).select_from(Beneficiary)) == 1
            apps = s.scalars(select(Application)).unique().all()
            assert len({a.beneficiary_id for a in apps}) == 1 and len(apps) == 2
        [dup] = committee.svc.conflicts(SYSTEM)
        assert dup.reason == "duplicate_identity" and dup.from_site_id == "JED1"
        committee.svc.resolve_conflict(MEMBER, dup.id, take_incoming=False)
        assert committee.svc.conflicts(SYSTEM) == []

        # A later Jeddah batch that refers to the same person still finds it.
        with jeddah.db.session() as s:
            s.scalars(select(Application)).unique().one().missing_items = []
        res = committee.svc.import_file(SYSTEM, committee.identity, export1(jeddah, tmp_path).path)
        assert res.counts["application"] == {"updated": 1}

        CommitteeService(committee.db).decide(MEMBER, r_ref, accepted=True, reason="مقبول")
        CommitteeService(committee.db).decide(MEMBER, j_ref, accepted=False, reason="مكرر")
        results = {r.plan.destination: r for r in
                   committee.svc.export(SYSTEM, committee.identity, tmp_path)}
        assert set(results) == {"RYD1", "JED1"}
        assert results["RYD1"].counts == {"application": 1}
        # Riyadh's batch cannot be opened by Jeddah, and vice versa.
        with pytest.raises(BatchRefused, match="addressed to RYD1"):
            jeddah.svc.import_file(SYSTEM, jeddah.identity, results["RYD1"].path)
        counter.svc.import_file(SYSTEM, counter.identity, results["RYD1"].path)
        jeddah.svc.import_file(SYSTEM, jeddah.identity, results["JED1"].path)
        assert status_of(counter.db, r_ref) is ApplicationStatus.ACCEPTED
        assert status_of(jeddah.db, j_ref) is ApplicationStatus.REJECTED
        # Jeddah's application kept its link to Jeddah's own record of the person.
        with jeddah.db.reader() as s:
            a = s.scalars(select(Application)).unique().one()
            assert a.beneficiary.identity_number == "1000000016"


def test_resolving_twice_is_refused(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db, identity_number="1000000024")
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    _set_phone(counter.db, "1000000024", "+966500000011")
    _set_phone(committee.db, "1000000024", "+966500000012")
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    [c] = committee.svc.conflicts(SYSTEM)
    committee.svc.resolve_conflict(MEMBER, c.id, take_incoming=False)
    state = snapshot(committee.db)
    with pytest.raises(Exception, match="already resolved"):
        committee.svc.resolve_conflict(MEMBER, c.id, take_incoming=True)
    assert snapshot(committee.db) == state
    assert len(committee.svc.conflicts(SYSTEM, open_only=False)) == 1
