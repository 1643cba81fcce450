"""``forms check [DIR]``, ``programs load`` and ``programs list``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import open_database, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("forms", help="interview and program definitions in forms/")
    fs = p.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    c = fs.add_parser("check", help="validate a folder of definitions; exit 1 if any problem")
    c.add_argument("dir", nargs="?", help="folder (default: the forms/ in use)")
    c.set_defaults(handler=_check)

    p = sub.add_parser("programs", help="the association's programs (defined in forms/)")
    ps = p.add_subparsers(dest="programs_command", metavar="ACTION", required=True)
    c = ps.add_parser("load", help="load or update the programs from forms/ into the database")
    c.add_argument("--forms", metavar="DIR", help="forms folder (default: the one in use)")
    c.set_defaults(handler=_load)
    c = ps.add_parser("list", help="list the programs in the database")
    c.add_argument("--all", action="store_true", help="include inactive programs")
    c.add_argument("--json", action="store_true", help="print JSON")
    c.set_defaults(handler=_list)


def _check(args: argparse.Namespace) -> int:
    from ..checklists import check_folder, default_forms_dir, definition_files_count

    folder = Path(args.dir) if args.dir else default_forms_dir()
    problems = check_folder(folder)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}")
        return 1
    print(f"OK: {definition_files_count(folder)} definition file(s) in {folder}")
    return 0


def _load(args: argparse.Namespace) -> int:
    from ..checklists import load_forms
    from ..services.actor import SYSTEM
    from ..services.programs import ProgramService

    forms = load_forms(args.forms)
    report = ProgramService(open_database(args)).load(SYSTEM, forms)
    for label, codes in (("added", report.added), ("updated", report.updated),
                         ("unchanged", report.unchanged), ("deactivated", report.deactivated)):
        if codes:
            print(f"{label}: {', '.join(codes)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from ..services.programs import ProgramService

    programs = ProgramService(open_database(args)).list(active_only=not args.all)
    if args.json:
        print_json([{"code": p.code, "name_ar": p.name_ar, "name_en": p.name_en,
                     "category": p.category.value, "active": p.active} for p in programs])
        return 0
    for p in programs:
        flag = "" if p.active else "  (inactive)"
        print(f"{p.code:<20} {p.category.value:<15} {p.name_en}{flag}")
    return 0
