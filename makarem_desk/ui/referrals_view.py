"""POL-H3: the social-research officer's inbox — referrals with their reason code and age,
filtered by status and code, the open/answered/overdue counts, answered here."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services.referrals import InboxItem, ReferralCounts
from ..values import ReferralStatus
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .i18n import ltr
from .profile_view import referral_label
from .referral_widgets import add_reason_codes, reason_code_label
from .widgets import FigureCard, Table, hint, page_title

OVERDUE_COLOUR = QColor("#b3261e")
# A working list, not the archive (filters narrow it); a few hundred rows also keep the
# table quick to fill and paint.
SCREEN_LIMIT = 200


class ReferralsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 limit: int = SCREEN_LIMIT):
        super().__init__(parent)
        self.ctx = ctx
        self.limit = limit
        self.counts: ReferralCounts | None = None
        self.items: list[InboxItem] = []
        self._showing_answer = False
        self.cards = {"open": FigureCard(self.tr("Open")),
                      "answered": FigureCard(self.tr("Answered")),
                      "overdue": FigureCard(self.tr("Overdue"))}
        cards = QHBoxLayout()
        for key, card in self.cards.items():
            card.setMinimumHeight(0)  # compact: the list below is what is worked on
            card.setMaximumHeight(92)
            cards.addWidget(card)
            card.clicked.connect(lambda k=key: self.show_status(k))
        self.target = hint("")
        self.status_filter = QComboBox()
        for key, label in (("open", self.tr("Open")), ("overdue", self.tr("Overdue")),
                           ("answered", self.tr("Answered")), ("all", self.tr("All"))):
            self.status_filter.addItem(label, key)
        self.code_filter = QComboBox()
        add_reason_codes(self.code_filter, self.tr("Every kind of reason"))
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.code_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.status_filter)
        filters.addWidget(QLabel(self.tr("Kind of reason")))
        filters.addWidget(self.code_filter)
        filters.addStretch(1)
        self.answer_box = QPlainTextEdit()
        self.answer_box.setTabChangesFocus(True)
        self.answer_box.setFixedHeight(80)
        self.table = Table([self.tr("File number"), self.tr("Beneficiary"),
                            self.tr("Kind of reason"), self.tr("Reason"), self.tr("Age (days)"),
                            self.tr("Status")])
        self.table.activated.connect(lambda _i: self.answer_box.setFocus())
        self.table.doubleClicked.connect(lambda _i: self._open_profile())
        self.table.itemSelectionChanged.connect(self._selected)
        self.empty = hint("")
        self.answer_box.setPlaceholderText(self.tr("The answer and explanation given to the "
                                                   "beneficiary"))
        self.button = QPushButton(self.tr("Record the answer"))
        self.button.setObjectName("primary")
        self.button.clicked.connect(self.answer_selected)
        self.status = QLabel()
        self.status.setObjectName("fieldError")
        self.status.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Referrals")))
        lay.addWidget(hint(self.tr("Beneficiaries referred to the social-research officer, who "
                                   "answers them and explains.")))
        lay.addLayout(cards)
        lay.addWidget(self.target)
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        lay.addWidget(self.answer_box)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeading)
        lay.addWidget(self.status)
        track(self, ctx.bus.referral_changed, lambda _id: self.refresh())
        self.setFocusProxy(self.table)

    def show_status(self, key: str) -> None:
        """A count clicked: the referrals behind it."""
        self.status_filter.setCurrentIndex(self.status_filter.findData(key))

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return  # signed out
        status, code = self.status_filter.currentData(), self.code_filter.currentData()
        refs = self.ctx.referrals

        def load(_progress: Any) -> tuple[ReferralCounts, list[InboxItem]]:
            return (refs.counts(actor),
                    refs.inbox(actor, status=status, reason_code=code, limit=self.limit))

        self.ctx.tasks.run(load, self._show, lambda e: self.status.setText(user_message(e)))

    def _show(self, loaded: tuple[ReferralCounts, list[InboxItem]]) -> None:
        self.counts, self.items = loaded
        c = self.counts
        self.cards["open"].set_value(c.open)
        self.cards["answered"].set_value(c.answered)
        self.cards["overdue"].set_value(c.overdue, alert=True)
        self.target.setText(self.tr("Overdue: open longer than the target set in Settings "
                                    "(days: %1).").replace("%1", str(c.target_days)))
        self.table.set_rows([(self._cells(i), i) for i in self.items])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, item in enumerate(self.items):
            if item.overdue:
                for col in range(self.table.columnCount()):
                    cell = self.table.item(row, col)
                    if cell is not None:
                        cell.setForeground(QBrush(OVERDUE_COLOUR))
                        cell.setFont(bold)
        if not self.items:
            self.empty.setText(self._empty_sentence())
        elif len(self.items) >= self.limit:
            self.empty.setText(self.tr("Only the first %1 are listed; choose a status or a "
                                       "kind of reason to see the others.")
                               .replace("%1", str(self.limit)))
        self.empty.setVisible(not self.items or len(self.items) >= self.limit)
        self._selected()

    def _cells(self, i: InboxItem) -> list[str]:
        r = i.referral
        status = self.tr("Overdue") if i.overdue else referral_label(r.status)
        return [ltr(i.beneficiary_reference) if i.beneficiary_reference else "—",
                i.beneficiary_name or "—", reason_code_label(r.reason_code), r.reason or "—",
                str(i.age_days), status]

    def _empty_sentence(self) -> str:
        if self.code_filter.currentData() is not None or self.status_filter.currentData() \
                not in ("open", "overdue"):
            return self.tr("No referral matches this choice.")
        if self.status_filter.currentData() == "overdue":
            return self.tr("No referral is waiting longer than the target.")
        return self.tr("No referral is waiting for the social-research officer's answer.")

    def _selected(self) -> None:
        r: Any = self.table.row_data()
        open_ = isinstance(r, InboxItem) and r.referral.status is ReferralStatus.OPEN
        self.answer_box.setEnabled(open_)
        self.button.setEnabled(open_)
        # An answered referral shows its answer (read only); a draft answer typed for an
        # open one stays while the researcher looks elsewhere in the open list.
        if isinstance(r, InboxItem) and r.referral.answer:
            self.answer_box.setPlainText(r.referral.answer)
            self._showing_answer = True
        elif self._showing_answer or not open_:
            self.answer_box.clear()
            self._showing_answer = False

    def _open_profile(self) -> None:
        r: Any = self.table.row_data()
        if isinstance(r, InboxItem) and r.referral.beneficiary_id:
            self.ctx.bus.open_beneficiary.emit(r.referral.beneficiary_id)

    def answer_selected(self) -> None:
        r: Any = self.table.row_data()
        if not isinstance(r, InboxItem):
            self.status.setText(self.tr("Choose a referral first."))
            return
        try:
            self.ctx.referrals.answer(self.ctx.require_actor(), r.referral.id,
                                                self.answer_box.toPlainText())
        except UserError as exc:
            self.status.setText(user_message(exc))
            return
        self.answer_box.clear()
        self.status.clear()
        rid: uuid.UUID = r.referral.id
        self.ctx.bus.referral_changed.emit(rid)
        self.ctx.bus.data_changed.emit()
