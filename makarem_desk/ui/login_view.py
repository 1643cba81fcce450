"""Log-in of a member of staff."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..errors import UserError
from ..services.actor import Actor
from .context import AppContext
from .dialogs import user_message
from .fields import LtrLineEdit
from .i18n import current_language


class LoginPage(QWidget):
    signed_in = Signal(object)  # Actor

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        info = ctx.setup.site_info()
        self.logo = QLabel()
        self.logo.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if info and info.logo_png:
            pix = QPixmap()
            pix.loadFromData(info.logo_png)
            self.logo.setPixmap(pix.scaledToHeight(72, Qt.TransformationMode.SmoothTransformation))
        name = ""
        if info:
            name = info.association_name if current_language() == "ar" else info.association_name_en
        title = QLabel(name or self.tr("Makarem Desk"))
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("Beneficiary relations counter — please sign in"))
        subtitle.setObjectName("hint")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = LtrLineEdit()
        self.password = LtrLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.button = QPushButton(self.tr("Sign in"))
        self.button.setObjectName("primary")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        box = QWidget()
        box.setMaximumWidth(420)
        inner = QVBoxLayout(box)
        inner.addWidget(self.logo)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.button)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        self.setFocusProxy(self.username)

    def submit(self) -> Actor | None:
        try:
            actor = self.ctx.auth.login(self.username.text(), self.password.text())
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.password.clear()
            self.password.setFocus()
            return None
        self.error.clear()
        self.signed_in.emit(actor)
        return actor
