"""Keyboard-only work: shortcuts, and an interview step driven by keys alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from makarem_desk.interview.flow import Step
from makarem_desk.ui.main_window import MainWindow


def type_keys(widget: QWidget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_shortcuts_and_a_step_without_the_mouse(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.raise_()
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.buttons["today"].setFocus()
    qtbot.keyClick(window.buttons["today"], Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "search"
    assert window.page("search").query.hasFocus()
    qtbot.keyClick(window.page("search").query, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "interview"
    view = window.page("interview")
    view.start_button.setFocus()
    qtbot.keyClick(view.start_button, Qt.Key.Key_Space)  # a focused button takes Space
    assert view.session is not None and view.session.step is Step.RECEPTION
    page = view.page
    page.program.setFocus()
    index = page.program.findData("VOL-EVENTS")
    for _ in range(index):
        qtbot.keyClick(page.program, Qt.Key.Key_Down)
    assert page.program.currentData() == "VOL-EVENTS"
    purpose = page.items.widgets["purpose"].editor
    qtbot.keyClick(page.program, Qt.Key.Key_Tab)
    assert purpose.hasFocus()  # focus follows the reading order of the form
    type_keys(purpose, "التسجيل في التطوع")
    assert purpose.text() == "التسجيل في التطوع"
    qtbot.keyClick(purpose, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.session.step is Step.IDENTIFY, view.error.text()
    qtbot.keyClick(view.page.query, Qt.Key.Key_PageUp)
    assert view.session.step is Step.RECEPTION
    assert window.page("interview").page.items.widgets["purpose"].editor.text() == \
        "التسجيل في التطوع"  # the answers stay when going back
