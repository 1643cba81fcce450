"""`search` (find a returning beneficiary) and `demo` (fill a database with sample data)."""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from typing import Any

from .common import acting_for, add_by_option, open_database, print_json, reading_as
from .setup_cmds import add_password_option, admin_password


def register(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help="find a beneficiary by identity number, phone or name",
        description=(
            "Find a beneficiary by identity number, by phone (05…, +9665…, 009665…), by "
            "file number (B-…) or application reference, or by name words (each word a "
            "prefix, in any order; spelling variants match).  Nothing found is not an error "
            "(exit 0); a query too short to search is (exit 1)."
        ),
    )
    p.add_argument("query", nargs="+", help="what to look for; several words are one query")
    p.add_argument("--limit", type=_positive, default=20,
                   help="most results to show (default 20, at most 500)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    add_by_option(p)
    p.set_defaults(handler=run_search)

    d = sub.add_parser(
        "demo",
        help="fill the database with realistic sample data",
        description=(
            "Add synthetic beneficiaries with their applications, contacts, referrals and "
            "satisfaction responses — for training and measuring; never on live data.  A "
            "database never set up is first set up as a TRAINING installation (site TRN1, "
            "administrator 'trainer'; password from --admin-password-file or "
            "$MAKAREM_ADMIN_PASSWORD, else a new one is printed)."
        ),
    )
    d.add_argument("--beneficiaries", type=_positive, required=True, metavar="N",
                   help="how many beneficiaries to add (1,000,000 takes minutes)")
    d.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    d.add_argument("--force", action="store_true",
                   help="add demo data even though the database holds real beneficiaries")
    add_password_option(d)
    add_by_option(d)
    d.set_defaults(handler=run_demo)


def _positive(raw: str) -> int:
    try:
        value = int(raw.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run_search(args: argparse.Namespace) -> int:
    from ..search import SearchService

    db = open_database(args)
    try:
        hits = SearchService(db).search(reading_as(args, db), " ".join(args.query),
                                        limit=args.limit)
    finally:
        db.dispose()
    if args.json:
        print_json(
            [
                {
                    "beneficiary_id": str(h.beneficiary_id),
                    "full_name": h.full_name,
                    "identity_number": h.identity_number,
                    "phone": h.phone,
                    "city": h.city,
                    "birth_date": h.birth_date.isoformat() if h.birth_date else None,
                    "matched_by": h.matched_by,
                    "score": h.score,
                }
                for h in hits
            ]
        )
        return 0
    if not hits:
        # Not an error: "nobody by that name yet" is the normal start of a registration.
        print("No beneficiary found.")
        return 0
    rows = [("Name", "Identity number", "Phone", "City")]
    rows += [(h.full_name, h.identity_number or "-", h.phone or "-", h.city or "-") for h in hits]
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    for n, row in enumerate(rows):
        print("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print(f"{len(hits)} found" + (" (limit reached)" if len(hits) == args.limit else ""))
    return 0


def _width(text: str) -> int:
    """Columns on a terminal: combining marks (tashkeel) take none."""
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def run_demo(args: argparse.Namespace) -> int:
    import secrets

    from ..demo import MAX_BENEFICIARIES, TRAINING_ADMIN, DemoGenerator, set_up_training
    from ..errors import UserError
    from ..services.setup import SetupService

    if args.beneficiaries > MAX_BENEFICIARIES:  # before anything is set up
        raise UserError(f"The number of beneficiaries must be 1 to {MAX_BENEFICIARIES:,}.")
    db = open_database(args)
    if SetupService(db).site_info() is None:
        given = admin_password(args, ask=False)
        password = given or secrets.token_urlsafe(12)
        info = set_up_training(db, password)
        told = "the password given" if given else f"the password {password}"
        print(f"This database was not set up: it is now the TRAINING installation {info.id} "
              f"({info.association_name_en}); sign in as {TRAINING_ADMIN} with {told}.",
              file=sys.stderr)
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int, label: str) -> None:
        now = time.perf_counter()
        if done < total and now - last[0] < 1.0:
            return
        last[0] = now
        pct = 100 * done // total
        print(f"  {label}: {done:,}/{total:,} ({pct}%) {now - started:.1f} s", file=sys.stderr)

    try:
        generator = DemoGenerator(db, seed=args.seed, progress=progress,
                                  actor=acting_for(args, db))
        report = generator.run(args.beneficiaries, force=args.force)
    finally:
        db.dispose()
    parts = ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in report.counts.items())
    print(f"Added {parts} in {report.seconds:.1f} s.")
    return 0
