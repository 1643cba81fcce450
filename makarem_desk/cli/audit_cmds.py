"""``audit verify`` and ``audit show``: the hash-chained audit trail from the command line."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, time, timedelta
from typing import Any

from ..errors import UserError
from ..saudi_time import KSA
from ..services.audit_trail import AuditService
from .common import acting_for, add_by_option, open_database, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="read and verify the audit trail")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help="check the hash chain; exit 1 naming the first broken event")
    add_by_option(v)
    v.set_defaults(handler=_verify)
    s = asub.add_parser("show", help="list audit events, newest first")
    s.add_argument("--since", metavar="DATE", help="from this day (YYYY-MM-DD), inclusive")
    s.add_argument("--until", metavar="DATE", help="up to this day (YYYY-MM-DD), inclusive")
    s.add_argument("--entity", help="only events about this kind of record, e.g. application")
    s.add_argument("--id", dest="entity_id", help="only events about this record id")
    s.add_argument("--action", help="only this kind of event, e.g. login_failed")
    s.add_argument("--user", help="only events of this user name")
    s.add_argument("--limit", type=int, default=200, help="at most this many (default 200)")
    s.add_argument("--json", action="store_true", help="print JSON instead of lines")
    add_by_option(s)
    s.set_defaults(handler=_show)


def _verify(args: argparse.Namespace) -> int:
    db = open_database(args)
    report = AuditService(db).verify(acting_for(args, db))
    if report.ok:
        print(f"Audit trail intact: {report.events} events, every link verified.")
        return 0
    print(f"Audit trail BROKEN: {report.problem}. {report.events} events before it verify.")
    return 1


def _day(raw: str | None, *, end: bool = False) -> datetime | None:
    """A calendar day at the association (Riyadh time) as the UTC instant it starts."""
    if not raw:
        return None
    try:
        d = datetime.strptime(raw, "%Y-%m-%d").date()
    except ValueError:
        raise UserError(f"Not a date: {raw!r} (use YYYY-MM-DD).") from None
    if end:
        d += timedelta(days=1)
    return datetime.combine(d, time.min, tzinfo=KSA).astimezone(UTC)


def _show(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UserError("--limit must be at least 1.")
    db = open_database(args)
    rows = AuditService(db).events(
        acting_for(args, db), since=_day(args.since), until=_day(args.until, end=True), entity=args.entity,
        entity_id=args.entity_id, action=args.action, username=args.user, limit=args.limit,
    )
    if args.json:
        print_json([{**r.__dict__, "at": r.at.isoformat()} for r in rows])
        return 0
    for r in rows:
        what = f"{r.entity}:{r.entity_id}" if r.entity_id else r.entity
        details = json.dumps(r.details, ensure_ascii=False, default=str) if r.details else ""
        print(f"#{r.seq}\t{r.at.astimezone(KSA):%Y-%m-%d %H:%M:%S}\t{r.site_id}\t{r.username or '-'}\t"
              f"{r.action}\t{what}\t{details}")
    return 0
