"""The import's merge runs with fewer garbage collections (makarem_desk/garbage.py,
issue 14) and leaves the collector's thresholds as it found them."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from sync_support import BACKENDS, add_case, export1

from makarem_desk.garbage import YOUNG_THRESHOLD
from makarem_desk.models import ApplicationStatus
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import BatchRefused, importer, merge


@pytest.fixture
def thresholds_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    seen: list[int] = []
    real = merge.merge_table

    def spy(*args, **kw):  # type: ignore[no-untyped-def]
        seen.append(gc.get_threshold()[0])
        return real(*args, **kw)

    monkeypatch.setattr(importer, "merge_table", spy)
    yield seen
    gc.set_threshold(*before)


@pytest.mark.parametrize("counter_and_committee", BACKENDS, indirect=True)
def test_the_merge_collects_less_often(counter_and_committee, tmp_path, thresholds_seen) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db)
    out = tmp_path / "usb"
    out.mkdir()
    committee.svc.import_file(SYSTEM, committee.identity, export1(counter, out).path)
    assert thresholds_seen and set(thresholds_seen) == {YOUNG_THRESHOLD}
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.parametrize("counter_and_committee", BACKENDS, indirect=True)
def test_a_refused_import_puts_the_thresholds_back(counter_and_committee, tmp_path, thresholds_seen) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db, status=ApplicationStatus.ACCEPTED)  # a counter may not decide
    out = tmp_path / "usb"
    out.mkdir()
    with pytest.raises(BatchRefused):
        committee.svc.import_file(SYSTEM, committee.identity, export1(counter, out).path)
    assert thresholds_seen
    assert gc.get_threshold() == (700, 10, 10)
