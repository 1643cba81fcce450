"""Two desks sharing one database press Export (or import the same batch) together."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select
from sync_support import BACKENDS, add_case

from makarem_desk.db import Database
from makarem_desk.models import Beneficiary, SyncBatch
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import KeyStore, SyncService


def _second_desk(inst):  # type: ignore[no-untyped-def]
    db = Database(inst.url)  # the same installation, from a second PC
    return db, SyncService(db, KeyStore(inst.keys_dir))


@pytest.mark.parametrize("counter_and_committee", BACKENDS, indirect=True)
def test_simultaneous_exports_and_imports(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    for _ in range(3):
        add_case(counter.db)
    other_db, other = _second_desk(counter)
    try:
        with ThreadPoolExecutor(2) as pool:
            runs = [pool.submit(svc.export, SYSTEM, counter.identity, tmp_path)
                    for svc in (counter.svc, other)]
            results = [r for f in runs for r in f.result()]
    finally:
        other_db.dispose()
    written = [r for r in results if r.path is not None]
    # One desk wrote batch 1 with everything; the other found nothing new.
    assert [r.plan.sequence for r in written] == [1]
    with counter.db.reader() as s:
        assert s.scalars(select(SyncBatch.file_name)).all() == [written[0].path.name]

    cdb, other_committee = _second_desk(committee)
    try:
        with ThreadPoolExecutor(2) as pool:
            runs = [pool.submit(svc.import_file, SYSTEM, committee.identity, written[0].path)
                    for svc in (committee.svc, other_committee)]
            outcomes = sorted(f.result().already_imported for f in runs)
    finally:
        cdb.dispose()
    assert outcomes == [False, True]
    with committee.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Beneficiary)) == 3
