"""The Satisfaction screen: the beneficiaries' suggestions and their follow-up (POL-GOAL).

Aggregate figures by channel, program and period are the Reports screen's.  Nothing here
names the member of staff who served (POL-G6: rating is for improvement, never blame); a
beneficiary is named only when they chose to link their answer to their file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..saudi_time import KSA
from ..services.satisfaction import SuggestionItem
from ..values import Channel, SuggestionStatus
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .i18n import current_language
from .profile_view import channel_label, show_date
from .widgets import Table, hint, page_title

STATUS_LABELS = {
    SuggestionStatus.NEW: QT_TRANSLATE_NOOP("SuggestionsView", "New"),
    SuggestionStatus.UNDER_REVIEW: QT_TRANSLATE_NOOP("SuggestionsView", "Under review"),
    SuggestionStatus.ADOPTED: QT_TRANSLATE_NOOP("SuggestionsView", "Adopted"),
    SuggestionStatus.NOT_ADOPTED: QT_TRANSLATE_NOOP("SuggestionsView", "Not adopted"),
}


SUGGESTION_COLUMN = 5
COLUMN_MAX = 170  # pixels: the words of the beneficiary get the room


def status_label(status: SuggestionStatus) -> str:
    return QCoreApplication.translate("SuggestionsView", str(STATUS_LABELS[status]))


def _channel(value: str) -> str:
    try:
        return channel_label(Channel(value))
    except ValueError:
        return value


def program_label(item: SuggestionItem) -> str:
    name = item.program_ar if current_language() == "ar" else item.program_en
    return name or item.program_code or "—"


class FollowUpDialog(QDialog):
    """The new status of a suggestion and a note on what was decided or done."""

    def __init__(self, item: SuggestionItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Follow up a suggestion"))
        self.setMinimumWidth(520)
        text = QLabel(item.text)
        text.setWordWrap(True)
        self.status = QComboBox()
        for s in SuggestionStatus:
            self.status.addItem(status_label(s), s.value)
        self.status.setCurrentIndex(self.status.findData(item.status.value))
        self.note = QPlainTextEdit(item.note or "")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(110)
        self.note.setPlaceholderText(self.tr("What was decided or done, for the record"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Suggestion"), text)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return str(self.status.currentData()), self.note.toPlainText()


class SuggestionsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[SuggestionItem] = []
        self.filter = QComboBox()
        self.filter.addItem(self.tr("All statuses"), None)
        for s in SuggestionStatus:
            self.filter.addItem(status_label(s), s.value)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = Table([self.tr("Date"), self.tr("Channel"), self.tr("Program"),
                            self.tr("Status"), self.tr("Beneficiary"), self.tr("Suggestion"),
                            self.tr("Note")])
        self.table.set_empty_text(self.tr("No suggestion with this status: choose another "
                                          "status above."))
        # The beneficiary's words and the note take the room left, wrapped, never cut.
        self.table.setWordWrap(True)
        for column in (SUGGESTION_COLUMN, SUGGESTION_COLUMN + 1):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.follow_up_selected())
        self.follow_button = QPushButton(self.tr("Follow up…"))
        self.follow_button.setObjectName("primary")
        self.follow_button.clicked.connect(self.follow_up_selected)
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.status = QLabel()
        self.status.setObjectName("fieldError")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Status")))
        row.addWidget(self.filter)
        row.addStretch(1)
        row.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Satisfaction — suggestions")))
        lay.addWidget(hint(self.tr(
            "What beneficiaries suggested in the satisfaction survey, to be followed up. "
            "Figures by channel, program and period are in Reports. Ratings improve the "
            "service; no screen names the member of staff who served.")))
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.follow_button, 0, Qt.AlignmentFlag.AlignLeading)
        lay.addWidget(self.status)
        track(self, ctx.bus.data_changed, self.refresh)
        self.setFocusProxy(self.table)

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return  # signed out
        try:
            self.items = self.ctx.interview.satisfaction.suggestions(
                actor, status=self.filter.currentData())
        except UserError as exc:
            self.status.setText(user_message(exc))
            return
        self.table.set_rows([
            ([show_date(i.created_at.astimezone(KSA)), _channel(i.channel), program_label(i),
              status_label(i.status), i.beneficiary_name or self.tr("Anonymous"), i.text,
              i.note or ""], i) for i in self.items])
        for column in range(SUGGESTION_COLUMN):  # long dates and program names wrap
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), COLUMN_MAX))
        self.count.setText(self.tr("%1 suggestions").replace("%1", str(len(self.items))))

    def follow_up_selected(self) -> bool:
        item: Any = self.table.row_data()
        if item is None:
            self.status.setText(self.tr("Choose a suggestion first."))
            return False
        dialog = FollowUpDialog(item, self)
        if not self.ctx.dialogs.run_dialog(dialog):
            return False
        status, note = dialog.values()
        try:
            self.ctx.interview.satisfaction.set_suggestion_status(
                self.ctx.require_actor(), item.id, status, note)
        except UserError as exc:
            self.status.setText(user_message(exc))
            return False
        self.status.clear()
        self.refresh()
        return True
