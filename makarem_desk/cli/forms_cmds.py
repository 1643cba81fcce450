"""``forms check [DIR]``, ``forms preview/apply DIR``, ``forms history``, ``programs load``
and ``programs list``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import acting_for, add_by_option, open_database, print_json, reading_as


def register(sub: Any) -> None:
    p = sub.add_parser("forms", help="interview and program definitions in forms/")
    fs = p.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    c = fs.add_parser("check", help="validate a folder of definitions; exit 1 if any problem")
    c.add_argument("dir", nargs="?", help="folder (default: the forms/ in use)")
    c.set_defaults(handler=_check)
    c = fs.add_parser("preview", help="check a folder and list what installing it would "
                      "change; exit 1 if it has problems")
    c.add_argument("dir", help="the candidate forms folder")
    c.add_argument("--json", action="store_true", help="print JSON")
    add_by_option(c)
    c.set_defaults(handler=_preview)
    c = fs.add_parser("apply", help="install a forms folder in place of the one in use "
                      "(administrators; the previous version is kept)")
    c.add_argument("dir", help="the forms folder to install")
    add_by_option(c)
    c.set_defaults(handler=_apply)
    c = fs.add_parser("history", help="the installed forms versions, newest first")
    c.add_argument("--json", action="store_true", help="print JSON")
    add_by_option(c)
    c.set_defaults(handler=_history)

    p = sub.add_parser("programs", help="the association's programs (defined in forms/)")
    ps = p.add_subparsers(dest="programs_command", metavar="ACTION", required=True)
    c = ps.add_parser("load", help="load or update the programs from forms/ into the database")
    c.add_argument("--forms", metavar="DIR", help="forms folder (default: the one in use)")
    add_by_option(c)
    c.set_defaults(handler=_load)
    c = ps.add_parser("list", help="list the programs in the database")
    c.add_argument("--all", action="store_true", help="include inactive programs")
    c.add_argument("--json", action="store_true", help="print JSON")
    add_by_option(c)
    c.set_defaults(handler=_list)


def _check(args: argparse.Namespace) -> int:
    from ..checklists import check_folder, default_forms_dir, definition_files_count
    from ..documents.wording import DOCUMENTS, LANGUAGES, wording_problems

    folder = Path(args.dir) if args.dir else default_forms_dir()
    problems = [str(p) for p in check_folder(folder)]
    has_wording = (folder / "documents").is_dir()
    if has_wording:  # the printed documents' wording and its placeholders
        problems += [str(p) for p in wording_problems(folder / "documents")]
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}")
        return 1
    wording = (f" and {len(DOCUMENTS) * len(LANGUAGES)} wording file(s)" if has_wording
               else " (no documents/ folder: no wording checked)")
    print(f"OK: {definition_files_count(folder)} definition file(s){wording} in {folder}")
    return 0


def _load(args: argparse.Namespace) -> int:
    from ..checklists import load_forms
    from ..services.programs import ProgramService

    forms = load_forms(args.forms)
    db = open_database(args)
    try:
        report = ProgramService(db).load(acting_for(args, db), forms)
    finally:
        db.dispose()
    for label, codes in (("added", report.added), ("updated", report.updated),
                         ("unchanged", report.unchanged), ("deactivated", report.deactivated)):
        if codes:
            print(f"{label}: {', '.join(codes)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from ..services.programs import ProgramService

    db = open_database(args)
    programs = ProgramService(db).list(reading_as(args, db), active_only=not args.all)
    if args.json:
        print_json([{"code": p.code, "name_ar": p.name_ar, "name_en": p.name_en,
                     "category": p.category.value, "active": p.active} for p in programs])
        return 0
    for p in programs:
        flag = "" if p.active else "  (inactive)"
        print(f"{p.code:<20} {p.category.value:<15} {p.name_en}{flag}")
    return 0


def _forms_admin(args: argparse.Namespace) -> tuple[Any, Any]:
    from ..services.forms_admin import FormsAdminService

    db = open_database(args)
    return FormsAdminService(db), acting_for(args, db)


def _preview(args: argparse.Namespace) -> int:
    service, actor = _forms_admin(args)
    preview = service.preview(actor, args.dir)
    if args.json:
        print_json({"folder": preview.folder, "version_hash": preview.version_hash,
                    "in_use_hash": preview.in_use_hash, "in_use_version": preview.in_use_version,
                    "problems": [str(p) for p in preview.problems],
                    "changes": [c.__dict__ for c in preview.changes],
                    "summary": preview.summary})
        return 1 if preview.problems else 0
    for p in preview.problems:
        print(f"problem: {p}")
    for c in preview.changes:
        print(c.describe())
    in_use = (f"version {preview.in_use_version}" if preview.in_use_version
              else "the forms shipped with the application")
    if preview.problems:
        print(f"{len(preview.problems)} problem(s): {preview.folder} cannot be installed")
        return 1
    if preview.same_as_in_use:
        print(f"No change: {preview.folder} is identical to {in_use}.")
    else:
        print(f"{len(preview.changes)} change(s) against {in_use}; version "
              f"{preview.version_hash[:12]} can be installed with `forms apply`.")
    return 0


def _apply(args: argparse.Namespace) -> int:
    service, actor = _forms_admin(args)
    report = service.apply(actor, args.dir)
    v = report.version
    for c in report.changes:
        print(c.describe())
    for label, codes in (("added", report.programs.added), ("updated", report.programs.updated),
                         ("deactivated", report.programs.deactivated)):
        if codes:
            print(f"programs {label}: {', '.join(codes)}")
    print(f"Installed forms version {v.number} ({v.hash[:12]}) into "
          f"{service.store.root / v.folder}")
    return 0


def _history(args: argparse.Namespace) -> int:
    service, actor = _forms_admin(args)
    versions = service.history(actor)
    if args.json:
        print_json([{**v.__dict__, "in_use": i == 0} for i, v in enumerate(versions)])
        return 0
    if not versions:
        print("No forms folder installed: the forms shipped with the application are in use.")
        return 0
    for i, v in enumerate(versions):
        changes = ", ".join(f"{k} {n}" for k, n in v.summary.items()) or "no changes"
        mark = "  (in use)" if i == 0 else ""
        print(f"{v.number:>4}  {v.applied_at[:19]}  {v.by:<16} {v.hash[:12]}  {changes}{mark}")
    return 0
