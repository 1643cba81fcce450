"""Every refused batch leaves the database exactly as it was, with a clear message."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pyrage
import pytest
from sqlalchemy import func, select, update
from sync_support import PASSPHRASES, add_case, database, export1, install, snapshot

from makarem_desk.models import Beneficiary, SyncBatch
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import BatchHeld, BatchRefused, KeyStore, SyncError, container


@pytest.fixture
def exported(counter_and_committee, tmp_path):  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db)
    result = export1(counter, tmp_path)
    return counter, committee, result.path


def _refused(committee, path: Path, match: str, exc=BatchRefused) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(committee.db)
    trail = _refusals(committee)
    with pytest.raises(exc, match=match) as info:
        committee.svc.import_file(SYSTEM, committee.identity, path)
    assert info.value.message_ar  # the interface has an Arabic message to show
    assert snapshot(committee.db) == before
    # ... and the audit trail has the refusal, in its words.
    [(action, reason)] = _refusals(committee)[len(trail):]
    assert action == ("sync_import_held" if exc is BatchHeld else "sync_import_refused")
    assert reason == info.value.message.split(" It is kept aside")[0]


def _refusals(inst) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from makarem_desk.models import AuditEvent

    with inst.db.reader() as s:
        rows = s.execute(select(AuditEvent.action, AuditEvent.details).where(
            AuditEvent.action.in_(["sync_import_refused", "sync_import_held"]))
            .order_by(AuditEvent.at)).all()
        return [(a, d["reason"]) for a, d in rows]


def test_tampered_ciphertext_is_refused(exported, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, committee, path = exported
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "bad.mkb"
    bad.write_bytes(bytes(data))
    _refused(committee, bad, "signature .* does not match")


def test_tampered_header_is_refused(exported, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, committee, path = exported
    bad = tmp_path / "bad.mkb"
    bad.write_bytes(path.read_bytes().replace(b"seq=1 ", b"seq=7 ", 1))
    _refused(committee, bad, "signature .* does not match")


@pytest.mark.parametrize("keep", [0, 10, 45, 120, -200, -1])
def test_truncated_batch_is_refused(exported, tmp_path, keep: int) -> None:  # type: ignore[no-untyped-def]
    _, committee, path = exported
    data = path.read_bytes()
    bad = tmp_path / "cut.mkb"
    bad.write_bytes(data[:keep] if keep >= 0 else data[: len(data) + keep])
    _refused(committee, bad, "not a Makarem Desk batch|truncated|signature")


def test_batch_for_another_committee_is_refused(exported, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, path = exported
    env = container.open_envelope(path.read_bytes())
    plaintext = committee.identity.decrypt(env.ciphertext)
    stranger = pyrage.x25519.Identity.generate().to_public()
    ciphertext = container.encrypt(plaintext, [stranger])
    bad = tmp_path / "elsewhere.mkb"
    bad.write_bytes(container.seal(env.header, ciphertext, counter.identity.sign(env.header + ciphertext)))
    _refused(committee, bad, "not encrypted for this installation")


def test_untrusted_site_is_refused(counter_and_committee, key_material, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, committee = counter_and_committee
    with database("sqlite", "JED1", tmp_path) as (db, url):
        jeddah = install(db, url, "JED1", key_material, tmp_path, ("COM1",))
        add_case(jeddah.db)
        path = export1(jeddah, tmp_path).path
    _refused(committee, path, "JED1, which is not a trusted installation")


def test_own_batch_and_not_a_batch_are_refused(exported, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, _, path = exported
    with pytest.raises(BatchRefused, match="made by this installation"):
        counter.svc.import_file(SYSTEM, counter.identity, path)
    junk = tmp_path / "notes.txt"
    junk.write_text("hello\n")
    with pytest.raises(BatchRefused, match="not a Makarem Desk batch"):
        counter.svc.import_file(SYSTEM, counter.identity, junk)


def _forge(counter, committee, path: Path, out: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Re-pack a genuine batch after ``change(members, manifest)``, validly encrypted and
    signed by the counter: what only a bug or a stolen key could produce."""
    env = container.open_envelope(path.read_bytes())
    zf = zipfile.ZipFile(io.BytesIO(committee.identity.decrypt(env.ciphertext)))
    manifest = json.loads(zf.read("manifest.json"))
    members = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
    keep_sums = change(members, manifest)
    plaintext = container.build_zip(manifest, members)
    if keep_sums:  # put the old checksums back so they no longer match
        z2 = zipfile.ZipFile(io.BytesIO(plaintext))
        m2 = json.loads(z2.read("manifest.json"))
        m2["members"].update(keep_sums)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zw:
            zw.writestr("manifest.json", json.dumps(m2))
            for n in members:
                zw.writestr(n, members[n])
        plaintext = buf.getvalue()
    ciphertext = container.encrypt(plaintext, [committee.identity.public.recipient()])
    out.write_bytes(container.seal(env.header, ciphertext,
                                   counter.identity.sign(env.header + ciphertext)))
    return out


