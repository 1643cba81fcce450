"""A batch imported into PostgreSQL: its people are found by name, and the name index's
pending entries are merged before the import commits (issue 14: no search afterwards
scans a long pending list)."""

from __future__ import annotations

import pytest
from sync_support import add_case, export1

from makarem_desk.search import PG_INDEX_NAME, SearchService
from makarem_desk.services.actor import SYSTEM

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

    with committee.db.engine.connect() as conn:
        # What an import leaves in the pending list: 0 pages once it merged them (every
        # new person's entries pend, fastupdate being on).
        left = conn.exec_driver_sql(
            "SELECT gin_clean_pending_list(to_regclass(%s))", (PG_INDEX_NAME,)
        ).scalar_one()
        conn.commit()
    assert left == 0

    search = SearchService(committee.db)
    for name in FIRST_NAMES:
        hits = search.search(SYSTEM, f"{name} القحطاني")
        assert [h.full_name for h in hits] == [f"{name} عبدالله سالم القحطاني"]
    # A compound's second half typed alone, and a prefix still being typed.
    assert [h.full_name for h in search.search(SYSTEM, "الرحمن")] == [
        "عبدالرحمن عبدالله سالم القحطاني"]
    assert {h.full_name for h in search.search(SYSTEM, "القحط", limit=50)} == {
        f"{n} عبدالله سالم القحطاني" for n in FIRST_NAMES}
