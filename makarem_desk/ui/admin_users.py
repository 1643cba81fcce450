"""Administration › Users: who may sign in, with which role; add, disable or enable,
reset a password, change a role.  Everything goes through ``AuthService``, which checks
that the actor is an administrator and audits each change."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services.auth import UserView
from ..values import Role
from .context import AppContext
from .dialogs import ask_secret_twice, user_message
from .fields import LtrLineEdit
from .i18n import current_language, ltr
from .staff_names import role_label
from .widgets import Table, hint


def _when(at: datetime | None) -> str:
    """Local date and time, written left to right (digits and dashes in an RTL table)."""
    return ltr(at.astimezone().strftime("%Y-%m-%d %H:%M")) if at is not None else "—"


def role_combo() -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_label(role), role.value)
    return combo


class UsersPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.users = Table([self.tr("Full name"), self.tr("User name"), self.tr("Role"),
                            self.tr("Status"), self.tr("Last sign-in")])
        self.users.setMinimumHeight(180)
        self.users.set_empty_text(self.tr("No user yet: add one with Add user."))
        header = self.users.horizontalHeader()
        header.setMinimumSectionSize(48)  # the style's default (≈130 px) overflows five columns
        for column in range(1, self.users.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names vary most
        self.users.itemSelectionChanged.connect(self._selection_changed)

        self.selected_label = QLabel(self.tr("Select a user in the list."))
        self.selected_label.setObjectName("hint")
        self.role = role_combo()
        self.role_button = QPushButton(self.tr("Change role"))
        self.role_button.clicked.connect(self.change_role)
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.clicked.connect(self.reset_password)
        self.toggle_button = QPushButton(self.tr("Disable"))
        self.toggle_button.clicked.connect(self.toggle_active)
        role_row = QHBoxLayout()
        role_row.addWidget(QLabel(self.tr("Role")))
        role_row.addWidget(self.role)
        role_row.addWidget(self.role_button)
        role_row.addStretch(1)
        account_row = QHBoxLayout()
        account_row.addWidget(self.reset_button)
        account_row.addWidget(self.toggle_button)
        account_row.addStretch(1)

        self.new_full_name = QLineEdit()
        self.new_username = LtrLineEdit()
        self.new_username.setPlaceholderText("reem.d")
        self.new_role = role_combo()
        self.new_role.setCurrentIndex(self.new_role.findData(Role.RECEPTIONIST.value))
        self.new_password = LtrLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password2 = LtrLineEdit()
        self.new_password2.setEchoMode(QLineEdit.EchoMode.Password)
        add = QPushButton(self.tr("Add user"))
        add.clicked.connect(self.add_user)
        self.add_button = add
        new_box = QGroupBox(self.tr("New user"))
        form = QFormLayout(new_box)
        form.addRow(self.tr("Full name"), self.new_full_name)
        form.addRow(self.tr("User name"), self.new_username)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow(self.tr("Password"), self.new_password)
        form.addRow(self.tr("Repeat the password"), self.new_password2)
        add_row = QHBoxLayout()
        add_row.addWidget(add)
        add_row.addStretch(1)
        form.addRow("", add_row)
        new_box.setMaximumWidth(420)

        self.status = QLabel()
        self.status.setWordWrap(True)
        # The list and what to do with the selected user on the reading side, a new user
        # beside them: the whole tab fits a 768-pixel-high counter screen.
        listing = QVBoxLayout()
        listing.addWidget(self.users, 1)
        listing.addWidget(self.selected_label)
        listing.addLayout(role_row)
        listing.addLayout(account_row)
        row = QHBoxLayout()
        row.addLayout(listing, 3)
        row.addWidget(new_box, 2, Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.addWidget(hint(self.tr(
            "A user who leaves is disabled, never deleted: their name stays on what they "
            "recorded. The last active administrator cannot be disabled or demoted.")))
        lay.addLayout(row, 1)
        lay.addWidget(self.status)
        self._selection_changed()

    # -- display ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            users = self.ctx.auth.list_users(self.ctx.require_actor())
        except UserError as exc:
            self._fail(exc)
            return
        keep = self.selected()
        self.users.set_rows([
            ([u.full_name, ltr(u.username), role_label(u.role),
              self.tr("Active") if u.active else self.tr("Disabled"),
              _when(u.last_login_at)], u)
            for u in users
        ])
        if keep is not None:
            for row, u in enumerate(users):
                if u.id == keep.id:
                    self.users.selectRow(row)
        self._selection_changed()

    def selected(self) -> UserView | None:
        user = self.users.row_data()
        return user if isinstance(user, UserView) else None

    def select_user(self, username: str) -> None:
        for row in range(self.users.rowCount()):
            user = self.users.row_data(row)
            if isinstance(user, UserView) and user.username == username:
                self.users.selectRow(row)
                return

    def _selection_changed(self) -> None:
        user = self.selected()
        for b in (self.role_button, self.reset_button, self.toggle_button, self.role):
            b.setEnabled(user is not None)
        if user is None:
            self.selected_label.setText(self.tr("Select a user in the list."))
            return
        self.selected_label.setText(self.tr("Selected: %1 (%2)")
                                    .replace("%1", user.full_name)
                                    .replace("%2", ltr(user.username)))
        self.role.setCurrentIndex(self.role.findData(user.role.value))
        self.toggle_button.setText(self.tr("Disable") if user.active else self.tr("Enable"))

    def _done(self, text: str) -> None:
        self.status.setObjectName("hint")
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _fail(self, exc: BaseException | str) -> None:
        self.status.setObjectName("fieldError")
        self.status.setStyleSheet("")  # re-polish: the object name selects the colour
        self.status.setText(user_message(exc))

    # -- acts ---------------------------------------------------------------------------
    def add_user(self) -> None:
        if self.new_password.text() != self.new_password2.text():
            self._fail(self.tr("The two passwords differ."))
            return
        try:
            self.ctx.auth.create_user(
                self.ctx.require_actor(), self.new_username.text(), self.new_full_name.text(),
                Role(self.new_role.currentData()), self.new_password.text(),
                language=current_language(),
            )
        except UserError as exc:
            self._fail(exc)
            return
        name = self.new_username.text().strip().lower()
        for e in (self.new_username, self.new_full_name, self.new_password, self.new_password2):
            e.clear()
        self.refresh()
        self.select_user(name)
        self._done(self.tr("The user %1 was added.").replace("%1", ltr(name)))

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        role = Role(self.role.currentData())
        if role is user.role:
            self._done(self.tr("%1 already has this role.").replace("%1", user.full_name))
            return
        try:
            self.ctx.auth.set_role(self.ctx.require_actor(), user.id, role)
        except UserError as exc:
            self._fail(exc)
            self.role.setCurrentIndex(self.role.findData(user.role.value))
            return
        self.refresh()
        self._done(self.tr("%1 is now: %2").replace("%1", user.full_name)
                   .replace("%2", role_label(role)))

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        title = self.tr("Reset password")
        try:
            first = ask_secret_twice(
                self.ctx.dialogs, self, title,
                self.tr("New password for %1:").replace("%1", ltr(user.username)),
                self.tr("Type the new password again:"), self.tr("The two passwords differ."))
            if first is None:
                return
            self.ctx.auth.reset_password(self.ctx.require_actor(), user.id, first)
        except UserError as exc:
            self._fail(exc)
            return
        self._done(self.tr("The password of %1 was reset; give it to them in person.")
                   .replace("%1", user.full_name))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active and not self.ctx.dialogs.confirm(
                self, self.tr("Disable"),
                self.tr("Disable %1? They will no longer be able to sign in.")
                .replace("%1", user.full_name)):
            return
        try:
            self.ctx.auth.set_active(self.ctx.require_actor(), user.id, not user.active)
        except UserError as exc:
            self._fail(exc)
            return
        self.refresh()
        self._done((self.tr("%1 was enabled.") if not user.active
                    else self.tr("%1 was disabled.")).replace("%1", user.full_name))
