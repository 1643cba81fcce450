"""A beneficiary's profile: their data as a form beside its values, the actions for the
person on screen (new application or contact, refer, reprint the last declaration or
receipt) and their history — contacts, applications, referrals, papers printed — newest
first, with tabs for the papers and referrals themselves (issue 12)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..countries import countries
from ..permissions import allowed
from ..saudi_time import ksa_day
from ..services.profile import (
    ApplicationSummary,
    BeneficiaryProfile,
    DeclarationRow,
    ProfileService,
    ReferralSummary,
)
from ..services.profile_history import HistoryEntry, HistoryKind
from ..values import ApplicationStatus, Channel, IdentityType, ReferralStatus
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .flow_layout import FlowLayout
from .i18n import current_language, ltr
from .letterhead_box import receipt_paper_combo
from .preview import PdfPreview
from .profile_history import HistoryTable
from .referral_widgets import reason_code_label
from .shortcuts_sheet import NEW_APPLICATION_KEYS
from .widgets import Table, hint, ltr_value, page_title, value_label


def status_label(status: ApplicationStatus) -> str:
    return {
        ApplicationStatus.DRAFT: QCoreApplication.translate("Labels", "Interview in progress"),
        ApplicationStatus.INCOMPLETE: QCoreApplication.translate("Labels", "Incomplete — items missing"),
        ApplicationStatus.SUBMITTED: QCoreApplication.translate("Labels", "With the research committee"),
        ApplicationStatus.ACCEPTED: QCoreApplication.translate("Labels", "Accepted"),
        ApplicationStatus.REJECTED: QCoreApplication.translate("Labels", "Rejected"),
        ApplicationStatus.NOT_ELIGIBLE: QCoreApplication.translate("Labels", "Not eligible"),
        ApplicationStatus.WITHDRAWN: QCoreApplication.translate("Labels", "Withdrawn"),
    }[status]


def channel_label(channel: Channel) -> str:
    return {
        Channel.INTERVIEW: QCoreApplication.translate("Labels", "Interview"),
        Channel.PHONE: QCoreApplication.translate("Labels", "Phone call"),
        Channel.SOCIAL_MEDIA: QCoreApplication.translate("Labels", "Social media"),
        Channel.LETTER: QCoreApplication.translate("Labels", "Letter"),
        Channel.ASSISTANCE_REQUEST: QCoreApplication.translate("Labels", "Assistance request"),
        Channel.VOLUNTEERING: QCoreApplication.translate("Labels", "Volunteering"),
        Channel.WEBSITE: QCoreApplication.translate("Labels", "Website"),
    }[channel]


def identity_label(kind: IdentityType) -> str:
    return {
        IdentityType.CITIZEN_ID: QCoreApplication.translate("Labels", "National ID"),
        IdentityType.IQAMA: QCoreApplication.translate("Labels", "Iqama"),
        IdentityType.PASSPORT: QCoreApplication.translate("Labels", "Passport"),
        IdentityType.NONE: QCoreApplication.translate("Labels", "No identity document"),
    }[kind]


def referral_label(status: ReferralStatus) -> str:
    return {ReferralStatus.OPEN: QCoreApplication.translate("Labels", "Open"), ReferralStatus.ANSWERED: QCoreApplication.translate("Labels", "Answered"),
            ReferralStatus.CLOSED: QCoreApplication.translate("Labels", "Closed")}[status]


def show_date(value: date | datetime | None) -> str:
    """A day in both calendars; a moment counts on the counter's (Saudi) clock."""
    if value is None:
        return "—"
    d = ksa_day(value) if isinstance(value, datetime) else value
    from ..validation.dates import format_both

    return format_both(d, current_language())


def stacked_date(value: date | datetime | None) -> str:
    """``show_date`` with the two calendars on two lines, for a table's narrow column."""
    return show_date(value).replace(" — ", "\n")


def nationality_label(code: str | None) -> str:
    if not code:
        return "—"
    return next((c.name(current_language()) for c in countries() if c.code == code), code)


# The tabs beside the data, in this order (print_current and the history's links use it).
HISTORY_TAB, APPLICATIONS_TAB, DECLARATIONS_TAB, REFERRALS_TAB = range(4)
DATA_WIDTH = 470  # the form beside its values: labels and values a glance apart


