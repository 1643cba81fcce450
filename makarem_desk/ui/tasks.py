"""Background work: a callable runs on the thread pool; its result or error comes back on
the GUI thread.  Workers report ``(done, total, label)`` and check ``cancelled``; a
progress dialog appears only when the work lasts longer than ``PROGRESS_DELAY_MS``.

Tests use ``TaskRunner(synchronous=True)``: the same code paths, run inline.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 500


class Progress:
    """Handed to a worker: report progress, ask whether the user cancelled."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None):
        self._cancel = threading.Event()
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if self._report is not None:
            self._report(done, total, label)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self.fn, self.signals, self.progress = fn, signals, progress

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class Task(QObject):
    """A handle on one piece of background work."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.progress = Progress(self._emit_progress)
        self.signals = _Signals(self)
        self.done = False

    def _emit_progress(self, done: int, total: int, label: str) -> None:
        self.signals.progress.emit(done, total, label)

    def cancel(self) -> None:
        self.progress.cancel()


class TaskRunner(QObject):
    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._live: set[Task] = set()

    def run(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        label: str = "",
        parent: QWidget | None = None,
        cancellable: bool = True,
    ) -> Task:
        task = Task(self)
        dialog: list[QProgressDialog] = []

        def finish() -> None:
            task.done = True
            self._live.discard(task)
            timer.stop()
            if dialog:
                dialog[0].close()
                dialog[0].deleteLater()

        def ok(result: Any) -> None:
            finish()
            if not task.progress.cancelled:
                on_done(result)

        def bad(exc: BaseException) -> None:
            finish()
            if not task.progress.cancelled:
                on_error(exc)

        def show_progress() -> None:
            if task.done or parent is None:
                return
            dlg = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.setMinimumDuration(0)
            if cancellable:
                # Closing the dialog when the work is done also emits "canceled".
                dlg.canceled.connect(lambda: None if task.done else task.cancel())
            else:
                dlg.setCancelButton(None)
            def on_progress(done: int, total: int, text: str) -> None:
                dlg.setMaximum(max(total, 0))
                dlg.setValue(done)
                dlg.setLabelText(text or label)

            task.signals.progress.connect(on_progress)
            dialog.append(dlg)
            dlg.show()

        timer = QTimer(task)
        timer.setSingleShot(True)
        timer.timeout.connect(show_progress)
        if self.synchronous:
            try:
                result = fn(task.progress)
            except Exception as exc:
                bad(exc)
            else:
                ok(result)
            return task
        task.signals.finished.connect(ok, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(bad, Qt.ConnectionType.QueuedConnection)
        self._live.add(task)
        timer.start(PROGRESS_DELAY_MS)
        self.pool.start(_Job(fn, task.signals, task.progress))
        return task

    def wait(self, msecs: int = 30000) -> bool:
        return bool(self.pool.waitForDone(msecs))
