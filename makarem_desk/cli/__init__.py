"""The command line. Plain English messages; exit 0 ok, 1 user-fixable error, 2 usage.

Each command lives in its own module with a ``register(subparsers)`` function that adds
its parser and sets ``handler``; the handler takes the parsed arguments and returns the
exit status.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import UserError
from ..log_privacy import install_identity_mask

# Modules under makarem_desk.cli that each register one or more commands.
COMMAND_MODULES: tuple[str, ...] = (
    "setup_cmds",
    "db_cmds",
    "sync_cmds",
    "search_cmds",
    "beneficiary_cmds",
    "document_cmds",
    "forms_cmds",
    "interview_cmds",
    "audit_cmds",
    "users_cmds",
    "follow_up_cmds",
    "library_cmds",
    "satisfaction_cmds",
    "referral_cmds",
    "letterhead_cmds",
    "report_cmds",
)

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"makarem-desk {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $MAKAREM_DB_URL or a SQLite file in the user data folder)",
    )
    parser.add_argument(
        "--by",
        metavar="USERNAME",
        help="the member of staff a command acts for, recorded with what it writes (default: "
        "the installation's administrator, if there is exactly one); also accepted after "
        "the command",
    )
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--verbose", "-v", action="store_true", help="log more detail")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="makarem-desk",
        description="Makarem Desk — the reception counter of a charitable association.",
    )
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a start of the window (no command word), read without importing
    the command modules: they import the data layer and the services (3.5 s of the
    window's start on a busy PC before this), which the window loads on a worker thread
    after the log-in form is painted.  None when ``argv`` names a command or asks for
    help: then the whole parser reads it."""
    parser = _Parser(prog="makarem-desk", add_help=False)
    _global_options(parser)
    args, rest = parser.parse_known_args(argv)
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = window_arguments(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    install_identity_mask()
    try:
        if args.command is None:
            from ..app import run_gui

            return run_gui(db_url=args.db, self_test=args.self_test)
        status = int(args.handler(args) or EXIT_OK)
        sys.stdout.flush()  # a closed pipe is found here, not at interpreter exit
        return status
    except BrokenPipeError:
        # `makarem-desk search … | head`: the reader has all it wanted.  Point stdout at
        # the null device so that the interpreter's last flush does not fail again.
        _silence_stdout()
        return EXIT_ERROR
    except UserError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a descriptor (a test's capture)
        pass
