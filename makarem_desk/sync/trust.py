"""Trusted peers: their public keys live in ``site`` rows (``is_local`` false).

A counter trusts the research committee; the committee trusts each counter.  Trust is a
database fact, so every desk sharing one PostgreSQL database agrees on it.
"""

from __future__ import annotations

from sqlalchemy import select

from ..audit import record_event
from ..db import Database
from ..models import Role, Site
from ..services.actor import Actor
from .errors import SyncError
from .keys import PublicIdentity


class TrustStore:
    def __init__(self, db: Database):
        self.db = db

    def trust(self, actor: Actor, identity: PublicIdentity, *, role: str) -> PublicIdentity | None:
        """Trust ``identity``; returns the keys it replaces, if that site was trusted with
        other keys before (the caller says so: a changed key deserves a telephone call)."""
        actor.require(Role.ADMINISTRATOR, action="trust another installation")
        if role != identity.role:
            raise SyncError(
                f"The key file is for a {identity.role} installation, not a {role}.",
                message_ar="دور الجهاز في ملف المفاتيح لا يطابق الدور المطلوب.",
            )
        with self.db.session() as s:
            site = s.get(Site, identity.site_id)
            if site is not None and site.is_local:
                raise SyncError(f"{identity.site_id} is this installation's own site code.")
            if site is None:
                site = Site(id=identity.site_id, name=identity.name or identity.site_id,
                            is_local=False)
                s.add(site)
            old = (site.settings or {}).get("public_keys")
            previous = PublicIdentity.from_json(old) if old else None
            site.role = role
            if identity.name:
                site.name = identity.name
            site.settings = {**(site.settings or {}), "public_keys": identity.to_json(),
                             "trusted": True}
            record_event(s, actor, "peer_trusted", entity="site", entity_id=identity.site_id,
                         details={"role": role},
                         before={"fingerprint": previous.fingerprint if previous else None},
                         after={"fingerprint": identity.fingerprint})
        if previous is not None and previous.fingerprint != identity.fingerprint:
            return previous
        return None

    def peers(self, role: str | None = None) -> list[PublicIdentity]:
        with self.db.reader() as s:
            rows = s.execute(select(Site.settings).where(Site.is_local.is_(False))
                             .order_by(Site.id)).scalars().all()
        out = []
        for settings in rows:
            keys = (settings or {}).get("public_keys")
            if not keys or not (settings or {}).get("trusted"):
                continue
            ident = PublicIdentity.from_json(keys)
            if role is None or ident.role == role:
                out.append(ident)
        return out

    def peer(self, site_id: str) -> PublicIdentity | None:
        return next((p for p in self.peers() if p.site_id == site_id), None)
