"""Counter -> committee -> counter, on SQLite and PostgreSQL (POL-H5)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update
from sync_support import BACKENDS, PDF, PNG, add_case, export1, snapshot, status_of

from makarem_desk.models import (
    Application,
    ApplicationStatus,
    Declaration,
    Referral,
    ReferralReason,
    SatisfactionResponse,
    SyncBatch,
)
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import BatchRefused, CommitteeService
from makarem_desk.sync.container import Contents, open_envelope


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize("counter_and_committee", BACKENDS, indirect=True)
def test_round_trip_counter_committee_counter(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    refs = [add_case(counter.db, first_name=n) for n in ("محمد", "فاطمة", "خالد")]
    out = tmp_path / "usb"
    out.mkdir()

    first = export1(counter, out)
    assert first.path is not None and first.path.name == "RYD1-to-COM1-000001.mkb"
    assert first.counts == {"program": 1, "beneficiary": 3, "contact": 3, "application": 3,
                            "declaration": 3, "referral": 3, "satisfaction_response": 3}

    imported = committee.svc.import_file(SYSTEM, committee.identity, first.path)
    assert imported.total("inserted") == 19 and imported.total("conflicts") == 0
    with committee.db.reader() as s:
        decl = s.scalars(select(Declaration).join(Application)
                         .where(Application.reference == refs[0])).one()
        assert decl.pdf == PDF + refs[0].encode() and decl.signature_png == PNG
        assert decl.site_id == "RYD1" and decl.version == 1
        a = s.scalars(select(Application).where(Application.reference == refs[1])).one()
        assert a.beneficiary.first_name == "فاطمة"
        assert a.beneficiary.extra == {"note": "اختبار"}
        # POL-H3: the reason code of a referral travels with it.
        assert set(s.scalars(select(Referral.reason_code))) == {ReferralReason.ELIGIBILITY}

    # Imported people are found by the committee's search like its own (the index follows
    # the rows, whoever wrote them).
    from makarem_desk.search import SearchService

    hits = SearchService(committee.db).search(SYSTEM, "فاطمة القحطاني")
    assert [h.full_name for h in hits] == ["فاطمة عبدالله سالم القحطاني"]

    # The committee sees the three applications with their declarations, and decides.
    pending = CommitteeService(committee.db).pending(SYSTEM)
    assert sorted(p.reference for p in pending) == sorted(refs)
    assert all(p.has_declaration_pdf for p in pending)
    assert CommitteeService(committee.db).declaration_pdf(SYSTEM, pending[0].id).startswith(b"%PDF")
    member = _committee_member()
    CommitteeService(committee.db).decide(member, refs[0], accepted=True, reason="مستوفٍ للشروط")
    CommitteeService(committee.db).decide(member, refs[1], accepted=False,
                                          reason="لا تنطبق شروط البرنامج")

    back = export1(committee, out)
    assert back.path is not None and back.plan.kind == "decisions"
    # Only the committee's own changes travel back, not the counter's records.
    assert back.counts == {"application": 2}

    before_decl = _count(counter.db, Declaration)
    result = counter.svc.import_file(SYSTEM, counter.identity, back.path)
    assert result.total("updated") == 2 and result.total("conflicts") == 0
    assert status_of(counter.db, refs[0]) is ApplicationStatus.ACCEPTED
    assert status_of(counter.db, refs[1]) is ApplicationStatus.REJECTED
    assert status_of(counter.db, refs[2]) is ApplicationStatus.SUBMITTED
    assert _count(counter.db, Declaration) == before_decl
    with counter.db.reader() as s:
        a = s.scalars(select(Application).where(Application.reference == refs[1])).one()
        assert a.decision_reason == "لا تنطبق شروط البرنامج"
        assert a.decided_by == member.full_name and a.decided_at is not None
        assert a.site_id == "COM1" and a.version == 2

    # Re-importing changes nothing, on either side.
    state = snapshot(counter.db)
    again = counter.svc.import_file(SYSTEM, counter.identity, back.path)
    assert again.already_imported and snapshot(counter.db) == state
    state = snapshot(committee.db)
    assert committee.svc.import_file(SYSTEM, committee.identity, first.path).already_imported
    assert snapshot(committee.db) == state

    # Who sent and received what is in the audit trail of each side.
    from makarem_desk.models import AuditEvent

    with counter.db.reader() as s:
        actions = s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
        # Trusting the committee (the fixture's set-up) comes first.
        assert actions == ["peer_trusted", "sync_export", "sync_import"]
    with committee.db.reader() as s:
        row = s.scalars(select(AuditEvent).where(AuditEvent.action == "sync_import")).one()
        assert row.entity_id == "RYD1#1" and row.details["counts"]["beneficiary"] == {"inserted": 3}

    # The counter's next export holds nothing: decisions it received are not sent back.
    nothing = export1(counter, out)
    assert nothing.path is None

    # A later change at the counter travels as batch 2 and updates the committee's copy.
    add_case(counter.db, first_name="نورة")
    second = export1(counter, out)
    assert second.path is not None and second.plan.sequence == 2
    # The program it refers to comes along (unchanged: a no-op there).
    assert second.counts["beneficiary"] == 1 and second.counts["program"] == 1
    res2 = committee.svc.import_file(SYSTEM, committee.identity, second.path)
    assert res2.total("inserted") == 6 and res2.total("unchanged") == 1
    assert _count(committee.db, SatisfactionResponse) == 4


def test_batch_contents_manifest_and_summary(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    ref = add_case(counter.db)
    result = export1(counter, tmp_path)
    env = open_envelope(result.path.read_bytes())
    assert (env.site_id, env.destination, env.sequence, env.kind) == ("RYD1", "COM1", 1, "records")
    contents = Contents(committee.identity.decrypt(env.ciphertext))
    contents.verify_all()
    m = contents.manifest
    assert m["site_id"] == "RYD1" and m["sequence"] == 1 and m["change_seq_from"] == 0
    assert m["change_seq_to"] >= 7 and m["counts"]["declaration"] == 1
    from makarem_desk.migrate import head_revision

    assert m["schema_version"] == head_revision()
    assert m["destination"] == "COM1"
    names = set(contents.members)
    assert {"records/beneficiary.jsonl", "summary.xlsx"} <= names
    assert any(n.startswith("declarations/") and n.endswith(".pdf") for n in names)
    assert any(n.endswith("-signature.png") for n in names)
    rows = [json.loads(x) for x in contents.read("records/beneficiary.jsonl").splitlines()]
    assert rows[0]["first_name"] == "محمد" and "change_seq" not in rows[0]

    wb = load_workbook(io.BytesIO(contents.read("summary.xlsx")))
    ws = wb.active
    assert ws.sheet_view.rightToLeft is True
    assert ws["A1"].value == "رقم الطلب" and ws["B1"].value == "اسم المستفيد"
    assert ws["A2"].value == ref and ws["B2"].value == "محمد عبدالله سالم القحطاني"
    assert ws["F2"].value == "لدى لجنة البحث"

    # The zip inside is ordinary: any unzip tool reads it.
    zipfile.ZipFile(io.BytesIO(committee.identity.decrypt(env.ciphertext))).testzip()


def test_recreate_earlier_batch(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db)
    first = export1(counter, tmp_path)
    original = first.path.read_bytes()
    add_case(counter.db)
    export1(counter, tmp_path)
    lost = tmp_path / "lost"
    lost.mkdir()
    again = export1(counter, lost, batch=1)
    assert again.path.name == first.path.name and again.counts == first.counts
    assert again.path.read_bytes() != original  # fresh encryption, same records
    with counter.db.reader() as s:  # re-creating does not move the cursor
        assert s.scalar(select(func.count()).select_from(SyncBatch)) == 2
    res = committee.svc.import_file(SYSTEM, committee.identity, again.path)
    assert res.total("inserted") == 7
    # The original file, with the same records, is then recognised as already imported.
    first.path.write_bytes(original)
    assert committee.svc.import_file(SYSTEM, committee.identity, first.path).already_imported


def _committee_member():  # type: ignore[no-untyped-def]
    import uuid

    from makarem_desk.models import Role
    from makarem_desk.services.actor import Actor

    return Actor(user_id=uuid.uuid4(), username="amal", full_name="أمل الشهري",
                 role=Role.COMMITTEE_MEMBER)


@pytest.mark.parametrize("counter_and_committee", BACKENDS, indirect=True)
def test_demo_data_travels_whole(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Every table the demo generator fills arrives identical, value for value."""
    from makarem_desk.demo import DemoGenerator
    from makarem_desk.sync.records import CODECS, TABLES

    counter, committee = counter_and_committee
    DemoGenerator(counter.db, seed=11).run(300)
    # The demo invents the committee's answers at the counter; a real counter never holds
    # a decision it did not receive, and the committee refuses one it did not make.
    with pytest.raises(BatchRefused, match="already decided: .*only the committee sets"):
        committee.svc.import_file(SYSTEM, committee.identity, export1(counter, tmp_path).path)
    with counter.db.session() as s:
        s.execute(update(Application).where(Application.status.in_(
            [ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED])).values(
            status=ApplicationStatus.SUBMITTED, decision_reason=None, decided_at=None,
            decided_by=None))
    again = tmp_path / "again"
    again.mkdir()
    result = committee.svc.import_file(SYSTEM, committee.identity,
                                       export1(counter, again, batch=1).path)
    assert result.total("conflicts") == 0 and result.total("inserted") > 600
    for table in TABLES:
        cols = CODECS[table.name].columns
        with counter.db.reader() as s:
            here = {r.id: tuple(r) for r in s.execute(select(*cols))}
        with committee.db.reader() as s:
            there = {r.id: tuple(r) for r in s.execute(select(*cols))}
        assert here == there, table.name
