"""Keys and trusted installations, as the administrator manages them: what the command
line (``makarem-desk keys …``) and the Administration screen both call.

The keys are created for the installation role chosen at first-run set-up (a counter or
the research committee), so the public key file always carries the role the site row has.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..audit import record_event
from ..db import Database
from ..models import Site
from ..permissions import ADMIN_ONLY, guarded, register
from ..services.actor import Actor
from .errors import SyncError
from .keys import ROLES, KeyStore, PublicIdentity
from .trust import TrustStore

register({
    "KeyService.overview": ADMIN_ONLY,
    "KeyService.create_keys": ADMIN_ONLY,
    "KeyService.export_public": ADMIN_ONLY,
    "KeyService.read_peer_file": ADMIN_ONLY,
    "KeyService.trust": ADMIN_ONLY,
})


@dataclass(frozen=True)
class KeysOverview:
    """What the Keys screen shows."""

    site_id: str | None  # None before first-run set-up
    role: str  # this installation's role: "site" or "committee"
    own: PublicIdentity | None  # None until the keys are created
    keys_dir: Path
    peers: list[PublicIdentity]


@dataclass(frozen=True)
class TrustResult:
    identity: PublicIdentity
    replaced: PublicIdentity | None  # keys this site was trusted with before, if others


def write_public_file(keys: KeyStore, path: Path) -> PublicIdentity:
    """Write this installation's public key file (nothing secret) to ``path``."""
    public = keys.public()
    try:
        path.write_text(json.dumps(public.to_json(), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    except OSError as exc:
        raise SyncError(f"Cannot write {path}: {exc.strerror}",
                        message_ar=f"تعذّرت كتابة الملف {path.name}.") from exc
    return public


class KeyService:
    def __init__(self, db: Database, keys: KeyStore):
        self.db = db
        self.keys = keys
        self.trust_store = TrustStore(db)

    # -- reading --------------------------------------------------------------------------
    def _installation(self) -> tuple[str | None, str]:
        with self.db.reader() as s:
            row = s.execute(select(Site.id, Site.role).where(Site.is_local.is_(True))).first()
        return (row.id, row.role or "site") if row is not None else (None, "site")

    @guarded
    def overview(self, actor: Actor) -> KeysOverview:
        site_id, role = self._installation()
        own = self.keys.public() if self.keys.exists() else None
        return KeysOverview(site_id, role, own, self.keys.dir, self.trust_store.peers())

    # -- this installation's keys -----------------------------------------------------------
    @guarded
    def create_keys(self, actor: Actor, *, passphrase: str, name: str = "",
                    role: str | None = None) -> PublicIdentity:
        """Create the keys (once).  ``role`` defaults to the installation's; naming another
        is refused, since the role was settled at set-up.  Slow (scrypt): call it off the
        interface's thread."""
        site_id, site_role = self._installation()
        if site_id is None:
            raise SyncError(
                "This installation has no site code yet; finish the first-run set-up "
                "before creating its keys.",
                message_ar="لم يُحدَّد رمز الموقع بعد؛ أكمل الإعداد الأول قبل إنشاء المفاتيح.",
            )
        if role is not None and role != site_role:
            raise SyncError(
                f"This installation was set up as a {site_role} installation; its keys "
                f"cannot be made for a {role}.",
                message_ar="دور الجهاز في المفاتيح يجب أن يطابق دوره المحدد عند الإعداد.",
            )
        public = self.keys.init(site_id=site_id, role=site_role, name=name or site_id,
                                passphrase=passphrase)
        with self.db.session() as s:
            record_event(s, actor, "keys_created", entity="site", entity_id=site_id,
                         details={"role": site_role, "fingerprint": public.fingerprint})
        return public

    @guarded
    def export_public(self, actor: Actor, path: Path) -> PublicIdentity:
        public = write_public_file(self.keys, path)
        with self.db.session() as s:
            record_event(s, actor, "public_key_exported", entity="site", entity_id=public.site_id,
                         details={"file": path.name, "fingerprint": public.fingerprint})
        return public

    # -- other installations ----------------------------------------------------------------
    @guarded
    def read_peer_file(self, actor: Actor, path: Path, *, role: str) -> PublicIdentity:
        """Read a peer's public key file and check it could be trusted as ``role``, so the
        fingerprint is compared by telephone before anything changes."""
        if role not in ROLES:
            raise SyncError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.")
        identity = PublicIdentity.read(path)
        if identity.role != role:
            raise SyncError(
                f"The key file is for a {identity.role} installation, not a {role}.",
                message_ar="دور الجهاز في ملف المفاتيح لا يطابق الدور المطلوب.",
            )
        if identity.site_id == self._installation()[0]:
            raise SyncError(f"{identity.site_id} is this installation's own site code.",
                            message_ar="هذا ملف مفاتيح هذا الجهاز نفسه.")
        return identity

    @guarded
    def trust(self, actor: Actor, path: Path, *, role: str) -> TrustResult:
        identity = self.read_peer_file(actor, path, role=role)
        replaced = self.trust_store.trust(actor, identity, role=role)
        return TrustResult(identity, replaced)
