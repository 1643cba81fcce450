"""The background-task helper, the exception hook and the event bus."""

from __future__ import annotations

import sys
import threading
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from makarem_desk.errors import UserError
from makarem_desk.ui.bus import EventBus, track
from makarem_desk.ui.dialogs import RecordingDialogs
from makarem_desk.ui.error_hook import install_exception_hook
from makarem_desk.ui.tasks import TaskRunner


def test_result_comes_back_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    seen: dict[str, object] = {}
    gui = threading.get_ident()

    def work(progress):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.get_ident()
        for i in range(3):
            progress(i, 3, "…")
        return 42

    def done(result):  # type: ignore[no-untyped-def]
        seen["result"], seen["done_thread"] = result, threading.get_ident()

    runner.run(work, done, lambda e: seen.setdefault("error", e))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42 and seen["done_thread"] == gui and seen["worker"] != gui


def test_errors_are_delivered_and_cancel_drops_the_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    errors: list[BaseException] = []
    runner.run(lambda _p: (_ for _ in ()).throw(UserError("bad", message_ar="خطأ")),
               lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], UserError)

    results: list[object] = []
    started = threading.Event()

    def slow(progress):  # type: ignore[no-untyped-def]
        started.set()
        while not progress.cancelled:
            time.sleep(0.005)
        return "too late"

    task = runner.run(slow, results.append, errors.append)
    started.wait(5)
    task.cancel()
    assert runner.wait(5000)
    QApplication.processEvents()
    assert results == [] and len(errors) == 1


def test_progress_dialog_only_for_long_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner()
    got: list[object] = []
    runner.run(lambda _p: "quick", got.append, got.append, parent=parent)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert parent.findChildren(QProgressDialog) == []
    release = threading.Event()
    runner.run(lambda _p: release.wait(10), got.append, got.append, parent=parent)
    qtbot.waitUntil(lambda: bool(parent.findChildren(QProgressDialog)), timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)


def test_exception_hook_logs_and_shows_details(caplog) -> None:  # type: ignore[no-untyped-def]
    dialogs = RecordingDialogs()
    previous = sys.excepthook
    try:
        hook = install_exception_hook(lambda: dialogs)
        try:
            raise ValueError("boom")
        except ValueError as exc:
            hook(type(exc), exc, exc.__traceback__)
        try:
            raise UserError("fix it", message_ar="صحّح ذلك")
        except UserError as exc:
            hook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert "boom" in caplog.text
    assert isinstance(dialogs.raised[0], ValueError)
    assert dialogs.errors[1] == "صحّح ذلك"  # the Arabic message, as the interface is Arabic


def test_bus_subscriptions_end_with_their_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    bus = EventBus()
    calls: list[object] = []
    owner = QObject()
    track(owner, bus.referral_changed, calls.append)
    bus.referral_changed.emit(1)
    owner.deleteLater()
    qtbot.waitUntil(lambda: True)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    bus.referral_changed.emit(2)
    assert calls == [1]
