"""A counter cannot make a decision travel: only the research committee decides (POL-H5)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sync_support import add_case, export1, snapshot

from makarem_desk.models import Application, ApplicationStatus, AuditEvent, Role
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.sync import CommitteeService

MEMBER = Actor(uuid.uuid4(), "amal", "أمل الشهري", Role.COMMITTEE_MEMBER)


def _tamper(db, reference: str, **values) -> None:  # type: ignore[no-untyped-def]
    """What a modified counter program (or an edited database file) could do: bypass the
    service and write the decision fields straight into the row."""
    with db.session() as s:
        a = s.scalars(select(Application).where(Application.reference == reference)).one()
        for k, v in values.items():
            setattr(a, k, v)


def _decision(db, reference: str) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    with db.reader() as s:
        a = s.scalars(select(Application).where(Application.reference == reference)).one()
        return a.status, a.decision_reason, a.decided_by, a.decided_at, a.version, a.site_id


def test_forged_acceptance_from_a_counter_is_listed_never_applied(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    ref = add_case(counter.db)
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    before = _decision(committee.db, ref)
    assert before[0] is ApplicationStatus.SUBMITTED

    _tamper(counter.db, ref, status=ApplicationStatus.ACCEPTED, decision_reason="مقبول",
            decided_by="د. منى العمري", decided_at=datetime(2026, 12, 1, tzinfo=UTC))
    result = committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)

    assert result.counts["application"] == {"conflicts": 1}
    assert _decision(committee.db, ref) == before
    [c] = committee.svc.conflicts(SYSTEM)
    assert (c.entity, c.reason, c.from_site_id) == ("application", "counter_decision", "RYD1")
    assert "accepted" in c.reason_text_en and "committee" in c.reason_text_en
    assert c.reason_text_ar
    assert c.incoming["status"] == "accepted"
    with committee.db.reader() as s:
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "sync_counter_decision_refused")).one()
        assert event.entity == "application" and event.details["reference"] == ref
        assert event.details["from_site"] == "RYD1"


def test_forged_change_of_a_real_decision_is_listed_and_the_committee_keeps_it(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    ref = add_case(counter.db)
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    CommitteeService(committee.db).decide(MEMBER, ref, accepted=False, reason="لا تنطبق الشروط")
    counter.svc.import_file(SYSTEM, counter.identity, export1(committee, tmp_path).path)
    decided = _decision(committee.db, ref)

    # Rejected at the committee; the tampered counter turns it into an acceptance by
    # someone else, with a newer version.
    _tamper(counter.db, ref, status=ApplicationStatus.ACCEPTED, decided_by="غير معروف",
            decision_reason="مقبول")
    result = committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    assert result.counts["application"] == {"conflicts": 1}
    assert _decision(committee.db, ref) == decided
    [c] = committee.svc.conflicts(SYSTEM)
    assert c.reason == "counter_decision"

    # Taking the counter's version is not possible; keeping the committee's sends the
    # decision back with a version above both, and the counter comes round to it.
    import pytest

    from makarem_desk.sync import SyncError

    state = snapshot(committee.db)
    with pytest.raises(SyncError, match="Only the committee decides"):
        committee.svc.resolve_conflict(MEMBER, c.id, take_incoming=True)
    assert snapshot(committee.db) == state
    committee.svc.resolve_conflict(MEMBER, c.id, take_incoming=False)
    counter.svc.import_file(SYSTEM, counter.identity, export1(committee, tmp_path).path)
    assert _decision(counter.db, ref)[:3] == (ApplicationStatus.REJECTED, "لا تنطبق الشروط",
                                              MEMBER.full_name)


def test_genuine_counter_changes_after_a_decision_still_travel(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The counter records the service delivered after the acceptance: the decision fields
    it sends are the committee's own, so the change is applied."""
    counter, committee = counter_and_committee
    ref = add_case(counter.db)
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    CommitteeService(committee.db).decide(MEMBER, ref, accepted=True, reason="مستوفٍ")
    counter.svc.import_file(SYSTEM, counter.identity, export1(committee, tmp_path).path)
    delivered = datetime(2026, 12, 20, 10, 0, tzinfo=UTC)
    _tamper(counter.db, ref, service_delivered_at=delivered)
    result = committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    assert result.counts["application"] == {"updated": 1}
    with committee.db.reader() as s:
        a = s.scalars(select(Application).where(Application.reference == ref)).one()
        assert a.service_delivered_at == delivered and a.status is ApplicationStatus.ACCEPTED
        assert a.decided_by == MEMBER.full_name


def test_an_older_conflict_cannot_undo_a_later_decision(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Two edits of one version are listed; the committee decides meanwhile; taking the
    counter's (undecided) version then would undo the decision: refused."""
    import pytest

    from makarem_desk.sync import SyncError

    counter, committee = counter_and_committee
    ref = add_case(counter.db)
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    _tamper(committee.db, ref, missing_items=[{"id": "at-committee"}])
    _tamper(counter.db, ref, missing_items=[])
    result = committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    assert result.counts["application"] == {"conflicts": 1}
    [c] = committee.svc.conflicts(SYSTEM)
    assert c.reason == "concurrent_edit"
    CommitteeService(committee.db).decide(MEMBER, ref, accepted=True, reason="مستوفٍ")
    decided = _decision(committee.db, ref)
    with pytest.raises(SyncError, match="would undo the committee's decision"):
        committee.svc.resolve_conflict(MEMBER, c.id, take_incoming=True)
    assert _decision(committee.db, ref) == decided
    committee.svc.resolve_conflict(MEMBER, c.id, take_incoming=False)
    assert _decision(committee.db, ref)[0] is ApplicationStatus.ACCEPTED
