"""Search for a returning beneficiary by identity number, phone or name words.

Typing is debounced; the query runs on the thread pool so the window never waits for the
database, and an answer that arrives after a newer query was typed is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..search import MatchedBy
from .context import AppContext
from .dialogs import user_message
from .i18n import ltr
from .shortcuts_sheet import start_buttons
from .widgets import Table, hint, page_title

DEBOUNCE_MS = 250

# "Found by": what the query was taken for, one label per kind of match.
FOUND_BY = {
    MatchedBy.IDENTITY: QT_TRANSLATE_NOOP("SearchView", "identity number"),
    MatchedBy.PHONE: QT_TRANSLATE_NOOP("SearchView", "phone"),
    MatchedBy.NAME: QT_TRANSLATE_NOOP("SearchView", "name"),
    MatchedBy.FILE_NUMBER: QT_TRANSLATE_NOOP("SearchView", "file number"),
    MatchedBy.APPLICATION: QT_TRANSLATE_NOOP("SearchView", "application number"),
}


def found_by_label(matched_by: MatchedBy) -> str:
    return QCoreApplication.translate("SearchView", str(FOUND_BY[matched_by]))


class SearchView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._seq = 0
        self.hits_seq = 0  # the query whose hits are on screen
        self.hits: list[Any] = []
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Identity number, phone or name…"))
        self.query.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.query.returnPressed.connect(self._enter)
        self.results = Table([self.tr("Name"), self.tr("Identity number"), self.tr("Phone"),
                              self.tr("City"), self.tr("Found by")])
        self.results.set_empty_text(self.tr(
            "Type a name, an identity number or a phone above; if nobody is found, start "
            "a new interview (Ctrl+N)."))
        self.results.activated.connect(lambda _i: self.open_current())
        self.results.doubleClicked.connect(lambda _i: self.open_current())
        self.status = QLabel()
        self.status.setObjectName("hint")
        # The person found is already identified: start their application or contact from
        # here, with no second search (issue 12).
        self.new_application_button, self.new_contact_button = start_buttons(
            self.new_application, self.new_contact)
        self.profile_button = QPushButton(self.tr("Open the profile"))
        self.profile_button.setToolTip(self.tr("Enter"))
        self.profile_button.clicked.connect(self.open_current)
        actions = QHBoxLayout()
        for b in (self.new_application_button, self.new_contact_button, self.profile_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.status)
        self.results.itemSelectionChanged.connect(self._selection_changed)
        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Search")))
        lay.addWidget(hint(self.tr("Names are matched whatever the spelling of hamza, "
                                   "taa marbuta or compound names.")))
        lay.addWidget(self.query)
        lay.addWidget(self.results, 1)
        lay.addLayout(actions)
        self.setFocusProxy(self.query)
        self._selection_changed()

    def _enter(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.run_search()
        elif self.hits:
            self.results.setFocus()
            self.results.selectRow(0)

    def run_search(self) -> None:
        text = self.query.text().strip()
        self._seq += 1
        seq = self._seq
        if not text:
            self.show_hits(seq, [])
            return
        self.status.setText(self.tr("Searching…"))
        actor = self.ctx.require_actor()
        self.ctx.tasks.run(
            lambda _p: self.ctx.search.search(actor, text, limit=50),
            lambda hits: self.show_hits(seq, hits),
            lambda exc: self._failed(seq, exc),
            cancellable=False,
        )

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            self.hits_seq = seq
            self.status.setText(user_message(exc))

    def show_hits(self, seq: int, hits: list[Any]) -> None:
        if seq != self._seq:
            return  # a newer query was typed meanwhile
        self.hits_seq = seq
        self.hits = hits
        self.results.set_rows([
            ([h.full_name, ltr(h.identity_number or ""), ltr(h.phone or ""), h.city or "",
              found_by_label(h.matched_by)], h)
            for h in hits
        ])
        if self.query.text().strip():
            self.status.setText(self.tr("%n result(s)", "", len(hits)))
        else:
            self.status.clear()
        if len(hits) == 1:
            self.results.selectRow(0)  # the one person found is the one chosen
        self._selection_changed()

    def _selected(self) -> Any:
        """The hit chosen: the selected row, or the only one found."""
        hit: Any = self.results.row_data()
        if hit is None and len(self.hits) == 1:
            hit = self.hits[0]
        return hit

    def _selection_changed(self) -> None:
        on = self._selected() is not None
        for b in (self.new_application_button, self.new_contact_button, self.profile_button):
            b.setEnabled(on)

    def open_current(self) -> None:
        hit = self._selected()
        if hit is not None:
            self.ctx.bus.open_beneficiary.emit(hit.beneficiary_id)

    def new_application(self) -> None:
        """Ctrl+Shift+A: the interview, with this person already identified."""
        hit = self._selected()
        if hit is not None:
            self.ctx.bus.new_application_for.emit(hit.beneficiary_id)

    def new_contact(self) -> None:
        hit = self._selected()
        if hit is not None:
            self.ctx.bus.new_contact_for.emit(hit.beneficiary_id)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down and self.query.hasFocus() and self.hits:
            self.results.setFocus()
            self.results.selectRow(0)
            return
        super().keyPressEvent(event)
