"""The idle lock and signing out: time is driven by a fake clock, never waited for."""

from __future__ import annotations

from conftest import ADMIN_PW, RECEPTION_PW
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from makarem_desk.interview.flow import Step
from makarem_desk.models import AuditEvent
from makarem_desk.ui.idle_lock import IdleWatcher
from makarem_desk.ui.interview_steps import ReceptionPage
from makarem_desk.ui.main_window import MainWindow


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


def _actions(db, *names: str) -> list[tuple[str, str, dict]]:  # type: ignore[no-untyped-def, type-arg]
    with db.reader() as s:
        return [(e.action, e.username, e.details) for e in s.scalars(
            select(AuditEvent).where(AuditEvent.action.in_(names)).order_by(AuditEvent.at))]


def _key(widget, text: str = "a") -> None:  # type: ignore[no-untyped-def]
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, text))


def _window(qtbot, ctx, clock: FakeClock) -> MainWindow:  # type: ignore[no-untyped-def]
    ctx.monotonic = clock
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _interview_on_screen(window: MainWindow):  # type: ignore[no-untyped-def]
    view = window.show_page("interview")
    view.start_new()
    page = view.page
    assert isinstance(page, ReceptionPage)
    page.program.setCurrentIndex(2)
    purpose = page.items.widgets["purpose"].editor
    purpose.setText("التسجيل في برنامج التدريب")
    purpose.setFocus()
    return view, page, purpose


def test_idle_watcher_counts_only_input(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    watcher = IdleWatcher(10, clock=clock)
    editor = QLineEdit()
    qtbot.addWidget(editor)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    clock.advance(9.9)
    assert not watcher.check()
    _key(editor)  # a key press anywhere in the application starts the count again
    clock.advance(9.9)
    assert not watcher.check()
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(5, 5), QPointF(50, 60),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(editor, move)
    clock.advance(9.9)
    assert not watcher.check()
    # The same pointer position again is Qt re-sending, not a person.
    QApplication.sendEvent(editor, QMouseEvent(
        QEvent.Type.MouseMove, QPointF(5, 5), QPointF(50, 60), Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    clock.advance(0.2)
    assert watcher.check() and fired == [True]
    assert not watcher.check() and fired == [True]  # once, until reset
    watcher.reset()
    watcher.set_minutes(1)
    clock.advance(1)
    assert watcher.check() and fired == [True, True]
    watcher.stop()


def test_idle_watcher_checks_on_its_own_timer(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    watcher = IdleWatcher(10, clock=clock, check_ms=10)
    clock.advance(10)
    with qtbot.waitSignal(watcher.idle, timeout=1000):
        pass
    watcher.stop()


def test_window_locks_after_idle_time_and_keeps_the_interview(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    window = _window(qtbot, ctx, clock)
    view, page, purpose = _interview_on_screen(window)
    session = view.session
    clock.advance(9)
    window.idle.check()
    assert not window.locked
    clock.advance(1)
    window.idle.check()
    assert window.locked and window.lock_page is not None
    assert window.frame.currentWidget() is window.lock_page and not window.content.isVisible()
    assert "ريم الدوسري" in window.lock_page.who.text() and "reem" in window.lock_page.who.text()
    # Shortcuts cannot act on the hidden content (Ctrl+F would open Search).
    qtbot.waitExposed(window)
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window.lock_page.password, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "interview"

    window.lock_page.password.setText("not-her-password")
    window.lock_page.unlock_button.click()
    assert window.locked and "غير صحيحة" in window.lock_page.error.text()
    window.lock_page.password.setText(RECEPTION_PW)
    qtbot.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    assert not window.locked and window.frame.currentWidget() is window.content
    # The very same widgets, with what was typed and chosen, and the focus where it was.
    assert view.session is session and session.step is Step.RECEPTION and view.page is page
    assert purpose.text() == "التسجيل في برنامج التدريب" and page.program.currentIndex() == 2
    assert window.focusWidget() is purpose
    assert [a for a, _, _ in _actions(ctx.db, "session_locked", "session_unlocked",
                                      "login_failed")] == [
        "session_locked", "login_failed", "session_unlocked"]
    # The count starts again from the unlock.
    clock.advance(9)
    window.idle.check()
    assert not window.locked
    qtbot.keyClick(purpose, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "search"  # the shortcuts are back


def test_the_idle_time_follows_settings(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    window = _window(qtbot, ctx, clock)
    assert window.idle.minutes == 10
    ctx.bus.idle_lock_changed.emit(2)
    clock.advance(2)
    window.idle.check()
    assert window.locked


def test_an_administrator_signs_the_locked_user_out(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    window = _window(qtbot, ctx, clock)
    _interview_on_screen(window)
    signed_out: list[bool] = []
    window.signed_out.connect(lambda: signed_out.append(True))
    window.lock()
    lock = window.lock_page
    assert lock is not None
    lock.admin_user.setText("reem")
    lock.admin_password.setText(RECEPTION_PW)
    lock.sign_out_button.click()
    assert signed_out == [] and "صلاحيتك" in lock.error.text()
    ctx.dialogs.confirm_answer = False  # an interview is open: asked first
    lock.admin_user.setText("admin")
    lock.admin_password.setText(ADMIN_PW)
    lock.sign_out_button.click()
    assert signed_out == [] and window.locked
    ctx.dialogs.confirm_answer = True
    lock.admin_password.setText(ADMIN_PW)
    lock.sign_out_button.click()
    assert signed_out == [True]
    assert _actions(ctx.db, "logout") == [("logout", "reem", {"by": "admin"})]


def test_signing_out_with_an_interview_open_asks_first(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ctx, FakeClock())
    signed_out: list[bool] = []
    window.signed_out.connect(lambda: signed_out.append(True))
    _interview_on_screen(window)
    ctx.dialogs.confirm_answer = False
    assert not window.request_sign_out()
    assert signed_out == [] and "مقابلة مفتوحة" in ctx.dialogs.shown[-1][1]
    ctx.dialogs.confirm_answer = True
    assert window.request_sign_out()
    assert signed_out == [True]
    assert _actions(ctx.db, "logout") == [("logout", "reem", {})]


def test_signing_out_without_an_interview_asks_nothing(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ctx, FakeClock())
    window.show_page("interview")  # the screen is open, but no interview started
    assert window.request_sign_out()
    assert [k for k, _ in ctx.dialogs.shown if k == "confirm"] == []


def test_a_closed_window_stops_watching_and_a_shown_one_locks_on_time(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Every window's watcher filters the application's events: a closed window must stop
    (hundreds of test windows once made each event cost hundreds of calls), and a window
    shown again still counts from the last input, so it locks at once when due."""
    clock = FakeClock()
    window = _window(qtbot, ctx, clock)
    other = QLineEdit()
    qtbot.addWidget(other)
    window.close()
    clock.advance(3)
    _key(other)
    assert window.idle.idle_seconds() == 3 * 60  # the closed window saw no input
    assert not window.idle.timer.isActive()
    clock.advance(8)
    window.show()
    assert window.idle.timer.isActive()
    _key(other)
    assert window.idle.idle_seconds() == 0  # watching again
    clock.advance(10)
    window.idle.check()
    assert window.locked
