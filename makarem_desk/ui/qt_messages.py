"""Qt's own messages (qWarning and the like) into the application's log.

The windowed build has no console: without this, a warning from Qt went nowhere on the
counter PC, while support reads the log file.  One message is dropped: the offscreen
platform (the ``--self-test`` and the tests) has no window manager to tell a window's
minimum size, and Qt's base class says so each time a screen built on demand makes the
main window's minimum grow ("This plugin does not support propagateSizeHints()").  Real
platforms (Windows, X11) take the size hints and print nothing; checked under Xvfb.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

log = logging.getLogger("makarem_desk.qt")

WINDOWLESS_PLATFORMS = ("offscreen", "minimal")
NO_SIZE_HINTS = "This plugin does not support propagateSizeHints()"
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def meaningful(message: str, platform: str) -> bool:
    """False for the one message that only says the platform has no window manager."""
    return not (message == NO_SIZE_HINTS and platform in WINDOWLESS_PLATFORMS)


def _handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if meaningful(message, QGuiApplication.platformName()):
        log.log(_LEVELS.get(kind, logging.WARNING), "%s", message)


def route_qt_messages() -> None:
    qInstallMessageHandler(_handler)
