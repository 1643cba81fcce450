"""F1: the sheet of keys, so a receptionist with a queue never needs the mouse (issue 12).

The keys are written as printed on the keyboard (Latin letters in both languages, left to
right); what they do is translated like every other string.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .widgets import hint, page_title

NEW_APPLICATION_KEYS = "Ctrl+Shift+A"
NEW_CONTACT_KEYS = "Ctrl+Shift+C"


def start_buttons(new_application: Callable[[], None],
                  new_contact: Callable[[], None]) -> tuple[QPushButton, QPushButton]:
    """"New application" and "New contact" for the person a screen has identified, with
    their keys: search results and the profile start them with no second search."""
    application = QPushButton(QCoreApplication.translate("StartButtons", "New application"))
    application.setObjectName("primary")
    application.setToolTip(NEW_APPLICATION_KEYS)
    application.clicked.connect(new_application)
    contact = QPushButton(QCoreApplication.translate("StartButtons", "New contact"))
    contact.setToolTip(NEW_CONTACT_KEYS)
    contact.clicked.connect(new_contact)
    return application, contact
SIGN_OUT_KEYS = "Ctrl+Shift+Q"

# (section, keys, what they do), in the order of a visit at the counter.
SHORTCUTS: tuple[tuple[object, str, object], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Anywhere"), "F1",
     QT_TRANSLATE_NOOP("Shortcuts", "This sheet of keys")),
    ("", "Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search for a beneficiary")),
    ("", "Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New interview")),
    ("", NEW_APPLICATION_KEYS,
     QT_TRANSLATE_NOOP("Shortcuts", "New application for the beneficiary selected or shown "
                                    "(Search, profile, Today)")),
    ("", NEW_CONTACT_KEYS,
     QT_TRANSLATE_NOOP("Shortcuts", "New contact for the beneficiary selected or shown")),
    ("", "Ctrl+S", QT_TRANSLATE_NOOP("Shortcuts", "Save (an interview: leave it for later)")),
    ("", "Ctrl+P", QT_TRANSLATE_NOOP("Shortcuts", "Print the document on screen")),
    ("", "F5", QT_TRANSLATE_NOOP("Shortcuts", "Refresh the screen")),
    ("", "Alt+1 … Alt+9", QT_TRANSLATE_NOOP("Shortcuts", "The screens of the side bar, in order")),
    ("", SIGN_OUT_KEYS, QT_TRANSLATE_NOOP("Shortcuts", "Sign out (asks first when work is open)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Search"), "Enter",
     QT_TRANSLATE_NOOP("Shortcuts", "Search now; again: go to the results")),
    ("", "↓", QT_TRANSLATE_NOOP("Shortcuts", "From the search box to the results")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Interview"), "Enter",
     QT_TRANSLATE_NOOP("Shortcuts", "Start the interview; in a step: Next (the focused button "
                                    "when it is one)")),
    ("", "Tab / Shift+Tab",
     QT_TRANSLATE_NOOP("Shortcuts", "Next / previous field, in reading order")),
    ("", "Space", QT_TRANSLATE_NOOP("Shortcuts", "Tick a box or choose the focused answer")),
    ("", "← → ↑ ↓", QT_TRANSLATE_NOOP("Shortcuts", "Move between the answers of a question")),
    ("", "Ctrl+Enter, Page Down", QT_TRANSLATE_NOOP("Shortcuts", "Next step")),
    ("", "Page Up", QT_TRANSLATE_NOOP("Shortcuts", "Previous step")),
)


def tr(text: object) -> str:
    """A string marked above with QT_TRANSLATE_NOOP (lupdate sees only literal calls)."""
    return QCoreApplication.translate("Shortcuts", str(text)) if text else ""


class ShortcutsSheet(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QCoreApplication.translate("Shortcuts", "Keyboard shortcuts")
        self.setWindowTitle(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.rows: list[tuple[str, str]] = []  # (keys, what they do) as shown
        for where, keys, what in SHORTCUTS:
            row = grid.rowCount()
            if where:
                heading = QLabel(tr(where))
                heading.setObjectName("sectionTitle")
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                grid.addWidget(heading, row, 0, 1, 2)
                row += 1
            key_label = QLabel(keys)
            # Keys as printed on the keyboard: left to right, on the reading side.
            key_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            key_label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | (
                Qt.AlignmentFlag.AlignRight if self.isRightToLeft()
                else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter)
            key_label.setObjectName("shortcutKeys")
            text = QLabel(tr(what))
            text.setWordWrap(True)
            grid.addWidget(key_label, row, 0)
            grid.addWidget(text, row, 1)
            self.rows.append((keys, text.text()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setIcon(QIcon())  # the style's cross sat on the Arabic word
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(page_title(title))
        lay.addWidget(hint(QCoreApplication.translate(
            "Shortcuts", "Everything at the counter can be done from the keyboard.")))
        lay.addLayout(grid)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.resize(760, 660)
