"""A batch imported into PostgreSQL: its people are found by name, and the name index's
pending entries are merged before the import commits (issue 14: no search afterwards
scans a long pending list)."""

from __future__ import annotations

import pytest
from sync_support import add_case, export1

from makarem_desk.db import Database
from makarem_desk.models import ApplicationStatus
from makarem_desk.search import SearchService
from makarem_desk.search_sql import PG_INDEX_NAME
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import BatchRefused

FIRST_NAMES = ("هيفاء", "عبدالرحمن", "نوره", "إبراهيم", "جواهر", "منصور")


@pytest.mark.parametrize("counter_and_committee", [
    pytest.param(("sqlite", "postgresql"), marks=pytest.mark.pg, id="committee-on-pg"),
], indirect=True)
def test_imported_people_are_found_by_name_with_nothing_left_pending(
    counter_and_committee, tmp_path  # type: ignore[no-untyped-def]
) -> None:
    counter, committee = counter_and_committee
    for name in FIRST_NAMES:
        add_case(counter.db, first_name=name)
    out = tmp_path / "usb"
    out.mkdir()
    batch = export1(counter, out)
    assert batch.path is not None

    imported = committee.svc.import_file(SYSTEM, committee.identity, batch.path)
    assert imported.total("inserted") > len(FIRST_NAMES)

    # Every new person's entries pend (fastupdate on); the import merged them.
    assert _left_pending(committee.db) == 0

    search = SearchService(committee.db)
    for name in FIRST_NAMES:
        hits = search.search(SYSTEM, f"{name} القحطاني")
        assert [h.full_name for h in hits] == [f"{name} عبدالله سالم القحطاني"]
    # A compound's second half typed alone, and a prefix still being typed.
    assert [h.full_name for h in search.search(SYSTEM, "الرحمن")] == [
        "عبدالرحمن عبدالله سالم القحطاني"]
    assert {h.full_name for h in search.search(SYSTEM, "القحط", limit=50)} == {
        f"{n} عبدالله سالم القحطاني" for n in FIRST_NAMES}


@pytest.mark.parametrize("counter_and_committee", [
    pytest.param(("sqlite", "postgresql"), marks=pytest.mark.pg, id="committee-on-pg"),
], indirect=True)
def test_a_refused_batch_leaves_nothing_pending(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The batch is refused after its people were written (an application already
    decided, POL-H5): the rollback drops them, and their entries are merged too."""
    counter, committee = counter_and_committee
    for name in FIRST_NAMES:
        add_case(counter.db, first_name=name)
    add_case(counter.db, status=ApplicationStatus.ACCEPTED)
    out = tmp_path / "usb"
    out.mkdir()
    batch = export1(counter, out)
    assert batch.path is not None

    with pytest.raises(BatchRefused, match="already decided"):
        committee.svc.import_file(SYSTEM, committee.identity, batch.path)

    assert _left_pending(committee.db) == 0
    assert SearchService(committee.db).search(SYSTEM, "هيفاء") == []


def _left_pending(db: Database) -> int:
    """Pages of the name index's pending list (merged by asking)."""
    with db.engine.connect() as conn:
        left = conn.exec_driver_sql(
            "SELECT gin_clean_pending_list(to_regclass(%s))", (PG_INDEX_NAME,)
        ).scalar_one()
        conn.commit()
    return int(left)
