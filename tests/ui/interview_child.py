"""Run as a separate process by test_ui_resume: the wizard on a real database, killed
with SIGKILL in the middle of the interview (after the personal data step)."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(db_url: str, stop_after: str) -> None:
    from interview_support import person
    from PySide6.QtWidgets import QApplication

    from makarem_desk.db import Database
    from makarem_desk.services.auth import AuthService
    from makarem_desk.ui.bus import EventBus
    from makarem_desk.ui.context import AppContext
    from makarem_desk.ui.dialogs import RecordingDialogs
    from makarem_desk.ui.interview_view import InterviewView
    from makarem_desk.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    db = Database(db_url)
    ctx = AppContext(db=db, bus=EventBus(), tasks=TaskRunner(synchronous=True),
                     dialogs=RecordingDialogs())
    ctx.actor = AuthService(db).login("reem", "reem-pass-1")
    view = InterviewView(ctx)
    view.start_new()
    view.page.program.setCurrentIndex(view.page.program.findData("VOL-EVENTS"))
    view.page.items.widgets["purpose"].editor.setText("التسجيل في التطوع")
    view.next()
    view.page.new_button.click()
    view.next()
    view.page.set_answers(person(first_name="خالد", family_name="الشهري",
                                 identity_number=os.environ["CHILD_ID_NUMBER"]))
    view.next()
    assert view.session is not None and view.session.step.value == stop_after, view.error.text()
    print("reached", stop_after, flush=True)
    app.processEvents()
    os.kill(os.getpid(), signal.SIGKILL)  # no clean-up, no goodbye: as a power cut would


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
