"""Opening a batch: check everything first, then merge it in one transaction.

Order of checks (each refusal leaves the database untouched): shape of the file, the
sender is a trusted installation, its Ed25519 signature over header and ciphertext,
decryption with our age identity, the manifest agrees with the header, every member's
SHA-256, the batch number against what we already have from that sender.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from ..audit import record_event
from ..db import Database, next_change_seq
from ..garbage import fewer_collections
from ..models import BatchDirection, Site, SyncBatch
from ..permissions import InstallationRole
from ..services.actor import SYSTEM, Actor
from . import container
from .decisions import check_decisions_members, merge_decisions
from .errors import BatchHeld, BatchRefused, SyncError
from .keys import PrivateIdentity
from .merge import MergeContext, merge_table
from .missing import missing_programs, refuse_missing_programs
from .name_entries import name_entries_in_bulk
from .page_writer import pages_written_aside
from .records import TABLES
from .trust import TrustStore

log = logging.getLogger(__name__)
RECORD_MEMBERS = frozenset(f"records/{t.name}.jsonl" for t in TABLES)
SENT = "done"  # SyncBatch.state of a batch known to be out


Progress = Callable[[int, int, str], None]


@dataclass
class ImportResult:
    site_id: str
    sequence: int
    kind: str
    already_imported: bool = False
    gap: list[int] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    # Batches held earlier because this one was missing, imported right after it.
    released: list[ImportResult] = field(default_factory=list)

    def total(self, what: str) -> int:
        return sum(c.get(what, 0) for c in self.counts.values())


@dataclass(frozen=True)
class OpenedBatch:
    envelope: container.Envelope
    contents: container.Contents
    digest: str


PAGE = 5000  # records merged (looked up, inserted) at once


def _pages(lines: Iterator[bytes], size: int | None) -> Iterator[list[dict[str, Any]]]:
    page: list[bytes] = []
    for line in lines:
        if not line.strip():
            continue
        page.append(line)
        if size is not None and len(page) >= size:
            yield _records(page)
            page = []
    if page:
        yield _records(page)


def _records(lines: list[bytes]) -> list[dict[str, Any]]:
    """A page of JSON lines read by one ``json.loads`` (a call per line costs as much as
    the parsing).  Each line must be exactly one JSON object: a line holding two values
    (``{..},{..}``) changes the count, one closing the array leaves text after it."""
    records: list[dict[str, Any]] = json.loads(b"[" + b",".join(lines) + b"]")
    if len(records) != len(lines):
        raise ValueError("a line holds more than one JSON value")
    for record in records:
        if not isinstance(record, dict):
            raise ValueError("a line is not a JSON object")
    return records


class Importer:
    def __init__(self, db: Database, trust: TrustStore):
        self.db = db
        self.trust = trust

    def open(self, identity: PrivateIdentity, data: bytes) -> OpenedBatch:
        """Every check that needs no database write; returns the verified contents."""
        me = identity.public
        if (me.site_id, me.role) != (self.db.site_id, self.db.installation_role.value):
            raise SyncError(
                f"These keys are those of {me.site_id} ({me.role}), but the database is "
                f"{self.db.site_id} ({self.db.installation_role.value}).",
                message_ar="مفاتيح هذا الجهاز تخص موقعاً أو دوراً غير ما في قاعدة البيانات.",
            )
        env = container.open_envelope(data)
        if env.site_id == identity.public.site_id:
            raise BatchRefused(
                f"Batch {env.sequence} was made by this installation ({env.site_id}).",
                message_ar="هذه الدفعة صادرة من هذا الجهاز نفسه.",
            )
        if env.destination != identity.public.site_id:
            raise BatchRefused(
                f"This batch is addressed to {env.destination}, not to this installation "
                f"({identity.public.site_id}).",
                message_ar=f"هذه الدفعة موجهة إلى {env.destination} وليست لهذا الجهاز.",
            )
        peer = self.trust.peer(env.site_id)
        if peer is None:
            raise BatchRefused(
                f"The batch comes from {env.site_id}, which is not a trusted installation "
                "here (see `makarem-desk keys trust`).",
                message_ar=f"الدفعة صادرة من جهة غير موثوقة ({env.site_id}).",
            )
        if peer.role == identity.public.role:
            raise BatchRefused(
                f"{env.site_id} is a {peer.role} like this installation; batches travel "
                "between counters and the research committee only.",
            )
        expected = "records" if peer.role == "site" else "decisions"
        if env.kind != expected:
            raise BatchRefused(
                f"{env.site_id} is a {peer.role} installation; its batches are {expected} "
                f"batches, not {env.kind}.",
                message_ar="نوع الدفعة لا يطابق دور الجهة المرسلة.",
            )
        if not peer.verify(env.signature, env.signed_message):
            raise BatchRefused(
                f"The signature of this batch does not match {env.site_id}'s key: the file "
                "was altered or truncated on its way.",
                message_ar="توقيع الدفعة غير مطابق: الملف مُعدَّل أو مقطوع.",
            )
        try:
            plaintext = identity.decrypt(env.ciphertext)
        except pyrage.DecryptError as exc:
            raise BatchRefused(
                "This batch was not encrypted for this installation's key "
                f"({identity.public.site_id}).",
                message_ar="الدفعة غير مشفرة لمفتاح هذا الجهاز.",
            ) from exc
        contents = container.Contents(plaintext)
        m = contents.manifest
        if (m.get("site_id"), m.get("destination"), m.get("sequence"), m.get("kind")) != (
            env.site_id, env.destination, env.sequence, env.kind
        ) or m.get("format") != container.FORMAT:
            raise BatchRefused("The batch's manifest does not agree with its header.",
                               message_ar="بيانات الدفعة الداخلية لا تطابق رأسها.")
        unknown = sorted(n for n in contents.members if n.startswith("records/")
                         and n not in RECORD_MEMBERS)
        if unknown:
            raise BatchRefused(
                f"The batch holds records of tables this installation does not know "
                f"({', '.join(unknown[:5])}); nothing was imported.",
                message_ar="تحتوي الدفعة جداول غير معروفة؛ لم يُستورد شيء.",
            )
        if env.kind == "decisions":
            check_decisions_members(list(contents.members), env.site_id)
        contents.verify_all()
        return OpenedBatch(env, contents, container.content_digest(m))

    def import_bytes(
        self,
        identity: PrivateIdentity,
        data: bytes,
        *,
        file_name: str = "",
        allow_gap: bool = False,
        progress: Progress | None = None,
        actor: Actor = SYSTEM,
    ) -> ImportResult:
        opened = self.open(identity, data)
        env, contents = opened.envelope, opened.contents
        report = progress or (lambda _d, _t, _l: None)
        result = ImportResult(env.site_id, env.sequence, env.kind)
        try:
            with self.db.session() as s:
                conn = s.connection()
                # Two desks of a shared database importing the same batch: the second
                # waits here, then finds it already imported.
                site_row = s.get(Site, env.site_id, with_for_update=True)
                done = s.execute(
                    select(SyncBatch.sequence, SyncBatch.sha256).where(
                        SyncBatch.direction == BatchDirection.IMPORT,
                        SyncBatch.peer_site_id == env.site_id,
                    )
                ).all()
                seen = {int(r.sequence): r.sha256 for r in done}
                if env.sequence in seen:
                    if seen[env.sequence] == opened.digest:
                        result.already_imported = True
                        return result
                    raise BatchRefused(
                        f"Batch {env.sequence} from {env.site_id} was already imported and "
                        "this file holds different records (an old or re-created copy); "
                        "it was not imported.",
                        message_ar="استوردت هذه الدفعة من قبل بمحتوى مختلف؛ لم تُستورد.",
                    )
                top = max(seen, default=0)
                missing = list(range(top + 1, env.sequence))
                if missing and not allow_gap:
                    raise BatchHeld(
                        f"Batch {env.sequence} from {env.site_id} arrived before batch "
                        f"{_numbers(missing)}; import that first (or use --allow-gap).",
                        missing=missing,
                        message_ar=f"وصلت الدفعة {env.sequence} قبل الدفعة "
                        f"{_numbers(missing)}؛ استورد السابقة أولاً.",
                    )
                result.gap = missing
                batch_id = uuid.uuid4()
                # Only what certainly went out counts as sent (an export killed half-way
                # leaves its batch "pending").
                cursor = s.scalar(
                    select(SyncBatch.change_seq_to)
                    .where(SyncBatch.direction == BatchDirection.EXPORT,
                           SyncBatch.peer_site_id == env.site_id,
                           SyncBatch.state == SENT)
                    .order_by(SyncBatch.sequence.desc()).limit(1)
                )
                aliases = dict((site_row.settings or {}).get("aliases", {})) if site_row else {}
                lacking = missing_programs(s, contents, aliases)
                if lacking:  # said plainly, instead of the database's foreign-key error
                    raise refuse_missing_programs(env.site_id, env.sequence, lacking)
                ctx = MergeContext(
                    my_site=identity.public.site_id,
                    from_site=env.site_id,
                    export_cursor=int(cursor or 0),
                    batch_id=batch_id,
                    next_seq=lambda n: next_change_seq(s, n),
                    remap={uuid.UUID(k): uuid.UUID(v) for k, v in aliases.items()},
                    at_committee=self.db.installation_role is InstallationRole.COMMITTEE,
                )
                with name_entries_in_bulk(conn), fewer_collections():
                    self._merge(conn, env.kind, contents, ctx, report)
                for case in ctx.counter_decisions:
                    record_event(s, actor, "sync_counter_decision_refused",
                                 entity="application", entity_id=case["id"],
                                 details={**case, "from_site": env.site_id,
                                          "batch": env.sequence})
                result.counts = {t: st.as_dict() for t, st in ctx.stats.items()}
                new_aliases = {str(k): str(v) for k, v in ctx.remap.items()}
                if site_row is not None and new_aliases != aliases:
                    conn.execute(update(Site).where(Site.id == env.site_id)
                                 .values(settings={**(site_row.settings or {}),
                                                   "aliases": new_aliases}))
                m = contents.manifest
                s.add(SyncBatch(
                    id=batch_id,
                    direction=BatchDirection.IMPORT,
                    peer_site_id=env.site_id,
                    kind=env.kind,
                    sequence=env.sequence,
                    change_seq_from=_bigint(m.get("change_seq_from")),
                    change_seq_to=_bigint(m.get("change_seq_to")),
                    file_name=file_name,
                    sha256=opened.digest,
                    counts=result.counts,
                    state="done",
                    gap_before=bool(missing),
                ))
                record_event(s, actor, "sync_import", entity="sync_batch",
                             entity_id=f"{env.site_id}#{env.sequence}",
                             details={"file": file_name, "kind": env.kind,
                                      "counts": result.counts, "gap": missing})
                report(len(TABLES), len(TABLES), "commit")
        except IntegrityError as exc:
            raise BatchRefused(
                "The batch does not fit this database (" + _first_line(exc) + "); "
                "nothing was imported.",
                message_ar="لا تتوافق الدفعة مع قاعدة البيانات؛ لم يُستورد شيء.",
            ) from exc
        except DBAPIError as exc:
            raise SyncError(f"The database refused the import: {_first_line(exc)}") from exc
        return result

    @staticmethod
    def _merge(conn: Any, kind: str, contents: container.Contents, ctx: MergeContext,
               report: Progress) -> None:
        for step, table in enumerate(TABLES):
            name = f"records/{table.name}.jsonl"
            if name not in contents.members:
                continue
            report(step, len(TABLES), table.name)
            try:
                # Records a page at a time: a batch of any size never becomes one list.
                pages = _pages(contents.lines(name), PAGE if kind == "records" else None)
                if kind == "decisions":
                    for records in pages:
                        merge_decisions(conn, records, ctx)
                    continue
                # Each table's last page is written inside this ``try``: a value COPY
                # refuses is reported with its own table.
                with pages_written_aside() as ctx.writer:
                    try:
                        for records in pages:
                            merge_table(conn, table, records, contents.read, ctx)
                    finally:
                        ctx.writer = None
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                # A value of the wrong type or form: the sender's bug or a forged batch.
                raise BatchRefused(
                    f"A record in {name} cannot be read ({type(exc).__name__}: "
                    f"{_first_line(exc)}); nothing was imported.",
                    message_ar="في الدفعة سجل غير مقروء؛ لم يُستورد شيء.",
                ) from exc

    def import_file(self, identity: PrivateIdentity, path: Path, *, actor: Actor = SYSTEM,
                    **kw: Any) -> ImportResult:
        """Import one batch file; a refusal (or a batch held for an earlier one) leaves
        its event in the audit trail, written after the import's own rollback."""
        data = b""
        try:
            if path.name.endswith(".partial"):
                raise BatchRefused(
                    f"{path.name} is an unfinished export (the program stopped while "
                    "writing it); export again.",
                    message_ar="هذا ملف تصدير لم يكتمل؛ أعد التصدير.",
                )
            try:
                size = path.stat().st_size
                if size > container.MAX_FILE_BYTES:
                    raise BatchRefused(
                        f"{path.name} is {size:,} bytes, more than the "
                        f"{container.MAX_FILE_BYTES:,} a batch may be; it was not read.",
                        message_ar="ملف الدفعة أكبر من الحد المسموح؛ لم يُقرأ.",
                    )
                data = path.read_bytes()
            except OSError as exc:
                raise SyncError(f"Cannot read {path}: {exc.strerror}",
                                message_ar="تعذرت قراءة ملف الدفعة.") from exc
            return self.import_bytes(identity, data, file_name=path.name, actor=actor, **kw)
        except SyncError as exc:
            self._audit_refusal(actor, path.name, data, exc)
            raise

    def _audit_refusal(self, actor: Actor, file_name: str, data: bytes, exc: SyncError) -> None:
        held = isinstance(exc, BatchHeld)
        details: dict[str, Any] = {"file": file_name, "reason": exc.message}
        try:
            env = container.open_envelope(data)
            batch = f"{env.site_id}#{env.sequence}"
            details["kind"] = env.kind
        except BatchRefused:
            batch = ""
        if isinstance(exc, BatchHeld):
            details["missing"] = exc.missing
        try:
            with self.db.session() as s:
                record_event(s, actor, "sync_import_held" if held else "sync_import_refused",
                             entity="sync_batch", entity_id=batch, details=details)
        except DBAPIError:
            # The database itself is what failed: the refusal is still reported.
            log.warning("could not record the refused import of %s in the audit trail",
                        file_name)


def _numbers(nums: list[int]) -> str:
    return ", ".join(str(n) for n in nums) if len(nums) <= 5 else f"{nums[0]}–{nums[-1]}"


def _bigint(v: Any) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)).strip()
    return text.splitlines()[0] if text else type(exc).__name__


