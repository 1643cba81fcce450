"""Log-in of a member of staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..errors import UserError
from .dialogs import user_message
from .fields import LtrLineEdit
from .i18n import current_language

if TYPE_CHECKING:  # the page is shown before SQLAlchemy is imported
    from ..services.actor import Actor
    from .context import AppContext


class LoginPage(QWidget):
    signed_in = Signal(object)  # Actor

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None):
        """``ctx`` may come later (``attach``): the form is usable while the database
        opens in the background, and a sign-in pressed meanwhile waits for it."""
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self._pending = False
        self.logo = QLabel()
        self.logo.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Makarem Desk"))
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = title
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
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """The database is open: show the association, and sign in if it was asked."""
        self.ctx = ctx
        info = ctx.setup.site_info()
        if info and info.logo_png:
            pix = QPixmap()
            pix.loadFromData(info.logo_png)
            self.logo.setPixmap(pix.scaledToHeight(72, Qt.TransformationMode.SmoothTransformation))
        if info:
            name = info.association_name if current_language() == "ar" else info.association_name_en
            self.title.setText(name or self.title.text())
        if self._pending:
            self.submit()

    def submit(self) -> Actor | None:
        if self.ctx is None:
            self._pending = True
            self.error.setText(self.tr("Opening the database…"))
            return None
        self._pending = False
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
