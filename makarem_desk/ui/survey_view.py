"""The survey the beneficiary answers alone (POL-G5), on the counter's screen turned to them
or on a second monitor.

Large buttons, one question a page, Arabic first with an English switch of its own (the
staff's interface language is not the beneficiary's), anonymous unless the beneficiary
ticks "link my answer to my file", and no member of staff named anywhere (POL-G6).  The
view only collects the answer and hands it to ``send``; whoever opened it records it (the
interview through its flow, a contact through its session).  Once sent or skipped the
answers are wiped and only "Thank you" and "Back to staff" remain, so the person who
serves never sees what was answered about them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTranslator, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..checklists.conditions import evaluate
from ..checklists.model import Item
from ..errors import UserError
from ..interview.answers import StepInvalid
from ..resources import resource_path
from ..text import to_ascii_digits
from .survey_pages import CTX, SURVEY_KINDS, TEXTS, Question

STYLE = """
#surveyRoot { background: #f6f7f4; }
#surveyTitle { font-size: 26pt; font-weight: bold; color: #0f4c45; }
#surveyQuestion { font-size: 22pt; font-weight: bold; }
#surveyNote, #surveyProgress { font-size: 13pt; color: #52606d; }
#surveyError { font-size: 14pt; color: #b42318; }
#surveyThanks { font-size: 40pt; font-weight: bold; color: #0f4c45; }
#surveyChoice { font-size: 18pt; min-height: 96px; min-width: 150px; padding: 10px;
                background: white; border: 2px solid #98a5a0; border-radius: 12px; }
