"""``setup`` (the first-run set-up without the window) and ``installation`` (what it set)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import UserError
from .common import open_database
from .letterhead_cmds import add_contact_options

ENV_ADMIN_PASSWORD = "MAKAREM_ADMIN_PASSWORD"
ROLE_WORDS = {"site": "a counter", "committee": "the research committee"}


def register(sub: Any) -> None:
    p = sub.add_parser(
        "setup",
        help="set up this installation without the window (once)",
        description=(
            "The first-run set-up from the command line: site code, the installation's role "
            "(a counter or the research committee), the association's names and logo, and "
            "the administrator.  The administrator's password comes from "
            f"--admin-password-file, else ${ENV_ADMIN_PASSWORD}, else it is asked twice.  "
            "Until this (or the window's set-up) is done, no command writes records."
        ),
    )
    p.add_argument("--site-code", required=True, metavar="CODE",
                   help="2-8 Latin capitals or digits, e.g. RYD1; begins every reference")
    p.add_argument("--role", required=True, choices=("site", "committee"),
                   help="site = a counter; committee = the research committee (set once)")
    p.add_argument("--association", required=True, metavar="NAME_AR",
                   help="the association's Arabic name, as printed on documents")
    p.add_argument("--association-en", required=True, metavar="NAME_EN",
                   help="the association's English name")
    p.add_argument("--admin", required=True, metavar="USER", help="the administrator's user name")
    p.add_argument("--admin-name", required=True, metavar="FULL_NAME",
                   help="the administrator's full name")
    add_password_option(p)
    p.add_argument("--site-name", default="", metavar="NAME",
                   help="this installation's own name, e.g. the branch (default: the association)")
    p.add_argument("--logo", type=Path, metavar="PNG", help="the association's logo (PNG, ≤ 512 KB)")
    # Optional contact details printed on every paper (``letterhead`` changes them later).
    add_contact_options(p, only_contact=True)
    p.set_defaults(handler=_setup)

    i = sub.add_parser("installation", help="show what the set-up recorded (exit 1 before it)")
    i.set_defaults(handler=_installation)


def add_password_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--admin-password-file", type=Path, metavar="FILE",
                   help="read the administrator's password from FILE (UTF-8; a trailing "
                   f"newline is dropped); else ${ENV_ADMIN_PASSWORD}, else it is asked")


def admin_password(args: argparse.Namespace, *, ask: bool = True) -> str | None:
    """The new administrator's password: the file, the environment, or asked twice.
    ``None`` when none is given and ``ask`` is false."""
    path = getattr(args, "admin_password_file", None)
    if path is not None:
        try:
            text: str = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(f"Cannot read the password file {path}: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise UserError(f"The password file {path} is not UTF-8 text.") from exc
        return text.removesuffix("\n").removesuffix("\r")
    env = os.environ.get(ENV_ADMIN_PASSWORD)
    if env is not None:
        return env
    if not ask:
        return None
    if not sys.stdin.isatty():
        raise UserError("The administrator's password is needed: use --admin-password-file "
                        f"or set {ENV_ADMIN_PASSWORD}.")
    first = getpass.getpass("Administrator's password: ")
    if getpass.getpass("Type it again: ") != first:
        raise UserError("The two passwords differ; nothing was set up. Run the command again.")
    return first


def _read_logo(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(f"Cannot read the logo {path}: {exc.strerror}") from exc


def _setup(args: argparse.Namespace) -> int:
    from ..services.auth import check_full_name, check_username
    from ..services.setup import (
        SetupInput,
        SetupService,
        already_set_up,
        check_installation_role,
        check_logo,
        check_site_code,
    )
    from ..services.site_settings import Letterhead, check_letterhead

    db = open_database(args)
    try:
        svc = SetupService(db)
        if not svc.needs_setup():
            raise already_set_up()
        # Everything that can be wrong is said before the password is asked for.
        check_site_code(args.site_code)
        check_installation_role(args.role)
        check_username(args.admin)
        check_full_name(args.admin_name)
        logo = check_logo(_read_logo(args.logo))
        contact = Letterhead(phone=args.phone or "", website=args.website or "",
                             address=args.address or "", address_en=args.address_en or "",
                             licence=args.licence or "")
        check_letterhead(contact)
        info = svc.complete(SetupInput(
            site_code=args.site_code, association_name=args.association,
            association_name_en=args.association_en, admin_username=args.admin,
            admin_full_name=args.admin_name, admin_password=admin_password(args) or "",
            logo_png=logo, site_name=args.site_name, role=args.role, letterhead=contact,
        ))
    finally:
        db.dispose()
    role = ROLE_WORDS.get(info.role, info.role)
    print(f"Set up {info.id} as {role} for {info.association_name_en} "
          f"({info.association_name}); administrator: {args.admin.strip().lower()}.")
    print("Next: makarem-desk keys init, then exchange public key files (see the README).")
    return 0


def _installation(args: argparse.Namespace) -> int:
    from ..db import NotSetUp
    from ..services.setup import SetupService

    db = open_database(args)
    try:
        info = SetupService(db).site_info()
    finally:
        db.dispose()
    if info is None:
        raise NotSetUp()
    role = ROLE_WORDS.get(info.role, info.role)
    rows = [("site code", info.id), ("role", f"{info.role} ({role})"),
            ("name", info.name), ("association", info.association_name),
            ("association (en)", info.association_name_en),
            ("logo", "yes" if info.logo_png else "none")]
    if info.training:
        rows.append(("TRAINING", "yes — demo data for training, not real records"))
    for key, value in rows:
        print(f"{key:17} {value}")
    return 0
