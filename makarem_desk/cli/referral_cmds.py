"""``referral list | make | answer``: the social researcher's inbox with reason codes
(POL-H3), a referral made from the command line, and its answer."""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from ..errors import UserError
from ..models import ReferralReason
from ..search import SearchService
from ..services.referral_reasons import reason_label
from ..services.referrals import INBOX_FILTERS, InboxItem, ReferralCounts, ReferralService
from .common import acting_for, add_by_option, open_database, print_json

CODES = ", ".join(c.value for c in ReferralReason)


def register(sub: Any) -> None:
    p = sub.add_parser("referral", help="the social researcher's inbox and referrals (POL-H3)")
    rsub = p.add_subparsers(dest="referral_command", metavar="ACTION", required=True)
    ls = rsub.add_parser("list", help="referrals with reason code, age and the counts")
    ls.add_argument("--status", choices=INBOX_FILTERS, default="open",
                    help="which referrals (default: open)")
    ls.add_argument("--reason-code", metavar="CODE", help=f"only this code: {CODES}")
    add_language_option(ls)
    ls.add_argument("--json", action="store_true", help="print JSON")
    add_by_option(ls)
    ls.set_defaults(handler=_list)
    mk = rsub.add_parser("make", help="refer a beneficiary to the social-research officer")
    mk.add_argument("--beneficiary", required=True, metavar="ID_OR_FILE",
                    help="identity number or file number (B-…) of the beneficiary")
    mk.add_argument("--reason-code", required=True, metavar="CODE", help=CODES)
    mk.add_argument("--reason", default="",
                    help="the reason in words (required with the code 'other')")
    add_by_option(mk)
    mk.set_defaults(handler=_make)
    an = rsub.add_parser("answer", help="record the social-research officer's answer")
    an.add_argument("referral_id", metavar="REFERRAL_ID")
    an.add_argument("--answer", required=True, help="the answer and explanation given")
    add_by_option(an)
    an.set_defaults(handler=_answer)


def add_language_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("en", "ar"), default="en",
                   help="language of the reason-code labels (default: en)")


def _list(args: argparse.Namespace) -> int:
    return show_inbox(args, status=args.status, reason_code=args.reason_code)


def show_inbox(args: argparse.Namespace, *, status: str = "open",
               reason_code: str | None = None) -> int:
    """``referral list`` and ``follow-up referrals`` print the same."""
    db = open_database(args)
    actor = acting_for(args, db)
    refs = ReferralService(db)
    items = refs.inbox(actor, status=status, reason_code=reason_code)
    counts = refs.counts(actor)
    if args.json:
        print_json({"counts": counts_json(counts, args.lang),
                    "referrals": [item_json(i, args.lang) for i in items]})
        return 0
    print_inbox(counts, items, args.lang)
    return 0


def counts_json(c: ReferralCounts, lang: str) -> dict[str, Any]:
    return {"open": c.open, "answered": c.answered, "overdue": c.overdue,
            "target_days": c.target_days,
            "by_reason": [{"code": code.value, "label": reason_label(code, lang),
                           "open": n.open, "answered": n.answered, "overdue": n.overdue}
                          for code, n in c.by_reason.items()]}


def item_json(i: InboxItem, lang: str) -> dict[str, Any]:
    r = i.referral
    return {"id": str(r.id), "beneficiary": i.beneficiary_reference or None,
            "beneficiary_name": i.beneficiary_name or None, "reason_code": r.reason_code.value,
            "reason_label": reason_label(r.reason_code, lang), "reason": r.reason,
            "status": r.status.value, "age_days": i.age_days, "overdue": i.overdue,
            "created_at": r.created_at.isoformat(), "answer": r.answer,
            "answered_at": r.answered_at.isoformat() if r.answered_at else None}


def print_inbox(c: ReferralCounts, items: list[InboxItem], lang: str) -> None:
    """The counts, then one line per referral; "OVERDUE" marks one past the target."""
    print(f"open: {c.open}  answered: {c.answered}  overdue: {c.overdue} "
          f"(target {c.target_days} days)")
    for code, n in c.by_reason.items():
        print(f"  {code.value} ({reason_label(code, lang)}): open {n.open}, "
              f"answered {n.answered}, overdue {n.overdue}")
    if not items:
        print("(no referrals)")
    for i in items:
        r = i.referral
        print("\t".join([str(r.id), i.beneficiary_reference or "-", i.beneficiary_name or "-",
                         f"{r.reason_code.value} ({reason_label(r.reason_code, lang)})",
                         f"{i.age_days} days", r.status.value + (" OVERDUE" if i.overdue else ""),
                         r.reason or "-"]))


def _make(args: argparse.Namespace) -> int:
    db = open_database(args)
    actor = acting_for(args, db)
    hits = SearchService(db).search(actor, args.beneficiary, limit=2)
    if len(hits) != 1:
        found = "none found" if not hits else "more than one found"
        raise UserError(f"{args.beneficiary!r} does not name exactly one beneficiary "
                        f"({found}); give the identity or file number.")
    rid = ReferralService(db).refer(actor, reason_code=args.reason_code, reason=args.reason,
                                    beneficiary_id=hits[0].beneficiary_id)
    view = ReferralService(db).get(actor, rid)
    print(f"Referred {hits[0].full_name} to the social-research officer "
          f"({view.reason_code.value}: {reason_label(view.reason_code, 'en')}): {rid}")
    return 0


def _answer(args: argparse.Namespace) -> int:
    try:
        rid = uuid.UUID(args.referral_id)
    except ValueError:
        raise UserError(f"{args.referral_id!r} is not a referral id (as printed by "
                        "'referral list').") from None
    db = open_database(args)
    ReferralService(db).answer(acting_for(args, db), rid, args.answer)
    print(f"Answered referral {rid}.")
    return 0
