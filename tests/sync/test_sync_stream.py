"""The pieces of a streamed batch: the two-pass Ed25519 signature equals the one-shot one,
the streamed zip holds what the in-memory zip holds, and a cancel raised while the
encryption library is pulling rows comes out as itself, leaving nothing behind."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sync_support import add_case, rows_of

from makarem_desk.models import SyncBatch
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import container
from makarem_desk.sync.stream_sign import StreamSigner


@pytest.mark.parametrize("size", [0, 1, 63, 64, 1000, 300_000])
def test_stream_signature_is_the_one_shot_signature(size: int) -> None:
    key = Ed25519PrivateKey.generate()
    seed = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    message = os.urandom(size)
    signer = StreamSigner(seed, public)
    for i in range(0, size, 7919):  # pieces of odd sizes, as a file is read
        signer.update(message[i : i + 7919])
    cut = size // 3
    signature = signer.finish(iter([message[:cut], b"", message[cut:]]))
    assert signature == key.sign(message)
    key.public_key().verify(signature, message)  # raises if not


def test_streamed_zip_holds_what_the_in_memory_zip_holds() -> None:
    lines = [f'{{"n":{i},"name":"محمد {i}"}}\n'.encode() for i in range(20_000)]
    members = {"records/beneficiary.jsonl": b"".join(lines), "declarations/x.pdf": b"%PDF-" * 9}
    pieces = list(container.stream_zip({"format": container.FORMAT}, [
        ("records/beneficiary.jsonl", (b"".join(lines[i : i + 999])
                                       for i in range(0, len(lines), 999))),
        ("declarations/x.pdf", [members["declarations/x.pdf"]]),
    ]))
    assert max(len(p) for p in pieces) < 1 << 17  # never the member whole
    streamed = container.Contents(b"".join(pieces))
    streamed.verify_all()
    old = container.Contents(container.build_zip({"format": container.FORMAT}, members))
    assert streamed.members == old.members
    assert container.content_digest(streamed.manifest) == container.content_digest(old.manifest)
    assert {n: streamed.read(n) for n in members} == members
    assert b"\n".join(streamed.lines("records/beneficiary.jsonl")) + b"\n" == b"".join(lines)
    info = zipfile.ZipFile(io.BytesIO(b"".join(pieces))).getinfo("records/beneficiary.jsonl")
    assert info.compress_type == zipfile.ZIP_DEFLATED


def test_cancel_while_rows_stream_leaves_nothing(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.sync.export import ExportCancelled

    counter, _committee = counter_and_committee
    add_case(counter.db)
    seen: list[str] = []
    out = tmp_path / "usb"
    out.mkdir()
    with pytest.raises(ExportCancelled):  # raised in a read pyrage.encrypt_io makes
        counter.svc.export(SYSTEM, counter.identity, out,
                           progress=lambda d, t, label: seen.append(label),
                           cancelled=lambda: "contact" in seen)
    assert "application" not in seen
    assert list(out.iterdir()) == []
    with counter.db.reader() as s:
        assert s.scalars(select(SyncBatch)).all() == []
    assert counter.svc.export(SYSTEM, counter.identity, out)[-1].path is not None


def test_a_full_disk_while_streaming_is_a_clear_refusal(counter_and_committee, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    from makarem_desk.sync import SyncError

    counter, _committee = counter_and_committee
    add_case(counter.db)
    out = tmp_path / "usb"
    out.mkdir()

    class FullDisk:
        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    real_init = container.TeeWriter.__init__
    monkeypatch.setattr(container.TeeWriter, "__init__",
                        lambda self, fh, also: real_init(self, FullDisk(), also))  # type: ignore[arg-type]
    with pytest.raises(SyncError, match="No space left on device"):
        counter.svc.export(SYSTEM, counter.identity, out)
    assert list(out.iterdir()) == []
    with counter.db.reader() as s:
        assert s.scalars(select(SyncBatch)).all() == []


def test_rows_sharing_a_change_sequence_come_in_id_order_with_their_parent(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A batch is read in change order along the change-sequence index, sorted again by id
    only where two rows share a sequence; a row whose parent was sent before brings it."""
    from datetime import UTC, datetime

    from sqlalchemy import func, update

    from makarem_desk.models import Beneficiary, Channel, Contact
    from makarem_desk.sync.records import TABLE_BY_NAME
    from makarem_desk.sync.selection import count_rows

    counter, committee = counter_and_committee
    add_case(counter.db)
    counter.svc.export(SYSTEM, counter.identity, tmp_path)
    with counter.db.session() as s:
        person = s.scalars(select(Beneficiary.id)).one()
        for _ in range(3):
            s.add(Contact(beneficiary_id=person, channel=Channel.PHONE, purpose="متابعة",
                          staff_name="موظف", started_at=datetime(2026, 11, 30, tzinfo=UTC)))
    with counter.db.session() as s:
        new = s.scalars(select(Contact.id).order_by(Contact.change_seq.desc()).limit(3)).all()
        top = s.scalar(select(func.max(Contact.change_seq)))
        s.execute(update(Contact).where(Contact.id.in_(new[:2])).values(change_seq=top))

    contact = TABLE_BY_NAME["contact"]
    with counter.db.reader() as s:
        in_range = contact.c.change_seq > top - 3
        assert count_rows(s, contact, in_range, set()) == (3, False)
        assert count_rows(s, contact, contact.c.change_seq < top, set())[1] is True
    [res] = counter.svc.export(SYSTEM, counter.identity, tmp_path)
    env = container.open_envelope(res.path.read_bytes())
    contents = container.Contents(committee.identity.decrypt(env.ciphertext))
    sent = [r["id"] for r in rows_of(contents.read("records/contact.jsonl"))]
    assert sent == [str(new[2]), *sorted(str(i) for i in new[:2])]
    persons = rows_of(contents.read("records/beneficiary.jsonl"))
    assert [p["id"] for p in persons] == [str(person)]  # outside the range, brought along
