"""An interview killed in the middle (SIGKILL, a real subprocess) resumes at the step it
reached, with what was entered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

from interview_support import saudi_id

from makarem_desk.interview.flow import Step
from makarem_desk.ui.interview_pages import SatisfactionPage
from makarem_desk.ui.interview_view import InterviewView

HERE = Path(__file__).resolve().parent


def test_kill_during_interview_then_resume(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    number = saudi_id()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CHILD_ID_NUMBER": number}
    proc = subprocess.run(
        [sys.executable, str(HERE / "interview_child.py"), str(ctx.db.url), "eligibility"],
        env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "reached eligibility" in proc.stdout

    view = InterviewView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert view.drafts.rowCount() == 1  # the interrupted interview waits to be resumed
    assert "خالد" in view.drafts.item(0, 2).text()
    view.drafts.selectRow(0)
    view.resume_selected()
    s = view.session
    assert s is not None and s.step is Step.ELIGIBILITY
    registered = ctx.interview.beneficiaries.find_by_identity(ctx.actor, number)
    assert registered is not None and registered.first_name == "خالد"
    assert s.state.beneficiary_id == str(registered.id)
    # Go back one step: what was typed before the crash is on screen again.
    view.back()
    assert view.page.editors["identity_number"].text() == number
    view.next()
    view.page.set_answers({"platform_registered": True, "platform_id": "NVP-1", "abilities_fit":
                           True, "record_checked": True, "ratings_acceptable": True})
    view.next()
    view.page.set_answers({"identity_copy": "provided"})
    view.next()
    view.page.set_answers({"procedures_clear": False, "referral_reason_code": "eligibility",
                           "referral_reason": "لم يفهم شروط التطوع"})
    view.next()
    assert isinstance(view.page, SatisfactionPage)  # referred: straight to the rating
    view.finish_without_rating()
    assert s.step is Step.DONE
    referral = ctx.interview.referrals.get(ctx.actor, uuid.UUID(s.state.referral_id))
    assert "التطوع" in referral.reason
    view.save()
    view.refresh()
    assert view.drafts.rowCount() == 0
