"""Driving the beneficiary's survey in the interface tests."""

from __future__ import annotations

from typing import Any

from interview_support import person, script
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from makarem_desk.interview.flow import Step
from makarem_desk.interview.session import InterviewSession
from makarem_desk.ui.interview_view import InterviewView
from makarem_desk.ui.survey_view import SurveyView


def to_satisfaction(ctx: Any, qtbot: Any, code: str = "VOL-EVENTS") -> InterviewView:
    """An interview (by the signed-in member of staff) up to its Satisfaction step."""
    s = InterviewSession.start(ctx.interview, ctx.forms, ctx.require_actor(), today=ctx.today)
    for entry in script(code, person(first_name="سلمى", family_name="الحربي"))[:-1]:
        s.complete(dict(entry["values"]))
    assert s.step is Step.SATISFACTION
    view = InterviewView(ctx)
    qtbot.addWidget(view)
    view.session = s
    view.stack.setCurrentIndex(1)
    view.show_step()
    return view


def press(widget: Any, text: str) -> None:
    """A key as a keyboard layout sends it (Arabic-Indic digits cannot go through qtbot)."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0,
                                             Qt.KeyboardModifier.NoModifier, text))


def answer_everything(survey: SurveyView, qtbot: Any, *, link: bool) -> None:
    qtbot.keyClick(survey, Qt.Key.Key_4)  # the score: four, and on to the next question
    assert survey.stack.currentIndex() == 1
    qtbot.keyClick(survey, Qt.Key.Key_1)  # enough time: yes (the first big button)
    qtbot.keyClick(survey, Qt.Key.Key_2)  # all questions answered: no
    procedure = survey.pages[3]
    assert procedure.item is not None and procedure.item.id == "procedure_ease"
    qtbot.mouseClick(procedure.buttons()[0], Qt.MouseButton.LeftButton)  # easy
    last = survey.pages[4]
    assert survey.current() is last and last.text is not None
    assert survey.link.isVisible() and not survey.link.isChecked()  # anonymous by default
    last.text.setPlainText("  لوحة تدل على مكان الانتظار  ")
    if link:
        survey.link.setChecked(True)
    assert survey.next_button.text() == "إرسال"
    qtbot.mouseClick(survey.next_button, Qt.MouseButton.LeftButton)
