"""The interview wizard over the Qt-free flow of ``makarem_desk.interview``.

This view only copies widget values into ``InterviewSession.complete`` and shows what the
flow answers (the next step, or every problem at its field).  The flow saves a draft after
every completed step, so a closed window or a crash resumes where it stopped.
"""

from __future__ import annotations

import base64
import logging
import traceback
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..interview.answers import StepInvalid
from ..interview.flow import ORDER, Step
from ..interview.session import InterviewSession
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .i18n import current_language, ltr
from .interview_keys import WizardKeys
from .interview_steps import PAGE_BUILDERS
from .widgets import Table, hint, page_title

if TYPE_CHECKING:
    from .interview_pages import InterviewPage

log = logging.getLogger(__name__)
STEP_LABELS = {
    Step.RECEPTION: QT_TRANSLATE_NOOP("Steps", "Reception and program"),
    Step.IDENTIFY: QT_TRANSLATE_NOOP("Steps", "Find the beneficiary"),
    Step.PERSONAL: QT_TRANSLATE_NOOP("Steps", "Personal data"),
    Step.ELIGIBILITY: QT_TRANSLATE_NOOP("Steps", "Eligibility"),
    Step.DOCUMENTS: QT_TRANSLATE_NOOP("Steps", "Documents"),
    Step.CLARITY: QT_TRANSLATE_NOOP("Steps", "Clarity of procedures"),
    Step.DECLARATION: QT_TRANSLATE_NOOP("Steps", "Data-accuracy declaration"),
    Step.NOTICE: QT_TRANSLATE_NOOP("Steps", "Committee notice"),
    Step.REGISTRATION: QT_TRANSLATE_NOOP("Steps", "Registration"),
    Step.DELIVERY: QT_TRANSLATE_NOOP("Steps", "Service delivery"),
    Step.SATISFACTION: QT_TRANSLATE_NOOP("Steps", "Satisfaction"),
    Step.DONE: QT_TRANSLATE_NOOP("Steps", "Finished"),
}


def _draft_person(state: dict[str, Any]) -> str:
    """Who an interrupted interview is about, as far as it got."""
    personal = (state.get("values") or {}).get(Step.PERSONAL.value) or {}
    name = " ".join(str(personal.get(k) or "") for k in
                    ("first_name", "father_name", "family_name")).split()
    return " ".join(name) or str(state.get("reference") or "—")


def step_label(step: Step) -> str:
    return QCoreApplication.translate("Steps", str(STEP_LABELS[step]))


