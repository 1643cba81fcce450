"""What the Sync screen calls the records, fields and steps of a batch, in the language of
the interface (Qt Linguist, context ``SyncLabels``), and how it shows a raw value."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .i18n import current_language

CTX = "SyncLabels"
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")

ENTITIES = {
    "beneficiary": QT_TRANSLATE_NOOP("SyncLabels", "Beneficiary"),
    "application": QT_TRANSLATE_NOOP("SyncLabels", "Application"),
    "contact": QT_TRANSLATE_NOOP("SyncLabels", "Contact"),
    "declaration": QT_TRANSLATE_NOOP("SyncLabels", "Declaration"),
    "referral": QT_TRANSLATE_NOOP("SyncLabels", "Referral"),
    "satisfaction_response": QT_TRANSLATE_NOOP("SyncLabels", "Satisfaction survey"),
    "program": QT_TRANSLATE_NOOP("SyncLabels", "Program"),
}

FIELDS = {
    "first_name": QT_TRANSLATE_NOOP("SyncLabels", "First name"),
    "father_name": QT_TRANSLATE_NOOP("SyncLabels", "Father's name"),
    "grandfather_name": QT_TRANSLATE_NOOP("SyncLabels", "Grandfather's name"),
    "family_name": QT_TRANSLATE_NOOP("SyncLabels", "Family name"),
    "latin_name": QT_TRANSLATE_NOOP("SyncLabels", "Name in Latin letters"),
    "identity_type": QT_TRANSLATE_NOOP("SyncLabels", "Identity document"),
    "identity_number": QT_TRANSLATE_NOOP("SyncLabels", "Identity number"),
    "identity_expiry": QT_TRANSLATE_NOOP("SyncLabels", "Identity expiry"),
    "gender": QT_TRANSLATE_NOOP("SyncLabels", "Gender"),
    "birth_date": QT_TRANSLATE_NOOP("SyncLabels", "Birth date"),
    "nationality": QT_TRANSLATE_NOOP("SyncLabels", "Nationality"),
    "phone": QT_TRANSLATE_NOOP("SyncLabels", "Mobile"),
    "phone_alt": QT_TRANSLATE_NOOP("SyncLabels", "Other mobile"),
    "email": QT_TRANSLATE_NOOP("SyncLabels", "Email"),
    "city": QT_TRANSLATE_NOOP("SyncLabels", "City"),
    "district": QT_TRANSLATE_NOOP("SyncLabels", "District"),
    "notes": QT_TRANSLATE_NOOP("SyncLabels", "Notes"),
    "status": QT_TRANSLATE_NOOP("SyncLabels", "Status"),
    "decision_reason": QT_TRANSLATE_NOOP("SyncLabels", "Reason for the decision"),
    "decided_at": QT_TRANSLATE_NOOP("SyncLabels", "Date of the decision"),
    "decided_by": QT_TRANSLATE_NOOP("SyncLabels", "Decided by"),
}

# The steps the exporter and importer report: a table's name, then the closing steps.
STEPS = {
    "beneficiary": QT_TRANSLATE_NOOP("SyncLabels", "Beneficiaries"),
    "application": QT_TRANSLATE_NOOP("SyncLabels", "Applications"),
    "declaration": QT_TRANSLATE_NOOP("SyncLabels", "Declarations"),
    "contact": QT_TRANSLATE_NOOP("SyncLabels", "Contacts"),
    "referral": QT_TRANSLATE_NOOP("SyncLabels", "Referrals"),
    "program": QT_TRANSLATE_NOOP("SyncLabels", "Programs"),
    "satisfaction_response": QT_TRANSLATE_NOOP("SyncLabels", "Satisfaction surveys"),
    "summary": QT_TRANSLATE_NOOP("SyncLabels", "Summary of the tables"),
    "encrypt": QT_TRANSLATE_NOOP("SyncLabels", "Encrypting and signing"),
    "write": QT_TRANSLATE_NOOP("SyncLabels", "Writing to the disk"),
    "commit": QT_TRANSLATE_NOOP("SyncLabels", "Saving"),
    "done": QT_TRANSLATE_NOOP("SyncLabels", "Done"),
}


def _label(table: dict[str, object], key: str) -> str:
    # A key this build has no words for (a newer peer's table) is shown as it came.
    return QCoreApplication.translate(CTX, str(table[key])) if key in table else key


def entity_label(entity: str) -> str:
    return _label(ENTITIES, entity)


def field_label(field: str) -> str:
    return _label(FIELDS, field)


def step_label(step: str) -> str:
    return _label(STEPS, step)


def list_separator() -> str:
    return "، " if current_language() == "ar" else ", "


def value_text(v: Any) -> str:
    """A field's value in a conflict row: a file is named as such, long text is cut."""
    if v is None:
        return "—"
    if isinstance(v, dict):
        return QCoreApplication.translate("SyncLabels", "file")
    if isinstance(v, str) and _MOMENT.match(v):  # a moment as the batch carries it
        try:
            return datetime.fromisoformat(v).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            pass
    return str(v)[:40]


def step_words(unlocking: str) -> Callable[[str], str]:
    """The exporter's and importer's step names, as words, on the progress dialog; the
    worker's first step (``unlock``) as ``unlocking`` says."""
    def word(step: str) -> str:
        return unlocking if step == "unlock" else step_label(step)

    return word
