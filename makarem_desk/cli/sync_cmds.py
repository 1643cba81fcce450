"""``keys``, ``export``, ``import``, ``decide``: batches with the research committee."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..services.actor import Actor
from .common import acting_for, add_by_option, open_database

ENV_PASSPHRASE = "MAKAREM_PASSPHRASE"


def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help="this installation's signing/encryption keys and trusted peers")
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    p = ksub.add_parser("init", help="create this installation's keys (once)")
    p.add_argument("--role", choices=("site", "committee"), default=None,
                   help="site = a counter; committee = the research committee (default: the "
                   "role chosen at set-up; another one is refused)")
    p.add_argument("--name", default="", help="a readable name shown to peers")
    _key_options(p)
    add_by_option(p)
    p.set_defaults(handler=_keys_init)

    p = ksub.add_parser("export-public", help="write this installation's public keys to a file")
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    _key_options(p, passphrase=False)
    p.set_defaults(handler=_keys_export_public)

    p = ksub.add_parser("trust", help="trust another installation's public keys")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--role", required=True, choices=("site", "committee"))
    add_by_option(p)
    p.set_defaults(handler=_keys_trust)

    p = ksub.add_parser("list", help="show this installation's key fingerprint and trusted peers")
    _key_options(p, passphrase=False)
    add_by_option(p)
    p.set_defaults(handler=_keys_list)

    p = sub.add_parser("export", help="write a signed, encrypted batch of everything changed")
    p.add_argument("--out", required=True, type=Path, metavar="DIR")
    p.add_argument("--to", metavar="SITE",
                   help="only the batch for this installation (default: one per trusted peer)")
    p.add_argument("--batch", type=int, metavar="N", help="re-create the earlier batch N")
    _key_options(p)
    add_by_option(p)
    p.set_defaults(handler=_export)

    p = sub.add_parser("import", help="verify, decrypt and merge a batch file")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--allow-gap", action="store_true",
                   help="accept a batch although an earlier one from its site is missing")
    _key_options(p)
    add_by_option(p)
    p.set_defaults(handler=_import)

    p = sub.add_parser("decide", help="record the research committee's decision (POL-H5)")
    p.add_argument("reference", metavar="REFERENCE")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--accept", action="store_true")
    g.add_argument("--reject", action="store_true")
    p.add_argument("--reason", required=True, metavar="TEXT")
    add_by_option(p)  # the user name of the committee member who decides
    p.set_defaults(handler=_decide)


def _key_options(p: argparse.ArgumentParser, *, passphrase: bool = True) -> None:
    p.add_argument("--keys-dir", type=Path, metavar="DIR",
                   help="where the keys live (default: $MAKAREM_KEYS_DIR or keys/ in the data folder)")
    if passphrase:
        p.add_argument("--passphrase-file", type=Path, metavar="FILE",
                       help=f"read the keys' passphrase from FILE (else ${ENV_PASSPHRASE}, else asked)")


def _passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    path = getattr(args, "passphrase_file", None)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
        except OSError as exc:
            raise UserError(f"Cannot read the passphrase file {path}: {exc.strerror}") from exc
    env = os.environ.get(ENV_PASSPHRASE)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise UserError(
            f"A passphrase is needed: use --passphrase-file or set {ENV_PASSPHRASE}."
        )
    first = getpass.getpass("Passphrase for this installation's keys: ")
    if confirm and getpass.getpass("Type it again: ") != first:
        raise UserError("The two passphrases differ.")
    return first


def _service(args: argparse.Namespace) -> Any:
    from ..sync import KeyStore, SyncService

    db = open_database(args)
    return SyncService(db, KeyStore(getattr(args, "keys_dir", None)))


def _key_service(args: argparse.Namespace) -> tuple[Any, Actor]:
    """The keys' service and the administrator the command acts for (``--by``)."""
    from ..sync import KeyStore
    from ..sync.key_service import KeyService

    db = open_database(args)
    return KeyService(db, KeyStore(getattr(args, "keys_dir", None))), acting_for(args, db)


def _keys_init(args: argparse.Namespace) -> int:
    svc, actor = _key_service(args)
    if svc.keys.exists():  # say so before asking for a passphrase
        raise UserError(f"Keys already exist in {svc.keys.dir}; refusing to overwrite them "
                        "(peers trust these keys).")
    public = svc.create_keys(actor, role=args.role, name=args.name,
                             passphrase=_passphrase(args, confirm=True))
    print(f"Keys created in {svc.keys.dir} for {public.site_id} ({public.role}).")
    print(f"Fingerprint: {public.fingerprint}")
    return 0


