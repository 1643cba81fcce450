"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..db import Database
from ..errors import UserError
from ..services.actor import Actor


def open_database(args: argparse.Namespace, *, upgrade: bool = True,
                  check: bool = True) -> Database:
    """Open the database named by ``--db`` (or the default), check a SQLite file with
    ``PRAGMA quick_check`` (a damaged one is refused, naming the newest good backup) and
    bring its schema up to date."""
    try:
        db = Database(getattr(args, "db", None))
    except UserError:
        raise  # already worded for the user
    except Exception as exc:  # a malformed URL, a missing driver
        raise UserError(f"Cannot open the database: {exc}") from exc
    if check:
        from ..backups import startup_check

        startup_check(db)
    if upgrade:
        try:
            backup = db.upgrade()
        except Exception as exc:
            raise UserError(f"Cannot open or upgrade the database: {_first_line(exc)}") from exc
        if backup is not None:
            print(f"Database upgraded; the previous file was kept as {backup}", file=sys.stderr)
    return db


def add_by_option(p: argparse.ArgumentParser) -> None:
    """``--by`` after the command as well as before it (``decide REF --by mona``)."""
    p.add_argument("--by", metavar="USERNAME", default=argparse.SUPPRESS,
                   help="the member of staff this command acts for (a user name; default: "
                   "the installation's administrator, if there is exactly one)")


def acting_for(args: argparse.Namespace, db: Database) -> Actor:
    """The real, active user a writing command acts for (``--by``); exits 1 before the
    set-up, for an unknown or disabled user, or when the default is ambiguous."""
    from ..services.setup import SetupService, acting_user

    actor = acting_user(db, getattr(args, "by", None))
    info = SetupService(db).site_info()
    if info is not None and info.training:
        print(f"note: {info.id} is a TRAINING installation (demo data, not real records).",
              file=sys.stderr)
    return actor


def reading_as(args: argparse.Namespace, db: Database) -> Actor:
    """Who a read is made for: like ``acting_for`` once the installation is set up.  Before
    it there is nobody to name and nothing to read, and no person acts: the system reads
    (and finds nothing), so that e.g. ``search`` or ``users list`` still answer."""
    from ..services.actor import SYSTEM
    from ..services.setup import SetupService

    if SetupService(db).site_info() is None:
        return SYSTEM
    return acting_for(args, db)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
