"""The streamed batch keeps the batch format: a batch made before streaming (a fixture
made by the in-memory exporter of commit d2ff304, with the committee keys it was encrypted
to) is imported as before, and a streamed batch is read, member by member and byte for
byte, by the one-shot steps the importer of that commit takes (Ed25519 verify, age
decrypt, zip directory and manifest), with JSON lines identical to what that exporter
wrote for the same rows."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from db_support import set_up, sqlite_database
from sqlalchemy import select
from sync_support import PDF, PNG, add_case, export1

from makarem_desk.models import SyncBatch
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import KeyStore, SyncService, container
from makarem_desk.sync.files import file_sha256
from makarem_desk.sync.records import CODECS, TABLES

OLD = Path(__file__).parent / "fixtures" / "old_batch"
OLD_BATCH = OLD / "RYD1-to-COM1-000001.mkb"


def _encoded_rows(db) -> dict[str, list[dict[str, Any]]]:  # type: ignore[no-untyped-def]
    out = {}
    with db.reader() as s:
        for t in TABLES:
            rows = [CODECS[t.name].encode(r, {}) for r in s.execute(select(*CODECS[t.name].columns))]
            out[t.name] = sorted(rows, key=lambda d: d["id"])
    # As the fixture stored them (values JSON can carry, the rest as text).
    return json.loads(json.dumps(out, ensure_ascii=False, default=str))


def test_batch_made_before_streaming_imports(tmp_path: Path) -> None:
    db = sqlite_database(tmp_path / "com.sqlite3", site_id=None)
    try:
        set_up(db, "COM1", "committee")
        shutil.copytree(OLD / "keys-COM1", tmp_path / "keys")
        svc = SyncService(db, KeyStore(tmp_path / "keys"))
        svc.trust(SYSTEM, OLD / "RYD1.pub.json", role="site")
        identity = KeyStore(tmp_path / "keys").unlock("committee-passphrase-1")
        result = svc.import_file(SYSTEM, identity, OLD_BATCH)
        assert result.total("inserted") == 19 and result.total("conflicts") == 0
        expected = json.loads((OLD / "rows.json").read_text(encoding="utf-8"))
        got = _encoded_rows(db)
        for table, rows in expected.items():
            assert [{k: v for k, v in r.items() if k != "site_id"} for r in got[table]] == \
                   [{k: v for k, v in r.items() if k != "site_id"} for r in rows], table
        assert {r["site_id"] for rows in got.values() for r in rows} == {"RYD1"}
    finally:
        db.dispose()


def test_streamed_batch_reads_with_the_one_shot_steps(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    refs = [add_case(counter.db, first_name=n) for n in ("محمد", "فاطمة", "خالد")]
    out = tmp_path / "usb"
    out.mkdir()
    result = export1(counter, out)
    data = result.path.read_bytes()

    env = container.open_envelope(data)
    # The one-shot signature check of cryptography, over header and whole ciphertext.
    assert counter.identity.public.verify(env.signature, env.signed_message)
    assert env.signature == counter.identity.sign(env.signed_message)  # Ed25519 is deterministic
    plaintext = committee.identity.decrypt(env.ciphertext)
    zf = zipfile.ZipFile(io.BytesIO(plaintext))
    manifest = json.loads(zf.read(container.MANIFEST))
    assert manifest["counts"] == result.counts
    names = set(zf.namelist()) - {container.MANIFEST}
    assert names == set(manifest["members"])
    for name, meta in manifest["members"].items():
        body = zf.read(name)
        assert (hashlib.sha256(body).hexdigest(), len(body)) == (meta["sha256"], meta["size"])
    container.Contents(plaintext).verify_all()

    # Each JSON lines member is, byte for byte, what the in-memory exporter wrote.
    blobs: dict[str, bytes] = {}
    with counter.db.reader() as s:
        for t in TABLES:
            codec = CODECS[t.name]
            rows = s.execute(select(*codec.columns).order_by(t.c.change_seq, t.c.id)).all()
            old = b"".join(json.dumps(codec.encode(r, blobs), ensure_ascii=False,
                                      separators=(",", ":")).encode("utf-8") + b"\n"
                           for r in rows)
            assert zf.read(f"records/{t.name}.jsonl") == old, t.name
    assert {n: zf.read(n) for n in blobs} == blobs and len(blobs) == 6
    assert {zf.read(n) for n in blobs if n.endswith(".png")} == {PNG}
    assert {zf.read(n) for n in blobs if n.endswith(".pdf")} == {PDF + r.encode() for r in refs}

    # The database recorded the file by its exact bytes; the committee imports it.
    with counter.db.reader() as s:
        assert s.scalars(select(SyncBatch.sha256)).one() == file_sha256(result.path)
    imported = committee.svc.import_file(SYSTEM, committee.identity, result.path)
    assert imported.total("inserted") == 19
    assert _encoded_rows(committee.db) == {
        t: [{**r, "site_id": "RYD1"} for r in rows] for t, rows in _encoded_rows(counter.db).items()}
