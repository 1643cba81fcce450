"""Editors for what is typed at the counter, each checking as the receptionist types.

Identity numbers, phones and e-mail addresses are left-to-right widgets even in the Arabic
interface; Arabic-Indic digits typed there are folded to Latin digits on the fly.  Date
fields accept a Hijri or a Gregorian date and show the other calendar beside them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..errors import UserError
from ..text import ARABIC_INDIC, EASTERN_ARABIC_INDIC
from .dialogs import user_message
from .i18n import current_language

# Full-width digits arrive from East Asian input methods and pasted documents.
FULL_WIDTH = "０１２３４５６７８９"
_FOLD = str.maketrans(ARABIC_INDIC + EASTERN_ARABIC_INDIC + FULL_WIDTH, "0123456789" * 3)


class LtrLineEdit(QLineEdit):
    """A left-to-right editor that turns ٠-٩ / ۰-۹ / ０-９ into 0-9 as they are typed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.textEdited.connect(self._fold)

    def _fold(self, text: str) -> None:
        folded = text.translate(_FOLD)
        if folded != text:
            pos = self.cursorPosition()
            self.setText(folded)
            self.setCursorPosition(pos)


def show_check(editor: QWidget | None, line: QLabel, ok: bool, text: str) -> None:
    """Mark a field as the receptionist types: its border red when a rule fails, and the
    line under it saying which rule (red) or that it passed (green); typing never stops."""
    if editor is not None:
        editor.setProperty("invalid", not ok)
        _repolish(editor)
    line.setObjectName("fieldOk" if ok else "fieldError")
    _repolish(line)
    line.setText(text)
    line.setVisible(bool(text))


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class CheckedField(QWidget):
    """An editor with its message underneath; ``check`` returns the clean value or raises.

    The message is in the interface's language and appears as the receptionist types
    (after the first edit), so mistakes are seen at the field, not after pressing Next.
    """

    validity_changed = Signal(bool)

    def __init__(self, editor: QLineEdit, check: Callable[[str], Any], *,
                 required: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self._check = check
        self.required = required
        self.message = QLabel(self)
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(editor)
        lay.addWidget(self.message)
        self.setFocusProxy(editor)
        editor.textChanged.connect(self._on_text)
        self._valid = not required

    def text(self) -> str:
        return self.editor.text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        self.editor.setText(text)
        self._on_text(text)

    def value(self) -> Any:
        """The checked value (None when empty and optional); raises UserError otherwise."""
        raw = self.editor.text().strip()
        if not raw:
            if self.required:
                raise UserError(QCoreApplication.translate("CheckedField",
                                                           "This field is required."))
            return None
        return self._check(raw)

    def is_valid(self) -> bool:
        return self._valid

    def show_error(self, error: BaseException | str | None) -> None:
        if error is None:
            self.message.hide()
            self.editor.setProperty("invalid", False)
        else:
            self.message.setText(user_message(error))
            self.message.show()
            self.editor.setProperty("invalid", True)
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)

    def _on_text(self, text: str) -> None:
        try:
            self.value()
        except UserError as exc:
            valid = False
            # An empty required field is not an error until the user has typed something.
            self.show_error(exc if text.strip() else None)
        else:
            valid = True
            self.show_error(None)
        self.after_check(valid)
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def after_check(self, valid: bool) -> None:
        """Hook for fields that show more than a message (the other calendar)."""


class DateField(CheckedField):
    """Hijri (1448/05/27, with or without هـ) or Gregorian; the other calendar beside it,
    and a calendar button whose popup names the day in both calendars."""

    def __init__(self, *, required: bool = False, parent: QWidget | None = None):
        from ..validation.dates import parse_date

        editor = LtrLineEdit()
        editor.setPlaceholderText("1448/05/27 — 2026-11-29")
        self.other = QLabel()
        self.other.setObjectName("otherCalendar")
        super().__init__(editor, parse_date, required=required, parent=parent)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        lay = self.layout()
        assert isinstance(lay, QVBoxLayout)
        lay.removeWidget(editor)
        row.addWidget(editor, 1)
        row.addWidget(self.other)
        # Here, not at the top: the log-in form's fields paint before the calendar's
        # Hijri conversions are imported (issue 14: start-up).
        from .date_picker import DatePicker

        self.picker = DatePicker(self)
        self.picker.popup.aboutToShow.connect(lambda: self.picker.open_on(self._typed()))
        self.picker.picked.connect(self.set_date)
        row.addWidget(self.picker)
        lay.insertLayout(0, row)

    def _typed(self) -> dt.date | None:
        try:
            return self.date()
        except UserError:
            return None

    def date(self) -> dt.date | None:
        value = self.value()
        return value if isinstance(value, dt.date) else None

    def set_date(self, d: dt.date | None) -> None:
        self.setText(d.isoformat() if d else "")

    def after_check(self, valid: bool) -> None:
        if not valid or not self.editor.text().strip():
            self.other.setText("")
            return
        from ..validation.dates import format_gregorian, format_hijri

        d = self.value()
        lang = current_language()
        typed_hijri = self.editor.text().strip()[:2] in ("13", "14", "15")
        try:
            shown = format_gregorian(d, lang) if typed_hijri else format_hijri(d, lang)
        except (UserError, OverflowError, ValueError):
            shown = ""
        self.other.setText(shown)


def identity_field(parent: QWidget | None = None, *, required: bool = True) -> CheckedField:
    from ..validation.identity import validate_saudi_id

    ed = LtrLineEdit()
    ed.setPlaceholderText("1XXXXXXXXX")
    ed.setMaxLength(14)
    return CheckedField(ed, lambda raw: validate_saudi_id(raw)[0], required=required,
                        parent=parent)


def phone_field(parent: QWidget | None = None, *, required: bool = False) -> CheckedField:
    from ..validation.phone import normalize_phone

    ed = LtrLineEdit()
    ed.setPlaceholderText("05X XXX XXXX")
    return CheckedField(ed, normalize_phone, required=required, parent=parent)


def email_field(parent: QWidget | None = None) -> CheckedField:
    from ..validation.emails import validate_email

    ed = LtrLineEdit()
    ed.setPlaceholderText("name@example.sa")
    return CheckedField(ed, validate_email, parent=parent)
