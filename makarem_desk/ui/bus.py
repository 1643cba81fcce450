"""The application event bus: one QObject whose signals every view may listen to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class EventBus(QObject):
    beneficiary_saved = Signal(object)  # beneficiary id
    application_changed = Signal(object)  # application id
    declaration_printed = Signal(object)  # declaration id
    referral_changed = Signal(object)  # referral id
    contact_saved = Signal(object)  # contact id
    batch_exported = Signal(str)
    decisions_imported = Signal(int)
    language_changed = Signal(str)
    open_beneficiary = Signal(object)  # a request to show a profile
    # Requests to start with the person already identified (a profile, a search result).
    new_application_for = Signal(object)  # beneficiary id
    new_contact_for = Signal(object)  # beneficiary id
    data_changed = Signal()  # anything the Today screen counts
    navigate = Signal(str)  # a request to show a screen of the main window
    idle_lock_changed = Signal(int)  # minutes, set by the administrator in Settings


def track(owner: QObject, signal: SignalInstance, slot: Callable[..., Any]) -> None:
    """Connect ``slot`` for as long as ``owner`` lives: a destroyed view is never called."""
    signal.connect(slot)

    def _drop(*_: object) -> None:
        try:
            signal.disconnect(slot)
        except Exception:  # noqa: BLE001 - already disconnected, or the bus is gone
            pass

    owner.destroyed.connect(_drop)
