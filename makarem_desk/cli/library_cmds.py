"""``library list | add | remove | search``: the reference library (POL-TOOLS)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..services.library import KINDS, LibraryService
from .common import acting_for, add_by_option, open_database, print_json, reading_as


def register(sub: Any) -> None:
    p = sub.add_parser("library", help="the reference library: policy, bylaws, guide")
    lsub = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    ls = lsub.add_parser("list", help="list the documents")
    ls.add_argument("--json", action="store_true", help="print JSON instead of lines")
    add_by_option(ls)
    ls.set_defaults(handler=_list)
    a = lsub.add_parser("add", help="add a PDF or UTF-8 text file (administrator)")
    a.add_argument("file", metavar="FILE")
    a.add_argument("--title", required=True)
    a.add_argument("--kind", choices=KINDS, default="other",
                   help="bylaws, guide and policy replace a placeholder of that kind")
    add_by_option(a)
    a.set_defaults(handler=_add)
    r = lsub.add_parser("remove", help="remove a document by its id (administrator)")
    r.add_argument("id", metavar="ID")
    add_by_option(r)
    r.set_defaults(handler=_remove)
    s = lsub.add_parser("search", help="find passages; spelling variants match")
    s.add_argument("query", metavar="QUERY", nargs="+")
    s.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    s.add_argument("--json", action="store_true", help="print JSON instead of lines")
    add_by_option(s)
    s.set_defaults(handler=_search)


def _list(args: argparse.Namespace) -> int:
    db = open_database(args)
    docs = LibraryService(db).documents(reading_as(args, db))
    if args.json:
        print_json([{**d.__dict__, "added_at": d.added_at.isoformat()} for d in docs])
        return 0
    if not docs:
        print("The library is empty.")
    for d in docs:
        mark = "\tPLACEHOLDER" if d.is_placeholder else ""
        print(f"{d.id}\t{d.kind}\t{d.title}\t{d.file_name}\t{d.pages} page(s)\t"
              f"{d.added_at:%Y-%m-%d}\t{d.added_by}{mark}")
    return 0


def _add(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"No such file: {path}")
    content = path.read_bytes()
    db = open_database(args)
    d = LibraryService(db).add(acting_for(args, db), path.name, content, title=args.title,
                               kind=args.kind)
    print(f"Added document {d.id}: {d.title} ({d.kind}, {d.pages} page(s), "
          f"{d.passages} passage(s)).")
    return 0


def _remove(args: argparse.Namespace) -> int:
    try:
        doc_id = int(args.id)
    except ValueError:
        raise UserError(f"Not a document id: {args.id!r} (see `library list`).") from None
    db = open_database(args)
    d = LibraryService(db).remove(acting_for(args, db), doc_id)
    print(f"Removed document {d.id}: {d.title}.")
    return 0


def _search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UserError("--limit must be at least 1.")
    db = open_database(args)
    hits = LibraryService(db).search(reading_as(args, db), " ".join(args.query),
                                     limit=args.limit)
    if args.json:
        print_json([h.__dict__ for h in hits])
        return 0
    if not hits:
        print("No passage found.")
    for h in hits:
        print(f"[{h.document_id}] {h.title} — page {h.page}\n    {h.snippet}")
    return 0
