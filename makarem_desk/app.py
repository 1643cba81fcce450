"""Start-up of the graphical application.

Kept free of Qt imports at module level so that the command line stays fast; the
interface itself lives in ``makarem_desk.ui``.
"""

from __future__ import annotations


def run_gui(db_url: str | None = None, *, self_test: bool = False) -> int:
    from .ui.main import run

    return run(db_url=db_url, self_test=self_test)
