"""Interview pages around the printed documents: reception (program), declaration with the
signature, the committee notice with the signed declaration, registration, delivery with
the receipt, and the end of the interview; and ``PAGE_BUILDERS``, the page of every step."""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..checklists.model import FormSet, Item
from ..interview import flow
from ..interview.answers import FieldError, StepInvalid
from ..interview.flow import Step
from ..interview.session import InterviewSession
from .context import AppContext
from .dialogs import user_message
from .i18n import current_language, ltr
from .interview_items import ItemsPage, PageBasics
from .preview import PdfPreview
from .signature_pad import SignaturePad
from .widgets import hint

if TYPE_CHECKING:
    from .interview_pages import InterviewPage

log = logging.getLogger(__name__)


def _msg(e: FieldError) -> str:
    return e.message_ar if current_language() == "ar" else e.message


class ReceptionPage(PageBasics, QWidget):
    """POL-H1: the purpose of the visit and the program applied for."""

    def __init__(self, forms: FormSet, items: tuple[Item, ...], language: str,
                 facts: dict[str, Any], today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.program = QComboBox()
        self.program.addItem("—", None)
        for p in sorted(forms.programs.values(), key=lambda p: (p.category, p.name(language))):
            if p.active:
                self.program.addItem(p.name(language), p.code)
        self.program_error = QLabel()
        self.program_error.setObjectName("fieldError")
        self.items = ItemsPage(items, language, facts, today)
        form = QFormLayout()
        form.addRow(self.tr("Program applied for"), self.program)
        form.addRow("", self.program_error)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.items)
        lay.addStretch(1)

    def first_focus(self) -> QWidget:
        return self.program

    def answers(self) -> dict[str, Any]:
        return {"program_code": self.program.currentData(), **self.items.answers()}

    def set_answers(self, values: dict[str, Any]) -> None:
        self.program.setCurrentIndex(max(0, self.program.findData(values.get("program_code"))))
        self.items.set_answers({k: v for k, v in values.items() if k != "program_code"})

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        mine = [e for e in errors if e.item == "program_code"]
        self.program_error.setText("\n".join(_msg(e) for e in mine))
        return self.items.show_errors([e for e in errors if e.item != "program_code"])


