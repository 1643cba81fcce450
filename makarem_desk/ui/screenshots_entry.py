"""Screenshots of entry that prevents mistakes (issue 12), for ``make screenshots``: the
personal-data page with a mistyped identity number, the phone passing and a country
typed in part; and the same page with the birth-date calendar open over it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from ..countries import countries

MISTYPED_ID = "1000000009"  # the check digit of 100000000 is 8


def personal_entry_shots(app: QApplication, window: Any, page: Any, out: Path, lang: str,
                         shot: Any, settle: Any) -> list[Path]:
    """Leaves the page as it found it (the walk goes on with the valid answers)."""
    number = page.editors["identity_number"]
    kept_number = number.text()
    number.setText(MISTYPED_ID)
    page.check_field("identity_number")
    page.check_field("phone")
    shots = [shot(app, window, out, f"{lang}-38-wizard-personal-checks")]
    nationality = page.editors["nationality"]
    nationality.setFocus()
    # The middle of Egypt's name: the list filters on any part, not only the start.
    egypt = next(c for c in countries() if c.code == "EG").name(lang)
    nationality.setEditText(egypt[1:4])
    nationality.completer().setCompletionPrefix(egypt[1:4])
    nationality.completer().complete()
    settle(app)
    shots.append(_screen(app, window, out, f"{lang}-39-wizard-personal-nationality"))
    nationality.completer().popup().hide()
    nationality.set_code("SA")
    birth = page.editors["birth_date"]
    birth.setText("1410/07/03")
    picker = birth.picker
    picker.popup.popup(picker.mapToGlobal(picker.rect().bottomLeft()))
    settle(app)
    shots.append(_screen(app, window, out, f"{lang}-40-wizard-personal-calendar"))
    picker.popup.hide()
    number.setText(kept_number)
    page.check_field("identity_number")
    return shots


def _screen(app: QApplication, window: Any, out: Path, name: str) -> Path:
    """The whole screen, so a popup over the window is in the picture (Xvfb); the window
    alone where the platform cannot grab the screen."""
    path = out / f"{name}.png"
    screen = app.primaryScreen()
    picture = screen.grabWindow(0) if screen is not None else None
    if picture is None or picture.isNull():
        picture = window.grab()
    picture.save(str(path))
    return path
