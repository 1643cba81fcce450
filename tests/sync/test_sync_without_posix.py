"""A counter→committee exchange from the command line with fcntl (and every other
POSIX-only module) blocked, as on the counter's Windows PC: keys made and traded, a batch
exported under the export lock, imported at the committee."""

from __future__ import annotations

import json
from pathlib import Path

from db_support import sqlite_database
from portability_support import run_without_posix
from sqlalchemy import func, select
from sync_support import PASSPHRASES, add_case

from makarem_desk.models import Application, Beneficiary, SyncBatch

# Each command of the exchange in turn, in one interpreter (imports cost seconds each).
STEPS = """
import contextlib, io, json
from makarem_desk.cli import main
results = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""


def test_counter_to_committee_round_trip_without_posix_modules(tmp_path: Path) -> None:
    counter = sqlite_database(tmp_path / "counter.sqlite3", "RYD1")
    committee = sqlite_database(tmp_path / "committee.sqlite3", "COM1", "committee")
    try:
        references = {add_case(counter), add_case(counter)}
        curl, murl = (d.url.render_as_string(hide_password=False) for d in (counter, committee))
        cpass, mpass = tmp_path / "c.pass", tmp_path / "m.pass"
        cpass.write_text(PASSPHRASES["RYD1"] + "\n", encoding="utf-8")
        mpass.write_text(PASSPHRASES["COM1"] + "\n", encoding="utf-8")
        ck, mk, usb = tmp_path / "ck", tmp_path / "mk", tmp_path / "usb"
        usb.mkdir()
        steps = [
            ["--db", curl, "keys", "init", "--keys-dir", str(ck), "--passphrase-file", str(cpass)],
            ["--db", murl, "keys", "init", "--role", "committee", "--keys-dir", str(mk),
             "--passphrase-file", str(mpass)],
            ["keys", "export-public", "--keys-dir", str(ck), "--out", str(tmp_path / "c.pub")],
            ["keys", "export-public", "--keys-dir", str(mk), "--out", str(tmp_path / "m.pub")],
            ["--db", curl, "keys", "trust", str(tmp_path / "m.pub"), "--role", "committee"],
            ["--db", murl, "keys", "trust", str(tmp_path / "c.pub"), "--role", "site"],
            ["--db", curl, "export", "--out", str(usb), "--keys-dir", str(ck),
             "--passphrase-file", str(cpass)],
            ["--db", murl, "import", str(usb / "RYD1-to-COM1-000001.mkb"), "--keys-dir", str(mk),
             "--passphrase-file", str(mpass)],
            # the lock taken again by a second export: nothing new, no second batch
            ["--db", curl, "export", "--out", str(usb), "--keys-dir", str(ck),
             "--passphrase-file", str(cpass)],
        ]
        done = run_without_posix(STEPS, json.dumps(steps), env={"MAKAREM_PASSPHRASE": ""})
        assert done.returncode == 0, done.stderr
        results = json.loads(done.stdout.splitlines()[-1])
        assert [code for code, _, _ in results] == [0] * len(steps), results
        assert "batch 1 for COM1" in results[6][2]
        assert "batch 1 from RYD1 imported" in results[7][1]
        assert sorted(p.name for p in usb.iterdir()) == ["RYD1-to-COM1-000001.mkb"]

        with committee.reader() as s:
            assert s.scalar(select(func.count()).select_from(Beneficiary)) == 2
            assert set(s.scalars(select(Application.reference))) == references
            assert s.scalars(select(SyncBatch.sequence)).all() == [1]
    finally:
        counter.dispose()
        committee.dispose()
