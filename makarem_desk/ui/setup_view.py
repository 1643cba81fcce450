"""First run: what this installation is (a counter or the research committee), its site
code, the association's name and logo, the administrator; optionally the contact details
printed on every paper."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services.setup import SetupInput, SiteInfo, check_logo
from ..services.site_settings import Letterhead
from .context import AppContext
from .dialogs import user_message
from .fields import LtrLineEdit
from .settings_view import installation_role_label


class SetupPage(QWidget):
    completed = Signal(object)  # SiteInfo

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.logo_png: bytes | None = None
        title = QLabel(self.tr("Welcome — set up this installation"))
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr("These details appear on every printed document. "
                              "The administrator can change the names and logo later."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        # Asked once and never changed afterwards: no answer is pre-selected.
        self.role_group = QButtonGroup(self)
        self.role_buttons: dict[str, QRadioButton] = {}
        role_row = QHBoxLayout()
        for role in ("site", "committee"):
            button = QRadioButton(installation_role_label(role))
            self.role_group.addButton(button)
            self.role_buttons[role] = button
            role_row.addWidget(button)
        role_row.addStretch(1)
        role_hint = QLabel(self.tr("Only the research committee records decisions; the "
                                   "counters receive beneficiaries and send their records "
                                   "to it. This cannot be changed later."))
        role_hint.setObjectName("hint")
        role_hint.setWordWrap(True)

        self.association_name = QLineEdit()
        self.association_name_en = LtrLineEdit()
        self.site_code = LtrLineEdit()
        self.site_code.setPlaceholderText("RYD1")
        self.site_code.setMaxLength(8)
        self.site_name = QLineEdit()
        self.admin_full_name = QLineEdit()
        self.admin_username = LtrLineEdit()
        self.admin_password = LtrLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_password2 = LtrLineEdit()
        self.admin_password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.logo_preview = QLabel(self.tr("No logo"))
        self.logo_preview.setFixedHeight(64)
        # A logo is an image: it must never be mirrored by the right-to-left layout.
        self.logo_preview.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        logo_button = QPushButton(self.tr("Choose logo (PNG)…"))
        logo_button.clicked.connect(self._pick_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(logo_button)

        form = QFormLayout()
        form.addRow(self.tr("This installation is"), role_row)
        form.addRow(role_hint)
        form.addRow(self.tr("Association name (Arabic)"), self.association_name)
        form.addRow(self.tr("Association name (English)"), self.association_name_en)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Site code"), self.site_code)
        form.addRow(self.tr("Branch name"), self.site_name)
        form.addRow(self.tr("Administrator's full name"), self.admin_full_name)
        form.addRow(self.tr("Administrator's user name"), self.admin_username)
        form.addRow(self.tr("Password"), self.admin_password)
        form.addRow(self.tr("Repeat the password"), self.admin_password2)
        # Optional: each is printed on every paper only when filled (Settings changes them).
        self.contact = {"phone": LtrLineEdit(), "website": LtrLineEdit(),
                        "address": QLineEdit(), "licence": LtrLineEdit()}
        form.addRow(QLabel(self.tr("Contact details printed on every paper (optional):")))
        form.addRow(self.tr("Telephone"), self.contact["phone"])
        form.addRow(self.tr("Website"), self.contact["website"])
        form.addRow(self.tr("Address"), self.contact["address"])
        form.addRow(self.tr("Licence number"), self.contact["licence"])

        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save and start"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)

        # The form scrolls; the error and the button stay in sight on a 768-pixel screen.
        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.addWidget(title)
        body_lay.addWidget(hint)
        body_lay.addLayout(form)
        body_lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeading)

    def _pick_logo(self) -> None:
        path = self.ctx.dialogs.pick_open_path(self, self.tr("Choose the logo"), "PNG (*.png)")
        if path:
            self.set_logo(Path(path).read_bytes())

    def set_logo(self, png: bytes | None) -> None:
        try:
            self.logo_png = check_logo(png)
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        if self.logo_png:
            pix = QPixmap()
            pix.loadFromData(self.logo_png)
            self.logo_preview.setPixmap(pix.scaledToHeight(60, Qt.TransformationMode.SmoothTransformation))

    def role(self) -> str | None:
        return next((r for r, b in self.role_buttons.items() if b.isChecked()), None)

    def submit(self) -> SiteInfo | None:
        role = self.role()
        if role is None:
            self.error.setText(self.tr("Choose whether this installation is a counter or the "
                                       "research committee."))
            return None
        if self.admin_password.text() != self.admin_password2.text():
            self.error.setText(self.tr("The two passwords differ."))
            return None
        data = SetupInput(
            site_code=self.site_code.text(),
            association_name=self.association_name.text(),
            association_name_en=self.association_name_en.text(),
            admin_username=self.admin_username.text(),
            admin_full_name=self.admin_full_name.text(),
            admin_password=self.admin_password.text(),
            logo_png=self.logo_png,
            site_name=self.site_name.text(),
            role=role,
            letterhead=Letterhead(**{k: e.text() for k, e in self.contact.items()}),
        )
        try:
            info = self.ctx.setup.complete(data)
        except UserError as exc:
            self.error.setText(user_message(exc))
            return None
        self.error.clear()
        self.completed.emit(info)
        return info
