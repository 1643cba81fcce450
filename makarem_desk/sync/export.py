"""Making a batch: everything this installation changed since its last export.

What goes in: the rows of the travelling tables that *this* installation last wrote
(``site_id`` = ours) with a change sequence in the batch's range.  Rows received from a
peer keep the peer's ``site_id``, so a committee's batch carries its decisions and never
sends a counter's own records back to it.  A decisions batch carries only the decision
fields of the applications (``ownership.DECISIONS_BATCH_COLUMNS``).

A batch streams: rows are read a chunk at a time with Core, turned into JSON lines,
zipped, encrypted and written under a ``.partial`` name (which no importer takes) while
the first pass of the signature runs over the ciphertext; the file is fsynced, read back
for the signature's second pass, signed, fsynced.  Memory stays flat whatever the size.

Never an orphan batch.  The database then records the batch as *pending* with its
number, exact change-sequence range and the SHA-256 of the file (committed) before the
file takes its final name; then the folder is fsynced, and only then is the batch marked
*sent*, which is what moves the cursor.  The next export to the same destination first settles a
pending batch: its file there, whole (same SHA-256) -> marked sent; otherwise -> made
again over the same range (the records of that range as they are now, as with a
re-created batch), so whichever copy reaches the committee, no record falls between two
batches.  ``files.KILL_POINTS`` names the steps a test kills the export at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Table, and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from .. import __version__
from ..audit import record_event
from ..db import Database
from ..models import BatchDirection, ChangeCounter, SyncBatch
from ..services.actor import SYSTEM, Actor
from . import container
from .errors import SyncError
from .files import checkpoint, file_sha256, write_streamed
from .keys import PrivateIdentity, PublicIdentity
from .locks import export_lock
from .records import TABLE_BY_NAME, TABLES
from .selection import count_rows, not_indexed, parents_to_add
from .stream_batch import BatchStream
from .trust import TrustStore

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
PENDING, SENT = "pending", "done"


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
    recreated: bool  # --batch N: a copy of a batch already sent; the cursor stays
    resumed: bool = False  # a pending batch an interrupted export left, made again


@dataclass(frozen=True)
class PendingBatch:
    destination: str
    kind: str
    sequence: int
    change_seq_from: int
    change_seq_to: int
    file_name: str  # where its file was to be
    sha256: str  # of that file
    counts: dict[str, int]


@dataclass
class ExportResult:
    path: Path | None
    plan: ExportPlan
    counts: dict[str, int] = field(default_factory=dict)
    # A batch an interrupted export had left; finished (or made again) by this one.
    resumed: bool = False

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
                row = s.scalars(select(SyncBatch).where(
                    *stream, SyncBatch.sequence == batch, SyncBatch.state == SENT)).first()
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

    def pending(self, destination: str) -> list[PendingBatch]:
        """Batches an interrupted export left between "pending" and "sent"."""
        with self.db.reader() as s:
            return [PendingBatch(r.peer_site_id, r.kind, int(r.sequence),
                                 int(r.change_seq_from), int(r.change_seq_to), r.file_name,
                                 r.sha256, dict(r.counts or {}))
                    for r in s.scalars(select(SyncBatch).where(
                        SyncBatch.direction == BatchDirection.EXPORT,
                        SyncBatch.peer_site_id == destination, SyncBatch.state == PENDING,
                    ).order_by(SyncBatch.sequence))]

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
    ) -> list[ExportResult]:
        """Settle what an interrupted export left, then write the batch; the last result's
        ``path`` is None when nothing changed since the last batch."""
        if not out_dir.is_dir():
            raise SyncError(f"The folder {out_dir} does not exist.",
                            message_ar="المجلد المحدد غير موجود.")
        with export_lock(self.db, destination):
            results = [self._settle(identity, out_dir, row, actor)
                       for row in self.pending(destination)]
            plan = self.plan(identity, destination, batch=batch)
            results.append(self._export(identity, out_dir, plan, progress=progress,
                                        cancelled=cancelled, actor=actor))
            return results

    def _settle(self, identity: PrivateIdentity, out_dir: Path, row: PendingBatch,
                actor: Actor) -> ExportResult:
        plan = ExportPlan(identity.public.site_id, row.destination, row.kind, row.sequence,
                          row.change_seq_from, row.change_seq_to, False, resumed=True)
        recorded = Path(row.file_name)
        name = batch_file_name(plan.site_id, plan.destination, plan.sequence)
        for path in dict.fromkeys([recorded, out_dir / name]):
            if path.name == name and file_sha256(path) == row.sha256:
                # The file was finished before the export stopped: it is the batch.
                self._mark_sent(plan, path, row.sha256, row.counts, actor)
                return ExportResult(path, plan, row.counts, resumed=True)
        # Not there (never finished, or carried off): the same range once more.
        result = self._export(identity, out_dir, plan, progress=None, cancelled=None,
                              actor=actor)
        result.resumed = True
        return result

    def _export(
        self,
        identity: PrivateIdentity,
        out_dir: Path,
        plan: ExportPlan,
        *,
        progress: Progress | None,
        cancelled: Cancelled | None,
        actor: Actor,
    ) -> ExportResult:
        report = progress or (lambda _d, _t, _l: None)
        stop = cancelled or (lambda: False)

        def check_cancel() -> None:
            if stop():
                raise ExportCancelled("Export cancelled; nothing was written.",
                                      message_ar="أُلغي التصدير ولم يُكتب شيء.")

        tables = TABLES if plan.kind == "records" else (TABLE_BY_NAME["application"],)
        total_steps = len(tables) + 3

        def where(table: Table) -> Any:
            clause = _in_range(table, plan)
            if plan.kind == "decisions":
                clause = and_(clause, table.c.reference.startswith(
                    f"{plan.destination}-", autoescape=True))
            return clause

        path = out_dir / batch_file_name(plan.site_id, plan.destination, plan.sequence)
        sealed: list[str] = []
        with self.db.reader() as s:
            added = (parents_to_add(s, lambda t: _in_range(t, plan), lambda t: _outside(t, plan))
                     if plan.kind == "records" else {})
            extents = {t.name: count_rows(s, t, where(t), added.get(t.name, set()))
                       for t in tables}
            counts = {name: n for name, (n, _unique) in extents.items() if n}
            if not counts and not plan.recreated and not plan.resumed:
                return ExportResult(None, plan, counts)
            manifest = self._manifest(identity, plan, counts)
            batch = BatchStream(s, plan, tables, where, added, counts,
                                {name for name, (_n, unique) in extents.items() if unique})

            def members() -> Iterator[tuple[str, Iterable[bytes]]]:
                for step, table in enumerate(tables):
                    check_cancel()
                    report(step, total_steps, table.name)
                    if table.name in counts:
                        yield from batch.members(table, check_cancel)
                report(len(tables), total_steps, "summary")
                yield "summary.xlsx", batch.summary()
                report(len(tables) + 1, total_steps, "encrypt")

            peer = self.trust.peer(plan.destination)
            assert peer is not None  # plan() checked it
            header = container.header_line(plan.site_id, plan.destination, plan.sequence,
                                           plan.kind)
            signer = identity.stream_signer()
            signer.update(header)

            def write_body(fh: BinaryIO) -> None:
                container.encrypt_stream(container.stream_zip(manifest, members()),
                                         container.TeeWriter(fh, signer.update),
                                         [peer.recipient()])
                check_cancel()
                report(len(tables) + 2, total_steps, "write")

            def on_sealed(digest: str) -> None:
                sealed.append(digest)
                if not plan.recreated:
                    self._record_pending(plan, path, digest, counts)
                    checkpoint("pending_recorded")

            try:
                digest = write_streamed(path, header, container.SIGNATURE_LEN, write_body,
                                        signer.finish, on_sealed)
            except OSError as exc:
                if (sealed and not plan.recreated and not plan.resumed
                        and file_sha256(path) != sealed[0]):
                    self._forget_pending(plan)  # no file came of it: as if never begun
                raise SyncError(f"Cannot write the batch to {out_dir}: {exc.strerror or exc}",
                                message_ar="تعذرت كتابة ملف الدفعة في المجلد المحدد.") from exc
        self._mark_sent(plan, path, digest, counts, actor)
        checkpoint("sent_recorded")
        report(total_steps, total_steps, "done")
        return ExportResult(path, plan, counts)

    @staticmethod
    def _manifest(identity: PrivateIdentity, plan: ExportPlan,
                  counts: dict[str, int]) -> dict[str, Any]:
        from ..migrate import head_revision

        return {
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
            "recreated": plan.recreated or plan.resumed,
            "counts": counts,
        }

    def _record_pending(self, plan: ExportPlan, path: Path, digest: str,
                        counts: dict[str, int]) -> None:
        """Before the file exists: the batch's number, range and file, as pending.  A
        pending batch being made again keeps its row; only the file it expects changes."""
        where = (SyncBatch.direction == BatchDirection.EXPORT,
                 SyncBatch.peer_site_id == plan.destination,
                 SyncBatch.sequence == plan.sequence)
        fields = {"file_name": _recorded_path(path), "sha256": digest, "counts": counts}
        try:
            with self.db.session() as s:
                if plan.resumed:
                    s.execute(update(SyncBatch).where(*where, SyncBatch.state == PENDING)
                              .values(**fields))
                    return
                s.add(SyncBatch(
                    direction=BatchDirection.EXPORT,
                    peer_site_id=plan.destination,
                    kind=plan.kind,
                    sequence=plan.sequence,
                    change_seq_from=plan.change_seq_from,
                    change_seq_to=plan.change_seq_to,
                    state=PENDING,
                    **fields,
                ))
        except IntegrityError as exc:
            raise SyncError(
                f"Another export took batch number {plan.sequence} at the same time; "
                "export again.",
                message_ar="تزامن تصديران في اللحظة نفسها؛ أعد التصدير.",
            ) from exc

    def _forget_pending(self, plan: ExportPlan) -> None:
        with self.db.session() as s:
            s.execute(delete(SyncBatch).where(
                SyncBatch.direction == BatchDirection.EXPORT,
                SyncBatch.peer_site_id == plan.destination,
                SyncBatch.sequence == plan.sequence, SyncBatch.state == PENDING))

    def _mark_sent(self, plan: ExportPlan, path: Path, digest: str, counts: dict[str, int],
                   actor: Actor) -> None:
        """The file is whole on disk: the batch is sent (the cursor moves) and the audit
        trail says so.  A re-created copy of a sent batch only leaves the trace."""
        with self.db.session() as s:
            record_event(
                s, actor, "sync_recreate" if plan.recreated else "sync_export",
                entity="sync_batch", entity_id=f"{plan.destination}#{plan.sequence}",
                details={"file": path.name, "sha256": digest, "counts": counts,
                         **({"resumed": True} if plan.resumed else {})},
            )
            if plan.recreated:
                return
            s.execute(update(SyncBatch).where(
                SyncBatch.direction == BatchDirection.EXPORT,
                SyncBatch.peer_site_id == plan.destination,
                SyncBatch.sequence == plan.sequence,
            ).values(state=SENT, file_name=path.name, sha256=digest, counts=counts))

    def history_count(self) -> int:
        with self.db.reader() as s:
            return int(s.scalar(select(func.count()).select_from(SyncBatch)) or 0)


def _in_range(table: Table, plan: ExportPlan) -> Any:
    return and_(
        not_indexed(table.c.site_id) == plan.site_id,
        table.c.change_seq > plan.change_seq_from,
        table.c.change_seq <= plan.change_seq_to,
    )


def _outside(table: Table, plan: ExportPlan) -> Any:
    """Our rows not in the batch's range (a change sequence is never null); searched by
    the change-sequence index (an empty answer at a first export costs nothing)."""
    return and_(
        not_indexed(table.c.site_id) == plan.site_id,
        or_(table.c.change_seq <= plan.change_seq_from,
            table.c.change_seq > plan.change_seq_to),
    )


def _recorded_path(path: Path) -> str:
    """Where a pending batch is expected: the full path when the column holds it."""
    full = str(path.resolve())
    return full if len(full) <= 300 else path.name
