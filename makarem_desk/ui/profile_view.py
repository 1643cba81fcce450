"""A beneficiary's profile: data, contacts, applications and statuses, declarations to
reprint, referrals."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..services.profile import (
    ApplicationSummary,
    BeneficiaryProfile,
    DeclarationRow,
    ProfileService,
    ReferralSummary,
)
from ..values import ApplicationStatus, Channel, IdentityType, ReferralStatus
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .i18n import current_language, ltr
from .letterhead_box import receipt_paper_combo
from .preview import PdfPreview
from .referral_widgets import reason_code_label
from .widgets import Table, hint, page_title


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
    if value is None:
        return "—"
    d = value.date() if isinstance(value, datetime) else value
    from ..validation.dates import format_both

    return format_both(d, current_language())


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
        data_tab = QWidget()
        data_tab.setLayout(self.data_form)
        self.contacts = Table([self.tr("Date"), self.tr("Channel"), self.tr("Purpose"),
                               self.tr("Staff")])
        self.applications = Table([self.tr("Reference"), self.tr("Program"), self.tr("Status"),
                                   self.tr("Answer due")])
        self.declarations = Table([self.tr("Reference"), self.tr("Signed"),
                                   self.tr("Printed")])
        self.referrals = Table([self.tr("Date"), self.tr("Kind of reason"), self.tr("Reason"),
                                self.tr("Status"), self.tr("Answer")])
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
        decl_tab = QWidget()
        decl_lay = QVBoxLayout(decl_tab)
        row = QHBoxLayout()
        row.addWidget(self.declarations, 1)
        decl_lay.addLayout(row)
        decl_lay.addWidget(self.reprint_button)
        decl_lay.addWidget(self.preview, 2)
        self.declarations.activated.connect(lambda _i: self.reprint_selected())
        # Applications: the receipt, and the committee's decision letter once decided.
        self.app_preview = PdfPreview(ctx)
        self.receipt_button = QPushButton(self.tr("Show the receipt"))
        self.receipt_button.clicked.connect(self.show_receipt)
        self.letter_button = QPushButton(self.tr("Show the decision letter"))
        self.letter_button.clicked.connect(self.show_decision_letter)
        app_tab = QWidget()
        app_lay = QVBoxLayout(app_tab)
        app_lay.addWidget(self.applications, 1)
        app_buttons = QHBoxLayout()
        app_buttons.addWidget(self.receipt_button)
        self.receipt_paper = receipt_paper_combo(None, settings_choice=True)
        app_buttons.addWidget(self.receipt_paper)
        app_buttons.addWidget(self.letter_button)
        app_buttons.addStretch(1)
        app_lay.addLayout(app_buttons)
        app_lay.addWidget(self.app_preview, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(data_tab, self.tr("Data"))
        self.tabs.addTab(self.contacts, self.tr("Contacts"))
        self.tabs.addTab(app_tab, self.tr("Applications"))
        self.tabs.addTab(decl_tab, self.tr("Declarations"))
        self.refer_button = QPushButton(self.tr("Refer to the social-research officer…"))
        self.refer_button.clicked.connect(self.refer)
        ref_tab = QWidget()
        ref_lay = QVBoxLayout(ref_tab)
        ref_lay.addWidget(self.referrals, 1)
        ref_lay.addWidget(self.referral_answer)
        ref_lay.addWidget(self.refer_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.tabs.addTab(ref_tab, self.tr("Referrals"))
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.action_row = self._actions()
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.empty)
        lay.addWidget(self.action_row)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.status)
        self.tabs.hide()
        self.action_row.hide()
        track(self, ctx.bus.beneficiary_saved, self._maybe_reload)
        track(self, ctx.bus.application_changed, lambda _id: self.reload())
        track(self, ctx.bus.declaration_printed, lambda _id: self.reload())
        track(self, ctx.bus.referral_changed, lambda _id: self.reload())  # answered meanwhile

    def _actions(self) -> QWidget:
        """The person on screen is identified: their new application or contact starts
        from here, with no second search (issue 12)."""
        from .shortcuts_sheet import start_buttons

        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.new_application_button, self.new_contact_button = start_buttons(
            self.new_application, self.new_contact)
        row.addWidget(self.new_application_button)
        row.addWidget(self.new_contact_button)
        row.addStretch(1)
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

    def show_profile(self, p: BeneficiaryProfile) -> None:
        self.profile = p
        self.empty.hide()
        self.tabs.show()
        self.action_row.show()
        self.setFocusProxy(self.new_application_button)
        person = p.person
        self.title.setText(person.full_name)
        while self.data_form.rowCount():
            self.data_form.removeRow(0)
        gender = {"male": self.tr("Male"), "female": self.tr("Female")}
        rows: list[tuple[str, str]] = [
            (self.tr("Full name"), person.full_name),
            (self.tr("Name in Latin letters"), person.latin_name or "—"),
            (self.tr("Identity document"), identity_label(person.identity_type)),
            (self.tr("Identity number"), ltr(person.identity_number or "—")),
            (self.tr("Identity expiry"), show_date(person.identity_expiry)),
            (self.tr("Date of birth"), show_date(person.birth_date)),
            (self.tr("Gender"), gender.get(person.gender or "", "—")),
            (self.tr("Phone"), ltr(person.phone or "—")),
            (self.tr("Other phone"), ltr(person.phone_alt or "—")),
            (self.tr("E-mail"), ltr(person.email or "—")),
            (self.tr("City"), person.city or "—"),
            (self.tr("District"), person.district or "—"),
            (self.tr("Notes"), person.notes or "—"),
        ]
        for label, value in rows:
            v = QLabel(value)
            v.setWordWrap(True)
            self.data_form.addRow(label, v)
        arabic = current_language() == "ar"
        self.contacts.set_rows([
            ([show_date(c.started_at), channel_label(c.channel), c.purpose, c.staff_name], c)
            for c in p.contacts
        ])
        self.applications.set_rows([
            ([ltr(a.reference), a.program_name_ar if arabic else a.program_name_en,
              status_label(a.status), show_date(a.response_due)], a)
            for a in p.applications
        ])
        self.declarations.set_rows([
            ([ltr(d.reference), show_date(d.signed_at), show_date(d.printed_at)], d)
            for d in p.declarations
        ])
        self.referrals.set_rows([
            ([show_date(r.created_at), reason_code_label(r.reason_code), r.reason or "—",
              referral_label(r.status), r.answer or "—"], r)
            for r in p.referrals
        ])
        self._show_referral_answer()
        self.status.clear()

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
        preview = self.app_preview if tab == 2 else self.preview if tab == 3 else None
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
