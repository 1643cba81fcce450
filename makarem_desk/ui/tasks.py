"""Background work: a callable runs on the thread pool, or a ``worker.Job`` (export,
import, report) in a worker process; its result or error comes back on the GUI thread.
Workers report ``(done, total, label)`` and check ``cancelled``; a progress dialog appears
only when the work lasts longer than ``PROGRESS_DELAY_MS``.

Heavy jobs go to a process (issue 14): their garbage collections of millions of objects,
on a thread here, held the interpreter's lock and froze the window for up to 1.7 s.

Tests use ``TaskRunner(synchronous=True)``: the same code paths, run inline.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QObject,
    QProcess,
    QProcessEnvironment,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from .. import worker
from ..worker import Job

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 500
KILL_AFTER_CANCEL_MS = 10_000  # a worker that does not stop when asked is ended


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


class ProcessTask(Task):
    """A ``Job`` in a worker process: progress and the answer arrive as lines on its
    stdout (``worker.parse_line``); cancel is a line on its stdin."""

    def __init__(self, job: Job, relabel: Callable[[str], str] | None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.job, self.relabel = job, relabel
        self.process = QProcess(self)
        self.answered = False
        self._buffer = b""
        self._stderr = b""
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.readyReadStandardError.connect(self._read_stderr)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._error)

    def start(self) -> None:
        env = QProcessEnvironment()
        base = QProcessEnvironment.systemEnvironment()
        for key, value in worker.environment({k: base.value(k) for k in base.keys()}).items():
            env.insert(key, value)
        self.process.setProcessEnvironment(env)
        program, *args = worker.command()
        self.process.start(program, args)
        self.process.write((worker.encode(self.job) + "\n").encode("ascii"))

    def cancel(self) -> None:
        super().cancel()
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.write(b"cancel\n")
            QTimer.singleShot(KILL_AFTER_CANCEL_MS, self.process, self.process.kill)

    def _read(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            self._line(raw.decode("ascii", "replace"))

    def _line(self, line: str) -> None:
        try:
            parsed = worker.parse_line(line)
        except Exception as exc:  # a line cut or garbled: the work's answer is lost
            log.exception("unreadable line from a worker")
            parsed = worker.ERROR, worker.unexpected(exc)
        if parsed is None or self.answered:
            if line.strip():
                log.info("worker: %s", line.strip()[:200])
            return
        kind, value = parsed
        if kind == worker.PROGRESS:
            done, total, label = value
            self.progress(done, total, self.relabel(label) if self.relabel else label)
        elif kind == worker.RESULT:
            self.answered = True
            self.signals.finished.emit(value)
        else:
            self.answered = True
            self.signals.failed.emit(value)

    def _read_stderr(self) -> None:
        chunk = bytes(self.process.readAllStandardError().data())
        self._stderr = (self._stderr + chunk)[-8000:]
        for line in chunk.decode("utf-8", "replace").splitlines():
            if line.strip():
                log.warning("worker %s: %s", self.job.name, line)

    def _ended(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._read()
        if self._buffer:
            self._line(self._buffer.decode("ascii", "replace"))
            self._buffer = b""
        if not self.answered:
            self.answered = True
            last = self._stderr.decode("utf-8", "replace").strip().splitlines()
            self.signals.failed.emit(worker.worker_stopped(code, last[-1][:160] if last else ""))

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self.answered:
            self.answered = True
            self.signals.failed.emit(worker.worker_not_started(self.process.errorString()))


class TaskRunner(QObject):
    def __init__(self, *, synchronous: bool = False, processes: bool = True,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.synchronous = synchronous
        self.processes = processes  # False: jobs on the thread pool (as before issue 14)
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
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        task = Task(self)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        if self.synchronous:
            self._inline(task, fn, on_done, on_error)
            return task
        self._watch(task, on_done, on_error, label, parent, cancellable)
        self.pool.start(_Job(fn, task.signals, task.progress))
        return task

    def run_job(
        self,
        job: Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        label: str = "",
        parent: QWidget | None = None,
        cancellable: bool = True,
        relabel: Callable[[str], str] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        db: Any = None,
    ) -> Task:
        """``job`` in a worker process (``worker.serve``), with the same progress dialog,
        cancel and callbacks as ``run``; ``relabel`` words its progress labels.  Inline
        (``synchronous``) or on the pool (``processes=False``) it runs ``worker.run_job``
        on ``db``, the window's own database."""
        if self.synchronous or not self.processes or not worker.reachable(job):
            def work(progress: Progress) -> Any:
                def report(done: int, total: int, text: str) -> None:
                    progress(done, total, relabel(text) if relabel else text)

                return worker.run_job(job, report, lambda: progress.cancelled, db=db)

            return self.run(work, on_done, on_error, label=label, parent=parent,
                            cancellable=cancellable, on_progress=on_progress)
        task = ProcessTask(job, relabel, self)
        self._watch(task, on_done, on_error, label, parent, cancellable, on_progress)
        task.start()
        return task

    def _inline(self, task: Task, fn: Callable[[Progress], Any],
                on_done: Callable[[Any], None],
                on_error: Callable[[BaseException], None]) -> None:
        task.done = True
        try:
            result = fn(task.progress)
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)

    def _watch(
        self,
        task: Task,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        label: str,
        parent: QWidget | None,
        cancellable: bool,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        """The answer's callbacks on the GUI thread, and the progress dialog after
        ``PROGRESS_DELAY_MS``."""
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
            def update(done: int, total: int, text: str) -> None:
                dlg.setMaximum(max(total, 0))
                dlg.setValue(done)
                dlg.setLabelText(text or label)

            task.signals.progress.connect(update)
            dialog.append(dlg)
            dlg.show()

        timer = QTimer(task)
        timer.setSingleShot(True)
        timer.timeout.connect(show_progress)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        task.signals.finished.connect(ok, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(bad, Qt.ConnectionType.QueuedConnection)
        self._live.add(task)
        timer.start(PROGRESS_DELAY_MS)

    def wait(self, msecs: int = 30000) -> bool:
        """Until the pool's work and every worker process have ended (tests, closing)."""
        if not self.pool.waitForDone(msecs):
            return False
        for task in self.findChildren(ProcessTask):
            running = task.process.state() != QProcess.ProcessState.NotRunning
            if running and not task.process.waitForFinished(msecs):
                return False
        return True
