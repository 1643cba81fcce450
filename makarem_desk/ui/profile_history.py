"""The profile's history: contacts, applications, referrals and papers printed in one
table, newest first, dates in both calendars (issue 12)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..services.profile import (
    ApplicationSummary,
    BeneficiaryProfile,
    ContactRow,
    PaperRow,
    ReferralSummary,
)
from ..services.profile_history import HistoryEntry, HistoryKind, history_of
from .audit_labels import action_label
from .i18n import current_language, ltr
from .referral_widgets import reason_code_label
from .staff_names import staff_label
from .widgets import Table

CONTEXT = "ProfileHistory"
HEADERS = (QT_TRANSLATE_NOOP("ProfileHistory", "Date"),
           QT_TRANSLATE_NOOP("ProfileHistory", "What"),
           QT_TRANSLATE_NOOP("ProfileHistory", "Details"),
           QT_TRANSLATE_NOOP("ProfileHistory", "Status"),
           QT_TRANSLATE_NOOP("ProfileHistory", "Staff"))
EMPTY = QT_TRANSLATE_NOOP("ProfileHistory", "Nothing is recorded for this person yet: start "
                                            "with New application or New contact above.")
KINDS = {
    HistoryKind.CONTACT: QT_TRANSLATE_NOOP("ProfileHistory", "Contact"),
    HistoryKind.APPLICATION: QT_TRANSLATE_NOOP("ProfileHistory", "Application"),
    HistoryKind.REFERRAL: QT_TRANSLATE_NOOP("ProfileHistory", "Referral"),
    HistoryKind.PAPER: QT_TRANSLATE_NOOP("ProfileHistory", "Paper printed"),
}
# How a contact ended, as the services record it (interview paths, follow-up calls).
OUTCOMES = {
    "submitted": QT_TRANSLATE_NOOP("ProfileHistory", "Application submitted"),
    "incomplete": QT_TRANSLATE_NOOP("ProfileHistory", "Items missing"),
    "not_eligible": QT_TRANSLATE_NOOP("ProfileHistory", "Not eligible"),
    "referred": QT_TRANSLATE_NOOP("ProfileHistory", "Referred"),
    "abandoned": QT_TRANSLATE_NOOP("ProfileHistory", "Interview abandoned"),
    "told": QT_TRANSLATE_NOOP("ProfileHistory", "Told of the decision"),
    "told_sms": QT_TRANSLATE_NOOP("ProfileHistory", "Told by text message"),
    "items_follow_up": QT_TRANSLATE_NOOP("ProfileHistory", "Missing items followed up"),
    "answered": QT_TRANSLATE_NOOP("ProfileHistory", "Answered"),
    "registered": QT_TRANSLATE_NOOP("ProfileHistory", "Registered"),
    "follow_up": QT_TRANSLATE_NOOP("ProfileHistory", "To follow up"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def outcome_label(outcome: str | None) -> str:
    """A contact's outcome in words; a value this screen does not know shows as "—",
    never as the stored code."""
    text = OUTCOMES.get(outcome or "")
    return _tr(str(text)) if text else "—"


def kind_label(kind: HistoryKind) -> str:
    return _tr(str(KINDS[kind]))


def entry_cells(entry: HistoryEntry) -> list[str]:
    """Date, what, details, status, staff — the cells of one history row."""
    # The labels of statuses and channels live with the profile, which imports this module.
    from . import profile_view as labels

    item = entry.item
    when = labels.stacked_date(entry.at)  # narrow enough to leave the details room
    if isinstance(item, ContactRow):
        details = f"{labels.channel_label(item.channel)} — {item.purpose}"
        return [when, kind_label(entry.kind), details, outcome_label(item.outcome),
                item.staff_name]
    if isinstance(item, ApplicationSummary):
        program = item.program_name_ar if current_language() == "ar" else item.program_name_en
        return [when, kind_label(entry.kind), f"{program} {ltr(item.reference)}",
                labels.status_label(item.status), "—"]
    if isinstance(item, ReferralSummary):
        details = f"{reason_code_label(item.reason_code)}: {item.reason or '—'}"
        return [when, kind_label(entry.kind), details, labels.referral_label(item.status), "—"]
    assert isinstance(item, PaperRow)
    return [when, kind_label(entry.kind), f"{action_label(item.action)} {ltr(item.reference)}",
            "—", staff_label(item.printed_by, item.printed_by_role)]


class HistoryTable(Table):
    """One row per event; Enter or a double click opens the tab that shows its details."""

    def __init__(self, open_entry: Callable[[HistoryEntry], None]):
        super().__init__([_tr(str(h)) for h in HEADERS], empty=_tr(str(EMPTY)), stretch=2)
        self.activated.connect(lambda _i: self._open(open_entry))

    def _open(self, open_entry: Callable[[HistoryEntry], None]) -> None:
        entry = self.row_data()
        if isinstance(entry, HistoryEntry):
            open_entry(entry)

    def show_history(self, profile: BeneficiaryProfile) -> None:
        self.set_rows([(entry_cells(e), e) for e in history_of(profile)])