class _WithDocument(PageBasics, QWidget):
    """Statements of a step above a PDF rendered in the background."""

    def __init__(self, ctx: AppContext, session: InterviewSession,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.items = ItemsPage(session.step_items(), current_language(), session.facts(),
                               session.today, statement_text=session.statement_text)
        self.preview = PdfPreview(ctx)
        self.preview.setMinimumHeight(420)
        self.doc_status = QLabel(self.tr("Preparing the document…"))
        self.doc_status.setObjectName("hint")

    def render_document(self, make: Any, stem: str) -> None:
        def shown(pdf: bytes) -> None:
            self.preview.show_pdf(pdf, stem)
            self.doc_status.setText("")

        self.ctx.tasks.run(lambda _p: make(), shown,
                           lambda e: self.doc_status.setText(user_message(e)),
                           label=self.tr("Preparing the document…"), parent=self)

    def answers(self) -> dict[str, Any]:
        return self.items.answers()

    def set_answers(self, values: dict[str, Any]) -> None:
        self.items.set_answers(values)

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        return self.items.show_errors(errors)

    def first_focus(self) -> QWidget | None:
        return self.items.first_widget()

    def document(self) -> PdfPreview:
        return self.preview

    def _declaration_pdf(self) -> bytes:
        app_id = uuid.UUID(self.session.state.application_id or "")
        pdf: bytes = self.ctx.documents.declaration(self.ctx.require_actor(), app_id,
                                                    language=current_language()).pdf
        return pdf

    def _attach_printed(self) -> None:
        decl = self.session.state.declaration_id
        if decl and self.preview.pdf is not None:
            self.ctx.interview.declarations.attach_pdf(self.ctx.require_actor(), uuid.UUID(decl),
                                                      self.preview.pdf)
            self.ctx.bus.declaration_printed.emit(uuid.UUID(decl))


class DeclarationPage(_WithDocument):
    """POL-H4: the statements, then the applicant signs on the pad or on paper."""

    def __init__(self, ctx: AppContext, session: InterviewSession,
                 parent: QWidget | None = None):
        super().__init__(ctx, session, parent)
        self.mode = QButtonGroup(self)
        self.on_screen = QRadioButton(self.tr("The applicant signs on the screen"))
        self.on_paper = QRadioButton(self.tr("The applicant signs on paper"))
        self.mode.addButton(self.on_screen)
        self.mode.addButton(self.on_paper)
        self.on_screen.setChecked(True)
        self.pad = SignaturePad()
        self.on_screen.toggled.connect(self.pad.setVisible)
        modes = QHBoxLayout()
        modes.addWidget(self.on_screen)
        modes.addWidget(self.on_paper)
        modes.addStretch(1)
        self.preview.printed.connect(self._attach_printed)
        self.preview.saved.connect(lambda _p: self._attach_printed())
        lay = QVBoxLayout(self)
        lay.addWidget(self.items)
        lay.addLayout(modes)
        lay.addWidget(self.pad)
        lay.addWidget(hint(self.tr("The declaration as it will be printed. For a signature "
                                   "on paper, print it now and have it signed.")))
        lay.addWidget(self.doc_status)
        lay.addWidget(self.preview, 1)
        self.render_document(self._declaration_pdf, f"declaration-{session.state.reference or ''}")

    def answers(self) -> dict[str, Any]:
        values = self.items.answers()
        if self.on_paper.isChecked():
            values["signature"] = "on_paper"
            return values
        png = self.pad.accepted_png or (None if self.pad.canvas.is_empty() else self.pad.accept())
        if not png:
            unsigned = self.tr("The applicant must sign in the box, or choose to sign on "
                               "paper.")  # POL-H4
            raise StepInvalid([FieldError("signature", unsigned, unsigned)])
        values["signature"] = "on_screen"
        values["signature_png_bytes"] = png
        return values

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        rest = self.items.show_errors(errors)
        sig = [e for e in rest if e.item in ("signature", "signature_png")]
        if sig:
            self.pad.state.setText("\n".join(_msg(e) for e in sig))
        return [e for e in rest if e not in sig]


class DocumentPage(_WithDocument):
    """The committee notice with the signed declaration, or delivery with the receipt."""

    def __init__(self, ctx: AppContext, session: InterviewSession, kind: str,
                 parent: QWidget | None = None):
        super().__init__(ctx, session, parent)
        self.kind = kind
        ref = session.state.reference or ""
        lay = QVBoxLayout(self)
        lay.addWidget(self.items)
        if kind == "declaration":
            lay.addWidget(hint(self.tr("The signed declaration: print it for the file and "
                                       "give the applicant a copy.")))
            self.preview.printed.connect(self._attach_printed)
            self.preview.saved.connect(lambda _p: self._attach_printed())
            self.render_document(self._declaration_pdf, f"declaration-{ref}")
        else:
            lay.addWidget(hint(self.tr("The application receipt for the beneficiary.")))
            actor = ctx.require_actor()
            self.render_document(
                lambda: ctx.documents.receipt(actor, ref, language=current_language()),
                f"receipt-{ref}")
        lay.addWidget(self.doc_status)
        lay.addWidget(self.preview, 1)


class RegistrationPage(PageBasics, QWidget):
    """POL-H5/H6: submitted to the committee, or registered as incomplete."""

    def __init__(self, session: InterviewSession, language: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        o = session.outcome()
        missing = list(o.missing) if o else []
        lay = QVBoxLayout(self)
        if missing:
            lay.addWidget(QLabel(self.tr("Items still missing — the registration will be "
                                         "completed when they are brought:")))
            for m in missing:
                label = m.get("label_ar") if language == "ar" else m.get("label_en")
                lay.addWidget(QLabel("• " + str(label or m.get("id", ""))))
        else:
            lay.addWidget(QLabel(self.tr("Everything required is complete. The request goes "
                                         "to the research committee.")))
        lay.addStretch(1)

    def first_focus(self) -> None:
        return None

    def answers(self) -> dict[str, Any]:
        return {}

    def set_answers(self, values: dict[str, Any]) -> None:
        """Nothing to show: the step only confirms what the flow decided."""

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        return errors


class DonePage(PageBasics, QWidget):
    new_interview = Signal()

    def __init__(self, ctx: AppContext, session: InterviewSession, language: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        path = session.state.path
        text = {
            flow.PATH_SUBMITTED: self.tr("The request was sent to the research committee."),
            flow.PATH_INCOMPLETE: self.tr("Registered as incomplete until the missing items "
                                          "are brought."),
            flow.PATH_NOT_ELIGIBLE: self.tr("The applicant does not meet the program's "
                                            "conditions; the reasons were explained."),
            flow.PATH_REFERRED: self.tr("Referred to the social-research officer."),
        }.get(path or "", self.tr("The interview is finished."))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(text))
        if session.state.reference:
            lay.addWidget(QLabel(self.tr("Reference: %1").replace(
                "%1", ltr(session.state.reference))))
        again = QPushButton(self.tr("Start another interview"))
        again.setObjectName("primary")
        again.clicked.connect(self.new_interview.emit)
        lay.addWidget(again)
        if session.state.beneficiary_id:
            bid = uuid.UUID(session.state.beneficiary_id)
            profile = QPushButton(self.tr("Open the beneficiary's profile"))
            profile.clicked.connect(lambda: ctx.bus.open_beneficiary.emit(bid))
            lay.addWidget(profile)
        lay.addStretch(1)
        self.first = again

    def first_focus(self) -> QWidget:
        return self.first

    def answers(self) -> dict[str, Any]:
        return {}  # the interview is finished: there is no Next

    def set_answers(self, values: dict[str, Any]) -> None:
        """Nothing to show: the end of the interview asks nothing."""

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        return errors


# -- which page each step gets ------------------------------------------------------------
class WizardHost(Protocol):
    """What a page builder needs of the wizard (``InterviewView``)."""

    ctx: AppContext

    def hand_over(self) -> None: ...

    def start_new(self, beneficiary_id: uuid.UUID | None = None) -> None: ...


def _reception(host: WizardHost, s: InterviewSession) -> InterviewPage:
    return ReceptionPage(host.ctx.forms, s.step_items(), current_language(), s.facts(),
                         s.today)


def _identify(host: WizardHost, s: InterviewSession) -> InterviewPage:
    from .interview_pages import IdentifyPage

    page = IdentifyPage(s.find_beneficiaries)
    saved = s.state.answers(Step.IDENTIFY)
    known = saved.get("beneficiary_id") or s.state.known_beneficiary
    person = (host.ctx.interview.beneficiaries.find_by_id(s.actor, uuid.UUID(known))
              if known and not saved.get("new") else None)
    if person is not None:
        page.choose(str(person.id), person.full_name)
    return page


def _personal(host: WizardHost, s: InterviewSession) -> InterviewPage:
    from .interview_pages import PersonalPage

    page = PersonalPage(current_language())
    if s.state.beneficiary_id and not s.state.beneficiary_new:
        view = host.ctx.interview.beneficiaries.get(s.actor, uuid.UUID(s.state.beneficiary_id))
        known = dataclasses.asdict(view)
        page.set_answers({k: known.get(k) for k in page.editors})
    return page


def _items(host: WizardHost, s: InterviewSession) -> InterviewPage:
    # As the flow does: the documents' conditions see the eligibility answers.
    context = s.state.answers(Step.ELIGIBILITY) if s.step is Step.DOCUMENTS else {}
    return ItemsPage(s.step_items(), current_language(), s.facts(), s.today,
                     statement_text=s.statement_text, context=context)


def _declaration(host: WizardHost, s: InterviewSession) -> InterviewPage:
    return DeclarationPage(host.ctx, s)


def _notice(host: WizardHost, s: InterviewSession) -> InterviewPage:
    return DocumentPage(host.ctx, s, "declaration")


def _registration(host: WizardHost, s: InterviewSession) -> InterviewPage:
    return RegistrationPage(s, current_language())


def _delivery(host: WizardHost, s: InterviewSession) -> InterviewPage:
    return DocumentPage(host.ctx, s, "receipt")


def _satisfaction(host: WizardHost, s: InterviewSession) -> InterviewPage:
    from .interview_pages import SatisfactionPage

    page = SatisfactionPage(s.step_items(), current_language(), s.facts(), s.today)
    page.hand_over.connect(host.hand_over)
    return page


def _done(host: WizardHost, s: InterviewSession) -> InterviewPage:
    page = DonePage(host.ctx, s, current_language())
    page.new_interview.connect(lambda: host.start_new())
    return page


PageBuilder = Callable[[WizardHost, InterviewSession], "InterviewPage"]
# Written out step by step (tests/ui/test_ui_interview_dispatch.py holds it to every step
# of ``interview.flow.Step``), so a step without a page fails a test instead of showing
# nothing.
PAGE_BUILDERS: dict[Step, PageBuilder] = {
    Step.RECEPTION: _reception,
    Step.IDENTIFY: _identify,
    Step.PERSONAL: _personal,
    Step.ELIGIBILITY: _items,
    Step.DOCUMENTS: _items,
    Step.CLARITY: _items,
    Step.DECLARATION: _declaration,
    Step.NOTICE: _notice,
    Step.REGISTRATION: _registration,
    Step.DELIVERY: _delivery,
    Step.SATISFACTION: _satisfaction,
    Step.DONE: _done,
}
