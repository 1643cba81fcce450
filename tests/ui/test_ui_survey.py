"""The survey the beneficiary answers alone (POL-G5): big buttons, Arabic first with its
own English switch, anonymous by default yet keeping the program, keys 1-5, Skip records
nothing, and the staff get the screen back without the answers."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from survey_support import answer_everything, press, to_satisfaction

from makarem_desk.errors import UserError
from makarem_desk.interview.answers import StepInvalid, check_answers
from makarem_desk.interview.flow import Step
from makarem_desk.models import Contact, SatisfactionResponse
from makarem_desk.models.enums import SuggestionStatus
from makarem_desk.ui.contact_view import ContactView
from makarem_desk.ui.interview_steps import DonePage
from makarem_desk.ui.survey_view import SurveyAnswer, SurveyView


def ratings(ctx: Any) -> list[SatisfactionResponse]:
    with ctx.db.reader() as r:
        rows = list(r.scalars(select(SatisfactionResponse)))
        r.expunge_all()
    return rows


@pytest.mark.parametrize("link", [False, True])
def test_handing_the_screen_over_records_the_beneficiarys_answer(qtbot, ctx, link) -> None:  # type: ignore[no-untyped-def]
    view = to_satisfaction(ctx, qtbot)
    s = view.session
    assert s is not None
    view.page.hand_over_button.click()
    survey = view.survey
    assert isinstance(survey, SurveyView) and survey.isWindow() and survey.isVisible()
    # Arabic first, right to left, whatever the staff use; big buttons.
    assert survey.language == "ar" and survey.title.text() == "رأيك في خدمتنا"
    assert survey.layoutDirection() == Qt.LayoutDirection.RightToLeft
    faces = survey.pages[0].buttons()
    assert len(faces) == 5 and all(b.height() >= 96 and b.width() >= 150 for b in faces)
    assert faces[4].text().startswith("راضٍ جدًا")
    answer_everything(survey, qtbot, link=link)
    # The staff get the screen back with "Thank you" only: every answer is wiped.
    assert survey.current() is survey.thanks and survey.thanks_title.text() == "شكرًا لك"
    assert all(p.value() is None for p in survey.pages) and not survey.link.isChecked()
    assert s.step is Step.DONE
    survey.return_button.click()
    assert view.survey is None and isinstance(view.page, DonePage)  # the wizard's end
    [r] = ratings(ctx)
    assert (r.score, r.channel, r.program_code, r.anonymous) == (4, "interview", "VOL-EVENTS",
                                                                 not link)
    assert r.answers == {"time_enough": True, "questions_answered": False,
                         "procedure_ease": "easy", "suggestion": "لوحة تدل على مكان الانتظار"}
    assert r.suggestion_status is SuggestionStatus.NEW
    if link:
        assert r.beneficiary_id == uuid.UUID(s.state.beneficiary_id or "")
        assert r.application_id == uuid.UUID(s.state.application_id or "")
    else:  # anonymous: no link to the person, the application or the contact
        assert (r.beneficiary_id, r.application_id, r.contact_id) == (None, None, None)


def test_skip_records_nothing_and_ends_the_interview(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    view = to_satisfaction(ctx, qtbot)
    view.page.hand_over_button.click()
    survey = view.survey
    survey.pages[0].choose(2)  # chosen, then thought better of
    qtbot.mouseClick(survey.skip_button, Qt.MouseButton.LeftButton)
    assert survey.current() is survey.thanks
    assert survey.thanks_text.text() == "شكرًا لزيارتك."
    assert survey.pages[0].value() is None
    survey.return_button.click()
    assert view.session is not None and view.session.step is Step.DONE
    assert ratings(ctx) == []
    with ctx.db.reader() as r:  # the interview's contact is closed all the same
        assert r.scalars(select(Contact.ended_at)).one() is not None


def test_english_switch_keys_and_refusals(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    sent: list[SurveyAnswer] = []
    refuse: list[UserError] = []

    def send(a: SurveyAnswer) -> None:
        if refuse:
            raise refuse.pop()
        sent.append(a)

    survey = SurveyView(ctx.forms.satisfaction.section("questions"), send)
    qtbot.addWidget(survey)
    survey.show()
    assert not survey.link.isVisible()  # nothing to link to: no checkbox at all
    qtbot.mouseClick(survey.next_button, Qt.MouseButton.LeftButton)  # no score yet
    assert survey.stack.currentIndex() == 0 and "مدى رضاك" in survey.error.text()
    qtbot.mouseClick(survey.switch, Qt.MouseButton.LeftButton)
    assert survey.language == "en" and survey.switch.text() == "العربية"
    assert survey.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert survey.title.text() == "Your opinion of our service"
    assert survey.pages[1].label.text() == "Were you given enough time?"
    assert [b.text() for b in survey.pages[3].buttons()] == ["Easy", "Acceptable", "Hard"]
    press(survey, "٥")  # an Arabic keyboard's five
    assert survey.pages[0].value() == 5 and survey.stack.currentIndex() == 1
    press(survey, "9")  # no ninth button: nothing happens
    assert survey.stack.currentIndex() == 1
    qtbot.mouseClick(survey.back_button, Qt.MouseButton.LeftButton)
    assert survey.stack.currentIndex() == 0 and survey.pages[0].value() == 5
    for _ in range(3):
        qtbot.mouseClick(survey.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(survey, Qt.Key.Key_Return)  # Enter goes on too
    assert survey.current() is survey.pages[4] and survey.next_button.text() == "Send"
    refuse.append(UserError("The service is busy.", message_ar="الخدمة مشغولة."))
    qtbot.mouseClick(survey.next_button, Qt.MouseButton.LeftButton)
    assert survey.error.text() == "The service is busy." and survey.current() is survey.pages[4]
    qtbot.mouseClick(survey.next_button, Qt.MouseButton.LeftButton)
    assert sent == [SurveyAnswer(5, {}, False)]
    assert survey.thanks_title.text() == "Thank you"
    with qtbot.waitSignal(survey.finished) as done:
        qtbot.keyClick(survey, Qt.Key.Key_Enter)  # the thanks: Enter gives the screen back
    assert done.args == [True]


def test_a_contact_is_rated_on_its_channel(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    view = ContactView(ctx)
    qtbot.addWidget(view)
    assert not view.survey_button.isEnabled()
    view.channel.setCurrentIndex(view.channel.findData("phone"))
    view.caller.setText("متصل")
    view.purpose.setText("سؤال عن موعد الملتقى")
    view.answer.setPlainText("أُخبر بالموعد")
    assert view.save() is not None
    assert view.survey_button.isEnabled()
    survey = view.open_survey()
    assert not view.survey_button.isEnabled()  # one survey per contact
    assert not survey.can_link  # an unregistered caller has no file to link to
    survey.pages[0].choose(3)
    survey.send()
    survey.return_button.click()
    [r] = ratings(ctx)
    assert (r.score, r.channel, r.anonymous, r.contact_id, r.suggestion_status) == (
        3, "phone", True, None, None)


def test_a_refused_answer_is_shown_on_its_question(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """A question the association made required: Send names it, on its own page."""
    questions = ctx.forms.satisfaction.section("questions")
    required = [dataclasses.replace(q, required=True) if q.id == "time_enough" else q
                for q in questions]

    def send(a: SurveyAnswer) -> None:
        _, errors = check_answers(required, a.answers, {}, ctx.today)
        if errors:
            raise StepInvalid(errors)

    survey = SurveyView(tuple(required), send)
    qtbot.addWidget(survey)
    survey.pages[0].choose(4)
    survey.send()
    assert survey.current() is survey.pages[1] and survey.error.text()
    assert survey.pages[0].value() == 4  # nothing the beneficiary chose is lost
    qtbot.keyClick(survey, Qt.Key.Key_1)
    survey.send()
    assert survey.current() is survey.thanks
