"""Database housekeeping: ``upgrade`` and ``backup``."""

from __future__ import annotations

import argparse
from typing import Any

from .common import open_database


def register(sub: Any) -> None:
    p = sub.add_parser("upgrade", help="bring the database schema up to date (backs up first)")
    p.set_defaults(handler=_upgrade)
    p = sub.add_parser("backup", help="write a consistent copy of the SQLite database file")
    p.set_defaults(handler=_backup)


def _upgrade(args: argparse.Namespace) -> int:
    db = open_database(args)
    print(f"Schema at revision {db.current_revision()}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    db = open_database(args)
    print(db.backup())
    return 0
