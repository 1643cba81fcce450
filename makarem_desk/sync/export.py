"""Making a batch: everything this installation changed since its last export.

What goes in: the rows of the travelling tables that *this* installation last wrote
(``site_id`` = ours) with a change sequence in the batch's range.  Rows received from a
peer keep the peer's ``site_id``, so a committee's batch carries its decisions and never
sends a counter's own records back to it.

Atomicity: the file is written under a temporary name in the target folder, fsynced,
renamed, the folder fsynced, and only then is the batch recorded (which advances the
cursor).  A kill at any moment leaves at most a ``.partial`` file, which no importer
accepts, and the next export covers the same changes again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, and_, func, select
from sqlalchemy.exc import IntegrityError

from .. import __version__
from ..audit import record_event
from ..db import Database
from ..models import BatchDirection, ChangeCounter, SyncBatch
from ..services.actor import SYSTEM, Actor
from . import container
from .errors import SyncError
from .keys import PrivateIdentity, PublicIdentity
from .locks import export_lock
from .records import CODECS, TABLE_BY_NAME, TABLES
from .summary import build_summary
from .trust import TrustStore

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class ExportCancelled(SyncError):
    pass


@dataclass(frozen=True)
class ExportPlan:
    site_id: str
    destination: str
    kind: str
    sequence: int
    change_seq_from: int
    change_seq_to: int
    recreated: bool


@dataclass
class ExportResult:
    path: Path | None
    plan: ExportPlan
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def batch_file_name(site_id: str, destination: str, sequence: int) -> str:
    return f"{site_id}-to-{destination}-{sequence:06d}.mkb"


class Exporter:
    """One stream of numbered batches per destination: a counter sends its records to the
    committee; the committee sends each counter the decisions on that counter's
    applications (an application's reference starts with the code of the counter that
    made it), so no counter receives another counter's beneficiaries."""

    def __init__(self, db: Database, trust: TrustStore):
        self.db = db
        self.trust = trust

    def destinations(self, identity: PrivateIdentity) -> list[PublicIdentity]:
        me = identity.public
        if me.site_id != self.db.site_id:
            raise SyncError(
                f"These keys belong to site {me.site_id}, but the database is site "
                f"{self.db.site_id}.",
                message_ar="مفاتيح هذا الجهاز تخص موقعاً آخر غير موقع قاعدة البيانات.",
            )
        target_role = "committee" if me.role == "site" else "site"
        peers = self.trust.peers(target_role)
        if not peers:
            raise SyncError(
                f"No trusted {target_role} installation to encrypt the batch to; "
                f"use `makarem-desk keys trust FILE --role {target_role}` first.",
                message_ar="لا توجد جهة موثوقة تُشفَّر الدفعة لها؛ أضف مفاتيحها أولاً.",
            )
        return peers

    # -- validate first ---------------------------------------------------------------
    def plan(self, identity: PrivateIdentity, destination: str, *,
             batch: int | None = None) -> ExportPlan:
        me = identity.public
        if destination not in {p.site_id for p in self.destinations(identity)}:
            raise SyncError(f"{destination} is not a trusted installation to send batches to.",
                            message_ar="الجهة المحددة ليست جهة موثوقة.")
        kind = "records" if me.role == "site" else "decisions"
        stream = (SyncBatch.direction == BatchDirection.EXPORT,
                  SyncBatch.peer_site_id == destination)
        with self.db.reader() as s:
            if batch is not None:
                row = s.scalars(select(SyncBatch).where(*stream, SyncBatch.sequence == batch)).first()
                if row is None:
                    raise SyncError(
                        f"This installation never sent a batch {batch} to {destination}.",
                        message_ar=f"لم تُصدَّر دفعة رقم {batch} إلى {destination}.")
                return ExportPlan(me.site_id, destination, row.kind, batch,
                                  int(row.change_seq_from), int(row.change_seq_to), True)
            last = s.execute(
                select(SyncBatch.sequence, SyncBatch.change_seq_to).where(*stream)
                .order_by(SyncBatch.sequence.desc()).limit(1)
            ).first()
            top = s.scalar(select(ChangeCounter.value).where(ChangeCounter.id == 1)) or 0
        seq_from = int(last.change_seq_to) if last else 0
        return ExportPlan(me.site_id, destination, kind, (int(last.sequence) + 1) if last else 1,
                          seq_from, max(int(top), seq_from), False)

    # -- then run ---------------------------------------------------------------------
    def export(
        self,
        identity: PrivateIdentity,
        out_dir: Path,
        destination: str,
        *,
        batch: int | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        actor: Actor = SYSTEM,
    ) -> ExportResult:
        """Write the batch; ``path`` is None when nothing changed since the last one."""
        with export_lock(self.db, destination):
            return self._export(identity, out_dir, destination, batch=batch,
                                progress=progress, cancelled=cancelled, actor=actor)

    def _export(
        self,
        identity: PrivateIdentity,
        out_dir: Path,
        destination: str,
        *,
        batch: int | None,
        progress: Progress | None,
        cancelled: Cancelled | None,
        actor: Actor,
    ) -> ExportResult:
        plan = self.plan(identity, destination, batch=batch)
        report = progress or (lambda _d, _t, _l: None)
        stop = cancelled or (lambda: False)
        if not out_dir.is_dir():
            raise SyncError(f"The folder {out_dir} does not exist.",
                            message_ar="المجلد المحدد غير موجود.")

        def check_cancel() -> None:
            if stop():
                raise ExportCancelled("Export cancelled; nothing was written.",
                                      message_ar="أُلغي التصدير ولم يُكتب شيء.")

        members: dict[str, bytes] = {}
        counts: dict[str, int] = {}
        decoded: dict[str, list[dict[str, Any]]] = {}
        tables = TABLES if plan.kind == "records" else (TABLE_BY_NAME["application"],)
        total_steps = len(tables) + 3
        with self.db.reader() as s:
            selected: dict[str, list[Any]] = {}
            for step, table in enumerate(tables):
                check_cancel()
                report(step, total_steps, table.name)
                codec = CODECS[table.name]
                where = _in_range(table, plan)
                if plan.kind == "decisions":
                    where = and_(where, table.c.reference.startswith(
                        f"{plan.destination}-", autoescape=True))
                selected[table.name] = list(s.execute(
                    select(*codec.columns).where(where).order_by(table.c.change_seq, table.c.id)
                ).all())
            if plan.kind == "records":
                _add_parents(s, plan.site_id, selected)
            for table in tables:
                rows = selected.get(table.name) or []
                if not rows:
                    continue
                codec = CODECS[table.name]
                encoded = [codec.encode(r, members) for r in rows]
                counts[table.name] = len(encoded)
                if table.name in ("application", "beneficiary", "program"):
                    decoded[table.name] = encoded
                members[f"records/{table.name}.jsonl"] = b"".join(
                    json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
                    + b"\n" for e in encoded
                )
            if not counts and not plan.recreated:
                return ExportResult(None, plan, counts)
            report(len(tables), total_steps, "summary")
            members["summary.xlsx"] = self._summary(s, decoded)
        from ..migrate import head_revision

        manifest = {
            "format": container.FORMAT,
            "site_id": plan.site_id,
            "site_role": identity.public.role,
            "destination": plan.destination,
            "kind": plan.kind,
            "sequence": plan.sequence,
            "change_seq_from": plan.change_seq_from,
            "change_seq_to": plan.change_seq_to,
            "schema_version": head_revision(),
            "app_version": __version__,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "recreated": plan.recreated,
            "counts": counts,
        }
        check_cancel()
        report(len(tables) + 1, total_steps, "encrypt")
        plaintext = container.build_zip(manifest, members)
        peer = self.trust.peer(plan.destination)
        assert peer is not None  # plan() checked it
        ciphertext = container.encrypt(plaintext, [peer.recipient()])
        header = container.header_line(plan.site_id, plan.destination, plan.sequence, plan.kind)
        signature = identity.sign(header + ciphertext)
        check_cancel()
        report(len(tables) + 2, total_steps, "write")
        path = out_dir / batch_file_name(plan.site_id, plan.destination, plan.sequence)
        write_atomically(path, header, signature, ciphertext)
        digest = container.sha256_hex(container.seal(header, ciphertext, signature))
        self._record(plan, path, digest, counts, actor)
        report(total_steps, total_steps, "done")
        return ExportResult(path, plan, counts)

    def _summary(self, s: Any, decoded: dict[str, list[dict[str, Any]]]) -> bytes:
        apps = decoded.get("application", [])
        bens = {b["id"]: b for b in decoded.get("beneficiary", [])}
        progs = {p["id"]: p for p in decoded.get("program", [])}
        # An application changed (e.g. decided) without its beneficiary: look the name up.
        want = {a["beneficiary_id"] for a in apps} - set(bens)
        if want:
            t = TABLE_BY_NAME["beneficiary"]
            for chunk in _chunks(sorted(want), 500):
                cols = CODECS["beneficiary"].columns
                for r in s.execute(select(*cols).where(t.c.id.in_([_uuid(x) for x in chunk]))):
                    bens[str(r.id)] = CODECS["beneficiary"].encode(r, {})
        want = {a["program_id"] for a in apps} - set(progs)
        if want:
            t = TABLE_BY_NAME["program"]
            for r in s.execute(select(*CODECS["program"].columns)
                               .where(t.c.id.in_([_uuid(x) for x in want]))):
                progs[str(r.id)] = CODECS["program"].encode(r, {})
        return build_summary(apps, bens, progs)

    def _record(self, plan: ExportPlan, path: Path, digest: str, counts: dict[str, int],
                actor: Actor) -> None:
        """Advance the cursor (a new batch) and leave a trace in the audit trail; a
        re-created batch only leaves the trace."""
        try:
            with self.db.session() as s:
                record_event(s, actor, "sync_recreate" if plan.recreated else "sync_export",
                    entity="sync_batch", entity_id=f"{plan.destination}#{plan.sequence}",
                    details={"file": path.name, "sha256": digest, "counts": counts},
                )
                if plan.recreated:
                    return
                s.add(SyncBatch(
                    direction=BatchDirection.EXPORT,
                    peer_site_id=plan.destination,
                    kind=plan.kind,
                    sequence=plan.sequence,
                    change_seq_from=plan.change_seq_from,
                    change_seq_to=plan.change_seq_to,
                    file_name=path.name,
                    sha256=digest,
                    counts=counts,
                    state="done",
                ))
        except IntegrityError as exc:
            raise SyncError(
                f"Another export took batch number {plan.sequence} at the same time; "
                "export again.",
                message_ar="تزامن تصديران في اللحظة نفسها؛ أعد التصدير.",
            ) from exc

    def history_count(self) -> int:
        with self.db.reader() as s:
            return int(s.scalar(select(func.count()).select_from(SyncBatch)) or 0)