class InterviewView(WizardKeys, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.session: InterviewSession | None = None
        self.page: InterviewPage | None = None
        self.survey: Any = None  # the beneficiary's survey window, while it is open
        self._person: tuple[str, str] = ("", "")  # (beneficiary id, name) shown at the side
        self.stack = QStackedWidget()
        self.stack.addWidget(self._start_page())
        self.stack.addWidget(self._wizard_page())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        track(self, ctx.bus.data_changed, self.refresh)

    # -- the two faces: start/resume, and the wizard ------------------------------------
    def _start_page(self) -> QWidget:
        w = QWidget()
        self.start_button = QPushButton(self.tr("Start a new interview"))
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(lambda: self.start_new())
        self.drafts = Table([self.tr("Last saved"), self.tr("Step"), self.tr("Beneficiary")])
        self.drafts.set_empty_text(self.tr("No interview is waiting to be finished."))
        # Enter on a draft resumes it (keyPressEvent); the mouse double-clicks.
        self.drafts.doubleClicked.connect(lambda _i: self.resume_selected())
        resume = QPushButton(self.tr("Resume the selected interview"))
        resume.clicked.connect(self.resume_selected)
        lay = QVBoxLayout(w)
        lay.addWidget(page_title(self.tr("New interview")))
        lay.addWidget(hint(self.tr("Receive the visitor politely and give them enough "
                                   "time. Every step is saved as soon as it is done.")))
        lay.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeading)
        lay.addWidget(QLabel(self.tr("Interrupted interviews")))
        lay.addWidget(self.drafts, 1)
        lay.addWidget(resume, 0, Qt.AlignmentFlag.AlignLeading)
        self.setFocusProxy(self.start_button)
        return w

    def _wizard_page(self) -> QWidget:
        w = QWidget()
        self.steps = QListWidget()
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setFixedWidth(230)
        self.progress = QProgressBar()
        self.progress.setRange(0, len(ORDER) - 1)
        self.progress.setTextVisible(False)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setObjectName("hint")
        side = QVBoxLayout()
        side.addWidget(self.progress)
        side.addWidget(self.steps, 1)
        side.addWidget(self.outcome)
        self.step_title = page_title("")
        self.step_area = QScrollArea()
        self.step_area.setWidgetResizable(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("primary")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.skip_button = QPushButton(self.tr("Finish without rating"))
        self.skip_button.clicked.connect(self.finish_without_rating)
        self.close_button = QPushButton(self.tr("Save and close"))
        self.close_button.clicked.connect(self.save)
        # Keyboard-only interviews: Ctrl+Enter (or Page Down) goes on, Page Up goes back.
        for keys, slot in (("Ctrl+Return", self.next), ("Ctrl+Enter", self.next),
                           ("PgDown", self.next), ("PgUp", self.back)):
            sc = QShortcut(QKeySequence.fromString(keys, QKeySequence.SequenceFormat.PortableText), w)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.next_button.setToolTip(self.tr("Ctrl+Enter or Page Down"))
        self.back_button.setToolTip(self.tr("Page Up"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        main = QVBoxLayout()
        main.addWidget(self.step_title)
        main.addWidget(self.step_area, 1)
        main.addWidget(self.error)
        main.addLayout(buttons)
        row = QHBoxLayout(w)
        row.addLayout(side)
        row.addLayout(main, 1)
        return w

    def refresh(self) -> None:
        if self.stack.currentIndex() != 0:
            return
        actor = self.ctx.actor
        drafts = [] if actor is None else self.ctx.interview.drafts.open_drafts(
            actor, kind="interview", user_id=actor.user_id)
        from .profile_view import show_date

        self.drafts.set_rows([
            ([show_date(d.updated_at), step_label(Step(d.step)), _draft_person(d.state)], d.id)
            for d in drafts if d.step in Step.__members__.values()
        ])

    # -- life cycle ---------------------------------------------------------------------
    def start_new(self, beneficiary_id: uuid.UUID | None = None) -> None:
        try:
            self.session = InterviewSession.start(
                self.ctx.interview, self.ctx.forms, self.ctx.require_actor(),
                language=current_language(), today=self.ctx.today,
                beneficiary_id=beneficiary_id)
        except UserError as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        self._enter()

    def start_for(self, beneficiary_id: uuid.UUID) -> None:
        """A new application for a returning beneficiary chosen on their profile or in the
        search results: no second search (issue 12). An interview on screen is left
        saved among the interrupted ones, after asking."""
        s = self.session
        if s is not None and not s.finished and self.stack.currentIndex() == 1:
            if not self.ctx.dialogs.confirm(
                    self, self.tr("New interview"),
                    self.tr("An interview is open. Its completed steps stay saved among the "
                            "interrupted interviews. Start the new one now?")):
                return
        self.start_new(beneficiary_id)

    def resume(self, draft_id: uuid.UUID) -> None:
        try:
            self.session = InterviewSession.resume(
                self.ctx.interview, self.ctx.forms, self.ctx.require_actor(), draft_id,
                today=self.ctx.today)
        except UserError as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        self._enter()

    def resume_selected(self) -> None:
        draft_id = self.drafts.row_data()
        if isinstance(draft_id, uuid.UUID):
            self.resume(draft_id)

    def _enter(self) -> None:
        self.stack.setCurrentIndex(1)
        self.setFocusProxy(None)  # type: ignore[arg-type]  # Qt accepts none
        self.show_step()
        self.ctx.bus.data_changed.emit()

    def save(self) -> None:
        """Ctrl+S: the flow has saved every completed step; leave the interview for later."""
        self.session = None
        self.stack.setCurrentIndex(0)
        self.setFocusProxy(self.start_button)
        self.refresh()
        self.start_button.setFocus()

    def save_work(self) -> None:
        """Ctrl+S (``screens.SavesWork``): in the wizard, leave the interview for later."""
        if self.stack.currentIndex() == 1:
            self.save()

    def print_current(self) -> None:
        preview = self.page.document() if self.page is not None else None
        if preview is not None and preview.pdf is not None:
            preview.choose_printer_and_print()

    # -- one step -----------------------------------------------------------------------
    def show_step(self) -> None:
        s = self.session
        assert s is not None
        step = s.step
        arabic = current_language() == "ar"
        self.steps.clear()
        history = set(s.state.history)
        for st in ORDER:
            mark = "✓ " if st.value in history else ("● " if st is step else "   ")
            item = QListWidgetItem(mark + step_label(st))
            if st is step:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.steps.addItem(item)
        self.progress.setValue(ORDER.index(step))
        o = s.outcome()
        ref = s.state.reference
        self.outcome.setText("\n".join(filter(None, [
            self._person_line(s),
            (self.tr("Reference: %1").replace("%1", ltr(ref))) if ref else "",
            o.describe("ar" if arabic else "en") if o else "",
        ])))
        self.step_title.setText(step_label(step))
        self.error.clear()
        page = self.page = self._build_page(s, step)
        old = self.step_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.step_area.setWidget(page.widget())
        self.back_button.setEnabled(s.can_back())
        self.skip_button.setVisible(s.can_finish())
        self.next_button.setVisible(step is not Step.DONE)
        self.next_button.setText(self.tr("Complete registration") if step is Step.REGISTRATION
                                 else self.tr("Next"))
        (page.first_focus() or page.widget()).setFocus()

    def _person_line(self, s: InterviewSession) -> str:
        """Whom the interview is for, once known: started from their profile, the name
        shows from the first step."""
        bid = s.state.beneficiary_id or s.state.known_beneficiary
        if not bid:
            return ""
        if self._person[0] != bid:
            person = self.ctx.interview.beneficiaries.find_by_id(s.actor, uuid.UUID(bid))
            self._person = (bid, person.full_name if person else "")
        name = self._person[1]
        return self.tr("Beneficiary: %1").replace("%1", name) if name else ""

    def _build_page(self, s: InterviewSession, step: Step) -> InterviewPage:
        page = PAGE_BUILDERS[step](self, s)
        shown_first = s.state.answers(step) or s.suggested_answers()
        if shown_first:
            page.set_answers(shown_first)
        return page

    def current_values(self) -> dict[str, Any]:
        return dict(self.page.answers()) if self.page is not None else {}

    def next(self) -> None:
        s = self.session
        if s is None or s.finished:
            return
        try:
            values = self.current_values()
            if s.step is Step.DECLARATION and values.get("signature") == "on_screen":
                png = values.pop("signature_png_bytes", None)
                values["signature_png"] = base64.b64encode(png or b"").decode()
            else:
                values.pop("signature_png_bytes", None)
            s.complete(values)
        except StepInvalid as exc:
            self._show_invalid(exc)
            return
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        except Exception as exc:  # kept on screen: nothing typed is lost
            log.exception("interview step failed")
            self.ctx.dialogs.show_error(self, exc, traceback.format_exc())
            return
        self.ctx.bus.data_changed.emit()
        if s.state.beneficiary_id:
            self.ctx.bus.beneficiary_saved.emit(uuid.UUID(s.state.beneficiary_id))
        self.show_step()

    def _show_invalid(self, exc: StepInvalid) -> None:
        arabic = current_language() == "ar"
        rest = self.page.show_errors(exc.errors) if self.page is not None else exc.errors
        self.error.setText("\n".join(e.message_ar if arabic else e.message for e in rest)
                           or self.tr("Please correct the marked fields."))

    def back(self) -> None:
        if self.session is None:
            return
        try:
            self.session.back()
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        self.show_step()

    def hand_over(self) -> None:
        """POL-G5: the beneficiary answers the survey alone; the wizard then shows the end
        of the interview, never the answers."""
        from .survey_launch import for_interview, show_survey

        if self.session is None or self.session.step is not Step.SATISFACTION:
            return
        self.survey = show_survey(for_interview(self.session), self)
        self.survey.finished.connect(self._survey_finished)

    def _survey_finished(self, _sent: bool) -> None:
        self.survey = None
        self.ctx.bus.data_changed.emit()
        if self.session is not None:
            self.show_step()

    def finish_without_rating(self) -> None:
        if self.session is None:
            return
        try:
            self.session.finish()
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        self.ctx.bus.data_changed.emit()
        self.show_step()
