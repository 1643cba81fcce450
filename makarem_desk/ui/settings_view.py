"""Settings: language (per user), own password, this installation (its role, read-only,
and the idle lock time, which the administrator sets), the service targets (set by the
administrator, read by everyone); for administrators, the association's name and logo.  Users, keys and trusted installations are on the
Administration screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..permissions import allowed
from ..services.follow_up import MAX_TARGET_DAYS
from ..services.site_settings import MAX_IDLE_LOCK_MINUTES, MIN_IDLE_LOCK_MINUTES
from ..values import Role
from .context import AppContext
from .dialogs import user_message
from .fields import LtrLineEdit
from .i18n import current_language
from .letterhead_box import LetterheadBox
from .widgets import buttons_row, hint, ltr_value, page_title, value_label

SECTION_WIDTH = 760  # a form a reader takes in at a glance, however wide the window


INSTALLATION_ROLES = {
    "site": QT_TRANSLATE_NOOP("Roles", "Counter (branch / reception point)"),
    "committee": QT_TRANSLATE_NOOP("Roles", "Research committee"),
}


def installation_role_label(role: str) -> str:
    """What this installation is: a counter (``site``) or the research committee."""
    return QCoreApplication.translate("Roles", str(INSTALLATION_ROLES.get(role, role)))


class SettingsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.require_actor()
        self.is_admin = actor.role is Role.ADMINISTRATOR
        # Sections on tabs, each a column of sane width (issue 12: one long page with
        # 930 px buttons); a short screen scrolls inside the tab, never the title.
        self.sections = QTabWidget()

        # -- language --
        self.language = QComboBox()
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if current_language() == "ar" else 1)
        self.language.activated.connect(lambda _i: self.change_language())
        lang_box = QGroupBox(self.tr("Language of the interface"))
        QFormLayout(lang_box).addRow(self.tr("Language"), self.language)

        # -- own password --
        self.old_pw, self.new_pw = LtrLineEdit(), LtrLineEdit()
        for e in (self.old_pw, self.new_pw):
            e.setEchoMode(QLineEdit.EchoMode.Password)
        pw_button = QPushButton(self.tr("Change my password"))
        pw_button.clicked.connect(self.change_password)
        pw_box = QGroupBox(self.tr("My password"))
        pw_form = QFormLayout(pw_box)
        pw_form.addRow(self.tr("Current password"), self.old_pw)
        pw_form.addRow(self.tr("New password"), self.new_pw)
        pw_form.addRow("", buttons_row(pw_button))
        self._add_section(self.tr("Me"), lang_box, pw_box)

        installation = [self._installation_box()]
        if allowed("FollowUpService.targets", actor.role, ctx.db.installation_role):
            installation.append(self._targets_box())
        self._add_section(self.tr("This installation"), *installation)
        if self.is_admin:
            self.letterhead = LetterheadBox(ctx)
            self._add_section(self.tr("Association and letterhead"),
                              self._association_box(), self.letterhead)
        self.status = QLabel()
        self.status.setObjectName("fieldError")
        self.status.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.addWidget(page_title(self.tr("Settings")))
        outer.addWidget(self.sections, 1)
        outer.addWidget(self.status)

    def _add_section(self, title: str, *boxes: QWidget) -> None:
        body = QWidget()
        body.setMaximumWidth(SECTION_WIDTH)
        lay = QVBoxLayout(body)
        for box in boxes:
            lay.addWidget(box)
        lay.addStretch(1)
        page = QWidget()
        row = QHBoxLayout(page)
        row.addWidget(body, 1)
        row.addStretch(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        self.sections.addTab(scroll, title)

    def _installation_box(self) -> QGroupBox:
        info = self.ctx.setup.site_info()
        box = QGroupBox(self.tr("This installation"))
        form = QFormLayout(box)
        form.addRow(self.tr("Site code"), ltr_value(info.id if info else "—"))
        form.addRow(self.tr("Branch name"), value_label(info.name if info else "—"))
        self.installation_role = value_label(installation_role_label(info.role) if info else "—")
        self.installation_role.setObjectName("installationRole")
        form.addRow(self.tr("Installation role"), self.installation_role)
        if info is not None and info.training:
            self.training_note = value_label(self.tr(
                "Training installation: demo data only, never real beneficiaries."))
            self.training_note.setObjectName("trainingInstallation")
            form.addRow(self.training_note)
        form.addRow(hint(self.tr("Chosen once at the first-run set-up; it decides what "
                                 "this installation may do (only the research committee "
                                 "records decisions).")))
        minutes = self.ctx.site_settings.idle_lock_minutes(self.ctx.require_actor())
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES)
        self.idle_minutes.setValue(minutes)
        self.idle_minutes.setSuffix(" " + self.tr("minutes"))
        self.idle_minutes.setEnabled(self.is_admin)
        row = QHBoxLayout()
        row.addWidget(self.idle_minutes)
        self.save_idle_button: QPushButton | None = None
        if self.is_admin:
            self.save_idle_button = QPushButton(self.tr("Save the idle time"))
            self.save_idle_button.clicked.connect(self.save_idle_minutes)
            row.addWidget(self.save_idle_button)
        row.addStretch(1)
        form.addRow(self.tr("Lock the window after no use for"), row)
        return box

    def _targets_box(self) -> QGroupBox:
        """The service targets the follow-up lists measure against (POL-H5, POL-H3);
        the administrator sets them, everyone else reads them."""
        targets = self.ctx.follow_up.targets(self.ctx.require_actor())
        box = QGroupBox(self.tr("Service targets"))
        form = QFormLayout(box)
        self.committee_days, self.referral_days = QSpinBox(), QSpinBox()
        for spin, value in ((self.committee_days, targets.committee_days),
                            (self.referral_days, targets.referral_days)):
            spin.setRange(1, MAX_TARGET_DAYS)
            spin.setValue(value)
            spin.setSuffix(" " + self.tr("days"))
            spin.setEnabled(self.is_admin)
        self.save_targets_button: QPushButton | None = None
        if self.is_admin:
            self.save_targets_button = QPushButton(self.tr("Save the targets"))
            self.save_targets_button.clicked.connect(self.save_targets)
        for label, spin, button in (
                (self.tr("Committee answer within"), self.committee_days, None),
                (self.tr("Referral answer within"), self.referral_days,
                 self.save_targets_button)):
            row = QHBoxLayout()
            row.addWidget(spin)
            if button is not None:
                row.addWidget(button)
            row.addStretch(1)
            form.addRow(label, row)
        form.addRow(hint(self.tr("A wait longer than its target is counted as overdue; a "
                                 "wait of exactly the target is on time.")))
        return box

    def save_targets(self) -> None:
        try:
            t = self.ctx.follow_up.set_targets(
                self.ctx.require_actor(), committee_days=self.committee_days.value(),
                referral_days=self.referral_days.value())
        except UserError as exc:
            self._fail(exc)
            return
        self._done(self.tr("Saved: the committee answers within %1 days, a referral within "
                           "%2 days.").replace("%1", str(t.committee_days))
                   .replace("%2", str(t.referral_days)))

    def _association_box(self) -> QGroupBox:
        info = self.ctx.setup.site_info()
        box = QGroupBox(self.tr("Association"))
        self.assoc_ar = QLineEdit(info.association_name if info else "")
        self.assoc_en = LtrLineEdit()
        self.assoc_en.setText(info.association_name_en if info else "")
        self.logo_png = info.logo_png if info else None
        self.logo = QLabel(self.tr("No logo"))
        self.logo.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._show_logo()
        pick = QPushButton(self.tr("Choose logo (PNG)…"))
        pick.clicked.connect(self.pick_logo)
        save = QPushButton(self.tr("Save the association's details"))
        save.clicked.connect(self.save_association)
        form = QFormLayout(box)
        form.addRow(self.tr("Association name (Arabic)"), self.assoc_ar)
        form.addRow(self.tr("Association name (English)"), self.assoc_en)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(pick)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow("", buttons_row(save))
        return box

    def _show_logo(self) -> None:
        if self.logo_png:
            pix = QPixmap()
            pix.loadFromData(self.logo_png)
            self.logo.setPixmap(pix.scaledToHeight(56, Qt.TransformationMode.SmoothTransformation))

    def _done(self, text: str) -> None:
        self.status.setObjectName("hint")
        self.status.setText(text)

    def _fail(self, exc: BaseException) -> None:
        self.status.setObjectName("fieldError")
        self.status.setText(user_message(exc))

    def change_language(self) -> None:
        lang = str(self.language.currentData())
        actor = self.ctx.require_actor()
        if actor.user_id is not None:
            self.ctx.auth.set_language(actor, actor.user_id, lang)
        if lang != current_language():
            self.ctx.bus.language_changed.emit(lang)

    def change_password(self) -> None:
        try:
            self.ctx.auth.change_password(self.ctx.require_actor(), self.old_pw.text(),
                                          self.new_pw.text())
        except UserError as exc:
            self._fail(exc)
            return
        self.old_pw.clear()
        self.new_pw.clear()
        self._done(self.tr("Your password was changed."))

    def save_idle_minutes(self) -> None:
        minutes = self.idle_minutes.value()
        try:
            self.ctx.site_settings.set_idle_lock_minutes(self.ctx.require_actor(), minutes)
        except UserError as exc:
            self._fail(exc)
            return
        self.ctx.bus.idle_lock_changed.emit(minutes)
        self._done(self.tr("Saved: the window locks after %1 minutes without use.")
                   .replace("%1", str(minutes)))

    def pick_logo(self) -> None:
        path = self.ctx.dialogs.pick_open_path(self, self.tr("Choose the logo"), "PNG (*.png)")
        if path:
            self.logo_png = Path(path).read_bytes()
            self._show_logo()

    def save_association(self) -> None:
        try:
            self.ctx.setup.update_association(
                self.ctx.require_actor(), association_name=self.assoc_ar.text(),
                association_name_en=self.assoc_en.text(), logo_png=self.logo_png,
            )
        except UserError as exc:
            self._fail(exc)
            return
        self._done(self.tr("The association's details were saved."))
