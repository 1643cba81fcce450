"""``follow-up``: the lists the counter follows up (POL-H5, POL-H6, POL-H3) and the contacts
by channel (POL-CH), for the member of staff named by ``--by``."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date, datetime, timedelta
from typing import Any

from ..models import utcnow
from ..saudi_time import KSA, ksa_day
from ..services.applications import ApplicationService
from ..services.channel_figures import ChannelFiguresService
from ..services.follow_up import TOLD_CHANNELS, FollowUpService
from ..validation.dates import parse_date
from .common import acting_for, add_by_option, open_database, print_json
from .referral_cmds import add_language_option, show_inbox

LISTS = {
    "waiting": "applications with the research committee, days waiting, answer date (POL-H5)",
    "overdue": "applications waiting longer than the committee target",
    "decided-untold": "decisions whose beneficiary was not yet told",
    "incomplete": "registrations waiting for missing items (POL-H6)",
    "referrals": "the social researcher's inbox and open/answered/overdue counts (POL-H3)",
    "channels": "contacts by each of the seven channels, zeros included (POL-CH)",
}


def register(sub: Any) -> None:
    p = sub.add_parser("follow-up", help="follow-up lists and contacts by channel")
    fsub = p.add_subparsers(dest="follow_up_command", metavar="LIST", required=True)
    for name, what in LISTS.items():
        q = fsub.add_parser(name, help=what)
        if name == "channels":
            q.add_argument("--from", dest="start", metavar="DATE",
                           help="first day, YYYY-MM-DD or Hijri YYYY/MM/DD (default: 30 days ago)")
            q.add_argument("--to", dest="end", metavar="DATE", help="last day (default: today)")
            q.add_argument("--by-period", choices=("week", "month"),
                           help="also the trend per week or month")
        if name == "referrals":
            add_language_option(q)
        q.add_argument("--json", action="store_true", help="print JSON")
        add_by_option(q)
        q.set_defaults(handler=_show, list_name=name)
    t = fsub.add_parser("tell", help="record that the beneficiary was told of the decision")
    t.add_argument("reference", help="the application's reference")
    t.add_argument("--how", required=True, choices=sorted(TOLD_CHANNELS))
    add_by_option(t)
    t.set_defaults(handler=_tell)
    g = fsub.add_parser("targets", help="show or set the service targets (days)")
    g.add_argument("--committee-days", type=int, help="committee answer target")
    g.add_argument("--referral-days", type=int, help="referral answer target")
    add_by_option(g)
    g.set_defaults(handler=_targets)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _dates(args: argparse.Namespace) -> tuple[date, date]:
    end = parse_date(args.end, "to") if args.end else ksa_day(utcnow())
    start = parse_date(args.start, "from") if args.start else end - timedelta(days=29)
    return start, end


def _rows(args: argparse.Namespace) -> Any:
    db = open_database(args)
    actor = acting_for(args, db)
    follow = FollowUpService(db)
    name = args.list_name
    if name == "waiting":
        return follow.waiting(actor)
    if name == "overdue":
        return follow.overdue(actor)
    if name == "decided-untold":
        return follow.decided_untold(actor)
    if name == "incomplete":
        return follow.incomplete(actor)
    start, end = _dates(args)
    figures = ChannelFiguresService(db)
    out: dict[str, Any] = {"from": start, "to": end,
                           "counts": figures.by_channel(actor, start, end)}
    if args.by_period:
        out["trend"] = figures.trend(actor, start, end, args.by_period)
    return out


def _show(args: argparse.Namespace) -> int:
    if args.list_name == "referrals":
        return show_inbox(args)
    data = _plain(_rows(args))
    if args.json:
        print_json(data)
        return 0
    if isinstance(data, list):
        for row in data:
            print("\t".join(_cell(v) for k, v in row.items() if k != "application_id"))
        if not data:
            print("(none)")
        return 0
    for key, value in data.items():
        if isinstance(value, list):
            print(f"{key}:")
            for row in value:
                print("  " + "\t".join(_cell(v) for v in row.values()))
        else:
            print(f"{key}: {_cell(value)}")
    return 0


def _cell(value: Any) -> str:
    if isinstance(value, datetime):
        return f"{value.astimezone(KSA):%Y-%m-%d %H:%M}"
    if isinstance(value, dict) and "label_en" in value:  # a missing item
        return str(value["label_en"])
    if isinstance(value, dict):
        return ", ".join(f"{k}={_cell(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return "-" if value is None else str(value)


def _tell(args: argparse.Namespace) -> int:
    db = open_database(args)
    actor = acting_for(args, db)
    app = ApplicationService(db).get_by_reference(actor, args.reference)
    FollowUpService(db).mark_told(actor, app.id, args.how)
    print(f"Recorded: the beneficiary of {app.reference} was told ({args.how}).")
    return 0


def _targets(args: argparse.Namespace) -> int:
    db = open_database(args)
    actor = acting_for(args, db)
    follow = FollowUpService(db)
    if args.committee_days is None and args.referral_days is None:
        t = follow.targets(actor)
    else:
        t = follow.set_targets(actor, committee_days=args.committee_days,
                               referral_days=args.referral_days)
    print(f"committee answer target: {t.committee_days} days")
    print(f"referral answer target: {t.referral_days} days")
    return 0
