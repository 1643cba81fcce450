"""Settings of this installation that its administrator sets (kept in the local site row's
``settings``): after how many idle minutes the window locks itself, and the letterhead —
the association's contact details printed on every paper, the signatory of its letters
and the paper of the receipt printer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

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
    # Printed on every paper; anyone at the counter reads it, the administrator sets it.
    "SiteSettingsService.letterhead": STAFF,
    "SiteSettingsService.set_letterhead": ADMIN_ONLY,
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

    @guarded
    def letterhead(self, actor: Actor) -> Letterhead:
        with self.db.reader() as s:
            return letterhead_of(_local(s))

    @guarded
    def set_letterhead(self, actor: Actor, data: Letterhead) -> Letterhead:
        clean = check_letterhead(data)
        with self.db.session() as s:
            site = _local(s)
            if site is None:
                raise UserError("This installation is not set up yet.",
                                message_ar="لم يتم إعداد هذا الجهاز بعد.")
            before = letterhead_of(site)
            if before == clean:
                return clean
            store_letterhead(s, site, clean)
            changed = [f.name for f in fields(Letterhead)
                       if getattr(before, f.name) != getattr(clean, f.name)]
            record_event(s, actor, "settings_changed", entity="site", entity_id=site.id,
                         before={k: getattr(before, k) for k in changed},
                         after={k: getattr(clean, k) for k in changed})
        return clean


def _local(s: Session) -> Site | None:
    return s.scalars(select(Site).where(Site.is_local.is_(True))).first()


# -- the letterhead: contact details, signatory, receipt paper ----------------------------
LETTERHEAD_KEY = "letterhead"
RECEIPT_PAPERS = ("a4", "80mm")
MAX_LETTERHEAD_TEXT = 200


@dataclass(frozen=True)
class Letterhead:
    """What every paper prints under the association's name (each line only when filled),
    who signs its letters, and the paper the counter's receipt printer takes."""

    phone: str = ""
    website: str = ""
    address: str = ""  # Arabic, as printed on the Arabic papers
    address_en: str = ""  # the English papers fall back to the Arabic address
    licence: str = ""  # the licence number of the National Center for Non-Profit Sector
    signatory_name: str = ""
    signatory_title: str = ""
    signatory_name_en: str = ""
    signatory_title_en: str = ""
    receipt_paper: str = "a4"

    def as_settings(self) -> dict[str, str]:
        return asdict(self)


def check_letterhead(data: Letterhead) -> Letterhead:
    """One-line, bounded values; a known receipt paper."""
    clean = {}
    for f in fields(Letterhead):
        value = " ".join(str(getattr(data, f.name) or "").split())
        if len(value) > MAX_LETTERHEAD_TEXT:
            raise UserError(
                f"{f.name.replace('_', ' ').capitalize()} is longer than "
                f"{MAX_LETTERHEAD_TEXT} characters.",
                message_ar=f"النص أطول من {MAX_LETTERHEAD_TEXT} حرفًا: {value[:30]}…",
            )
        clean[f.name] = value
    paper = clean["receipt_paper"].lower() or "a4"
    if paper not in RECEIPT_PAPERS:
        raise UserError("The receipt paper is a4 or 80mm.",
                        message_ar="ورق الإيصال إما A4 أو 80 مم.")
    clean["receipt_paper"] = paper
    return Letterhead(**clean)


def letterhead_of(site: Site | None) -> Letterhead:
    """The letterhead kept in the site row (unknown or damaged keys are ignored)."""
    stored = (site.settings or {}).get(LETTERHEAD_KEY) if site else None
    if not isinstance(stored, dict):
        return Letterhead()
    known = {f.name for f in fields(Letterhead)}
    values = {k: str(v) for k, v in stored.items() if k in known and isinstance(v, str)}
    if values.get("receipt_paper") not in RECEIPT_PAPERS:
        values.pop("receipt_paper", None)
    return Letterhead(**values)


def store_letterhead(s: Session, site: Site, data: Letterhead) -> Letterhead:
    """Write the (checked) letterhead into the site row; the caller audits."""
    clean = check_letterhead(data)
    # A new dict: the JSON column notices a replaced value, not an edited one.
    site.settings = {**(site.settings or {}), LETTERHEAD_KEY: clean.as_settings()}
    return clean
