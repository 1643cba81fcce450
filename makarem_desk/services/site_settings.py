"""Settings of this installation that its administrator sets (kept in the local site row's
``settings``): for now, after how many idle minutes the window locks itself."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import UserError
from ..models import Site
from ..permissions import ADMIN_ONLY, STAFF, guarded, register
from .actor import Actor

register({
    "SiteSettingsService.idle_lock_minutes": STAFF,
    "SiteSettingsService.set_idle_lock_minutes": ADMIN_ONLY,
})

IDLE_LOCK_KEY = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
# Long enough for a form read aloud to a visitor; short enough that an unattended counter
# does not stay open through a prayer break.
MIN_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES = 1, 120


class SiteSettingsService:
    def __init__(self, db: Database):
        self.db = db

    @guarded
    def idle_lock_minutes(self, actor: Actor) -> int:
        return self._idle_lock_minutes()

    def _idle_lock_minutes(self) -> int:
        with self.db.reader() as s:
            site = _local(s)
            value = (site.settings or {}).get(IDLE_LOCK_KEY) if site else None
        if isinstance(value, int) and MIN_IDLE_LOCK_MINUTES <= value <= MAX_IDLE_LOCK_MINUTES:
            return value
        return DEFAULT_IDLE_LOCK_MINUTES

    @guarded
    def set_idle_lock_minutes(self, actor: Actor, minutes: int) -> None:
        if not isinstance(minutes, int) or not (
                MIN_IDLE_LOCK_MINUTES <= minutes <= MAX_IDLE_LOCK_MINUTES):
            raise UserError(
                f"The idle time must be {MIN_IDLE_LOCK_MINUTES} to {MAX_IDLE_LOCK_MINUTES} "
                "minutes.",
                message_ar=f"مدة الخمول من {MIN_IDLE_LOCK_MINUTES} إلى "
                f"{MAX_IDLE_LOCK_MINUTES} دقيقة.",
            )
        before = self._idle_lock_minutes()
        with self.db.session() as s:
            site = _local(s)
            if site is None:
                raise UserError("This installation is not set up yet.",
                                message_ar="لم يتم إعداد هذا الجهاز بعد.")
            if before == minutes:
                return
            # A new dict: the JSON column notices a replaced value, not an edited one.
            site.settings = {**(site.settings or {}), IDLE_LOCK_KEY: minutes}
            record_event(s, actor, "settings_changed", entity="site", entity_id=site.id,
                         before={IDLE_LOCK_KEY: before}, after={IDLE_LOCK_KEY: minutes})


def _local(s: Session) -> Site | None:
    return s.scalars(select(Site).where(Site.is_local.is_(True))).first()
