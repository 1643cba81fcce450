"""POL-H3: the social-research officer's inbox of referrals, answered here."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ..errors import UserError
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .profile_view import show_date
from .widgets import Table, hint, page_title


class ReferralsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.answer_box = QPlainTextEdit()
        self.answer_box.setTabChangesFocus(True)
        self.answer_box.setFixedHeight(100)
        self.table = Table([self.tr("Date"), self.tr("Beneficiary"), self.tr("Reason")])
        self.table.activated.connect(lambda _i: self.answer_box.setFocus())
        self.table.doubleClicked.connect(lambda _i: self._open_profile())
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
        lay.addWidget(hint(self.tr("Beneficiaries to whom the procedures were unclear, waiting "
                                   "for the social-research officer's answer.")))
        lay.addWidget(self.table, 1)
        lay.addWidget(self.answer_box)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeading)
        lay.addWidget(self.status)
        track(self, ctx.bus.referral_changed, lambda _id: self.refresh())
        self.setFocusProxy(self.table)

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return  # signed out
        rows = self.ctx.dashboard.today(actor).open_referrals
        self.table.set_rows([([show_date(r.created_at), r.beneficiary_name or "—", r.reason], r)
                             for r in rows])

    def _open_profile(self) -> None:
        r: Any = self.table.row_data()
        if r is not None and r.beneficiary_id:
            self.ctx.bus.open_beneficiary.emit(r.beneficiary_id)

    def answer_selected(self) -> None:
        r: Any = self.table.row_data()
        if r is None:
            self.status.setText(self.tr("Choose a referral first."))
            return
        try:
            self.ctx.interview.referrals.answer(self.ctx.require_actor(), r.id,
                                                self.answer_box.toPlainText())
        except UserError as exc:
            self.status.setText(user_message(exc))
            return
        self.answer_box.clear()
        self.status.clear()
        rid: uuid.UUID = r.id
        self.ctx.bus.referral_changed.emit(rid)
        self.ctx.bus.data_changed.emit()
