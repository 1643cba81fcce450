"""A page's COPY into PostgreSQL written on a thread of its own while the merge reads the
next page (issue 14: import <= 3x COPY).

The server spends about 0.2 s on a page of 5,000 new people (the rows, then migration
0009's statement trigger writing their name entries) and the import used to wait for it
before reading the next page: the client's work (JSON, decoding, checks, about 3 s for
100,000 records) and the server's (about 5 s) added up.  The next page's reading needs
no database, so it now runs while the server writes.

Nothing else changes for the database: before the merge uses the connection again it
waits for the page in flight (``settle``), so the server receives the same statements in
the same order, in the import's one transaction; a write's error is raised there, as it
was raised.  One page in flight at most: the memory is that of two pages.  psycopg
releases the interpreter's lock while it waits on the server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager


class PageWriter:
    """Runs one write at a time on its thread, in the order given."""

    def __init__(self, pool: ThreadPoolExecutor):
        self._pool = pool
        self._pending: Future[None] | None = None

    def submit(self, write: Callable[[], None]) -> None:
        """``write`` uses the connection: the previous write must have ended first."""
        self.settle()
        self._pending = self._pool.submit(write)

    def settle(self) -> None:
        """Waits for the write in flight; its error, if any, is raised here."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()


@contextmanager
def pages_written_aside() -> Iterator[PageWriter]:
    """A writer whose last write has ended, one way or the other, when the block is left
    (the transaction may only be rolled back or used once its connection is idle)."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="makarem-copy") as pool:
        writer = PageWriter(pool)
        try:
            yield writer
        except BaseException:
            # The write in flight was sent before whatever failed here: done one after
            # the other, its error would have come first.
            writer.settle()
            raise
        writer.settle()