def _in_range(table: Table, plan: ExportPlan) -> Any:
    return and_(
        table.c.site_id == plan.site_id,
        table.c.change_seq > plan.change_seq_from,
        table.c.change_seq <= plan.change_seq_to,
    )


def _add_parents(s: Any, site_id: str, selected: dict[str, list[Any]]) -> None:
    """Bring along our own parent rows (the program, person, contact, application) of
    what is sent, at their current version: the receiver then never meets a record whose
    parent it lacks, even when an earlier batch went missing.  Where it already has them,
    the same version is a no-op."""
    for table in reversed(TABLES):
        rows = selected.get(table.name) or []
        for col in table.columns:
            for fk in col.foreign_keys:
                parent = fk.column.table
                have = {r.id for r in selected.get(parent.name, [])}
                want = {getattr(r, col.name) for r in rows} - have - {None}
                if not want:
                    continue
                codec = CODECS[parent.name]
                ids = sorted(want, key=str)
                for i in range(0, len(ids), 500):
                    found = s.execute(select(*codec.columns).where(
                        parent.c.id.in_(ids[i : i + 500]), parent.c.site_id == site_id)).all()
                    selected.setdefault(parent.name, []).extend(found)


def _uuid(x: str) -> Any:
    import uuid

    return uuid.UUID(x)


def _chunks(items: list[str], n: int) -> Any:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def write_atomically(path: Path, header: bytes, signature: bytes, ciphertext: bytes) -> None:
    """The batch appears under ``path`` complete and on disk, or not at all.

    The temporary file first gets a blank signature, so that until its very last write
    it cannot pass for a batch even if someone copies it; the importer also refuses any
    ``*.partial`` name, and the next export removes leftovers."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    for stale in path.parent.glob(f".{path.name}.*.partial"):
        stale.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(header)
            fh.write(bytes(len(signature)))
            fh.write(ciphertext)
            fh.flush()
            os.fsync(fh.fileno())
            fh.seek(len(header))
            fh.write(signature)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