def _keys_export_public(args: argparse.Namespace) -> int:
    from ..sync import KeyStore
    from ..sync.key_service import write_public_file

    # Needs no database: the public half is read from the keys folder.
    public = write_public_file(KeyStore(args.keys_dir), args.out)
    print(args.out)
    print(f"Fingerprint: {public.fingerprint}")
    return 0


def _keys_trust(args: argparse.Namespace) -> int:
    svc, actor = _key_service(args)
    result = svc.trust(actor, args.file, role=args.role)
    ident = result.identity
    if result.replaced is not None:
        print(f"warning: {ident.site_id} was trusted with other keys (fingerprint "
              f"{result.replaced.fingerprint}); they are replaced.", file=sys.stderr)
    print(f"Now trusting {ident.site_id} ({ident.role}) — fingerprint {ident.fingerprint}.")
    print("Check this fingerprint with the other installation by telephone.")
    return 0


def _keys_list(args: argparse.Namespace) -> int:
    svc, actor = _key_service(args)
    overview = svc.overview(actor)
    me = overview.own
    if me is not None:
        print(f"this installation: {me.site_id} ({me.role})  {me.fingerprint}")
    else:
        print("this installation: no keys yet (makarem-desk keys init)")
    for p in overview.peers:
        print(f"trusted: {p.site_id} ({p.role})  {p.fingerprint}")
    return 0


def _progress(args: argparse.Namespace) -> Any:
    """With --verbose, one line per step on stderr (what a log or a watching script reads)."""
    if not getattr(args, "verbose", False):
        return None

    def report(done: int, total: int, label: str) -> None:
        print(f"progress: {label} {done}/{total}", file=sys.stderr, flush=True)

    return report


def _export(args: argparse.Namespace) -> int:
    svc = _service(args)
    actor = acting_for(args, svc.db)
    identity = svc.unlock(actor, _passphrase(args))
    for result in svc.export(actor, identity, args.out, to=args.to, batch=args.batch,
                             progress=_progress(args)):
        plan = result.plan
        if result.path is None:
            print(f"Nothing changed for {plan.destination} since batch {plan.sequence - 1}; "
                  "no batch written.", file=sys.stderr)
            continue
        counts = ", ".join(f"{k} {v}" for k, v in result.counts.items()) or "no records"
        note = " (left unfinished by an interrupted export; finished now)" if result.resumed else ""
        print(f"batch {plan.sequence} for {plan.destination}{note}: {counts}", file=sys.stderr)
        print(result.path)
    return 0


def _import(args: argparse.Namespace) -> int:
    svc = _service(args)
    actor = acting_for(args, svc.db)
    identity = svc.unlock(actor, _passphrase(args))
    result = svc.import_file(actor, identity, args.file, allow_gap=args.allow_gap,
                             progress=_progress(args))
    label = f"batch {result.sequence} from {result.site_id}"
    if result.already_imported:
        print(f"{label} was already imported; nothing changed.")
        return 0
    print(f"{label} imported: {result.total('inserted')} new, {result.total('updated')} "
          f"updated, {result.total('unchanged')} unchanged, {result.total('conflicts')} "
          "conflicts to resolve.")
    if result.gap:
        print(f"warning: batch {', '.join(map(str, result.gap))} from {result.site_id} "
              "has not arrived; recorded as a gap.", file=sys.stderr)
    for r in result.released:
        print(f"batch {r.sequence} from {r.site_id}, kept aside until now, imported: "
              f"{r.total('inserted')} new, {r.total('updated')} updated, "
              f"{r.total('conflicts')} conflicts to resolve.")
    return 0


def _decide(args: argparse.Namespace) -> int:
    from ..sync import CommitteeService

    db = open_database(args)
    # A real committee member (or the committee's administrator), whose role the service
    # checks and whose name the decision and its letter carry -- never a typed-in name.
    actor = acting_for(args, db)
    CommitteeService(db).decide(actor, args.reference, accepted=bool(args.accept),
                                reason=args.reason)
    print(f"{args.reference}: {'accepted' if args.accept else 'rejected'} by "
          f"{actor.full_name} ({actor.username})")
    return 0
