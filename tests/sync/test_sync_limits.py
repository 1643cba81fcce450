"""The batch reader checks every member's size against the manifest and hard limits
before it unpacks anything: a zip bomb is refused, nothing written."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_support import add_case, export1, seal_plaintext, snapshot

from makarem_desk.models import AuditEvent
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import BatchRefused, container


@pytest.fixture
def genuine(counter_and_committee, tmp_path):  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db)
    path = export1(counter, tmp_path).path
    env = container.open_envelope(path.read_bytes())
    zf = zipfile.ZipFile(io.BytesIO(committee.identity.decrypt(env.ciphertext)))
    manifest = json.loads(zf.read(container.MANIFEST))
    members = {n: zf.read(n) for n in zf.namelist() if n != container.MANIFEST}
    return counter, committee, env.header, manifest, members


def _zip(manifest: dict, members: dict[str, bytes], *, listed: dict[str, int] | None = None) -> bytes:
    """A zip as the sender wrote it; ``listed`` overrides sizes the manifest gives."""
    manifest = dict(manifest)
    manifest["members"] = {n: {"sha256": container.sha256_hex(b),
                               "size": (listed or {}).get(n, len(b))}
                           for n, b in members.items()}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(container.MANIFEST, json.dumps(manifest))
        for n, b in members.items():
            zf.writestr(n, b)
    return buf.getvalue()


def _claim_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size the zip's directory and local header give ``name``."""
    out = bytearray(data)
    raw = name.encode()
    for sig, off in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        name_at = 46 if sig == b"PK\x01\x02" else 30
        pos = out.find(sig)
        while pos >= 0:
            n = struct.unpack_from("<H", out, pos + 28 if sig == b"PK\x01\x02" else pos + 26)[0]
            if bytes(out[pos + name_at : pos + name_at + n]) == raw:
                struct.pack_into("<I", out, pos + off, size)
            pos = out.find(sig, pos + 4)
    return bytes(out)


def _refused(committee, path: Path, match: str) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(committee.db)
    with pytest.raises(BatchRefused, match=match):
        committee.svc.import_file(SYSTEM, committee.identity, path)
    assert snapshot(committee.db) == before
    with committee.db.reader() as s:
        assert s.scalars(select(AuditEvent.action).where(
            AuditEvent.action == "sync_import_refused")).all() == ["sync_import_refused"]


def test_member_larger_than_its_manifest_says_is_refused(genuine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, header, manifest, members = genuine
    # 64 MiB of zeros: 64 KiB deflated; the manifest owns up to 100 bytes.
    members["records/referral.jsonl"] = bytes(64 << 20)
    plain = _zip(manifest, members, listed={"records/referral.jsonl": 100})
    assert len(plain) < 1 << 20
    path = seal_plaintext(plain, header, counter, committee, tmp_path / "bomb.mkb")
    _refused(committee, path, r"records/referral.jsonl .* is 67,108,864 bytes unpacked, but "
                              r"its manifest says 100")


def test_headers_claiming_less_than_the_data_are_damaged(genuine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Directory, local header and manifest all say 100 bytes; the deflate stream holds
    64 MiB.  Reading stops at 101 bytes and the member is refused as damaged."""
    counter, committee, header, manifest, members = genuine
    members["records/referral.jsonl"] = bytes(64 << 20)
    plain = _zip(manifest, members, listed={"records/referral.jsonl": 100})
    plain = _claim_size(plain, "records/referral.jsonl", 100)
    path = seal_plaintext(plain, header, counter, committee, tmp_path / "liar.mkb")
    _refused(committee, path, "Member records/referral.jsonl of the batch is damaged")


def test_member_over_the_hard_limit_is_refused_unread(genuine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A member claiming 3 GiB everywhere (manifest and zip headers agree) is refused on
    the numbers alone: nothing is decompressed."""
    counter, committee, header, manifest, members = genuine
    three_gib = 3 << 30
    plain = _zip(manifest, members, listed={"records/referral.jsonl": three_gib})
    plain = _claim_size(plain, "records/referral.jsonl", three_gib)
    path = seal_plaintext(plain, header, counter, committee, tmp_path / "huge.mkb")
    _refused(committee, path, "Member records/referral.jsonl would unpack to 3,221,225,472 "
                              "bytes, more than the 1,073,741,824")


def test_total_and_member_count_limits(genuine, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    counter, committee, header, manifest, members = genuine
    path = seal_plaintext(_zip(manifest, members), header, counter, committee, tmp_path / "ok.mkb")
    total = sum(len(b) for b in members.values())
    monkeypatch.setattr(container, "MAX_TOTAL_BYTES", total - 1)
    _refused(committee, path, f"The batch would unpack to {total:,} bytes")
    monkeypatch.setattr(container, "MAX_TOTAL_BYTES", total)
    monkeypatch.setattr(container, "MAX_MEMBERS", len(members) - 1)
    with pytest.raises(BatchRefused, match=f"holds {len(members) + 1:,} files"):
        committee.svc.import_file(SYSTEM, committee.identity, path)
    monkeypatch.setattr(container, "MAX_MEMBERS", len(members))
    assert committee.svc.import_file(SYSTEM, committee.identity, path).total("inserted") == 7


def test_manifest_without_sizes_or_with_a_name_twice_is_refused(genuine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, header, manifest, members = genuine
    m = dict(manifest)
    m["members"] = {n: {"sha256": container.sha256_hex(b)} for n, b in members.items()}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(container.MANIFEST, json.dumps(m))
        for n, b in members.items():
            zf.writestr(n, b)
    path = seal_plaintext(buf.getvalue(), header, counter, committee, tmp_path / "nosize.mkb")
    _refused(committee, path, "The manifest gives no size for")

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf, pytest.warns(UserWarning, match="Duplicate name"):
        zf.writestr(container.MANIFEST, json.dumps(m))
        zf.writestr(container.MANIFEST, json.dumps(m))
    path = seal_plaintext(buf.getvalue(), header, counter, committee, tmp_path / "twice.mkb")
    with pytest.raises(BatchRefused, match="names one file twice"):
        committee.svc.import_file(SYSTEM, committee.identity, path)


def test_a_batch_file_over_the_limit_is_not_read(genuine, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    counter, committee, header, manifest, members = genuine
    path = seal_plaintext(_zip(manifest, members), header, counter, committee, tmp_path / "big.mkb")
    monkeypatch.setattr(container, "MAX_FILE_BYTES", path.stat().st_size - 1)
    _refused(committee, path, "big.mkb is [0-9,]+ bytes, more than")
