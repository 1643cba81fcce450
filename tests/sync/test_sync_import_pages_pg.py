"""A batch of several pages imported into PostgreSQL, each page's COPY written on a
thread of its own while the next page is read (sync/page_writer.py, issue 14): the
database ends as one page after the other would leave it, and a failure anywhere -- in a
page being read, in a page being written, or a cancel -- leaves nothing behind."""

from __future__ import annotations

import json
import threading
import time

import pytest
from sqlalchemy import func, select
from sync_support import add_case, export1, repack, snapshot
from test_sync_name_index_pg import _left_pending

from makarem_desk.models import Beneficiary
from makarem_desk.search import SearchService
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import BatchRefused, importer
from makarem_desk.sync.page_writer import pages_written_aside

ON_PG = pytest.mark.parametrize("counter_and_committee", [
    pytest.param(("sqlite", "postgresql"), marks=pytest.mark.pg, id="committee-on-pg"),
], indirect=True)
NAMES = ("هيفاء", "عبدالرحمن", "نوره", "إبراهيم", "جواهر", "منصور", "لطيفة")


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two records a page: seven people make four pages, three of them written while
    # the next is read.
    monkeypatch.setattr(importer, "PAGE", 2)


@pytest.fixture
def batch(counter_and_committee, tmp_path):  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    for name in NAMES:
        add_case(counter.db, first_name=name)
    out = tmp_path / "usb"
    out.mkdir()
    return counter, committee, export1(counter, out).path


@ON_PG
def test_pages_written_aside_leave_what_one_after_the_other_leaves(
    batch, small_pages  # type: ignore[no-untyped-def]
) -> None:
    counter, committee, path = batch
    result = committee.svc.import_file(SYSTEM, committee.identity, path)

    assert result.counts["beneficiary"] == {"inserted": len(NAMES)}
    mine, theirs = snapshot(counter.db), snapshot(committee.db)
    for table in ("beneficiary", "contact", "application", "declaration"):
        assert len(theirs[table]) == len(mine[table]) > 0
    assert _left_pending(committee.db) == 0
    search = SearchService(committee.db)
    for name in NAMES:
        assert [h.full_name for h in search.search(SYSTEM, f"{name} القحطاني")] == [
            f"{name} عبدالله سالم القحطاني"]
    # The same batch again: every page's rows were there to be found.
    again = committee.svc.import_file(SYSTEM, committee.identity, path)
    assert again.already_imported


@ON_PG
def test_a_page_refused_while_the_one_before_is_written(
    batch, small_pages, tmp_path  # type: ignore[no-untyped-def]
) -> None:
    """The last person claims another site: refused while earlier pages were being
    written; nothing of them stays, not even their name entries."""
    counter, committee, path = batch

    def change(members, manifest):  # type: ignore[no-untyped-def]
        lines = members["records/beneficiary.jsonl"].splitlines()
        lines[-1] = lines[-1].replace(b'"site_id":"RYD1"', b'"site_id":"JED1"')
        members["records/beneficiary.jsonl"] = b"\n".join(lines) + b"\n"

    bad = repack(path, counter, committee, tmp_path / "forged.mkb", change)
    _refused_leaving_nothing(committee, bad, "carries a record written by JED1")


@ON_PG
def test_a_page_the_database_refuses_is_reported_and_rolled_back(
    batch, small_pages, tmp_path  # type: ignore[no-untyped-def]
) -> None:
    """A contact of a person nobody has: the database refuses that page's COPY on the
    writer's thread; the import is refused as on SQLite (not with the driver's bare
    error) and leaves nothing."""
    counter, committee, path = batch

    def change(members, manifest):  # type: ignore[no-untyped-def]
        lines = members["records/contact.jsonl"].splitlines()
        rec = json.loads(lines[0])
        rec["beneficiary_id"] = "00000000-0000-4000-8000-000000000001"
        lines[0] = json.dumps(rec, ensure_ascii=False).encode()
        members["records/contact.jsonl"] = b"\n".join(lines) + b"\n"

    bad = repack(path, counter, committee, tmp_path / "orphan.mkb", change)
    _refused_leaving_nothing(committee, bad, "does not fit this database.*beneficiary")


def _refused_leaving_nothing(committee, bad, match: str) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(committee.db)
    with pytest.raises(BatchRefused, match=match):
        committee.svc.import_file(SYSTEM, committee.identity, bad)
    assert snapshot(committee.db) == before
    assert _left_pending(committee.db) == 0


@ON_PG
def test_cancel_between_tables_rolls_back_pages_written_aside(
    batch, small_pages  # type: ignore[no-untyped-def]
) -> None:
    _, committee, path = batch

    class Stop(Exception):
        pass

    def progress(_done: int, _total: int, label: str) -> None:
        if label == "contact":  # the people's pages are written by now
            raise Stop

    before = snapshot(committee.db)
    with pytest.raises(Stop):
        committee.svc.import_file(SYSTEM, committee.identity, path, progress=progress)
    assert snapshot(committee.db) == before
    assert _left_pending(committee.db) == 0
    with committee.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Beneficiary)) == 0


def test_writes_run_in_order_on_another_thread() -> None:
    seen: list[tuple[int, bool]] = []
    main = threading.get_ident()
    with pages_written_aside() as writer:
        for n in range(5):
            writer.submit(lambda n=n: seen.append((n, threading.get_ident() != main)))
    assert seen == [(n, True) for n in range(5)]


def test_a_write_error_is_raised_when_settled() -> None:
    def fail() -> None:
        raise ValueError("page 1")

    with pytest.raises(ValueError, match="page 1"), pages_written_aside() as writer:
        writer.submit(fail)
        writer.settle()
        pytest.fail("settle returned")


def test_leaving_on_an_error_waits_for_the_write_and_reports_it_first() -> None:
    """The write was submitted before the block failed: one after the other, its error
    would have come first; and the connection is idle before anyone rolls back."""
    ended = threading.Event()

    def slow_failing_write() -> None:
        time.sleep(0.2)
        ended.set()
        raise ValueError("the page being written")

    with pytest.raises(ValueError, match="the page being written") as info, \
            pages_written_aside() as writer:
        writer.submit(slow_failing_write)
        raise KeyError("the next page")
    assert ended.is_set()
    assert isinstance(info.value.__context__, KeyError)


def test_leaving_on_an_error_waits_for_a_write_that_succeeds() -> None:
    ended = threading.Event()

    def slow_write() -> None:
        time.sleep(0.2)
        ended.set()

    with pytest.raises(KeyError), pages_written_aside() as writer:
        writer.submit(slow_write)
        raise KeyError("the next page")
    assert ended.is_set()
