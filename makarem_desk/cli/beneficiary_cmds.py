"""``import-beneficiaries``: move an association's existing spreadsheets in."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from ..errors import UserError
from .common import open_database


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import-beneficiaries",
        help="import beneficiaries from a CSV (UTF-8) or XLSX file",
        description=(
            "Import beneficiaries from a CSV (UTF-8, with or without BOM) or XLSX file whose "
            "first row holds the headings national_id, first_name, father_name, "
            "grandfather_name, family_name, gender, birth_date, phone, city (or their Arabic "
            "names). Every row is checked; the valid rows are imported in one transaction."
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true",
                   help="check every row and report, but write nothing")
    p.add_argument("--report", type=Path, metavar="REPORT.csv",
                   help="write row, column and problem of every rejected row to this CSV")
    p.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from ..importer import BeneficiaryImporter
    from ..services.actor import SYSTEM

    if args.report is not None and args.report.resolve() == args.file.resolve():
        raise UserError("The report would overwrite the file being imported; choose another name.")
    db = open_database(args)
    try:
        importer = BeneficiaryImporter(db)
        started = time.perf_counter()
        progress = _show_progress if sys.stderr.isatty() else None
        plan = importer.prepare(args.file, progress)
        imported = 0 if args.dry_run else importer.run(plan, SYSTEM, progress)
        if progress is not None:
            print(file=sys.stderr)
        elapsed = time.perf_counter() - started
        if args.report is not None:
            plan.write_report(args.report)
    finally:
        db.dispose()
    verb = "would be imported" if args.dry_run else "imported"
    print(f"{plan.rows_read} rows read, {plan.accepted if args.dry_run else imported} {verb}, "
          f"{plan.rejected} rejected ({elapsed:.1f} s).")
    if plan.ignored_columns:
        print("Columns not recognised and ignored: " + ", ".join(plan.ignored_columns))
    if plan.problems:
        if args.report is not None:
            print(f"Problems of the rejected rows are listed in {args.report}.")
        else:
            for p in plan.problems[:10]:
                print(f"  row {p.row}, {p.column}: {p.message}", file=sys.stderr)
            more = len(plan.problems) - 10
            if more > 0:
                print(f"  … and {more} more problems (use --report FILE to list them all).",
                      file=sys.stderr)
    if args.dry_run:
        print("Dry run: nothing was written.")
    return 0


def _show_progress(done: int, total: int, label: str) -> None:
    of = f" of {total}" if total else ""
    print(f"\r{label} {done}{of} rows…", end="", file=sys.stderr, flush=True)
