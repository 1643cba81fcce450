"""Settings (administrator): the letterhead — the association's phone, website, address and
licence number printed on every paper (each only when filled), who signs the decision
letters, and the paper of the counter's receipt printer."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..errors import UserError
from ..services.site_settings import Letterhead
from .context import AppContext
from .dialogs import user_message
from .fields import LtrLineEdit
from .widgets import buttons_row, hint


def receipt_paper_combo(current: str | None = "a4", *, settings_choice: bool = False) -> QComboBox:
    """A4 or the 80 mm roll; used by Settings and where a receipt is shown (there with a
    first choice "as set in Settings", whose data is None)."""
    combo = QComboBox()
    combo.setObjectName("receiptPaper")
    if settings_choice:
        combo.addItem(QCoreApplication.translate("Letterhead", "Paper as set in Settings"),
                      None)
    combo.addItem(QCoreApplication.translate("Letterhead", "A4 page"), "a4")
    combo.addItem(QCoreApplication.translate("Letterhead", "80 mm receipt printer"), "80mm")
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class LetterheadBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Letterhead and letters"))
        self.setObjectName("letterheadBox")
        self.ctx = ctx
        head = ctx.site_settings.letterhead(ctx.require_actor())
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.addRow(hint(self.tr("Printed at the foot of every paper (declaration, receipt, "
                                 "letters); an empty line is left out.")))
        rows = [
            ("phone", self.tr("Telephone"), True),
            ("website", self.tr("Website"), True),
            ("address", self.tr("Address (Arabic)"), False),
            ("address_en", self.tr("Address (English)"), True),
            ("licence", self.tr("Licence number"), True),
            ("signatory_name", self.tr("Signatory of the letters (Arabic)"), False),
            ("signatory_title", self.tr("Signatory's title (Arabic)"), False),
            ("signatory_name_en", self.tr("Signatory (English)"), True),
            ("signatory_title_en", self.tr("Signatory's title (English)"), True),
        ]
        for key, caption, latin in rows:
            edit = LtrLineEdit() if latin else QLineEdit()
            edit.setText(getattr(head, key))
            edit.setObjectName(f"letterhead_{key}")
            self.fields[key] = edit
            form.addRow(caption, edit)
        self.receipt_paper = receipt_paper_combo(head.receipt_paper)
        form.addRow(self.tr("Receipt paper"), self.receipt_paper)
        save = QPushButton(self.tr("Save the letterhead"))
        save.clicked.connect(self.save)
        form.addRow("", buttons_row(save))
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow(self.status)

    def save(self) -> Letterhead | None:
        values = {key: edit.text() for key, edit in self.fields.items()}
        data = replace(Letterhead(**values), receipt_paper=str(self.receipt_paper.currentData()))
        try:
            saved = self.ctx.site_settings.set_letterhead(self.ctx.require_actor(), data)
        except UserError as exc:
            self.status.setObjectName("fieldError")
            self.status.setText(user_message(exc))
            return None
        for key, edit in self.fields.items():
            edit.setText(getattr(saved, key))
        self.status.setObjectName("hint")
        self.status.setText(self.tr("The letterhead was saved; the next paper printed "
                                    "carries it."))
        return saved
