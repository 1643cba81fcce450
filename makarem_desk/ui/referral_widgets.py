"""POL-H3 in the interface: the reason codes' labels and the dialog where staff refer a
beneficiary to the social-research officer (profile, contact screen)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..values import ReferralReason
from .dialogs import user_message

T = TypeVar("T")

# Same wording as services/referral_reasons.py (the command line and the reports); the
# Arabic is in the .ts.
_LABELS = {
    ReferralReason.UNCLEAR_PROCEDURE: QT_TRANSLATE_NOOP("ReferralReasons",
                                                        "Procedures unclear to the beneficiary"),
    ReferralReason.SPECIAL_CIRCUMSTANCES: QT_TRANSLATE_NOOP("ReferralReasons",
                                                            "Special circumstances"),
    ReferralReason.DOCUMENTS: QT_TRANSLATE_NOOP("ReferralReasons", "Documents or the data given"),
    ReferralReason.ELIGIBILITY: QT_TRANSLATE_NOOP("ReferralReasons",
                                                  "Program conditions and eligibility"),
    ReferralReason.COMPLAINT: QT_TRANSLATE_NOOP("ReferralReasons",
                                                "Complaint or dissatisfaction"),
    ReferralReason.OTHER: QT_TRANSLATE_NOOP("ReferralReasons", "Other reason"),
}


def reason_code_label(code: ReferralReason | None) -> str:
    return QCoreApplication.translate("ReferralReasons",
                                      str(_LABELS[code or ReferralReason.OTHER]))


def add_reason_codes(combo: QComboBox, first: str) -> None:
    """``first`` (no code) on top, then every code: nothing is chosen for the user."""
    combo.addItem(first, None)
    for code in ReferralReason:
        combo.addItem(reason_code_label(code), code.value)


class ReferDialog(QDialog):
    """The reason code (a choice, none preselected) and the words; OK hands both to
    ``submit`` and stays open with the message when it is refused, so nothing typed is
    lost."""

    def __init__(self, submit: Callable[[str | None, str], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refer to the social-research officer"))
        self.submit = submit
        self.result_value: object = None
        self.code = QComboBox()
        add_reason_codes(self.code, self.tr("— Choose the kind of reason —"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(110)
        self.text.setPlaceholderText(self.tr("What the beneficiary needs explained (required "
                                             "for “Other reason”)"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Refer"))
        ok.setObjectName("primary")
        buttons.accepted.connect(self.try_submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Kind of reason"), self.code)
        form.addRow(self.tr("Reason"), self.text)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("The social-research officer answers the beneficiary and "
                                     "explains.")))
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)

    def try_submit(self) -> None:
        try:
            self.result_value = self.submit(self.code.currentData(), self.text.toPlainText())
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        self.accept()


def run_refer_dialog(parent: QWidget | None, submit: Callable[[str | None, str], T]) -> T | None:
    dialog = ReferDialog(submit, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value  # type: ignore[return-value]
