"""Opening the beneficiary's survey (``survey_view``) from the staff's screens: after an
interview (its Satisfaction step) or after a contact, recorded through that flow so the
channel, the program and the contact are the flow's own (POL-G5, POL-CH)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ..interview.contact_flow import ContactSession
from ..interview.session import InterviewSession
from .survey_pages import TEXTS
from .survey_view import SurveyAnswer, SurveyView


def for_interview(session: InterviewSession) -> SurveyView:
    """The wizard's Satisfaction step answered by the beneficiary: Send completes the step
    with the rating (channel interview, the application's program), Skip finishes without
    one; either way the interview is then done."""
    def send(a: SurveyAnswer) -> None:
        session.complete({"score": a.score, "anonymous": not a.linked, "answers": a.answers})

    return SurveyView(session.step_items(), send, skip=session.finish,
                      can_link=bool(session.state.beneficiary_id), facts=session.facts())


def for_contact(session: ContactSession, questions: tuple[Any, ...]) -> SurveyView:
    """After a recorded contact, on its channel; linkable when the caller is registered."""
    def send(a: SurveyAnswer) -> None:
        session.rate(a.score, anonymous=not a.linked, answers=a.answers)

    who = session.state.values.get("who") or {}
    return SurveyView(questions, send, can_link=bool(who.get("beneficiary_id")))


def show_survey(view: SurveyView, over: QWidget | None) -> SurveyView:
    """A window of its own filling a screen — a second monitor when there is one, else the
    counter's screen, turned to the beneficiary — so the staff's window (and the name on
    it) is out of sight; closed by "Back to staff"."""
    view.setWindowFlag(Qt.WindowType.Window, True)
    view.setWindowModality(Qt.WindowModality.ApplicationModal)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    view.setWindowTitle(view.t(TEXTS["title"]))
    here = (over.screen() if over is not None else None) or QGuiApplication.primaryScreen()
    target = next((s for s in QGuiApplication.screens() if s is not here), here)
    view.setGeometry(target.geometry())
    view.finished.connect(lambda _sent: view.close())
    view.showFullScreen()
    return view
