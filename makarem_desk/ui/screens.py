"""What the main window may ask of a screen, as protocols (issue 12): the window's keys
(F5, Ctrl+S, Ctrl+P, Ctrl+Shift+A/C) and the profile's "new application / contact" reach
a screen only through these, never through a method name in a string.

A screen takes part by having the method; ``isinstance`` against a protocol checks that
it does, and mypy checks every call made through one. ``tests/ui/test_ui_screens.py``
holds each screen's methods to the protocols' signatures."""

from __future__ import annotations

import uuid
from typing import Protocol, runtime_checkable


@runtime_checkable
class Refreshes(Protocol):
    """F5, and showing the screen: read what it shows again."""

    def refresh(self) -> None: ...


@runtime_checkable
class SavesWork(Protocol):
    """Ctrl+S: keep the work on screen (an interview is left for later, a contact saved)."""

    def save_work(self) -> None: ...


@runtime_checkable
class PrintsCurrent(Protocol):
    """Ctrl+P: print the paper the screen shows."""

    def print_current(self) -> None: ...


@runtime_checkable
class StartsForBeneficiary(Protocol):
    """An interview or a contact started with the person already identified."""

    def start_for(self, beneficiary_id: uuid.UUID) -> None: ...


@runtime_checkable
class OffersNewWork(Protocol):
    """Ctrl+Shift+A / Ctrl+Shift+C on the person the screen shows or has selected."""

    def new_application(self) -> None: ...

    def new_contact(self) -> None: ...


@runtime_checkable
class HoldsTyping(Protocol):
    """Typed text that signing out would lose (a contact not yet saved)."""

    def has_unsaved_text(self) -> bool: ...



# -- the window's keys, each on a screen that takes part (others ignore it) ---------------
def save_work(screen: object) -> None:
    if isinstance(screen, SavesWork):
        screen.save_work()


def print_current(screen: object) -> None:
    if isinstance(screen, PrintsCurrent):
        screen.print_current()


def refresh(screen: object) -> None:
    if isinstance(screen, Refreshes):
        screen.refresh()


def new_application(screen: object) -> None:
    if isinstance(screen, OffersNewWork):
        screen.new_application()


def new_contact(screen: object) -> None:
    if isinstance(screen, OffersNewWork):
        screen.new_contact()
