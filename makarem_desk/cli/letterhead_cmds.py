"""``letterhead``: show or set what every paper prints under the association's name (phone,
website, address, licence number), who signs its decision letters, and the receipt
printer's paper."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from .common import acting_for, add_by_option, open_database

# option -> Letterhead field (and what the help says it is)
OPTIONS: dict[str, tuple[str, str]] = {
    "--phone": ("phone", "the association's telephone, e.g. '+966 11 234 5678'"),
    "--website": ("website", "e.g. www.makarem.org.sa"),
    "--address": ("address", "the address in Arabic, as printed on Arabic papers"),
    "--address-en": ("address_en", "the address in English (default: the Arabic one)"),
    "--licence": ("licence", "the association's licence number"),
    "--signatory-name": ("signatory_name", "who signs the decision letters (Arabic)"),
    "--signatory-title": ("signatory_title", "the signatory's title (Arabic), e.g. رئيس لجنة البحث"),
    "--signatory-name-en": ("signatory_name_en", "the signatory's name in English"),
    "--signatory-title-en": ("signatory_title_en", "the signatory's title in English"),
}


def add_contact_options(p: argparse.ArgumentParser, *, only_contact: bool = False) -> None:
    """The letterhead options (``setup`` takes the four contact details only)."""
    for option, (field, help_text) in OPTIONS.items():
        if only_contact and field.startswith("signatory"):
            continue
        p.add_argument(option, dest=field, metavar="TEXT", help=help_text + "; '' clears it")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "letterhead", help="show or set the contact details, signatory and receipt paper",
        description="Without options: shows what is set.  With options: sets those (the "
        "administrator; audited).  Each contact detail is printed on every paper only "
        "when it is filled.")
    add_contact_options(p)
    p.add_argument("--receipt-paper", dest="receipt_paper", choices=("a4", "80mm"),
                   help="the paper the counter's receipt printer takes (default for receipts)")
    add_by_option(p)
    p.set_defaults(handler=_letterhead)


def _letterhead(args: argparse.Namespace) -> int:
    from ..services.site_settings import Letterhead, SiteSettingsService

    names = [f.name for f in dataclasses.fields(Letterhead)]
    given = {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}
    db = open_database(args)
    try:
        service = SiteSettingsService(db)
        actor = acting_for(args, db)
        head = service.letterhead(actor)
        if given:
            head = service.set_letterhead(actor, dataclasses.replace(head, **given))
    finally:
        db.dispose()
    for name in names:
        print(f"{name.replace('_', ' '):20} {getattr(head, name) or '-'}")
    return 0
