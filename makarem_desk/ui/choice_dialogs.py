"""The two modal choices behind the dialogs facade (``Dialogs.choose`` and
``Dialogs.choose_many``): one option from a list, with an optional note; several options
ticked from a list.  Built here so ``dialogs.py`` stays a thin facade tests replace."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

Options = Sequence[tuple[str, str]]  # (key, label shown)


class _ChoiceDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.body = QVBoxLayout(self)
        text = QLabel(label)
        text.setWordWrap(True)
        self.body.addWidget(text)

    def finish(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.body.addWidget(buttons)
        return buttons


class OneChoice(_ChoiceDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str, options: Options,
                 current: str | None = None, note_label: str | None = None):
        super().__init__(parent, title, label)
        self.combo = QComboBox()
        for key, text in options:
            self.combo.addItem(text, key)
        if current is not None and self.combo.findData(current) >= 0:
            self.combo.setCurrentIndex(self.combo.findData(current))
        self.body.addWidget(self.combo)
        self.note: QPlainTextEdit | None = None
        if note_label is not None:
            self.body.addWidget(QLabel(note_label))
            self.note = QPlainTextEdit()
            self.note.setTabChangesFocus(True)
            self.note.setFixedHeight(90)
            self.body.addWidget(self.note)
        self.finish()

    def answer(self) -> tuple[str, str]:
        return str(self.combo.currentData()), self.note.toPlainText() if self.note else ""


class ManyChoices(_ChoiceDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str, options: Options):
        super().__init__(parent, title, label)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for key, text in options:
            box = QCheckBox(text)
            self.boxes.append((key, box))
            self.body.addWidget(box)
        ok = self.finish().button(QDialogButtonBox.StandardButton.Ok)
        # Nothing ticked is not an answer: OK waits for at least one item.
        ok.setEnabled(False)
        for _key, box in self.boxes:
            box.toggled.connect(lambda _on: ok.setEnabled(bool(self.answer())))

    def answer(self) -> list[str]:
        return [key for key, box in self.boxes if box.isChecked()]


def choose(parent: QWidget | None, title: str, label: str, options: Options, *,
           current: str | None = None, note_label: str | None = None) -> tuple[str, str] | None:
    dialog = OneChoice(parent, title, label, options, current, note_label)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_many(parent: QWidget | None, title: str, label: str,
                options: Options) -> list[str] | None:
    dialog = ManyChoices(parent, title, label, options)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
