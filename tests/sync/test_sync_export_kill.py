"""An export killed at each of its steps never orphans a batch: either no final batch file
exists and the cursor has not moved, or the file exists and the database knows it (as
pending, settled to sent by the next export).  The next export then delivers every record
to the committee exactly once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sync_support import PASSPHRASES, add_case, snapshot

from makarem_desk.models import Beneficiary, SyncBatch
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import BatchRefused
from makarem_desk.sync.container import Contents, open_envelope
from makarem_desk.sync.files import ENV_KILL_AT, KILL_POINTS, KILLED_EXIT, file_sha256
from makarem_desk.sync.records import CODECS, TABLES

ROOT = Path(__file__).resolve().parents[2]
BATCH1 = "RYD1-to-COM1-000001.mkb"
# Points after which the final file exists; there the test also carries it off to the
# committee before the next export, as a person who took the USB stick would.
FILE_EXISTS = {"renamed", "dir_synced", "sent_recorded"}
# Points before the database holds anything: the batch was streaming into its .partial.
BEFORE_PENDING = set(KILL_POINTS[: KILL_POINTS.index("pending_recorded")])
CASES = [(p, False) for p in KILL_POINTS] + [(p, True) for p in KILL_POINTS if p in FILE_EXISTS]


def _export_killed_at(inst, out: Path, point: str) -> int:  # type: ignore[no-untyped-def]
    env = {**os.environ, "MAKAREM_PASSPHRASE": PASSPHRASES[inst.site_id],
           "MAKAREM_KEYS_DIR": str(inst.keys_dir), "PYTHONPATH": str(ROOT), ENV_KILL_AT: point}
    p = subprocess.run([sys.executable, "-m", "makarem_desk", "--db", inst.url, "export",
                        "--out", str(out)], env=env, cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == KILLED_EXIT, p.stderr
    return p.returncode


def _batches(db) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    with db.reader() as s:
        return [(b.sequence, b.state, b.sha256) for b in
                s.scalars(select(SyncBatch).order_by(SyncBatch.sequence))]


def _rows(db) -> dict[str, dict[object, tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    out = {}
    for table in TABLES:
        with db.reader() as s:
            out[table.name] = {r.id: tuple(r) for r in s.execute(select(*CODECS[table.name].columns))}
    return out


@pytest.mark.parametrize(("point", "carried"), CASES,
                         ids=[f"{p}{'-carried' if c else ''}" for p, c in CASES])
def test_export_killed_at_each_point(counter_and_committee, tmp_path, point: str, carried: bool) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db, identity_number="2999000040")
    add_case(counter.db)
    out = tmp_path / "usb"
    out.mkdir()
    _export_killed_at(counter, out, point)

    final = out / BATCH1
    rows = _batches(counter.db)
    if not final.exists():
        # No batch file: the cursor has not moved (at most an intent, pending).
        assert point not in FILE_EXISTS
        assert [state for _, state, _ in rows] in ([], ["pending"])
        assert not any(state == "done" for _, state, _ in rows)
    else:
        # A whole, valid batch 1, and the database knows it by its exact bytes.
        assert point in FILE_EXISTS
        env = open_envelope(final.read_bytes())
        assert counter.identity.public.verify(env.signature, env.signed_message)
        Contents(committee.identity.decrypt(env.ciphertext)).verify_all()
        [(seq, state, sha)] = rows
        assert (seq, sha) == (1, file_sha256(final))
        assert state == ("done" if point == "sent_recorded" else "pending")
    assert not list(out.glob("*.mkb")) or [f.name for f in out.glob("*.mkb")] == [BATCH1]

    stick = tmp_path / "stick"
    stick.mkdir()
    if carried:
        shutil.move(final, stick / BATCH1)
    # Life goes on at the counter: a record of batch 1 changes, a new case arrives.
    with counter.db.session() as s:
        s.scalars(select(Beneficiary).where(Beneficiary.identity_number == "2999000040")
                  ).one().phone = "+966500000099"
    add_case(counter.db)

    results = counter.svc.export(SYSTEM, counter.identity, out)
    assert all(state == "done" for _, state, _ in _batches(counter.db))
    settled = [r for r in results if r.resumed]
    if point in BEFORE_PENDING | {"sent_recorded"}:
        assert settled == []  # nothing recorded yet, or all of it
    else:
        [again] = settled
        assert again.plan.sequence == 1 and again.path == final
        if point in FILE_EXISTS and not carried:
            # The file was there whole: recorded as sent as it is, not made again.
            assert again.path.exists() and _batches(counter.db)[0][2] == file_sha256(final)
    assert [r.plan.sequence for r in results] == [*([1] if settled else []),
                                                  1 if point in BEFORE_PENDING else 2]
    assert not list(out.glob(".*.partial"))

    # At the committee: the carried copy first (if any), then every batch on the stick.
    on_stick = sorted(out.glob("*.mkb"))
    assert {r.path for r in results} <= set(on_stick)
    inserted = 0
    for path in [*stick.glob("*.mkb"), *on_stick]:
        try:
            res = committee.svc.import_file(SYSTEM, committee.identity, path)
        except BatchRefused as exc:
            # Only the second copy of batch 1, made again over the same range after a
            # record in it changed: its newer version travels in batch 2.
            assert carried and path == final and "already imported" in exc.message
            continue
        inserted += res.total("inserted")
    assert _rows(committee.db) == _rows(counter.db)
    with counter.db.reader() as s:
        records = sum(int(s.scalar(select(func.count()).select_from(t)) or 0) for t in TABLES)
    assert inserted == records  # every record inserted exactly once
    with committee.db.reader() as s:  # the record changed after the kill, at its new version
        assert s.scalars(select(Beneficiary.phone).where(
            Beneficiary.identity_number == "2999000040")).one() == "+966500000099"
    state = snapshot(committee.db)
    assert counter.svc.export(SYSTEM, counter.identity, out)[-1].path is None
    assert snapshot(committee.db) == state
