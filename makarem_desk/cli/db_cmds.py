"""Database housekeeping: ``upgrade``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..db import Database
from ..services.actor import SYSTEM, Actor
from .common import acting_for, add_by_option, open_database


def register(sub: Any) -> None:
    p = sub.add_parser("upgrade", help="bring the database schema up to date (backs up first)")
    p.set_defaults(handler=_upgrade)
    p = sub.add_parser("backup", help="write a consistent copy of the SQLite database file")
    p.add_argument("--out", type=Path, metavar="FILE",
                   help="the copy to write (a file, or a folder to put it in; default: "
                        "backups/ beside the database)")
    add_by_option(p)
    p.set_defaults(handler=_backup)
    p = sub.add_parser("restore", help="replace the database by a backup, after checking it "
                                       "(the replaced file is kept)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--other-installation", action="store_true",
                   help="accept a backup of another installation (another site code)")
    p.add_argument("--check", action="store_true",
                   help="only check FILE and say what it holds; change nothing")
    add_by_option(p)
    p.set_defaults(handler=_restore)


def _keeper(args: argparse.Namespace, db: Database) -> Actor:
    """Who backs up or restores: named like for any other command when the database in
    place can name them.  A restore is also how a damaged database is mended and how a new
    PC, never set up, gets its data: then no user can be looked up, and the system acts --
    the one case where no person can be named (the restore is audited all the same)."""
    from ..restore import database_readable
    from ..services.setup import SetupService

    if database_readable(db) and SetupService(db).site_info() is not None:
        return acting_for(args, db)
    return SYSTEM


def _upgrade(args: argparse.Namespace) -> int:
    db = open_database(args)
    print(f"Schema at revision {db.current_revision()}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from ..backups import BackupService, pg_dump_advice

    db = open_database(args)
    if not db.is_sqlite:
        raise pg_dump_advice(db)
    info = BackupService(db).backup_now(_keeper(args, db), args.out)
    print(info.path)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from ..backups import BackupService, pg_dump_advice

    # Neither upgraded nor checked first: restoring is how a damaged database is mended.
    db = open_database(args, upgrade=False, check=False)
    try:
        if not db.is_sqlite:
            raise pg_dump_advice(db)
        svc = BackupService(db)
        if args.check:
            facts = svc.check_file(_keeper(args, db), args.file,
                                   other_installation=args.other_installation)
            print(f"{args.file}: a sound Makarem Desk database of installation "
                  f"{facts.site_id or '(never set up)'}, schema revision {facts.revision}; "
                  "it can be restored.")
            return 0
        result = svc.restore(_keeper(args, db), args.file,
                             other_installation=args.other_installation)
    finally:
        db.dispose()
    print(f"Restored {result.source} (installation {result.facts.site_id or '(never set up)'}, "
          f"schema revision {result.facts.revision}).")
    if result.replaced is not None:
        print(f"The previous database was kept as {result.replaced}")
    if result.upgraded_from is not None:
        print(f"Its schema was brought up to date from revision {result.upgraded_from}.")
    return 0
