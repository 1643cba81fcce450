"""``interview run|show|list``: drive the interview without the interface.

``run --script steps.json`` applies the steps one at a time; each completed step is
committed as a draft before the next begins (one JSON line per step on standard output),
so an interrupted run is continued with ``--resume DRAFT_ID``.  ``--pause`` waits for a
line on standard input after every step (used to stop the process at a known point).

The script is a JSON list of ``{"step": NAME, "values": {...}}`` (or an object with
``steps`` and optional ``language``).  ``{"action": "back"}`` goes one step back and
``{"action": "finish"}`` ends at the optional satisfaction step.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import UserError
from .common import acting_for, add_by_option, open_database, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("interview", help="run or inspect walk-in interviews (no interface)")
    isub = p.add_subparsers(dest="interview_command", metavar="ACTION", required=True)
    r = isub.add_parser("run", help="apply a JSON script of interview steps")
    r.add_argument("--script", required=True, type=Path, help="JSON file of steps")
    r.add_argument("--resume", metavar="DRAFT_ID", help="continue this interview draft")
    r.add_argument("--forms", metavar="DIR", help="forms folder (default: the one in use)")
    add_by_option(r)
    r.add_argument("--today", help="the counter's date, YYYY-MM-DD (default: today)")
    r.add_argument("--pause", action="store_true", help="wait for a line on stdin after each step")
    r.set_defaults(handler=_run)
    s = isub.add_parser("show", help="print a draft's state as JSON")
    s.add_argument("draft_id")
    add_by_option(s)
    s.set_defaults(handler=_show)
    ls = isub.add_parser("list", help="list open interview drafts")
    add_by_option(ls)
    ls.set_defaults(handler=_list)


def _read_script(path: Path) -> tuple[list[dict[str, Any]], str]:
    from .interview_script import read_script

    return read_script(path)  # every wrong JSON type named, before anything runs


def _run(args: argparse.Namespace) -> int:
    from ..checklists import load_forms
    from ..interview.services import InterviewServices
    from ..interview.session import InterviewSession

    entries, language = _read_script(args.script)
    try:
        today = date.fromisoformat(args.today) if args.today else None
    except ValueError:
        raise UserError(f"--today {args.today!r} is not a date (YYYY-MM-DD).") from None
    forms = load_forms(args.forms)  # a broken definition refuses to start (nothing half-loaded)
    db = open_database(args)
    actor = acting_for(args, db)  # the member of staff conducting it, with their own role
    services = InterviewServices.for_database(db, forms, today=today)
    if args.resume:
        session = InterviewSession.resume(services, forms, actor, _uuid(args.resume), today)
        entries = _remaining(entries, session.state.history, session.state.step)
    else:
        session = InterviewSession.start(services, forms, actor, language=language, today=today)
    _emit({"draft": str(session.draft_id), "step": session.step.value, "event": "ready"})
    for entry in entries:
        if session.finished:
            break
        action = entry.get("action")
        done = session.step.value
        if action == "back":
            session.back()
        elif action == "finish":
            session.finish()
        else:
            if entry.get("step") not in (None, done):
                raise UserError(f"The script expects step {entry.get('step')!r} but the "
                                f"interview is at {done!r}.")
            session.complete(dict(entry.get("values") or {}))
        _emit({"draft": str(session.draft_id), "completed": done, "next": session.step.value})
        if args.pause:
            sys.stdin.readline()
    st = session.state
    _emit({"draft": str(session.draft_id), "event": "end", "step": st.step, "path": st.path,
           "reference": st.reference, "outcome": (st.outcome or {}).get("status")})
    return 0


def _remaining(entries: list[dict[str, Any]], history: list[str], current: str) -> list[dict[str, Any]]:
    """The script entries not yet applied: those after the completed steps."""
    pending = list(history)
    out = list(entries)
    while out and pending and out[0].get("step") == pending[0] and not out[0].get("action"):
        out.pop(0)
        pending.pop(0)
    while out and out[0].get("step") not in (None, current):
        out.pop(0)
    return out


def _emit(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _uuid(raw: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise UserError(f"{raw!r} is not a draft id.") from None


def _show(args: argparse.Namespace) -> int:
    from ..services.drafts import DraftService

    db = open_database(args)
    d = DraftService(db).load(acting_for(args, db), _uuid(args.draft_id))
    print_json({"id": str(d.id), "kind": d.kind, "step": d.step, "status": d.status,
                "application_id": str(d.application_id) if d.application_id else None,
                "state": d.state})
    return 0


def _list(args: argparse.Namespace) -> int:
    from ..services.drafts import DraftService

    db = open_database(args)
    for d in DraftService(db).open_drafts(acting_for(args, db)):
        print(f"{d.id}  {d.kind:<10} {d.step:<13} {d.updated_at:%Y-%m-%d %H:%M}")
    return 0