def test_checksum_mismatch_inside_is_refused(exported, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, path = exported

    def change(members, manifest):  # type: ignore[no-untyped-def]
        old = {"records/beneficiary.jsonl": manifest["members"]["records/beneficiary.jsonl"]}
        members["records/beneficiary.jsonl"] = members["records/beneficiary.jsonl"].replace(
            "محمد".encode(), "أحمد".encode())
        return old

    bad = _forge(counter, committee, path, tmp_path / "sums.mkb", change)
    _refused(committee, bad, "Checksum mismatch for records/beneficiary.jsonl")


def test_record_claiming_another_site_is_refused(exported, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, path = exported

    def change(members, manifest):  # type: ignore[no-untyped-def]
        members["records/contact.jsonl"] = members["records/contact.jsonl"].replace(
            b'"site_id":"RYD1"', b'"site_id":"JED1"')

    bad = _forge(counter, committee, path, tmp_path / "forged.mkb", change)
    _refused(committee, bad, "carries a record written by JED1")


def test_batch_that_does_not_fit_rolls_back_entirely(exported, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, path = exported

    def change(members, manifest):  # type: ignore[no-untyped-def]
        # The referral points at an application nobody has: the last table fails after
        # the others were written in the same transaction.
        rec = json.loads(members["records/satisfaction_response.jsonl"])
        rec["application_id"] = "00000000-0000-4000-8000-000000000001"
        members["records/satisfaction_response.jsonl"] = json.dumps(rec).encode() + b"\n"

    bad = _forge(counter, committee, path, tmp_path / "orphan.mkb", change)
    _refused(committee, bad, "does not fit this database")


def test_out_of_order_batch_is_held_then_accepted_with_allow_gap(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db)
    b1 = export1(counter, tmp_path).path
    add_case(counter.db)
    b2 = export1(counter, tmp_path).path
    add_case(counter.db)
    b3 = export1(counter, tmp_path).path

    _refused(committee, b3, r"arrived before batch 1, 2", exc=BatchHeld)
    with pytest.raises(BatchHeld) as info:
        committee.svc.import_file(SYSTEM, committee.identity, b3)
    assert info.value.missing == [1, 2]

    res = committee.svc.import_file(SYSTEM, committee.identity, b3, allow_gap=True)
    # Batch 3 brought the program it needs along, so it stands on its own.
    assert res.gap == [1, 2] and res.total("inserted") == 7
    assert committee.svc.missing_batches(SYSTEM, "RYD1") == [1, 2]
    with committee.db.reader() as s:
        row = s.scalars(select(SyncBatch).where(SyncBatch.sequence == 3)).one()
        assert row.gap_before is True
    # The missing batches are still welcome when they turn up.
    committee.svc.import_file(SYSTEM, committee.identity, b1)
    committee.svc.import_file(SYSTEM, committee.identity, b2)
    assert committee.svc.missing_batches(SYSTEM, "RYD1") == []


def test_replayed_batch_with_other_contents_is_refused(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db)
    add_case(counter.db, first_name="سارة")
    first = export1(counter, tmp_path).path
    committee.svc.import_file(SYSTEM, committee.identity, first)
    # One record of batch 1 changes afterwards: a re-created batch 1 no longer has it.
    with counter.db.session() as s:
        s.execute(select(Beneficiary)).scalars().first().city = "جدة"
    older = tmp_path / "old"
    older.mkdir()
    recreated = export1(counter, older, batch=1).path
    _refused(committee, recreated, "already imported and this file holds different records")


def test_wrong_passphrase_is_a_clear_error(exported) -> None:  # type: ignore[no-untyped-def]
    counter, _, _ = exported
    store = KeyStore(counter.keys_dir)
    with pytest.raises(SyncError, match="Wrong passphrase"):
        store.unlock("not-the-passphrase")
    assert store.unlock(PASSPHRASES["RYD1"]).public.site_id == "RYD1"


def test_keys_are_never_overwritten(exported) -> None:  # type: ignore[no-untyped-def]
    counter, _, _ = exported
    before = (counter.keys_dir / "identity.json").read_bytes()
    with pytest.raises(SyncError, match="refusing to overwrite"):
        KeyStore(counter.keys_dir).init(site_id="RYD1", role="site", name="x",
                                        passphrase="another-passphrase")
    assert (counter.keys_dir / "identity.json").read_bytes() == before


def test_export_without_trusted_committee_says_what_to_do(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, _ = counter_and_committee
    with counter.db.session() as s:
        from makarem_desk.models import Site

        s.execute(update(Site).where(Site.is_local.is_(False)).values(settings={}))
    add_case(counter.db)
    with pytest.raises(SyncError, match="keys trust FILE --role committee"):
        export1(counter, tmp_path)
    assert list(tmp_path.glob("*.mkb")) == []


def test_cancelled_export_and_import_leave_nothing(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.sync.export import ExportCancelled

    counter, committee = counter_and_committee
    add_case(counter.db)
    seen: list[str] = []

    def cancel_at_encrypt() -> bool:
        return "encrypt" in seen

    out = tmp_path / "usb"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        counter.svc.export(SYSTEM, counter.identity, out,
                           progress=lambda d, t, label: seen.append(label),
                           cancelled=cancel_at_encrypt)
    assert list(out.iterdir()) == []
    with counter.db.reader() as s:
        assert s.scalars(select(SyncBatch)).all() == []

    path = export1(counter, out).path
    before = snapshot(committee.db)

    class Stop(Exception):
        pass

    def stop_at_commit(done: int, total: int, label: str) -> None:
        if label == "commit":  # everything merged, not yet committed
            raise Stop

    with pytest.raises(Stop):
        committee.svc.import_file(SYSTEM, committee.identity, path, progress=stop_at_commit)
    assert snapshot(committee.db) == before


def test_early_batches_are_kept_and_imported_when_the_missing_one_arrives(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    files = []
    for _ in range(3):
        add_case(counter.db)
        files.append(export1(counter, tmp_path).path)
    for early in (files[2], files[1]):
        with pytest.raises(BatchHeld, match="kept aside"):
            committee.svc.import_file(SYSTEM, committee.identity, early)
    assert committee.svc.held_batches(SYSTEM) == ["RYD1-000002.mkb", "RYD1-000003.mkb"]
    files[1].unlink()  # the USB stick is gone: the kept copy is what counts
    result = committee.svc.import_file(SYSTEM, committee.identity, files[0])
    assert [r.sequence for r in result.released] == [2, 3]
    assert committee.svc.held_batches(SYSTEM) == []
    assert committee.svc.missing_batches(SYSTEM, "RYD1") == []
    with committee.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Beneficiary)) == 3
