"""A beneficiary's history in one list, newest first: contacts, applications, referrals
and the papers printed for them (issue 12).  Built from the profile already read, so it
needs no unit of work and no permission of its own."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime

from .profile import (
    ApplicationSummary,
    BeneficiaryProfile,
    ContactRow,
    PaperRow,
    ReferralSummary,
)


class HistoryKind(enum.StrEnum):
    CONTACT = "contact"
    APPLICATION = "application"
    REFERRAL = "referral"
    PAPER = "paper"


HistoryPayload = ContactRow | ApplicationSummary | ReferralSummary | PaperRow


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    kind: HistoryKind
    item: HistoryPayload  # the row it came from: its screen shows the details


def _utc(value: datetime) -> datetime:
    """SQLite hands back naive UTC, PostgreSQL aware: one clock to sort on."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def history_of(profile: BeneficiaryProfile) -> list[HistoryEntry]:
    entries = [HistoryEntry(c.started_at, HistoryKind.CONTACT, c) for c in profile.contacts]
    for a in profile.applications:
        opened = a.created_at or a.submitted_at
        if opened is not None:
            entries.append(HistoryEntry(opened, HistoryKind.APPLICATION, a))
    entries += [HistoryEntry(r.created_at, HistoryKind.REFERRAL, r) for r in profile.referrals]
    entries += [HistoryEntry(p.printed_at, HistoryKind.PAPER, p) for p in profile.papers]
    # Stable: entries of the same instant keep the order above (the contact an interview
    # recorded before the application it opened).
    return sorted(entries, key=lambda e: _utc(e.at), reverse=True)
