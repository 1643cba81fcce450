"""Issue 12, keyboard first: a returning beneficiary's interview from the search to the
end with key events alone (no mouse, no calls into the views), Enter as the default
button, Tab in reading order inside the wizard, Sign out off the Tab path and asking first,
and F1's sheet of keys."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interview_support import script
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget

from makarem_desk.interview.flow import Step
from makarem_desk.interview.session import InterviewSession
from makarem_desk.models import ApplicationStatus, SignatureMode
from makarem_desk.ui.main_window import MainWindow

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Keyboard:
    """Keys to whatever has the focus, as a keyboard sends them; counts them."""

    def __init__(self, qtbot: Any):
        self.qtbot = qtbot
        self.count = 0  # keys that are not text: commands, Tab, Enter, Space, arrows
        self.typed = 0  # characters of the answers themselves

    def focus(self) -> QWidget:
        w = QApplication.focusWidget()
        assert w is not None, "nothing has the keyboard focus"
        return w

    def press(self, key: Qt.Key, mod: Qt.KeyboardModifier = NO) -> None:
        self.count += 1
        self.qtbot.keyClick(self.focus(), key, mod)

    def type(self, text: str) -> None:
        # Per character with its text: qtbot.keyClicks aborts on Arabic (qasciikey.cpp).
        for ch in text:
            self.typed += 1
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(self.focus(), QKeyEvent(kind, 0, NO, ch))

    def tab_to(self, wanted: Callable[[QWidget], bool], limit: int = 40) -> None:
        for _ in range(limit):
            if wanted(self.focus()):
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached it; focus on {self.focus()!r}")


def active_window(qtbot: Any, ctx: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def registered_before(ctx: Any) -> tuple[uuid.UUID, str]:
    s = InterviewSession.start(ctx.interview, ctx.forms, ctx.require_actor(), today=ctx.today)
    for entry in script("FIELD-CONF"):
        s.complete(dict(entry["values"]))
    return uuid.UUID(s.state.beneficiary_id or ""), s.state.values["personal"]["identity_number"]


def print_to_file(ctx: Any, folder: Path) -> list[Path]:
    """The print dialog (through the dialogs facade) prints to a PDF file, as if Enter was
    pressed on it."""
    printed: list[Path] = []

    def accept(dialog: Any) -> bool:
        path = folder / f"printed-{len(printed)}.pdf"
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printed.append(path)
        return True

    ctx.dialogs.dialog_script = accept
    return printed


def test_returning_beneficiary_interview_without_the_mouse(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bid, identity = registered_before(ctx)
    printed = print_to_file(ctx, tmp_path)
    window = active_window(qtbot, ctx)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F, CTRL)
    search = window.page("search")
    assert search.query.hasFocus()
    keys.type(identity)
    keys.press(Qt.Key.Key_Return)  # search now: the one person found is chosen
    assert [h.beneficiary_id for h in search.hits] == [bid]
    keys.press(Qt.Key.Key_A, CTRL_SHIFT)  # new application for them: no second search
    view = window.page("interview")
    s = view.session
    assert window.current_key() == "interview" and s is not None
    assert s.step is Step.RECEPTION and s.state.known_beneficiary == str(bid)

    page = view.page
    assert page.program.hasFocus()
    for _ in range(page.program.findData("VOL-EVENTS")):
        keys.press(Qt.Key.Key_Down)
    assert page.program.currentData() == "VOL-EVENTS"
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is page.items.widgets["purpose"].editor
    keys.type("التسجيل في التطوع")
    assert page.items.answers()["first_visit"] is False  # been here before: pre-answered
    keys.press(Qt.Key.Key_Return)  # Enter: Next
    assert s.step is Step.PERSONAL, view.error.text()  # identified already
    assert view.page.editors["identity_number"].text() == identity
    keys.press(Qt.Key.Key_Return)  # the data as registered
    assert s.step is Step.ELIGIBILITY, view.error.text()

    # Eligibility: each answer with Space on its first choice ("Yes"), Tab in between.
    items = view.page.widgets
    for item in ("platform_registered", "abilities_fit", "record_checked", "ratings_acceptable"):
        keys.tab_to(lambda w, i=item: w is items[i].editor.focusProxy())
        keys.press(Qt.Key.Key_Space)
        if item == "platform_registered":
            keys.tab_to(lambda w: w is items["platform_id"].editor)
            keys.type("NVP-55821")
    assert view.page.answers() == script("VOL-EVENTS")[3]["values"]
    keys.press(Qt.Key.Key_Return)
    assert s.step is Step.DOCUMENTS, view.error.text()
    keys.press(Qt.Key.Key_Space)  # the identity copy: provided
    keys.press(Qt.Key.Key_Return)
    assert s.step is Step.CLARITY, view.error.text()
    keys.press(Qt.Key.Key_Space)  # procedures clear: yes
    keys.press(Qt.Key.Key_Return)
    assert s.step is Step.DECLARATION, view.error.text()

    decl = view.page
    for item in ("data_verified", "responsibility_statement"):
        keys.tab_to(lambda w, i=item: w is decl.items.widgets[i].editor)
        keys.press(Qt.Key.Key_Space)
    keys.tab_to(lambda w: w is decl.on_screen)
    keys.press(Qt.Key.Key_Left)  # the other answer: signed on paper
    assert decl.on_paper.isChecked() and decl.pad.isHidden()
    keys.press(Qt.Key.Key_P, CTRL)  # printed for the applicant to sign by hand
    assert len(printed) == 1
    keys.press(Qt.Key.Key_Return)
    assert s.step is Step.NOTICE, view.error.text()
    keys.press(Qt.Key.Key_Space)  # the committee notice, said and confirmed
    keys.press(Qt.Key.Key_P, CTRL)  # the signed declaration, printed
    assert len(printed) == 2 and printed[1].read_bytes().startswith(b"%PDF")
    keys.press(Qt.Key.Key_Return)
    assert s.step is Step.REGISTRATION, view.error.text()
    keys.press(Qt.Key.Key_Return)
    assert s.step is Step.DELIVERY, view.error.text()
    keys.tab_to(lambda w: w is view.page.items.widgets["service_given"].editor)
    keys.type("شرح البرنامج وتسليم إيصال الطلب")
    keys.press(Qt.Key.Key_Return)
    assert s.step is Step.SATISFACTION, view.error.text()
    keys.tab_to(lambda w: w is view.skip_button)
    keys.press(Qt.Key.Key_Return)  # Enter presses the focused button
    assert s.step is Step.DONE, view.error.text()

    app = ctx.interview.applications.get(ctx.actor, uuid.UUID(s.state.application_id))
    assert app.beneficiary_id == bid and app.status is ApplicationStatus.SUBMITTED
    d = ctx.interview.declarations.get(ctx.actor, uuid.UUID(s.state.declaration_id))
    assert d.signature_mode is SignatureMode.ON_PAPER
    assert ctx.dialogs.errors == []
    # The answers are 67 characters; everything else, from the search to the end, is a
    # few dozen keys (measured 50 with this definition of the forms).
    assert keys.typed == len(identity) + len("التسجيل في التطوع" "NVP-55821"
                                             "شرح البرنامج وتسليم إيصال الطلب")
    assert keys.count <= 50, keys.count


def test_enter_starts_the_interview_and_tab_stays_in_the_wizard(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = active_window(qtbot, ctx)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    view = window.page("interview")
    assert view.start_button.hasFocus()
    keys.press(Qt.Key.Key_Return)  # the default button: start
    assert view.session is not None and view.session.step is Step.RECEPTION
    seen: list[QWidget] = []
    for _ in range(12):
        seen.append(keys.focus())
        keys.press(Qt.Key.Key_Tab)
    assert window.sign_out_button not in seen
    assert not any(b in seen for b in window.buttons.values())  # nor the side bar
    assert view.next_button in seen and view.close_button in seen
    # Reading order: the program (right of the page in Arabic) before the purpose; the
    # buttons at the bottom after every field, from the right.
    order = [w for w in seen if w in (view.page.program, view.close_button, view.next_button)]
    assert order[:3] == [view.page.program, view.close_button, view.next_button]
    # Space on Sign out cannot happen (no focus); its keys ask first with an interview open.
    ctx.dialogs.confirm_answer = False
    keys.press(Qt.Key.Key_Q, CTRL_SHIFT)
    assert ctx.dialogs.shown[-1][0] == "confirm" and window.isVisible()
    assert view.session is not None


def test_tab_order_reads_right_to_left_on_a_line(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = active_window(qtbot, ctx)
    view = window.show_page("interview")
    view.start_new()
    view.page.set_answers({"program_code": "VOL-EVENTS", "purpose": "التطوع"})
    view.next()
    view.page.new_button.click()
    view.next()
    assert view.session.step is Step.PERSONAL
    names = [view.page.editors[k] for k in ("first_name", "father_name", "grandfather_name",
                                             "family_name")]
    qtbot.waitUntil(lambda: names[0].mapToGlobal(names[0].rect().center()).x() > 0)
    names[0].setFocus()
    keys = Keyboard(qtbot)
    got = [keys.focus()]
    for _ in range(3):
        keys.press(Qt.Key.Key_Tab)
        got.append(keys.focus())
    assert got == names  # the four parts of the name as they are read
    xs = [w.mapToGlobal(w.rect().center()).x() for w in names]
    assert xs == sorted(xs, reverse=True)  # right to left on screen
    keys.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert keys.focus() is names[2]


def test_f1_lists_the_keys(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = active_window(qtbot, ctx)
    sheets: list[Any] = []
    ctx.dialogs.dialog_script = lambda d: sheets.append(d) or False
    Keyboard(qtbot).press(Qt.Key.Key_F1)
    assert len(sheets) == 1
    keys = {k for k, _what in sheets[0].rows}
    assert {"F1", "Ctrl+F", "Ctrl+N", "Ctrl+Shift+A", "Ctrl+Shift+C", "Ctrl+Shift+Q",
            "Enter"} <= keys
    what = [w for _k, w in sheets[0].rows]
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in t) for t in what)  # in Arabic
    assert window.isVisible()


def test_contact_for_a_returning_beneficiary_from_the_profile(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    bid, _identity = registered_before(ctx)
    window = active_window(qtbot, ctx)
    window.open_beneficiary(bid)
    profile = window.profile
    assert profile.new_application_button.isVisible()
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_C, CTRL_SHIFT)
    contact = window.page("contact")
    assert window.current_key() == "contact" and contact.beneficiary_id == bid
    assert contact.channel.hasFocus()
    keys.press(Qt.Key.Key_Tab)
    keys.tab_to(lambda w: w is contact.purpose)
    keys.type("السؤال عن موعد اللجنة")
    contact.answer.setFocus()
    keys.type("خلال خمسة أيام عمل")
    cid = contact.save()
    assert cid is not None
    assert ctx.interview.contacts.get(ctx.actor, cid).beneficiary_id == bid


def test_today_and_search_start_for_the_person_in_the_row(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    bid, identity = registered_before(ctx)  # now with the research committee
    window = active_window(qtbot, ctx)
    today = window.page("today")
    today.tabs.setCurrentWidget(today.committee_table)
    assert today.committee_table.rowCount() == 1
    today.committee_table.setFocus()
    today.committee_table.selectRow(0)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_A, CTRL_SHIFT)
    view = window.page("interview")
    assert window.current_key() == "interview"
    assert view.session.state.known_beneficiary == str(bid)
    # An interview on screen is not replaced without asking; kept when the answer is no.
    first = view.session
    search = window.show_page("search")
    search.query.setText(identity)
    search.run_search()
    assert search.new_application_button.isEnabled()  # the one person found is chosen
    ctx.dialogs.confirm_answer = False
    qtbot.mouseClick(search.new_application_button, Qt.MouseButton.LeftButton)
    assert view.session is first and ctx.dialogs.shown[-1][0] == "confirm"
    ctx.dialogs.confirm_answer = True
    qtbot.mouseClick(search.new_contact_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "contact"
    assert window.page("contact").beneficiary_id == bid


def test_enter_on_an_interrupted_interview_resumes_it(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = active_window(qtbot, ctx)
    view = window.show_page("interview")
    view.start_new()
    first = view.session.draft_id
    view.save()  # left for later
    assert view.drafts.rowCount() == 1
    view.drafts.setFocus()
    view.drafts.selectRow(0)
    Keyboard(qtbot).press(Qt.Key.Key_Return)
    assert view.session is not None and view.session.draft_id == first  # not a new one
    drafts = ctx.interview.drafts.open_drafts(ctx.actor, kind="interview",
                                              user_id=ctx.actor.user_id)
    assert len(drafts) == 1
