"""Keys and clicks from "the person is at the counter" to "the signed declaration is
printed" (issue 12), measured by driving the real window offscreen with events.

Paths, each from the Today screen with an empty interview screen:
  a1  returning beneficiary, straight into the interview (identified inside the wizard)
  a2  returning beneficiary looked up first in Search (to see their file), then the
      application; before issue 12 the wizard searched for them a second time
  b   new beneficiary (registered in the interview)
Each path is driven twice: keyboard only, and mouse first (a click for every answer and
button, the keyboard only for typing the answers). Keys are counted as pressed (Ctrl+N
is two keys); the characters of the answers are counted apart (the same on every path
and tree). The print dialog is accepted with one key or one click.

Runs against whichever tree is first on PYTHONPATH, so the same script measures before
and after a change:
    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python bench/fast_paths.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QRadioButton, QWidget

TODAY = date(2026, 11, 29)
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
PERSON = dict(first_name="أسامة", father_name="عبدالله", grandfather_name="سعد",
              family_name="الزهراني", identity_number="1000000008",
              identity_expiry="2030-01-01", birth_date="1995-03-04", phone="0551234567",
              city="الرياض")
PURPOSE, PLATFORM_ID = "التسجيل في التطوع", "NVP-55821"
NEW_PERSON_ID = "1000000016"


class Driver:
    def __init__(self, app: QApplication, window: Any, keyboard_only: bool):
        self.app, self.window, self.keyboard_only = app, window, keyboard_only
        self.keys = self.typed = self.clicks = 0
        self.after = hasattr(window, "show_shortcuts")  # the tree of issue 12

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def focus(self) -> QWidget:
        w = QApplication.focusWidget()
        return w if w is not None else self.window

    def press(self, key: Qt.Key, mod: Qt.KeyboardModifier = NO) -> None:
        self.keys += 1 + bin(int(mod.value)).count("1")
        QTest.keyClick(self.focus(), key, mod)
        self.settle()

    def type(self, text: str) -> None:
        for ch in text:
            self.typed += 1
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(self.focus(), QKeyEvent(kind, 0, NO, ch))
        self.settle()

    def click(self, w: QWidget) -> None:
        self.clicks += 1
        pos = w.rect().center()
        if isinstance(w, QCheckBox | QRadioButton):  # on the box, not the empty width
            pos.setX(w.width() - 8 if w.isRightToLeft() else 8)
        QTest.mouseClick(w, Qt.MouseButton.LeftButton, NO, pos)
        self.settle()

    def tab_to(self, wanted: QWidget, limit: int = 80) -> None:
        for _ in range(limit):
            if self.focus() is wanted:
                return
            self.press(Qt.Key.Key_Tab)
        raise RuntimeError(f"Tab never reached {wanted!r}")

    # -- the verbs of a path, by keyboard or by mouse -----------------------------------
    def field(self, editor: QWidget, text: str) -> None:
        if self.keyboard_only:
            self.tab_to(editor)
        elif self.focus() is not editor:
            self.click(editor)
        self.type(text)

    def answer(self, button: QAbstractButton) -> None:
        """A yes/no, provided/missing or tick box: Space on the group's Tab stop (the
        arrows for another answer), or a click."""
        if not self.keyboard_only:
            self.click(button)
            return
        group = button.group()
        stop = (group.checkedButton() or group.buttons()[0]) if group else button
        self.tab_to(stop)
        if stop is button:
            if not button.isChecked() or not group:
                self.press(Qt.Key.Key_Space)
            return
        for arrow in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.press(arrow)
            if button.isChecked():
                return
        raise RuntimeError("the arrows did not reach the answer")

    def button(self, b: QAbstractButton) -> None:
        if self.keyboard_only:
            self.tab_to(b)
            self.press(Qt.Key.Key_Space)
        else:
            self.click(b)

    def combo(self, combo: Any, data: str) -> None:
        if self.keyboard_only:
            self.tab_to(combo)
            for _ in range(combo.findData(data) - combo.currentIndex()):
                self.press(Qt.Key.Key_Down)
        else:
            self.click(combo)  # the list opens; a second click picks
            self.clicks += 1
            combo.setCurrentIndex(combo.findData(data))
            combo.hidePopup()
            self.settle()
        assert combo.currentData() == data

    def next(self, view: Any) -> None:
        step = view.session.step
        if not self.keyboard_only:
            self.click(view.next_button)
        elif self.after:
            self.press(Qt.Key.Key_Return)
        else:
            self.press(Qt.Key.Key_Return, CTRL)
        assert view.session.step is not step, (self.keyboard_only, view.error.text(), getattr(view.page, "answers", dict)())

    def print_shown(self, view: Any) -> None:
        if self.keyboard_only:
            self.press(Qt.Key.Key_P, CTRL)
        else:
            self.click(view.page.preview.print_button)


def accept_print_dialogs(folder: Path, driver: list[Driver]) -> list[Path]:
    """QPrintDialog.exec answers "Print" to a PDF file: one key or one click."""
    printed: list[Path] = []

    def exec_(dialog: QPrintDialog) -> int:
        d = driver[0]
        if d.keyboard_only:
            d.keys += 1
        else:
            d.clicks += 1
        path = folder / f"printed-{len(printed)}.pdf"
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(path))
        printed.append(path)
        return int(QPrintDialog.DialogCode.Accepted.value)

    QPrintDialog.exec = exec_  # type: ignore[method-assign, assignment]
    return printed


def build(tmp: Path) -> Any:
    from makarem_desk.models import Role
    from makarem_desk.services.auth import AuthService
    from makarem_desk.services.beneficiaries import BeneficiaryInput
    from makarem_desk.services.setup import SetupInput, SetupService
    from makarem_desk.ui.dialogs import RecordingDialogs
    from makarem_desk.ui.main import build_context

    dialogs = RecordingDialogs()
    dialogs.dialog_script = lambda d: d.exec() == 1  # the print dialog, answered above
    ctx = build_context(f"sqlite:///{tmp / 'paths.sqlite3'}", dialogs, synchronous=True)
    ctx.today = TODAY
    SetupService(ctx.db).complete(SetupInput(
        site_code="RYD1", association_name="جمعية مكارم الأخلاق الخيرية",
        association_name_en="Makarem Charitable Association", admin_username="admin",
        admin_full_name="مدير النظام", admin_password="admin-pass-1"))
    auth = AuthService(ctx.db)
    admin = auth.login("admin", "admin-pass-1")
    auth.create_user(admin, "reem", "ريم الدوسري", Role.RECEPTIONIST, "reem-pass-1")
    ctx.actor = auth.login("reem", "reem-pass-1")
    ctx.interview.beneficiaries.register(ctx.actor, BeneficiaryInput(
        **{k: v for k, v in PERSON.items()}, identity_type="citizen_id", gender="male",
        nationality="SA"))
    return ctx


def window_for(app: QApplication, ctx: Any) -> Any:
    from makarem_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    window.windowHandle().requestActivate()
    for _ in range(200):
        app.processEvents()
        if window.isActiveWindow():
            break
    if not window.isActiveWindow():
        raise RuntimeError("the window never became active: keys would go nowhere")
    return window


def start_interview(d: Driver) -> Any:
    """From Today to the reception step of a new interview."""
    if d.keyboard_only:
        d.press(Qt.Key.Key_N, CTRL)
    else:
        d.click(d.window.buttons["interview"])
    view = d.window.page("interview")
    if not d.keyboard_only:
        d.click(view.start_button)
    elif d.after:
        d.press(Qt.Key.Key_Return)  # Enter: the default button
    else:
        d.button(view.start_button)
    return view


def reception(d: Driver, view: Any) -> None:
    page = view.page
    d.combo(page.program, "VOL-EVENTS")
    d.field(page.items.widgets["purpose"].editor, PURPOSE)
    d.next(view)


def identify_returning(d: Driver, view: Any) -> None:
    page = view.page
    d.field(page.query, PERSON["identity_number"])
    if d.keyboard_only and d.after:
        d.press(Qt.Key.Key_Return)  # searches, chooses the one found and goes on
        return
    page.timer.stop()  # the debounce ends by itself; the one person found is chosen
    page.search()
    d.next(view)


def identify_new(d: Driver, view: Any) -> None:
    d.button(view.page.new_button)
    d.next(view)


def personal_new(d: Driver, view: Any) -> None:
    e = view.page.editors
    for key in ("first_name", "father_name", "grandfather_name", "family_name"):
        d.field(e[key], PERSON[key])
    d.field(e["identity_number"], NEW_PERSON_ID)
    d.field(e["identity_expiry"].editor, PERSON["identity_expiry"])
    d.combo(e["gender"], "male")
    d.field(e["birth_date"].editor, PERSON["birth_date"])
    d.field(e["phone"], PERSON["phone"])
    d.field(e["city"], PERSON["city"])
    d.next(view)


def to_printed_declaration(d: Driver, view: Any, printed: list[Path]) -> None:
    """Eligibility (VOL-EVENTS) to the signed declaration printed at the notice step."""
    items = view.page.widgets

    def yes(item: str) -> QAbstractButton:
        return items[item].editor.focusProxy()

    d.answer(yes("platform_registered"))
    d.field(items["platform_id"].editor, PLATFORM_ID)
    for item in ("abilities_fit", "record_checked", "ratings_acceptable"):
        d.answer(yes(item))
    d.next(view)
    d.answer(view.page.widgets["identity_copy"].editor.focusProxy())  # provided
    d.next(view)
    d.answer(view.page.widgets["procedures_clear"].editor.focusProxy())  # yes
    d.next(view)
    decl = view.page
    for item in ("data_verified", "responsibility_statement"):
        d.answer(decl.items.widgets[item].editor)
    if d.keyboard_only:  # no pen: signed on paper, printed for it first
        d.answer(decl.on_paper)
        d.print_shown(view)
    else:
        c = decl.pad.canvas
        QTest.mousePress(c, Qt.MouseButton.LeftButton, NO, QPoint(40, 100))
        for i in range(1, 40):
            c.extend_stroke(QPointF(40 + i * 8, 100 + (i % 7) * 6))
        QTest.mouseRelease(c, Qt.MouseButton.LeftButton, NO, QPoint(360, 110))
        d.clicks += 1  # one stroke of the pen, counted as one click
    d.next(view)
    d.answer(view.page.items.widgets["committee_notice"].editor)
    before = len(printed)
    d.print_shown(view)
    assert len(printed) == before + 1 and printed[-1].stat().st_size > 2000


def path_a1(d: Driver, printed: list[Path]) -> None:
    view = start_interview(d)
    reception(d, view)
    identify_returning(d, view)
    d.next(view)  # their data as registered
    to_printed_declaration(d, view, printed)


def path_a2(d: Driver, printed: list[Path]) -> None:
    """Looked up in Search first, the file opened, then the application."""
    if d.keyboard_only:
        d.press(Qt.Key.Key_F, CTRL)
    else:
        d.click(d.window.buttons["search"])
    search = d.window.page("search")
    d.field(search.query, PERSON["identity_number"])
    if d.keyboard_only:
        d.press(Qt.Key.Key_Return)  # search now
        d.press(Qt.Key.Key_Return)  # to the results
        d.press(Qt.Key.Key_Return)  # open the profile
    else:
        search.timer.stop()
        search.run_search()
        rect = search.results.visualRect(search.results.model().index(0, 0))
        d.clicks += 1  # a double click on the row
        vp, at, left = search.results.viewport(), rect.center(), Qt.MouseButton.LeftButton
        QTest.mouseClick(vp, left, NO, at)
        QTest.mouseDClick(vp, left, NO, at)
        d.settle()
    assert d.window.current_key() == "profile", (d.keyboard_only, d.window.current_key(), search.hits)
    if d.after:
        if d.keyboard_only:
            d.press(Qt.Key.Key_A, CTRL | SHIFT)
        else:
            d.click(d.window.profile.new_application_button)
        view = d.window.page("interview")
        reception(d, view)  # the person is identified: on to their data
    else:
        view = start_interview(d)
        reception(d, view)
        identify_returning(d, view)  # the second search
    d.next(view)  # their data as registered
    to_printed_declaration(d, view, printed)


def path_b(d: Driver, printed: list[Path]) -> None:
    view = start_interview(d)
    reception(d, view)
    identify_new(d, view)
    personal_new(d, view)
    to_printed_declaration(d, view, printed)


PATHS: dict[str, Callable[[Driver, list[Path]], None]] = {
    "a1": path_a1, "a2": path_a2, "b": path_b}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from makarem_desk.ui.main import make_application

    app = make_application(language="ar")
    rows = []
    current: list[Driver] = []
    with tempfile.TemporaryDirectory() as tmp:
        printed = accept_print_dialogs(Path(tmp), current)
        for name, run in PATHS.items():
            for keyboard_only in (True, False):
                folder = Path(tmp) / f"{name}-{keyboard_only}"
                folder.mkdir()
                ctx = build(folder)
                window = window_for(app, ctx)
                d = Driver(app, window, keyboard_only)
                current[:] = [d]
                run(d, printed)
                rows.append({"path": name, "way": "keyboard" if keyboard_only else "mouse",
                             "keys": d.keys, "clicks": d.clicks, "typed": d.typed,
                             "issue12": d.after})
                window.close()
                window.deleteLater()
                app.processEvents()
                ctx.db.dispose()
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        for r in rows:
            print(f"{r['path']:3} {r['way']:9} keys {r['keys']:3}  clicks {r['clicks']:3}  "
                  f"typed characters {r['typed']:3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
