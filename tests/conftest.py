"""Shared fixtures: a fresh database per test, on SQLite and (when configured) PostgreSQL.

``db``/``any_db`` are set up as the first run would leave them (site TST1, a counter, and
its administrator ``admin``): nothing can be written before that.  ``blank_db`` and
``any_blank_db`` are never set up, for the tests of the set-up itself."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The data folder holds the installed forms (and keys): never the developer's own.
if "MAKAREM_DATA_DIR" not in os.environ:
    os.environ["MAKAREM_DATA_DIR"] = tempfile.mkdtemp(prefix="makarem-test-data-")
    atexit.register(shutil.rmtree, os.environ["MAKAREM_DATA_DIR"], True)

from hypothesis import settings  # noqa: E402

# CI must be repeatable: the same examples every run (new ones are explored locally).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

from db_support import pg_schema_database, sqlite_database  # noqa: E402

from makarem_desk.db import Database  # noqa: E402


@pytest.fixture
def db(tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A migrated, set-up SQLite database in a temporary folder."""
    d = sqlite_database(tmp_path / "test.sqlite3")
    yield d
    d.dispose()


@pytest.fixture
def blank_db(tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A migrated SQLite database that was never set up."""
    d = sqlite_database(tmp_path / "blank.sqlite3", site_id=None)
    yield d
    d.dispose()


@pytest.fixture
def pg_db() -> Iterator[Database]:
    """A migrated, set-up PostgreSQL database in a schema of its own, dropped afterwards."""
    with pg_schema_database("TST1") as (d, _url):
        yield d


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def any_db(request, tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        d = sqlite_database(tmp_path / "test.sqlite3")
        yield d
        d.dispose()
    else:
        yield request.getfixturevalue("pg_db")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def any_blank_db(request, tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A database never set up, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        d = sqlite_database(tmp_path / "blank.sqlite3", site_id=None)
        yield d
        d.dispose()
    else:
        with pg_schema_database(None) as (d, _url):
            yield d


@pytest.fixture(autouse=True)
def _qt_deletes_what_the_test_closed() -> Iterator[None]:
    """pytest-qt closes a test's widgets and calls deleteLater, but no event loop runs
    between tests to carry the deletions out: without this, every window of the suite
    stayed alive to its end (GBs of memory, event filters on every event, minutes of
    clean-up after the summary)."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
