"""``satisfaction``: the beneficiaries' suggestions and their follow-up (POL-GOAL, POL-G6).

No output here names a member of staff: a rating is for improving the service, never for
ranking the person who gave it (POL-G6).  Aggregate figures are the ``report`` command's."""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from ..errors import UserError
from ..saudi_time import KSA
from ..services.satisfaction import SatisfactionService, SuggestionItem
from ..validation.dates import parse_date
from ..values import SuggestionStatus
from .common import acting_for, add_by_option, open_database, print_json

STATUSES = [s.value for s in SuggestionStatus]


def register(sub: Any) -> None:
    p = sub.add_parser("satisfaction", help="the beneficiaries' suggestions and their follow-up")
    ssub = p.add_subparsers(dest="satisfaction_command", metavar="ACTION", required=True)
    q = ssub.add_parser("suggestions", help="list the suggestions, newest first")
    q.add_argument("--status", choices=STATUSES, help="only those of this follow-up status")
    q.add_argument("--from", dest="start", metavar="DATE",
                   help="first day, YYYY-MM-DD or Hijri YYYY/MM/DD")
    q.add_argument("--to", dest="end", metavar="DATE", help="last day")
    q.add_argument("--json", action="store_true", help="print JSON")
    add_by_option(q)
    q.set_defaults(handler=_list)
    f = ssub.add_parser("follow-up", help="record how a suggestion is followed up")
    f.add_argument("id", help="the suggestion's id (or its first 8 or more characters)")
    f.add_argument("--status", required=True, choices=STATUSES)
    f.add_argument("--note", help="what was decided or done (replaces the previous note)")
    add_by_option(f)
    f.set_defaults(handler=_follow_up)


def _row(item: SuggestionItem) -> dict[str, Any]:
    return {
        "id": str(item.id), "date": f"{item.created_at.astimezone(KSA):%Y-%m-%d}",
        "channel": item.channel, "program": item.program_code, "program_en": item.program_en,
        "status": item.status.value, "suggestion": item.text, "note": item.note,
        "beneficiary": item.beneficiary_name,
    }


def _list(args: argparse.Namespace) -> int:
    db = open_database(args)
    actor = acting_for(args, db)
    start = parse_date(args.start, "from") if args.start else None
    end = parse_date(args.end, "to") if args.end else None
    rows = [_row(i) for i in SatisfactionService(db).suggestions(
        actor, status=args.status, start=start, end=end)]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print("\t".join("-" if r[k] is None else str(r[k]).replace("\n", " ")
                        for k in ("id", "date", "channel", "program", "status", "suggestion",
                                  "note")))
    if not rows:
        print("(none)")
    return 0


def _follow_up(args: argparse.Namespace) -> int:
    db = open_database(args)
    actor = acting_for(args, db)
    svc = SatisfactionService(db)
    target = _resolve(svc, actor, args.id)
    status = svc.set_suggestion_status(actor, target, args.status, args.note)
    print(f"Recorded: suggestion {target} is now {status.value}.")
    return 0


def _resolve(svc: SatisfactionService, actor: Any, given: str) -> uuid.UUID:
    """A full id, or a prefix of one that names a single suggestion."""
    text = given.strip().lower()
    try:
        return uuid.UUID(text)
    except ValueError:
        pass
    if len(text) < 8:
        raise UserError(f"Give the suggestion's id or at least its first 8 characters "
                        f"(not {given!r}).")
    found = [i.id for i in svc.suggestions(actor) if str(i.id).startswith(text)]
    if len(found) != 1:
        raise UserError(f"{len(found) or 'No'} suggestion(s) start with {given!r}; "
                        "give more of the id.")
    return found[0]
