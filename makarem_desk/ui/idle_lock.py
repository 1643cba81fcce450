"""The idle lock: after the idle time set in Settings without a key press or a mouse
movement anywhere in the application, the main window covers its content and asks the
signed-in member of staff for their password again.

The content is only hidden, never rebuilt, so an interview on screen comes back exactly as
it was left.  ``IdleWatcher`` reads time from an injected clock and checks on a timer; tests
move the clock and call ``check()``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.actor import Actor
from .fields import LtrLineEdit
from .i18n import ltr

# What counts as the person being there.  Paint, timer and focus events do not.
ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})
CHECK_EVERY_MS = 5000


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``minutes`` without input; ``reset()`` starts over."""

    idle = Signal()

    def __init__(self, minutes: int, *, clock: Callable[[], float] = time.monotonic,
                 check_ms: int = CHECK_EVERY_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.clock = clock
        self.minutes = minutes
        self.last_input = clock()
        self.last_pointer = QPointF(-1, -1)
        self.paused = False
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            # Application-wide: typing in a dialog or a pop-up counts as being there too.
            app.installEventFilter(self)
        self.timer.start()

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        kind = event.type()
        if kind not in ACTIVITY:
            return False
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            # Qt also sends moves when a widget appears under a resting pointer; only a
            # pointer that really moved means someone is there.
            where = event.globalPosition()
            if where == self.last_pointer:
                return False
            self.last_pointer = where
        self.last_input = self.clock()
        return False

    def idle_seconds(self) -> float:
        return self.clock() - self.last_input

    def check(self) -> bool:
        """Emit ``idle`` (and pause) when the idle time has run out; True if it did."""
        if self.paused or self.idle_seconds() < self.minutes * 60:
            return False
        self.paused = True
        self.idle.emit()
        return True

    def reset(self) -> None:
        """The window was unlocked: count from now."""
        self.last_input = self.clock()
        self.paused = False

    def start(self) -> None:
        """Watch again (the window is shown): the idle time still counts from the last
        input, so a window shown after a long absence locks at once."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockPage(QWidget):
    """What covers the window while it is locked: who is signed in, their password, and
    for an administrator the way to sign that person out instead."""

    unlock_requested = Signal(str)  # the password
    sign_out_requested = Signal(str, str)  # an administrator's user name and password

    def __init__(self, actor: Actor, role_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockPage")
        self.setAutoFillBackground(True)
        title = QLabel(self.tr("The window is locked"))
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who = QLabel(self.tr("Signed in: %1 (%2) — %3")
                     .replace("%1", actor.full_name).replace("%2", ltr(actor.username))
                     .replace("%3", role_text))
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who.setWordWrap(True)
        self.who = who
        explain = QLabel(self.tr("Nothing was lost: type your password to carry on where "
                                 "you stopped."))
        explain.setObjectName("hint")
        explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explain.setWordWrap(True)
        self.password = LtrLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self._unlock)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)

        self.admin_box = QGroupBox(self.tr("Someone else? An administrator can sign this "
                                           "user out"))
        self.admin_user = LtrLineEdit()
        self.admin_password = LtrLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_password.returnPressed.connect(self._sign_out)
        self.sign_out_button = QPushButton(self.tr("Sign this user out"))
        self.sign_out_button.clicked.connect(self._sign_out)
        admin_form = QFormLayout(self.admin_box)
        admin_form.addRow(self.tr("Administrator's user name"), self.admin_user)
        admin_form.addRow(self.tr("Administrator's password"), self.admin_password)
        admin_form.addRow("", self.sign_out_button)

        card = QFrame()
        card.setObjectName("card")
        card.setMinimumWidth(500)
        card.setMaximumWidth(620)
        inner = QVBoxLayout(card)
        inner.addWidget(title)
        inner.addWidget(who)
        inner.addWidget(explain)
        inner.addLayout(form)
        inner.addWidget(self.unlock_button)
        inner.addWidget(self.error)
        inner.addSpacing(12)
        inner.addWidget(self.admin_box)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        self.setFocusProxy(self.password)

    def _unlock(self) -> None:
        self.unlock_requested.emit(self.password.text())

    def _sign_out(self) -> None:
        self.sign_out_requested.emit(self.admin_user.text(), self.admin_password.text())

    def clear(self) -> None:
        for e in (self.password, self.admin_user, self.admin_password):
            e.clear()
        self.error.clear()

    def refuse(self, message: str) -> None:
        self.error.setText(message)
        self.password.clear()
        self.admin_password.clear()
        self.password.setFocus()