#surveyChoice:checked { background: #cfe7e2; border: 4px solid #0f4c45; font-weight: bold; }
#surveyChoice:focus { border: 4px solid #f3c969; }
#surveyNav { font-size: 16pt; min-height: 56px; min-width: 160px; padding: 8px 24px; }
#surveyLink { font-size: 15pt; }
#surveyLink::indicator { width: 28px; height: 28px; }
QPlainTextEdit { font-size: 16pt; }
"""


@dataclass(frozen=True)
class SurveyAnswer:
    score: int
    answers: dict[str, Any]
    linked: bool  # the beneficiary chose to link the answer to their file

class SurveyView(QWidget):
    """``send`` records the answer (raising ``UserError`` to refuse it, shown here);
    ``skip`` records that none was given, if the caller needs to; ``finished(sent)`` is
    emitted on "Back to staff"."""

    finished = Signal(bool)

    def __init__(self, questions: tuple[Item, ...], send: Callable[[SurveyAnswer], object], *,
                 skip: Callable[[], object] | None = None, can_link: bool = False,
                 facts: Mapping[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("surveyRoot")
        self.setStyleSheet(STYLE)
        self._send, self._skip, self._facts = send, skip, dict(facts or {})
        self.sent = False
        self.language = "ar"
        self._arabic = QTranslator(self)
        self._arabic.load(str(resource_path("translations", "makarem_ar.qm")))
        self.title = QLabel()
        self.title.setObjectName("surveyTitle")
        self.switch = QPushButton()
        self.switch.setObjectName("surveyNav")
        self.switch.clicked.connect(self.toggle_language)
        self.note = QLabel()
        self.note.setObjectName("surveyNote")
        self.note.setWordWrap(True)
        self.pages = [Question(None)] + [Question(i) for i in questions
                                          if i.kind in SURVEY_KINDS]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
            page.chosen.connect(self._chosen)
        self.thanks = self._thanks_page()
        self.stack.addWidget(self.thanks)
        self.progress = QLabel()
        self.progress.setObjectName("surveyProgress")
        self.error = QLabel()
        self.error.setObjectName("surveyError")
        self.error.setWordWrap(True)
        self.link = QCheckBox()
        self.link.setObjectName("surveyLink")
        self.can_link = can_link
        self.back_button = self._nav(self.back)
        self.skip_button = self._nav(self.skip)
        self.next_button = self._nav(self.next)
        self.next_button.setDefault(True)
        self.next_button.setObjectName("primary")
        self.next_button.setStyleSheet("font-size: 16pt; min-height: 56px; min-width: 160px;")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.switch)
        self.footer = QWidget()
        nav = QHBoxLayout(self.footer)
        nav.addWidget(self.skip_button)
        nav.addStretch(1)
        nav.addWidget(self.progress)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(48, 32, 48, 32)
        lay.addLayout(top)
        lay.addWidget(self.note)
        lay.addSpacing(24)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.link)
        lay.addWidget(self.footer)
        self.set_language("ar")  # Arabic first, whatever the staff's interface speaks
        self._show(0)

    def _nav(self, slot: Callable[[], Any]) -> QPushButton:
        b = QPushButton()
        b.setObjectName("surveyNav")
        b.clicked.connect(slot)
        return b

    def _thanks_page(self) -> QWidget:
        w = QWidget()
        self.thanks_title = QLabel()
        self.thanks_title.setObjectName("surveyThanks")
        self.thanks_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_text = QLabel()
        self.thanks_text.setObjectName("surveyQuestion")
        self.thanks_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_text.setWordWrap(True)
        self.return_button = QPushButton()
        self.return_button.setObjectName("surveyNav")
        self.return_button.clicked.connect(lambda: self.finished.emit(self.sent))
        lay = QVBoxLayout(w)
        lay.addStretch(1)
        lay.addWidget(self.thanks_title)
        lay.addWidget(self.thanks_text)
        lay.addSpacing(32)
        lay.addWidget(self.return_button, 0, Qt.AlignmentFlag.AlignCenter)
        lay.addStretch(1)
        return w

    # -- language ---------------------------------------------------------------------
    def t(self, source: object) -> str:
        if self.language != "ar":
            return str(source)
        return self._arabic.translate(CTX, str(source)) or str(source)

    def toggle_language(self) -> None:
        self.set_language("en" if self.language == "ar" else "ar")

    def set_language(self, language: str) -> None:
        self.language = language
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar"
                                else Qt.LayoutDirection.LeftToRight)
        self.switch.setText("English" if language == "ar" else "العربية")
        self.title.setText(self.t(TEXTS["title"]))
        self.note.setText(self.t(TEXTS["note"]) + (" " + self.t(TEXTS["keys"])))
        self.link.setText(self.t(TEXTS["link"]))
        self.back_button.setText(self.t(TEXTS["back"]))
        self.skip_button.setText(self.t(TEXTS["skip"]))
        self.return_button.setText(self.t(TEXTS["return"]))
        self.thanks_title.setText(self.t(TEXTS["thanks"]))
        self.thanks_text.setText(self.t(TEXTS["sent" if self.sent else "skipped"]))
        for page in self.pages:
            page.retranslate(self.t, language)
        self.error.clear()
        self._show(self.stack.currentIndex())

    # -- moving through the pages -------------------------------------------------------
    def _show(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        done = self.stack.currentWidget() is self.thanks
        last = index == self._last_page()
        self.footer.setVisible(not done)
        self.link.setVisible(self.can_link and last and not done)
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(self.t(TEXTS["send" if last else "next"]))
        self.progress.setText(self.t(TEXTS["progress"]).replace("%1", str(index + 1))
                              .replace("%2", str(len(self.pages))))
        focus: QWidget = self.return_button if done else self.next_button
        page = self.stack.currentWidget()
        if isinstance(page, Question):
            first: list[QWidget] = [*page.buttons(), focus]
            focus = page.text or page.group.checkedButton() or first[0]
        focus.setFocus()

    def _answers(self) -> dict[str, Any]:
        return {p.item.id: p.value() for p in self.pages[1:]
                if p.item is not None and p.value() is not None}

    def _asked(self, index: int) -> bool:
        item = self.pages[index].item
        return item is None or evaluate(item.shown_when, self._answers(), self._facts)

    def _last_page(self) -> int:
        return max(i for i in range(len(self.pages)) if self._asked(i))

    def current(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _chosen(self) -> None:
        """A big button pressed: the answer is clear, go on (the last page waits for Send)."""
        self.error.clear()
        if self.stack.currentIndex() != self._last_page():
            self.next()
        else:
            self._show(self.stack.currentIndex())

    def next(self) -> None:
        index = self.stack.currentIndex()
        if self.current() is self.thanks:
            return
        if index == 0 and self.pages[0].value() is None:
            self.error.setText(self.t(TEXTS["choose"]))
            return
        if index >= self._last_page():
            self.send()
            return
        index += 1
        while not self._asked(index):
            index += 1
        self.error.clear()
        self._show(index)

    def back(self) -> None:
        index = self.stack.currentIndex()
        if self.current() is self.thanks or index == 0:
            return
        index -= 1
        while not self._asked(index):
            index -= 1
        self.error.clear()
        self._show(index)

    def send(self) -> None:
        score = self.pages[0].value()
        if score is None:
            self.error.setText(self.t(TEXTS["choose"]))
            self._show(0)
            return
        answer = SurveyAnswer(int(score), self._answers(),
                              self.can_link and self.link.isChecked())
        try:
            self._send(answer)
        except UserError as exc:
            self._refused(exc)
            return
        self.sent = True
        self._done()

    def skip(self) -> None:
        if self._skip is not None:
            try:
                self._skip()
            except UserError as exc:
                self._refused(exc)
                return
        self.sent = False
        self._done()

    def _refused(self, exc: UserError) -> None:
        """The answer was not taken: say why, on the page of the first question at fault."""
        arabic = self.language == "ar"
        if not isinstance(exc, StepInvalid):
            self.error.setText(exc.message_ar if arabic else exc.message)
            return
        faulty = {e.item for e in exc.errors}
        at = next((i for i, p in enumerate(self.pages)
                   if p.item is not None and p.item.id in faulty), None)
        if at is not None:
            self._show(at)
        self.error.setText("\n".join(e.message_ar if arabic else e.message
                                     for e in exc.errors))

    def _done(self) -> None:
        """Wipe every answer before the screen goes back to the staff."""
        for page in self.pages:
            page.clear()
        self.link.setChecked(False)
        self.error.clear()
        self.thanks_text.setText(self.t(TEXTS["sent" if self.sent else "skipped"]))
        self._show(self.stack.indexOf(self.thanks))

    # -- keyboard -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        """1-5 (Arabic-Indic digits too) press the matching big button; Enter goes on
        (Send on the last page, back to the staff on the thanks)."""
        page = self.current()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            (self.return_button.click if page is self.thanks else self.next)()
            return
        digit = to_ascii_digits(event.text() or "")
        if isinstance(page, Question) and page.text is None and digit.isdigit() \
                and page.choose(int(digit)):
            self._chosen()
            return
        super().keyPressEvent(event)
