"""Settings: language (per user), own password; for administrators, the users and the
association's name and logo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..models import Role
from ..services.actor import ROLE_LABELS_AR
from ..services.auth import UserView
from .context import AppContext
from .dialogs import user_message
from .fields import LtrLineEdit
from .i18n import current_language
from .widgets import Table, page_title

ROLE_LABELS_EN = {
    Role.RECEPTIONIST: "Beneficiary relations officer",
    Role.SOCIAL_RESEARCHER: "Social research officer",
    Role.COMMITTEE_MEMBER: "Research committee member",
    Role.ADMINISTRATOR: "Administrator",
}


def role_label(role: Role) -> str:
    return ROLE_LABELS_AR[role] if current_language() == "ar" else ROLE_LABELS_EN[role]


class SettingsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.require_actor()
        self.is_admin = actor.role is Role.ADMINISTRATOR
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addWidget(page_title(self.tr("Settings")))

        # -- language --
        self.language = QComboBox()
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if current_language() == "ar" else 1)
        self.language.activated.connect(lambda _i: self.change_language())
        lang_box = QGroupBox(self.tr("Language of the interface"))
        QFormLayout(lang_box).addRow(self.tr("Language"), self.language)
        lay.addWidget(lang_box)

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
        pw_form.addRow("", pw_button)
        lay.addWidget(pw_box)

        self.users = Table([self.tr("User name"), self.tr("Full name"), self.tr("Role"),
                            self.tr("Active")])
        if self.is_admin:
            lay.addWidget(self._users_box())
            lay.addWidget(self._association_box())
        self.status = QLabel()
        self.status.setObjectName("fieldError")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _users_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Users"))
        self.users.setMinimumHeight(160)
        self.new_username = LtrLineEdit()
        self.new_full_name = QLineEdit()
        self.new_role = QComboBox()
        for role in Role:
            self.new_role.addItem(role_label(role), role.value)
        self.new_password = LtrLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        add = QPushButton(self.tr("Add user"))
        add.clicked.connect(self.add_user)
        reset = QPushButton(self.tr("Reset password of the selected user…"))
        reset.clicked.connect(self.reset_selected_password)
        toggle = QPushButton(self.tr("Enable / disable the selected user"))
        toggle.clicked.connect(self.toggle_selected)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.new_username)
        form.addRow(self.tr("Full name"), self.new_full_name)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow(self.tr("Password"), self.new_password)
        form.addRow("", add)
        buttons = QHBoxLayout()
        buttons.addWidget(reset)
        buttons.addWidget(toggle)
        buttons.addStretch(1)
        lay = QVBoxLayout(box)
        lay.addWidget(self.users)
        lay.addLayout(buttons)
        lay.addLayout(form)
        return box

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
        site = QLabel(info.id if info else "—")
        site.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow(self.tr("Site code"), site)
        form.addRow(self.tr("Association name (Arabic)"), self.assoc_ar)
        form.addRow(self.tr("Association name (English)"), self.assoc_en)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(pick)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow("", save)
        return box

    def _show_logo(self) -> None:
        if self.logo_png:
            pix = QPixmap()
            pix.loadFromData(self.logo_png)
            self.logo.setPixmap(pix.scaledToHeight(56, Qt.TransformationMode.SmoothTransformation))

    def refresh(self) -> None:
        if not self.is_admin:
            return
        users = self.ctx.auth.list_users()
        self.users.set_rows([
            ([u.username, u.full_name, role_label(u.role),
              self.tr("Yes") if u.active else self.tr("No")], u)
            for u in users
        ])

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
            self.ctx.auth.set_language(actor.user_id, lang)
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

    def add_user(self) -> None:
        try:
            self.ctx.auth.create_user(
                self.ctx.require_actor(), self.new_username.text(), self.new_full_name.text(),
                Role(self.new_role.currentData()), self.new_password.text(),
                language=current_language(),
            )
        except UserError as exc:
            self._fail(exc)
            return
        for e in (self.new_username, self.new_full_name, self.new_password):
            e.clear()
        self._done(self.tr("The user was added."))
        self.refresh()

    def _selected(self) -> UserView | None:
        user = self.users.row_data()
        if not isinstance(user, UserView):
            self._fail(UserError("Select a user first.", message_ar="اختر مستخدمًا أولًا."))
            return None
        return user

    def reset_selected_password(self) -> None:
        user = self._selected()
        if user is None:
            return
        pw = self.ctx.dialogs.ask(self, self.tr("Reset password"),
                                  self.tr("New password for %1:").replace("%1", user.username))
        if not pw:
            return
        try:
            self.ctx.auth.reset_password(self.ctx.require_actor(), user.id, pw)
        except UserError as exc:
            self._fail(exc)
            return
        self._done(self.tr("The password was reset."))

    def toggle_selected(self) -> None:
        user = self._selected()
        if user is None:
            return
        try:
            self.ctx.auth.set_active(self.ctx.require_actor(), user.id, not user.active)
        except UserError as exc:
            self._fail(exc)
            return
        self.refresh()

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