class ProfileView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = ProfileService(ctx.db)
        self.profile: BeneficiaryProfile | None = None
        self.beneficiary_id: uuid.UUID | None = None
        self.title = page_title(self.tr("Beneficiary profile"))
        self.empty = hint(self.tr("Find a beneficiary with Search (Ctrl+F) to see their file."))
        self.data_form = QFormLayout()
        self.data_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading
                                         | Qt.AlignmentFlag.AlignVCenter)
        self.data_form.setHorizontalSpacing(14)
        self.data_form.setVerticalSpacing(6)
        self.history = HistoryTable(self.open_history_entry)
        self.applications = Table(
            [self.tr("Reference"), self.tr("Program"), self.tr("Status"), self.tr("Answer due")],
            empty=self.tr("No application yet: start one with New application (%1).")
            .replace("%1", NEW_APPLICATION_KEYS), stretch=1)
        self.declarations = Table(
            [self.tr("Reference"), self.tr("Signed"), self.tr("Printed")],
            empty=self.tr("No declaration yet: it is signed and printed in the interview of "
                          "a new application."))
        self.referrals = Table(
            [self.tr("Date"), self.tr("Kind of reason"), self.tr("Reason"), self.tr("Status"),
             self.tr("Answer")],
            empty=self.tr("No referral yet: when the procedures are unclear to the "
                          "beneficiary, use Refer to the social-research officer above."),
            stretch=2)
        # The researcher's whole answer, when and by whom (POL-H3): the dates of both
        # calendars are too wide for another column.
        self.referral_answer = QLabel()
        self.referral_answer.setWordWrap(True)
        self.referral_answer.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.referrals.itemSelectionChanged.connect(self._show_referral_answer)
        self.reprint_button = QPushButton(self.tr("Show and reprint"))
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.preview = PdfPreview(ctx)
        self.declarations.activated.connect(lambda _i: self.reprint_selected())
        # Applications: the receipt, and the committee's decision letter once decided.
        self.app_preview = PdfPreview(ctx)
        self.receipt_button = QPushButton(self.tr("Show the receipt"))
        self.receipt_button.clicked.connect(self.show_receipt)
        self.letter_button = QPushButton(self.tr("Show the decision letter"))
        self.letter_button.clicked.connect(self.show_decision_letter)
        self.receipt_paper = receipt_paper_combo(None, settings_choice=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self._papers_tab(self.applications, self.app_preview,
                                          self.receipt_button, self.receipt_paper,
                                          self.letter_button), self.tr("Applications"))
        self.tabs.addTab(self._papers_tab(self.declarations, self.preview,
                                          self.reprint_button), self.tr("Declarations"))
        ref_tab = QWidget()
        ref_lay = QVBoxLayout(ref_tab)
        ref_lay.addWidget(self.referrals, 1)
        ref_lay.addWidget(self.referral_answer)
        self.tabs.addTab(ref_tab, self.tr("Referrals"))
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.action_row = self._actions()
        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self._data_panel())
        body.addWidget(self.tabs, 1)
        self.page_layout = lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.empty)
        lay.addWidget(self.action_row)
        lay.addWidget(self.body, 1)
        lay.addWidget(self.status)
        lay.addStretch(1)  # an empty page keeps its sentence under the title
        self.body.hide()
        self.action_row.hide()
        track(self, ctx.bus.beneficiary_saved, self._maybe_reload)
        track(self, ctx.bus.application_changed, lambda _id: self.reload())
        track(self, ctx.bus.declaration_printed, lambda _id: self.reload())
        track(self, ctx.bus.referral_changed, lambda _id: self.reload())  # answered meanwhile

    @staticmethod
    def _papers_tab(table: Table, preview: PdfPreview, *actions: QWidget) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.addWidget(table, 1)
        buttons = QWidget()
        row = FlowLayout(buttons)
        for widget in actions:
            row.addWidget(widget)
        lay.addWidget(buttons)
        lay.addWidget(preview, 2)
        return tab

    def _data_panel(self) -> QWidget:
        """The person's data: each value just beside its label, on the reading side."""
        frame = QFrame()
        frame.setObjectName("card")
        frame.setLayout(self.data_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(frame)
        scroll.setMaximumWidth(DATA_WIDTH)
        scroll.setMinimumWidth(DATA_WIDTH * 3 // 4)
        return scroll

    def _actions(self) -> QWidget:
        """The person on screen is identified: their new application or contact starts
        from here, with no second search; so do a referral and the last papers."""
        from .shortcuts_sheet import start_buttons

        box = QWidget()
        row = FlowLayout(box)  # wraps with longer words rather than widen the window
        self.new_application_button, self.new_contact_button = start_buttons(
            self.new_application, self.new_contact)
        self.refer_button = QPushButton(self.tr("Refer to the social-research officer…"))
        self.refer_button.clicked.connect(self.refer)
        self.last_declaration_button = QPushButton(self.tr("Reprint the last declaration"))
        self.last_declaration_button.clicked.connect(self.reprint_last_declaration)
        self.last_receipt_button = QPushButton(self.tr("Show the last receipt"))
        self.last_receipt_button.clicked.connect(self.show_last_receipt)
        actor = self.ctx.actor
        where = self.ctx.db.installation_role
        for button, permission in (
                (self.refer_button, "ReferralService.refer"),
                (self.last_declaration_button, "ProfileService.declaration_pdf"),
                (self.last_receipt_button, "DocumentService.receipt")):
            may = actor is not None and allowed(permission, actor.role, where)
            button.setVisible(may)
        for button in (self.new_application_button, self.new_contact_button,
                       self.refer_button, self.last_declaration_button,
                       self.last_receipt_button):
            row.addWidget(button)
        return box

    def new_application(self) -> None:
        """Ctrl+Shift+A on the profile."""
        if self.beneficiary_id is not None:
            self.ctx.bus.new_application_for.emit(self.beneficiary_id)

    def new_contact(self) -> None:
        if self.beneficiary_id is not None:
            self.ctx.bus.new_contact_for.emit(self.beneficiary_id)

    def _maybe_reload(self, beneficiary_id: object) -> None:
        if beneficiary_id == self.beneficiary_id:
            self.reload()

    def load(self, beneficiary_id: uuid.UUID) -> None:
        self.beneficiary_id = beneficiary_id
        self.reload()

    def reload(self) -> None:
        if self.beneficiary_id is None:
            return
        bid, actor = self.beneficiary_id, self.ctx.require_actor()
        self.ctx.tasks.run(lambda _p: self.service.load(actor, bid), self.show_profile,
                           lambda e: self.status.setText(user_message(e)))

    def _data_rows(self, p: BeneficiaryProfile) -> list[tuple[str, QLabel]]:
        person = p.person
        gender = {"male": self.tr("Male"), "female": self.tr("Female")}

        def words(text: str | None) -> QLabel:
            label = value_label(text or "—")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

        def code(text: str | None) -> QLabel:  # identity numbers, phones: left to right
            return ltr_value(text) if text else words(None)

        return [
            (self.tr("File number"), code(person.reference)),
            (self.tr("Name in Latin letters"), code(person.latin_name)),
            (self.tr("Identity document"), words(identity_label(person.identity_type))),
            (self.tr("Identity number"), code(person.identity_number)),
            (self.tr("Identity expiry"), words(show_date(person.identity_expiry))),
            (self.tr("Date of birth"), words(show_date(person.birth_date))),
            (self.tr("Gender"), words(gender.get(person.gender or ""))),
            (self.tr("Nationality"), words(nationality_label(person.nationality))),
            (self.tr("Phone"), code(person.phone)),
            (self.tr("Other phone"), code(person.phone_alt)),
            (self.tr("E-mail"), code(person.email)),
            (self.tr("City"), words(person.city)),
            (self.tr("District"), words(person.district)),
            (self.tr("Notes"), words(person.notes)),
        ]

    def show_profile(self, p: BeneficiaryProfile) -> None:
        self.profile = p
        self.empty.hide()
        self.body.show()
        self.action_row.show()
        self.page_layout.setStretch(self.page_layout.count() - 1, 0)  # the body takes all
        self.setFocusProxy(self.new_application_button)
        self.title.setText(p.person.full_name)
        while self.data_form.rowCount():
            self.data_form.removeRow(0)
        for label, value in self._data_rows(p):
            self.data_form.addRow(label, value)
        arabic = current_language() == "ar"
        self.history.show_history(p)
        self.applications.set_rows([
            ([ltr(a.reference), a.program_name_ar if arabic else a.program_name_en,
              status_label(a.status), stacked_date(a.response_due)], a)
            for a in p.applications
        ])
        self.declarations.set_rows([
            ([ltr(d.reference), stacked_date(d.signed_at), stacked_date(d.printed_at)], d)
            for d in p.declarations
        ])
        self.referrals.set_rows([
            ([stacked_date(r.created_at), reason_code_label(r.reason_code), r.reason or "—",
              referral_label(r.status), r.answer or "—"], r)
            for r in p.referrals
        ])
        self.last_declaration_button.setEnabled(any(d.has_pdf for d in p.declarations))
        self.last_receipt_button.setEnabled(bool(p.applications))
        self._show_referral_answer()
        self.status.clear()

    def open_history_entry(self, entry: HistoryEntry) -> None:
        """Enter on a history row: the tab with that row's paper or answer, row selected."""
        p = self.profile
        if p is None:
            return
        item: Any = entry.item
        if entry.kind is HistoryKind.APPLICATION:
            self._select(APPLICATIONS_TAB, self.applications, p.applications.index(item))
        elif entry.kind is HistoryKind.REFERRAL:
            self._select(REFERRALS_TAB, self.referrals, p.referrals.index(item))
        elif entry.kind is HistoryKind.PAPER:
            refs = [d.reference for d in p.declarations]
            if item.action.startswith("declaration_") and item.reference in refs:
                self._select(DECLARATIONS_TAB, self.declarations, refs.index(item.reference))
            else:
                refs = [a.reference for a in p.applications]
                if item.reference in refs:
                    self._select(APPLICATIONS_TAB, self.applications,
                                 refs.index(item.reference))

    def _select(self, tab: int, table: Table, row: int) -> None:
        self.tabs.setCurrentIndex(tab)
        table.selectRow(row)
        table.setFocus()

    def reprint_last_declaration(self) -> None:
        p = self.profile
        if p is None:
            return
        printed = [i for i, d in enumerate(p.declarations) if d.has_pdf]
        if printed:
            self._select(DECLARATIONS_TAB, self.declarations, printed[0])
            self.reprint_selected()

    def show_last_receipt(self) -> None:
        if self.profile is not None and self.profile.applications:
            self._select(APPLICATIONS_TAB, self.applications, 0)
            self.show_receipt()

    def _answered(self, r: ReferralSummary) -> str:
        if r.answered_at is None:
            return "—"
        when = show_date(r.answered_at)
        return self.tr("%1 by %2").replace("%1", when).replace("%2", r.answered_by) \
            if r.answered_by else when

    def _show_referral_answer(self) -> None:
        r: Any = self.referrals.row_data()
        if r is None and self.profile and self.profile.referrals:
            r = self.profile.referrals[0]  # the latest, until another is chosen
        if not isinstance(r, ReferralSummary):
            self.referral_answer.setText(self.tr("No referral to the social-research officer "
                                                 "yet."))
        elif r.answer:
            # The answer on a line of its own: an Arabic answer after an English heading
            # would pull the punctuation between them to the wrong side.
            heading = self.tr("The social-research officer's answer (%1):")
            self.referral_answer.setText(heading.replace("%1", self._answered(r)) + "\n"
                                         + r.answer)
        else:
            self.referral_answer.setText(self.tr("Waiting for the social-research officer's "
                                                 "answer."))

    def _selected_application(self) -> ApplicationSummary | None:
        row: Any = self.applications.row_data()
        if row is None and self.profile and self.profile.applications:
            row = self.profile.applications[0]
        return row if isinstance(row, ApplicationSummary) else None

    def _show_document(self, make: Any, stem: str) -> None:
        def shown(pdf: bytes) -> None:
            self.app_preview.show_pdf(pdf, stem)

        self.ctx.tasks.run(lambda _p: make(), shown,
                           lambda e: self.ctx.dialogs.show_error(self, e),
                           label=self.tr("Preparing the document…"), parent=self)

    def show_receipt(self) -> None:
        a = self._selected_application()
        if a is not None:
            lang, actor = current_language(), self.ctx.require_actor()
            paper = self.receipt_paper.currentData()  # None: the Settings' choice
            self._show_document(lambda: self.ctx.documents.receipt(actor, a.reference,
                                                                   language=lang, paper=paper),
                                f"receipt-{a.reference}")

    def show_decision_letter(self) -> None:
        a = self._selected_application()
        if a is None:
            return
        if a.status not in (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED):
            self.status.setText(self.tr("The committee has not decided on this application yet."))
            return
        lang, actor = current_language(), self.ctx.require_actor()
        self._show_document(
            lambda: self.ctx.documents.decision_letter(actor, a.reference, language=lang),
            f"decision-{a.reference}")

    def refer(self) -> None:
        """POL-H3: procedures unclear to the beneficiary, outside an interview too."""
        if self.beneficiary_id is None:
            return
        actor, bid = self.ctx.require_actor(), self.beneficiary_id
        rid = self.ctx.dialogs.refer(self, lambda code, text: self.ctx.referrals.refer(
            actor, reason_code=code, reason=text, beneficiary_id=bid))
        if rid is None:
            return
        self.ctx.bus.referral_changed.emit(rid)  # this profile reloads with the others
        self.ctx.bus.data_changed.emit()

    def print_current(self) -> None:
        """Ctrl+P: print the document shown on the current tab."""
        tab = self.tabs.currentIndex()
        preview = (self.app_preview if tab == APPLICATIONS_TAB
                   else self.preview if tab == DECLARATIONS_TAB else None)
        if preview is not None and preview.pdf is not None:
            preview.choose_printer_and_print()

    def reprint_selected(self) -> None:
        row: Any = self.declarations.row_data()
        if row is None and self.profile and self.profile.declarations:
            row = self.profile.declarations[0]
        if not isinstance(row, DeclarationRow):
            return
        try:
            pdf = self.service.declaration_pdf(self.ctx.require_actor(), row.id)
        except Exception as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        self.preview.show_pdf(pdf, f"declaration-{row.reference}")
