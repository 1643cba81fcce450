"""The nationality as a searchable list of country names in the interface's language.

Saudi Arabia comes first; typing any part of a name (or the two-letter code) filters the
list.  What is stored stays the ISO 3166 code (``code()``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ..countries import for_language


class NationalityBox(QComboBox):
    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        for country in for_language(language):
            self.addItem(country.name(language), country.code)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Type part of the country's name"))
        self.set_code("SA")

    def code(self) -> str | None:
        """The code of the country named in the box; an unknown name is returned as typed
        (the registry then says it is not a country), an empty box as None."""
        text = self.currentText().strip()
        if not text:
            return None
        found = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            return str(self.itemData(found))
        by_code = self.findData(text.upper())
        if by_code >= 0:
            return text.upper()
        return text

    def set_code(self, code: str | None) -> None:
        index = self.findData((code or "").upper())
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code or "")
