"""Beneficiary commands: ``import-beneficiaries`` (move existing spreadsheets in),
``beneficiary show`` and ``beneficiary register`` (the same service as the counter form)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import UserError
from .common import acting_for, add_by_option, open_database, print_json, reading_as


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
    add_by_option(p)
    p.set_defaults(handler=_import)

    b = sub.add_parser("beneficiary", help="show or register one beneficiary")
    bsub = b.add_subparsers(dest="beneficiary_command", metavar="ACTION", required=True)
    show = bsub.add_parser("show", help="show the beneficiary holding an identity number")
    show.add_argument("identity_number", metavar="ID_NUMBER")
    show.add_argument("--json", action="store_true", help="print JSON")
    add_by_option(show)
    show.set_defaults(handler=_show)
    reg = bsub.add_parser("register", help="register a beneficiary (checked like the form)")
    for name in _REGISTER_OPTIONS:
        reg.add_argument("--" + name.replace("_", "-"), dest=name, metavar="TEXT")
    add_by_option(reg)
    reg.set_defaults(handler=_register)


_REGISTER_OPTIONS = (
    "first_name", "father_name", "grandfather_name", "family_name", "latin_name",
    "identity_type", "identity_number", "identity_expiry", "gender", "birth_date",
    "nationality", "phone", "phone_alt", "email", "city", "district", "notes",
    "verifying_partner", "partner_reference",
)


def _show(args: argparse.Namespace) -> int:
    from ..services.beneficiaries import BeneficiaryService
    from ..validation import format_both

    db = open_database(args)
    try:
        view = BeneficiaryService(db).find_by_identity(reading_as(args, db),
                                                       args.identity_number)
    finally:
        db.dispose()
    if view is None:
        raise UserError(f"No beneficiary holds the identity number {args.identity_number}.")
    fields = {
        "reference": view.reference, "id": str(view.id), "version": view.version,
        "full_name": view.full_name, "latin_name": view.latin_name,
        "identity_type": view.identity_type.value, "identity_number": view.identity_number,
        "identity_expiry": view.identity_expiry, "gender": view.gender and view.gender.value,
        "birth_date": view.birth_date, "nationality": view.nationality, "phone": view.phone,
        "phone_alt": view.phone_alt, "email": view.email, "city": view.city,
        "district": view.district, "notes": view.notes,
    }
    if args.json:
        print_json(fields)
        return 0
    for key, value in fields.items():
        if value in (None, ""):
            continue
        if isinstance(value, date):
            value = f"{value}  ({format_both(value, 'en')})"
        print(f"{key.replace('_', ' '):16} {value}")
    return 0


def _register(args: argparse.Namespace) -> int:
    from ..services.beneficiaries import BeneficiaryInput, BeneficiaryService, InvalidBeneficiary

    data = BeneficiaryInput(**{k: getattr(args, k) or "" for k in _REGISTER_OPTIONS})
    db = open_database(args)
    try:
        actor = acting_for(args, db)
        svc = BeneficiaryService(db)
        try:
            bid = svc.register(actor, data)
        except InvalidBeneficiary as exc:
            # Every problem on its own line, like the form shows them at the fields.
            lines = [f"  --{e.field.replace('_', '-')}: {e.message}" for e in exc.errors]
            raise UserError("the beneficiary was not registered:\n" + "\n".join(lines)) from exc
        view = svc.get(actor, bid)
    finally:
        db.dispose()
    print(f"Registered {view.full_name} as {view.reference} ({view.id}).")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..importer import BeneficiaryImporter

    if args.report is not None and args.report.resolve() == args.file.resolve():
        raise UserError("The report would overwrite the file being imported; choose another name.")
    db = open_database(args)
    try:
        # Refused before set-up (and for an unknown --by) before the file is even read; a
        # dry run writes nothing but reads the registry as that person too.
        actor = acting_for(args, db)
        importer = BeneficiaryImporter(db)
        started = time.perf_counter()
        progress = _show_progress if sys.stderr.isatty() else None
        plan = importer.prepare(actor, args.file, progress)
        if args.report is not None:
            # Before writing: an unwritable report path must not follow a committed import.
            plan.write_report(args.report)
        imported = 0 if args.dry_run else importer.run(actor, plan, progress)
        if progress is not None:
            print(file=sys.stderr)
        elapsed = time.perf_counter() - started
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
