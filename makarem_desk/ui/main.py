"""Entry point of the interface (a placeholder until the interface lands)."""

from __future__ import annotations

import sys


def run(db_url: str | None = None, *, self_test: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    from ..db import Database

    db = Database(db_url)
    db.upgrade()
    app = QApplication.instance() or QApplication(sys.argv)
    label = QLabel("مكتب مكارم — Makarem Desk")
    label.resize(480, 200)
    label.show()
    if self_test:
        QTimer.singleShot(0, app.quit)
    return int(app.exec())
