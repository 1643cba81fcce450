"""Outgoing numbers of decision letters (صادر رقم): one sequence per installation and
Hijri year, e.g. ``RYD1/1448/0012``.

A letter is numbered the first time it is printed; every reprint of the same decision
gives back the same number and date.  The number lives in the audit event that issued it
(``decision_letter_numbered``: reference, outcome, decision time, number, date), so no
table is needed and the trail shows every number ever given; the site row's settings
keep only the last number of each year.  A decision recorded again (another outcome or
time) is another letter with a new number.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..errors import UserError
from ..models import AuditEvent, Site
from ..validation.dates import to_hijri
from .actor import Actor

NUMBERED = "decision_letter_numbered"
SEQUENCE_KEY = "letter_sequence"  # Site.settings: {"1448": 12, ...}


@dataclass(frozen=True)
class LetterNumber:
    number: str  # SITE/HIJRI-YEAR/SEQUENCE
    issued_on: date  # Riyadh date of the first printing: the letter's date
    reference: str
    outcome: str  # "accepted" or "rejected"
    decided_at: str  # the decision's time, ISO (UTC): which decision this letter tells

    @property
    def digest(self) -> str:
        """16 hex digits over what the letter says: a code copied onto a letter with
        another outcome, reference or date does not verify."""
        text = "|".join((self.number, self.reference, self.outcome, self.decided_at,
                         self.issued_on.isoformat()))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def details(self) -> dict[str, str]:
        return {"number": self.number, "issued_on": self.issued_on.isoformat(),
                "reference": self.reference, "outcome": self.outcome,
                "decided_at": self.decided_at}


def decision_time(decided_at: datetime) -> str:
    """The same text for the same instant on SQLite (naive UTC) and PostgreSQL (aware)."""
    aware = decided_at if decided_at.tzinfo else decided_at.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds")


def _from_event(ev: AuditEvent) -> LetterNumber | None:
    d = ev.details or {}
    try:
        return LetterNumber(str(d["number"]), date.fromisoformat(str(d["issued_on"])),
                            str(d["reference"]), str(d["outcome"]), str(d["decided_at"]))
    except (KeyError, ValueError):
        return None


def letters_of(s: Session, application_id: uuid.UUID | str) -> list[LetterNumber]:
    """Every number issued for the application's letters, oldest first."""
    events = s.scalars(select(AuditEvent)
                       .where(AuditEvent.action == NUMBERED,
                              AuditEvent.entity_id == str(application_id))
                       .order_by(AuditEvent.seq))
    return [n for n in (_from_event(ev) for ev in events) if n is not None]


def number_letter(s: Session, actor: Actor, *, application_id: uuid.UUID | str,
                  reference: str, accepted: bool, decided_at: datetime,
                  today: date) -> LetterNumber:
    """The letter's number: the one already issued for this decision, else the next of
    this installation's sequence for ``today``'s Hijri year (audited in ``s``)."""
    outcome = "accepted" if accepted else "rejected"
    when = decision_time(decided_at)
    for issued in letters_of(s, application_id):
        if issued.outcome == outcome and issued.decided_at == when:
            return issued
    # The row lock keeps two PostgreSQL writers from taking the same number; SQLite has
    # one writer at a time anyway.
    site = s.scalars(select(Site).where(Site.is_local.is_(True)).with_for_update()).first()
    if site is None:
        raise UserError("This installation is not set up yet.",
                        message_ar="لم يتم إعداد هذا الجهاز بعد.")
    hijri = to_hijri(today)
    year = hijri.year if hijri else today.year
    settings = dict(site.settings or {})
    sequence = dict(settings.get(SEQUENCE_KEY) or {})
    last = sequence.get(str(year))
    serial = (last if isinstance(last, int) else 0) + 1
    sequence[str(year)] = serial
    site.settings = {**settings, SEQUENCE_KEY: sequence}
    issued = LetterNumber(f"{site.id}/{year}/{serial:04d}", today, reference, outcome, when)
    record_event(s, actor, "decision_letter_numbered", entity="application",
                 entity_id=application_id, details=issued.details())
    return issued


def find_letter(s: Session, application_id: uuid.UUID | str,
                number: str) -> LetterNumber | None:
    return next((n for n in letters_of(s, application_id) if n.number == number), None)
