"""``users …``: staff accounts administered from the command line (an IT person without the
window).  Every change goes through ``AuthService``, which checks the permission matrix,
keeps the last active administrator and writes the audit trail.

Passwords are never arguments (they would sit in the shell history and the process list):
``--password-file FILE``, else ``$MAKAREM_USER_PASSWORD``, else asked twice.
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path
from typing import Any

from ..db import Database
from ..errors import UserError
from ..models import Role
from ..services.actor import Actor
from ..services.auth import (
    LANGUAGES,
    AuthService,
    UserView,
    check_full_name,
    check_password,
    check_username,
)
from .common import acting_for, add_by_option, open_database, print_json, reading_as

PASSWORD_ENV = "MAKAREM_USER_PASSWORD"
ROLES = tuple(r.value for r in Role)


def register(sub: Any) -> None:
    p = sub.add_parser("users", help="list and administer the staff accounts")
    usub = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    q = usub.add_parser("list", help="every account: user name, name, role, language, active")
    q.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_by_option(q)
    q.set_defaults(handler=_list)

    q = usub.add_parser("add", help="create an account")
    q.add_argument("username", metavar="USERNAME")
    q.add_argument("--name", required=True, metavar="FULL_NAME", help="the person's full name")
    q.add_argument("--role", required=True, type=str.lower, choices=ROLES)
    q.add_argument("--language", default="ar", type=str.lower, choices=LANGUAGES,
                   help="the language of their window (default: ar)")
    _password_option(q)
    add_by_option(q)
    q.set_defaults(handler=_add)

    for action, verb in (("disable", "stop an account signing in (its records stay)"),
                         ("enable", "let a disabled account sign in again")):
        q = usub.add_parser(action, help=verb)
        q.add_argument("username", metavar="USERNAME")
        add_by_option(q)
        q.set_defaults(handler=_set_active, active=action == "enable")

    q = usub.add_parser("reset-password", help="give an account a new password")
    q.add_argument("username", metavar="USERNAME")
    _password_option(q)
    add_by_option(q)
    q.set_defaults(handler=_reset_password)

    q = usub.add_parser("set-role", help="give an account another role")
    q.add_argument("username", metavar="USERNAME")
    q.add_argument("role", metavar="ROLE", type=str.lower, choices=ROLES,
                   help=" | ".join(ROLES))
    add_by_option(q)
    q.set_defaults(handler=_set_role)


def _password_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--password-file", type=Path, metavar="FILE",
                   help=f"read the password from the first line of FILE (else ${PASSWORD_ENV}, "
                        "else it is asked twice)")


def _actor(args: argparse.Namespace, db: Database) -> Actor:
    """The administrator the command acts for (``--by``; refused before the set-up)."""
    return acting_for(args, db)


# -- the commands --------------------------------------------------------------------------
def _list(args: argparse.Namespace) -> int:
    db = open_database(args)
    users = AuthService(db).list_users(reading_as(args, db))
    if args.json:
        print_json([{
            "username": u.username, "full_name": u.full_name, "role": u.role.value,
            "language": u.language, "active": u.active,
            "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None,
        } for u in users])
        return 0
    if not users:
        print("No accounts yet: finish the set-up first (the window, or `makarem-desk setup`).")
        return 0
    for u in users:
        state = "active" if u.active else "DISABLED"
        last = f"last signed in {u.last_login_at:%Y-%m-%d %H:%M} UTC" if u.last_login_at \
            else "never signed in"
        print(f"{u.username}\t{u.role.value}\t{u.language}\t{state}\t{u.full_name}\t{last}")
    return 0


def _add(args: argparse.Namespace) -> int:
    db = open_database(args)
    auth = AuthService(db)
    actor = _actor(args, db)
    # Said before the password is typed twice; the service checks them again.
    username, _ = check_username(args.username), check_full_name(args.name)
    if any(u.username == username for u in auth.list_users(actor)):
        raise UserError(f"The user name {username!r} is taken.")
    password = _password(args, f"Password for {username}")
    auth.create_user(actor, username, args.name, Role(args.role), password,
                     language=args.language)
    print(f"Created {username} ({args.role}).")
    return 0


def _set_active(args: argparse.Namespace) -> int:
    db = open_database(args)
    auth = AuthService(db)
    actor = _actor(args, db)
    user = _find(auth, actor, args.username)
    if user.active == args.active:
        print(f"{user.username} is already {'active' if user.active else 'disabled'}.")
        return 0
    auth.set_active(actor, user.id, args.active)
    print(f"{user.username} can sign in again." if args.active
          else f"{user.username} can no longer sign in; their records are kept.")
    return 0


def _reset_password(args: argparse.Namespace) -> int:
    db = open_database(args)
    auth = AuthService(db)
    actor = _actor(args, db)
    user = _find(auth, actor, args.username)
    password = _password(args, f"New password for {user.username}")
    auth.reset_password(actor, user.id, password)
    print(f"The password of {user.username} was reset; any lock-out after failed sign-ins "
          "is lifted.")
    return 0


def _set_role(args: argparse.Namespace) -> int:
    db = open_database(args)
    auth = AuthService(db)
    actor = _actor(args, db)
    user = _find(auth, actor, args.username)
    role = Role(args.role)
    if user.role is role:
        print(f"{user.username} is already {role.value}.")
        return 0
    auth.set_role(actor, user.id, role)
    print(f"{user.username}: {user.role.value} -> {role.value}.")
    return 0


# -- helpers -------------------------------------------------------------------------------
def _find(auth: AuthService, actor: Actor, username: str) -> UserView:
    name = username.strip().lower()
    for user in auth.list_users(actor):
        if user.username == name:
            return user
    raise UserError(f"There is no user named {name!r}; `makarem-desk users list` shows them.")


def _password(args: argparse.Namespace, prompt: str) -> str:
    """From ``--password-file``, else the environment, else asked twice at the terminal."""
    if args.password_file is not None:
        try:
            text = args.password_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"Cannot read the password file {args.password_file}: "
                            f"{getattr(exc, 'strerror', None) or exc}") from exc
        password = text.splitlines()[0] if text else ""
        check_password(password)
        return password
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        check_password(from_env)
        return from_env
    try:
        first = getpass.getpass(f"{prompt}: ")
        check_password(first)  # said now, not after typing it twice
        second = getpass.getpass("The same password again: ")
    except EOFError:
        raise UserError(f"No password given: use --password-file FILE or ${PASSWORD_ENV}.") \
            from None
    if first != second:
        raise UserError("The two passwords differ; nothing was changed.")
    return first
