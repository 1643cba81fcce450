"""The pages of the beneficiary's survey (``survey_view``): the words it says, the
painted faces of the score and one question a page with its big buttons or text box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..checklists.model import Item

CTX = "SurveyView"
SCORE_WORDS = {
    1: QT_TRANSLATE_NOOP("SurveyView", "Very dissatisfied"),
    2: QT_TRANSLATE_NOOP("SurveyView", "Dissatisfied"),
    3: QT_TRANSLATE_NOOP("SurveyView", "Neither"),
    4: QT_TRANSLATE_NOOP("SurveyView", "Satisfied"),
    5: QT_TRANSLATE_NOOP("SurveyView", "Very satisfied"),
}
TEXTS = {
    "title": QT_TRANSLATE_NOOP("SurveyView", "Your opinion of our service"),
    "score": QT_TRANSLATE_NOOP("SurveyView", "How satisfied are you with the service you "
                                             "received today?"),
    "note": QT_TRANSLATE_NOOP("SurveyView", "Answering is optional. Your answer is anonymous "
                                            "unless you choose to link it to your file. It is "
                                            "used to improve the service, never to blame "
                                            "anyone."),
    "keys": QT_TRANSLATE_NOOP("SurveyView", "You can also answer with the number keys."),
    "yes": QT_TRANSLATE_NOOP("SurveyView", "Yes"),
    "no": QT_TRANSLATE_NOOP("SurveyView", "No"),
    "back": QT_TRANSLATE_NOOP("SurveyView", "Back"),
    "next": QT_TRANSLATE_NOOP("SurveyView", "Next"),
    "send": QT_TRANSLATE_NOOP("SurveyView", "Send"),
    "skip": QT_TRANSLATE_NOOP("SurveyView", "Skip the survey"),
    "link": QT_TRANSLATE_NOOP("SurveyView", "Link my answer to my file (so the association "
                                            "can follow it up with me)"),
    "choose": QT_TRANSLATE_NOOP("SurveyView", "Please choose how satisfied you are, or skip "
                                              "the survey."),
    "thanks": QT_TRANSLATE_NOOP("SurveyView", "Thank you"),
    "sent": QT_TRANSLATE_NOOP("SurveyView", "Your answer was received. It helps us improve "
                                            "the service."),
    "skipped": QT_TRANSLATE_NOOP("SurveyView", "Thank you for your visit."),
    "return": QT_TRANSLATE_NOOP("SurveyView", "Back to staff"),
    "progress": QT_TRANSLATE_NOOP("SurveyView", "Question %1 of %2"),
}
# The kinds a beneficiary can answer with big buttons or a text box; others (a number, a
# date, a document) are the staff's questions and are not put on this screen.
SURVEY_KINDS = ("yes_no", "choice", "text")
FACE_COLOURS = {1: "#c0392b", 2: "#e67e22", 3: "#e2b007", 4: "#7cb342", 5: "#2e8b57"}

def face_icon(score: int, size: int = 96) -> QIcon:
    """A face from frowning (1) to smiling (5), painted: no emoji font is relied on."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(FACE_COLOURS[score]))
    p.setPen(QPen(QColor("#1f2933"), size / 32))
    p.drawEllipse(QRectF(size * 0.04, size * 0.04, size * 0.92, size * 0.92))
    p.setBrush(QColor("#1f2933"))
    for x in (0.35, 0.65):
        p.drawEllipse(QPointF(size * x, size * 0.38), size * 0.06, size * 0.07)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor("#1f2933"), size / 16, Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap))
    mouth = QPainterPath(QPointF(size * 0.3, size * 0.68))
    bend = (score - 3) * size * 0.09
    mouth.quadTo(QPointF(size * 0.5, size * 0.68 + bend), QPointF(size * 0.7, size * 0.68))
    p.drawPath(mouth)
    p.end()
    return QIcon(pix)


def _choice(text: str = "", icon: QIcon | None = None) -> QToolButton:
    b = QToolButton()
    b.setObjectName("surveyChoice")
    b.setCheckable(True)
    b.setText(text)
    b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    if icon is not None:
        b.setIcon(icon)
        b.setIconSize(QSize(96, 96))
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    return b


class Question(QWidget):
    """One page: the question and its big buttons (or its text box)."""

    chosen = Signal()

    def __init__(self, item: Item | None):
        super().__init__()
        self.item = item
        self.label = QLabel()
        self.label.setObjectName("surveyQuestion")
        self.label.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.values: dict[int, Any] = {}
        self.text: QPlainTextEdit | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addSpacing(18)
        row = QHBoxLayout()
        if item is None:  # the overall score
            for n in range(1, 6):
                self._add(row, _choice(icon=face_icon(n)), n)
        elif item.kind == "yes_no":
            self._add(row, _choice(), True)
            self._add(row, _choice(), False)
        elif item.kind == "choice":
            for option in item.options:
                self._add(row, _choice(), option.value)
        else:
            self.text = QPlainTextEdit()
            self.text.setTabChangesFocus(True)
            self.text.setMinimumHeight(160)
            limit = int(item.validation.get("max_length", 0) or 0)
            if limit:
                self.text.textChanged.connect(lambda: self._cap(limit))
            lay.addWidget(self.text)
        lay.addLayout(row)
        lay.addStretch(1)

    def _add(self, row: QHBoxLayout, button: QToolButton, value: Any) -> None:
        n = len(self.values) + 1
        self.group.addButton(button, n)
        self.values[n] = value
        button.clicked.connect(self.chosen.emit)
        row.addWidget(button)

    def _cap(self, limit: int) -> None:
        assert self.text is not None
        if len(self.text.toPlainText()) > limit:
            self.text.setPlainText(self.text.toPlainText()[:limit])

    def buttons(self) -> list[QAbstractButton]:
        return self.group.buttons()

    def choose(self, n: int) -> bool:
        button = self.group.button(n)
        if button is None:
            return False
        button.setChecked(True)
        return True

    def value(self) -> Any:
        if self.text is not None:
            return self.text.toPlainText().strip() or None
        return self.values.get(self.group.checkedId())

    def clear(self) -> None:
        self.group.setExclusive(False)
        for b in self.group.buttons():
            b.setChecked(False)
        self.group.setExclusive(True)
        if self.text is not None:
            self.text.clear()

    def retranslate(self, t: Callable[[object], str], language: str) -> None:
        item = self.item
        self.label.setText(t(TEXTS["score"]) if item is None else item.label(language))
        for n, b in enumerate(self.group.buttons(), start=1):
            value = self.values[n]
            if item is None:
                b.setText(f"{t(SCORE_WORDS[value])}\n{n}")
            elif item.kind == "yes_no":
                b.setText(t(TEXTS["yes" if value else "no"]))
            else:
                option = item.option(str(value))
                b.setText(str(value) if option is None else
                          option.label_ar if language == "ar" else option.label_en)
