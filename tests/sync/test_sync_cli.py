"""The command line: keys, export, import, decide — and kill -9 at any moment."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from db_support import add_user, sqlite_database
from sqlalchemy import func, insert, select, update
from sync_support import PASSPHRASES, add_case, snapshot, status_of

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.models import (
    ApplicationStatus,
    Beneficiary,
    ChangeCounter,
    IdentityType,
    Role,
    SyncBatch,
)
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import BatchRefused
from makarem_desk.sync.container import Contents, open_envelope

ROOT = Path(__file__).resolve().parents[2]


def _db(path: Path, site: str, role: str = "site") -> tuple[Database, str]:
    db = sqlite_database(path, site, role)
    return db, db.url.render_as_string(hide_password=False)


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_keys_export_import_decide_round_trip(tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cdb, curl = _db(tmp_path / "counter.sqlite3", "RYD1")
    mdb, murl = _db(tmp_path / "committee.sqlite3", "COM1", "committee")
    ref = add_case(cdb)
    cpass, mpass = tmp_path / "c.pass", tmp_path / "m.pass"
    cpass.write_text(PASSPHRASES["RYD1"] + "\n")
    mpass.write_text(PASSPHRASES["COM1"] + "\n")
    ck, mk = str(tmp_path / "ck"), str(tmp_path / "mk")
    monkeypatch.delenv("MAKAREM_PASSPHRASE", raising=False)

    code, out, _ = _run(capsys, "--db", curl, "keys", "init", "--keys-dir", ck,
                        "--passphrase-file", str(cpass))
    assert code == 0 and "RYD1 (site)" in out and "Fingerprint:" in out
    code, _, err = _run(capsys, "--db", curl, "keys", "init", "--keys-dir", ck,
                        "--passphrase-file", str(cpass))
    assert code == 1 and "refusing to overwrite" in err and "Traceback" not in err
    assert _run(capsys, "--db", murl, "keys", "init", "--role", "committee", "--keys-dir", mk,
                "--passphrase-file", str(mpass))[0] == 0
    for keys, name in ((ck, "c.pub"), (mk, "m.pub")):
        code, out, _ = _run(capsys, "keys", "export-public", "--keys-dir", keys,
                            "--out", str(tmp_path / name))
        assert code == 0 and name in out
    code, out, _ = _run(capsys, "--db", curl, "keys", "trust", str(tmp_path / "m.pub"),
                        "--role", "committee")
    assert code == 0 and "Now trusting COM1 (committee)" in out
    code, _, err = _run(capsys, "--db", murl, "keys", "trust", str(tmp_path / "c.pub"),
                        "--role", "committee")
    assert code == 1 and "is for a site installation" in err
    assert _run(capsys, "--db", murl, "keys", "trust", str(tmp_path / "c.pub"), "--role", "site")[0] == 0
    code, out, _ = _run(capsys, "--db", murl, "keys", "list", "--keys-dir", mk)
    assert "this installation: COM1 (committee)" in out and "trusted: RYD1 (site)" in out

    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = _run(capsys, "--db", curl, "export", "--out", str(usb), "--keys-dir", ck,
                          "--passphrase-file", str(cpass))
    assert code == 0, err
    batch = Path(out.strip())
    assert batch.parent == usb and batch.exists() and "batch 1 for COM1" in err

    # A wrong passphrase is a plain message and exit 1.
    wrong = tmp_path / "wrong.pass"
    wrong.write_text("not the passphrase\n")
    code, _, err = _run(capsys, "--db", murl, "import", str(batch), "--keys-dir", mk,
                        "--passphrase-file", str(wrong))
    assert code == 1 and "Wrong passphrase" in err and "Traceback" not in err

    monkeypatch.setenv("MAKAREM_PASSPHRASE", PASSPHRASES["COM1"])
    code, out, _ = _run(capsys, "--db", murl, "import", str(batch), "--keys-dir", mk)
    assert code == 0 and "batch 1 from RYD1 imported: 7 new" in out
    code, out, _ = _run(capsys, "--db", murl, "import", str(batch), "--keys-dir", mk)
    assert code == 0 and "already imported; nothing changed" in out

    # The decision is made by a committee member named by user name, never a typed name.
    add_user(mdb, "mona", "د. منى العمري", Role.COMMITTEE_MEMBER)
    add_user(mdb, "reem", "ريم الدوسري", Role.RECEPTIONIST)
    code, _, err = _run(capsys, "--db", murl, "decide", ref, "--accept", "--reason", "مستوفٍ",
                        "--by", "د. منى العمري")
    assert code == 1 and "no user has this user name" in err
    code, _, err = _run(capsys, "--db", murl, "decide", ref, "--accept", "--reason", "مستوفٍ",
                        "--by", "reem")
    assert code == 1 and "may not do this" in err and "Traceback" not in err
    assert status_of(mdb, ref) is ApplicationStatus.SUBMITTED
    code, out, _ = _run(capsys, "--db", murl, "decide", ref, "--accept", "--reason", "مستوفٍ",
                        "--by", "mona")
    assert code == 0 and "accepted by د. منى العمري (mona)" in out
    code, _, err = _run(capsys, "--db", murl, "decide", "RYD1-0000-000000", "--reject",
                        "--reason", "x")
    assert code == 1 and "Traceback" not in err
    with pytest.raises(SystemExit) as usage:
        main(["--db", murl, "decide", ref, "--accept", "--reject", "--reason", "x"])
    assert usage.value.code == 2
    capsys.readouterr()

    code, out, err = _run(capsys, "--db", murl, "export", "--out", str(usb), "--keys-dir", mk)
    assert code == 0 and "batch 1 for RYD1: application 1" in err
    decisions = Path(out.strip())
    monkeypatch.setenv("MAKAREM_PASSPHRASE", PASSPHRASES["RYD1"])
    code, out, _ = _run(capsys, "--db", curl, "import", str(decisions), "--keys-dir", ck)
    assert code == 0 and "1 updated" in out
    assert status_of(cdb, ref) is ApplicationStatus.ACCEPTED
    with cdb.reader() as s:
        from makarem_desk.models import Application

        decided = s.scalars(select(Application).where(Application.reference == ref)).one()
        assert decided.decided_by == "د. منى العمري" and decided.decision_reason == "مستوفٍ"

    # The counter can now print the decision letter (the documents' command).
    letter = tmp_path / "letter.pdf"
    code, _, err = _run(capsys, "--db", curl, "print-decision", "--reference", ref,
                        "--out", str(letter))
    assert code == 0, err
    assert letter.read_bytes().startswith(b"%PDF")

    # Nothing new: no file, exit 0.
    code, out, err = _run(capsys, "--db", curl, "export", "--out", str(usb), "--keys-dir", ck)
    assert code == 0 and out == "" and "Nothing changed for COM1" in err

    # Held: batch 3 before batch 2.
    add_case(cdb)
    b2 = Path(_run(capsys, "--db", curl, "export", "--out", str(usb), "--keys-dir", ck)[1].strip())
    add_case(cdb)
    b3 = Path(_run(capsys, "--db", curl, "export", "--out", str(usb), "--keys-dir", ck)[1].strip())
    monkeypatch.setenv("MAKAREM_PASSPHRASE", PASSPHRASES["COM1"])
    code, _, err = _run(capsys, "--db", murl, "import", str(b3), "--keys-dir", mk)
    assert code == 1 and "arrived before batch 2" in err and "kept aside" in err
    code, out, _ = _run(capsys, "--db", murl, "import", str(b2), "--keys-dir", mk)
    assert code == 0 and "batch 3 from RYD1, kept aside until now, imported" in out
    # --allow-gap: batch 5 before 4 is taken at once, and the gap is recorded.
    monkeypatch.setenv("MAKAREM_PASSPHRASE", PASSPHRASES["RYD1"])
    add_case(cdb)
    b4 = Path(_run(capsys, "--db", curl, "export", "--out", str(usb), "--keys-dir", ck)[1].strip())
    add_case(cdb)
    b5 = Path(_run(capsys, "--db", curl, "export", "--out", str(usb), "--keys-dir", ck)[1].strip())
    monkeypatch.setenv("MAKAREM_PASSPHRASE", PASSPHRASES["COM1"])
    code, out, err = _run(capsys, "--db", murl, "import", str(b5), "--keys-dir", mk, "--allow-gap")
    assert code == 0 and "batch 4 from RYD1 has not arrived" in err
    assert _run(capsys, "--db", murl, "import", str(b4), "--keys-dir", mk)[0] == 0
    code, _, err = _run(capsys, "--db", murl, "import", str(tmp_path / "nope.mkb"), "--keys-dir", mk)
    assert code == 1 and "Cannot read" in err
    cdb.dispose()
    mdb.dispose()


# -- kill -9 ----------------------------------------------------------------------------

N_BULK = 6_000


def _bulk(db: Database, n: int) -> None:
    """Many beneficiaries quickly, with the columns the ORM would have set."""
    now = datetime.now(UTC)
    with db.session() as s:
        start = s.scalar(select(ChangeCounter.value).where(ChangeCounter.id == 1)) or 0
        rows = [
            dict(id=uuid.uuid4(), site_id=db.site_id, version=1, created_at=now, updated_at=now,
                 change_seq=start + i + 1, first_name="عبدالرحمن", father_name="ناصر",
                 grandfather_name="سعد", family_name=f"العتيبي {i}",
                 identity_type=IdentityType.IQAMA, identity_number=f"2{i:09d}",
                 phone="+966551234567", city="الدمام", search_key="", extra={})
            for i in range(n)
        ]
        s.execute(insert(Beneficiary), rows)
        if s.get(ChangeCounter, 1) is None:
            s.add(ChangeCounter(id=1, value=start + n))
        else:
            s.execute(update(ChangeCounter).values(value=start + n))


def _cli(url: str, keys: Path, passphrase: str, *argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, "MAKAREM_PASSPHRASE": passphrase, "MAKAREM_KEYS_DIR": str(keys),
           "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "makarem_desk", "--verbose", "--db", url, *argv],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                            text=True)


def _kill_after(p: subprocess.Popen[str], stage: str, delay: float) -> str:
    """SIGKILL the command ``delay`` seconds after it reports ``stage``; returns the last
    stage it reported (or "" if it finished first)."""
    assert p.stderr is not None
    seen = ""
    for line in p.stderr:
        if line.startswith("progress: "):
            seen = line.split()[1]
            if seen == stage:
                time.sleep(delay)
                break
    p.send_signal(signal.SIGKILL)
    p.wait(60)
    return seen


def _count(db: Database, model: type) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.slow
def test_kill_9_during_export_and_import(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    _bulk(counter.db, N_BULK)
    add_case(counter.db)
    rng = random.Random(20261129)
    out = tmp_path / "out"
    out.mkdir()

    # Killed while reading, encrypting, writing/renaming/recording: never a batch that
    # looks valid without being whole, and the cursor moves only for a file on disk.
    for stage in ("encrypt", "write", "write"):
        p = _cli(counter.url, counter.keys_dir, PASSPHRASES["RYD1"], "export", "--out", str(out))
        _kill_after(p, stage, rng.uniform(0, 0.04))
        with counter.db.reader() as s:
            recorded = {b.file_name for b in s.scalars(select(SyncBatch).where(
                SyncBatch.state == "done"))}
        assert recorded <= {f.name for f in out.glob("*.mkb")}
        for f in out.glob("*.mkb"):
            env = open_envelope(f.read_bytes())
            assert counter.identity.public.verify(env.signature, env.signed_message)
            Contents(committee.identity.decrypt(env.ciphertext)).verify_all()
        for partial in out.glob(".*.partial"):
            with pytest.raises(BatchRefused):
                committee.svc.import_file(SYSTEM, committee.identity, partial)
            # Even copied under another name, it is refused unless the kill fell in the
            # instant between its last write and the rename, when it is whole.
            try:
                opened = committee.svc.importer.open(committee.identity, partial.read_bytes())
            except BatchRefused:
                continue
            assert sum(opened.contents.manifest["counts"].values()) >= N_BULK
        if recorded:
            break

    # The next complete export carries everything not yet recorded as sent.
    p = _cli(counter.url, counter.keys_dir, PASSPHRASES["RYD1"], "export", "--out", str(out))
    assert p.wait(120) == 0, p.stderr.read() if p.stderr else ""
    assert not list(out.glob(".*.partial"))
    batches = sorted(out.glob("*.mkb"))

    # Import killed while merging and while committing: all of the batch or nothing.
    empty = snapshot(committee.db)
    for stage in ("beneficiary", "commit", "commit"):
        p = _cli(committee.url, committee.keys_dir, PASSPHRASES["COM1"], "import", str(batches[0]))
        _kill_after(p, stage, rng.uniform(0, 0.03))
        if _count(committee.db, SyncBatch):
            assert _count(committee.db, Beneficiary) >= N_BULK // 2
            break
        assert snapshot(committee.db) == empty
    for f in batches:
        p = _cli(committee.url, committee.keys_dir, PASSPHRASES["COM1"], "import", str(f))
        assert p.wait(120) == 0, p.stderr.read() if p.stderr else ""
    assert _count(committee.db, Beneficiary) == N_BULK + 1
