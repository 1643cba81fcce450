"""What the command line and the Sync screen call: keys, trust, export, import, history,
conflicts.  Each call is checked against the permission matrix and runs its own units of
work."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from ..audit import record_event
from ..db import Database, next_change_seq
from ..models import SyncBatch, SyncConflict
from ..models.base import utcnow
from ..permissions import (
    AD,
    ADMIN_ONLY,
    CM,
    READS,
    RESEARCH,
    InstallationRole,
    R,
    guarded,
    register,
    rule,
)
from ..services.actor import Actor
from .errors import BatchHeld, SyncError
from .export import Cancelled, Exporter, ExportResult, Progress
from .importer import Importer, ImportResult
from .key_service import KeyService
from .keys import KeyStore, PrivateIdentity, PublicIdentity
from .ownership import counter_decision_problem
from .records import CODECS, TABLE_BY_NAME

# Why a record is waiting for a person (English, Arabic).
REASONS = {
    "concurrent_edit": ("two edits of one version", "تعديلان على النسخة نفسها"),
    "duplicate_identity": ("same identity registered twice", "هوية مسجلة مرتين"),
    "counter_decision": ("a counter sent a decision only the committee makes",
                         "أرسل موقع قراراً لا تتخذه إلا لجنة البحث"),
    "committee_status": ("the committee sent a status only the counter sets",
                         "أرسلت لجنة البحث حالة لا يضعها إلا الموقع"),
}
# Conflicts whose incoming side may not be taken: the sender had no say on it.
KEEP_ONLY = {
    "counter_decision": (
        "Only the committee decides: a counter's version of a decision cannot be taken. "
        "Keep the committee's version (it travels back to the counter); record a new "
        "decision with `decide` if one is needed.",
        "القرار للجنة البحث وحدها: لا يؤخذ بنسخة الموقع. أبقِ نسخة اللجنة، وسجّل قراراً "
        "جديداً إن لزم."),
    "committee_status": (
        "Drafts, missing items and eligibility are the counter's: the committee's status "
        "cannot be taken. Keep this counter's version (it travels to the committee).",
        "هذه الحالة من عمل الموقع: لا يؤخذ بنسخة اللجنة. أبقِ نسخة الموقع."),
}
# Carrying batches: at a counter the receptionist (who hands the USB stick over) and the
# administrator; at the committee its members and administrator.
SYNC = rule(site=(R, AD), committee=(CM, AD))
register({
    "SyncService.init_keys": ADMIN_ONLY,
    "SyncService.trust": ADMIN_ONLY,
    "SyncService.unlock": SYNC,
    "SyncService.export": SYNC,
    "SyncService.import_file": SYNC,
    # What the Exchange screen shows (fingerprints, batches sent and received, batches kept
    # aside, conflicts) is read like any record: the social researcher who resolves the
    # conflicts at a counter opens that screen too.
    "SyncService.public_identity": READS,
    "SyncService.peers": READS,
    "SyncService.held_batches": READS,
    "SyncService.history": READS,
    "SyncService.missing_batches": READS,
    "SyncService.conflicts": READS,
    "SyncService.resolve_conflict": RESEARCH,  # a judgement on a record's content
})


@dataclass(frozen=True)
class BatchView:
    id: uuid.UUID
    direction: str
    peer_site_id: str
    kind: str
    sequence: int
    file_name: str
    counts: dict[str, Any]
    state: str
    gap_before: bool
    created_at: datetime

    @property
    def total(self) -> int:
        n = 0
        for v in self.counts.values():
            n += v if isinstance(v, int) else sum(v.values())
        return n


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    local_version: int
    incoming_version: int
    from_site_id: str
    reason: str
    received_at: datetime
    resolved_at: datetime | None
    resolution: str | None
    local: dict[str, Any]
    incoming: dict[str, Any]
    why_en: str = ""  # the particular case, where the reason has more to say
    why_ar: str = ""

    @property
    def reason_text_en(self) -> str:
        text = REASONS.get(self.reason, (self.reason, self.reason))[0]
        return f"{text}: {self.why_en}" if self.why_en else text

    @property
    def reason_text_ar(self) -> str:
        text = REASONS.get(self.reason, (self.reason, self.reason))[1]
        return f"{text}: {self.why_ar}" if self.why_ar else text

    def differing_fields(self) -> list[str]:
        skip = {"version", "updated_at", "site_id", "change_seq"}
        return sorted(
            k for k in self.incoming
            if k not in skip and _plain(self.local.get(k)) != _plain(self.incoming.get(k))
        )


def _plain(v: Any) -> Any:
    if isinstance(v, dict) and ("$base64" in v or "$file" in v):
        return "<file>"
    return v


class SyncService:
    def __init__(self, db: Database, keys: KeyStore, *, held_dir: Path | None = None):
        self.db = db
        self.keys = keys
        # Beside the keys: both belong to this installation, not to one database file.
        self.held_dir = held_dir or keys.dir.parent / "held-batches"
        self.key_service = KeyService(db, keys)
        self.trust_store = self.key_service.trust_store
        self.exporter = Exporter(db, self.trust_store)
        self.importer = Importer(db, self.trust_store)
        self.replaced: PublicIdentity | None = None

    # -- keys and trust (the administrator's; see KeyService) --------------------------
    @guarded
    def init_keys(self, actor: Actor, *, role: str | None = None, passphrase: str,
                  name: str = "") -> PublicIdentity:
        return self.key_service.create_keys(actor, role=role, passphrase=passphrase, name=name)

    @guarded
    def public_identity(self, actor: Actor) -> PublicIdentity:
        return self.keys.public()

    @guarded
    def trust(self, actor: Actor, path: Path, *, role: str) -> PublicIdentity:
        """Trust the keys in ``path``; ``replaced`` then names keys it took over from."""
        result = self.key_service.trust(actor, path, role=role)
        self.replaced = result.replaced
        return result.identity

    @guarded
    def peers(self, actor: Actor) -> list[PublicIdentity]:
        return self.trust_store.peers()

    @guarded
    def unlock(self, actor: Actor, passphrase: str) -> PrivateIdentity:
        return self.keys.unlock(passphrase)

    # -- batches ----------------------------------------------------------------------
    @guarded
    def export(
        self,
        actor: Actor,
        identity: PrivateIdentity,
        out_dir: Path,
        *,
        to: str | None = None,
        batch: int | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> list[ExportResult]:
        """One batch per destination (the committee, or at the committee each counter);
        ``to`` limits it to one.  Re-creating batch N needs a single destination."""
        targets = [p.site_id for p in self.exporter.destinations(identity)]
        if to is not None:
            targets = [to]
        elif batch is not None and len(targets) > 1:
            raise SyncError("Say which installation batch to re-create for (--to SITE).",
                            message_ar="حدد الجهة التي يعاد إنشاء الدفعة لها.")
        return [
            result for dest in targets
            for result in self.exporter.export(identity, out_dir, dest, batch=batch,
                                               progress=progress, cancelled=cancelled,
                                               actor=actor)
        ]

    @guarded
    def import_file(
        self,
        actor: Actor,
        identity: PrivateIdentity,
        path: Path,
        *,
        allow_gap: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        try:
            result = self.importer.import_file(identity, path, allow_gap=allow_gap,
                                               progress=progress, actor=actor)
        except BatchHeld as held:
            kept = self._hold(path)
            raise BatchHeld(
                f"{held.message} It is kept aside ({kept.name}) and will be imported as soon "
                "as the missing batch is.",
                missing=held.missing,
                message_ar=f"{held.message_ar} حُفظت جانباً وستُستورد تلقائياً بعد وصول الدفعة "
                "الناقصة.",
            ) from held
        self._forget_held(result.site_id, result.sequence)
        if not result.already_imported:
            result.released = self._release_held(actor, identity, result.site_id,
                                                 result.sequence, progress)
        return result

    # -- batches that arrived early ---------------------------------------------------
    def _held_path(self, site_id: str, sequence: int) -> Path:
        return self.held_dir / f"{site_id}-{sequence:06d}.mkb"

    def _hold(self, path: Path) -> Path:
        """Keep a genuine batch that arrived too early (the import checked its signature
        before finding the gap)."""
        from .container import open_envelope
        from .files import write_atomically

        data = path.read_bytes()
        env = open_envelope(data)
        self.held_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = self._held_path(env.site_id, env.sequence)
        write_atomically(target, env.header, env.signature, env.ciphertext,
                         point=lambda _point: None)
        return target

    def _forget_held(self, site_id: str, sequence: int) -> None:
        self._held_path(site_id, sequence).unlink(missing_ok=True)

    def _release_held(self, actor: Actor, identity: PrivateIdentity, site_id: str,
                      sequence: int, progress: Progress | None) -> list[ImportResult]:
        released: list[ImportResult] = []
        while True:
            sequence += 1
            path = self._held_path(site_id, sequence)
            if not path.exists():
                return released
            try:
                released.append(self.importer.import_file(identity, path, progress=progress,
                                                          actor=actor))
            except SyncError:
                return released  # left in place; importing it by hand says why
            path.unlink(missing_ok=True)

    @guarded
    def held_batches(self, actor: Actor) -> list[str]:
        return sorted(p.name for p in self.held_dir.glob("*.mkb")) if self.held_dir.exists() else []

    @guarded
    def history(self, actor: Actor, limit: int = 200) -> list[BatchView]:
        with self.db.reader() as s:
            rows = s.scalars(
                select(SyncBatch).order_by(SyncBatch.created_at.desc()).limit(limit)
            ).all()
            return [
                BatchView(r.id, r.direction.value, r.peer_site_id, r.kind, r.sequence,
                          r.file_name, dict(r.counts or {}), r.state, r.gap_before, r.created_at)
                for r in rows
            ]

    @guarded
    def missing_batches(self, actor: Actor, site_id: str) -> list[int]:
        """Numbers skipped with --allow-gap that have still not arrived."""
        with self.db.reader() as s:
            got = set(s.scalars(select(SyncBatch.sequence).where(
                SyncBatch.direction == "import", SyncBatch.peer_site_id == site_id)).all())
        return [n for n in range(1, max(got, default=0)) if n not in got]

    # -- conflicts --------------------------------------------------------------------
    @guarded
    def conflicts(self, actor: Actor, *, open_only: bool = True) -> list[ConflictView]:
        with self.db.reader() as s:
            q = select(SyncConflict).order_by(SyncConflict.received_at)
            if open_only:
                q = q.where(SyncConflict.resolved_at.is_(None))
            rows = s.scalars(q).all()
            out = []
            for c in rows:
                kept = c.incoming or {}
                record = kept.get("record", {})
                local = self._local_row(s, c.entity, c.entity_id)
                out.append(ConflictView(
                    c.id, c.entity, c.entity_id, c.local_version,
                    int(record.get("version", 0)), c.from_site_id,
                    kept.get("reason", "concurrent_edit"), c.received_at,
                    c.resolved_at, c.resolution, local, record,
                    kept.get("why_en", ""), kept.get("why_ar", ""),
                ))
            return out

    def _local_row(self, s: Any, entity: str, entity_id: uuid.UUID) -> dict[str, Any]:
        table = TABLE_BY_NAME.get(entity)
        if table is None:
            return {}
        row = s.execute(select(*CODECS[entity].columns).where(table.c.id == entity_id)).first()
        return CODECS[entity].encode(row, {}) if row is not None else {}

    def _settle(self, s: Any, c: SyncConflict, *, take_incoming: bool) -> None:
        table = TABLE_BY_NAME[c.entity]
        codec = CODECS[c.entity]
        here = s.execute(select(*codec.columns).where(table.c.id == c.entity_id)).first()
        if here is None:
            raise SyncError("The record in conflict no longer exists here.",
                            message_ar="السجل محل التعارض لم يعد موجوداً هنا.")
        record = dict((c.incoming or {}).get("record", {}))
        files: dict[str, bytes] = {}
        for k, v in list(record.items()):
            if isinstance(v, dict) and "$base64" in v:
                files[k] = base64.b64decode(v["$base64"])
                record[k] = {"$file": k}
        values = (codec.decode(record, files.__getitem__) if take_incoming
                  else dict(here._mapping))
        values.pop("id", None)
        if take_incoming and c.entity == "application" and self._at_committee():
            # The committee may have decided since the conflict was listed: a counter's
            # version never replaces a decision, whoever clicks.
            problem = counter_decision_problem(dict(here._mapping), values)
            if problem is not None:
                raise SyncError(
                    f"Taking the counter's version would undo the committee's decision "
                    f"({problem.en}); keep the committee's version.",
                    message_ar="الأخذ بنسخة الموقع يلغي قرار لجنة البحث؛ أبقِ نسخة اللجنة.",
                )
        if take_incoming and self._never_sent(c.entity):
            # The committee never sends this table back, so the sender's record is taken
            # as the sender holds it (its version, time and site): both sides then agree,
            # and the sender's next change of it merges as usual.
            values["site_id"] = c.from_site_id
        else:
            values["version"] = max(int(here.version), int(record.get("version", 0))) + 1
            values["site_id"] = self.db.site_id
            values["updated_at"] = utcnow()
        values["change_seq"] = next_change_seq(s)
        s.execute(update(table).where(table.c.id == c.entity_id).values(**values))

    def _at_committee(self) -> bool:
        return self.db.installation_role is InstallationRole.COMMITTEE

    def _never_sent(self, entity: str) -> bool:
        """What this installation never sends back: at the committee, all but applications."""
        return self._at_committee() and entity != "application"

    @guarded
    def resolve_conflict(self, actor: Actor, conflict_id: uuid.UUID, *, take_incoming: bool) -> None:
        """Settle a conflict.  Either way the kept content gets a version above both sides
        and is marked as written here, so the next export carries it to the peer and both
        installations end up with the same record (at the committee, a counter's record it
        never sends back is taken as the counter holds it).  A counter's decision is never
        taken."""
        with self.db.session() as s:
            c = s.get(SyncConflict, conflict_id)
            if c is None:
                raise SyncError("No such conflict.", message_ar="التعارض غير موجود.")
            if c.resolved_at is not None:
                raise SyncError("This conflict was already resolved.",
                                message_ar="سبق حل هذا التعارض.")
            reason = (c.incoming or {}).get("reason", "concurrent_edit")
            if reason in KEEP_ONLY and take_incoming:
                en, ar = KEEP_ONLY[reason]
                raise SyncError(en, message_ar=ar)
            if reason != "duplicate_identity":
                self._settle(s, c, take_incoming=take_incoming)
            c.resolved_at = utcnow()
            choice = "took the incoming version" if take_incoming else "kept the local version"
            if reason == "duplicate_identity":
                choice = "reviewed"
            c.resolution = f"{actor.username}: {choice}"
            record_event(s, actor, "sync_conflict_resolved", entity=c.entity,
                             entity_id=str(c.entity_id),
                             details={"conflict": str(c.id), "choice": choice})
