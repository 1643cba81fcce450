"""The Reports screen (issue 10): a period typed or picked in Hijri or Gregorian, the
figures computed in a worker process (``worker.JOBS["report.build"]``, issue 14) with
progress and a Cancel that stops the queries,
the tables and the paper's own charts, and the PDF and Excel files saved off the GUI
thread (``ReportExportService`` writes and audits them)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime, time
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..reports import labels as L
from ..reports.model import Report
from ..saudi_time import KSA
from .context import AppContext
from .date_range import DateRangeBar
from .dialogs import user_message
from .i18n import current_language
from .report_page import CHART_PX, ReportPage
from .tasks import Task
from .widgets import page_title


class ReportsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.report: Report | None = None
        self.charts: dict[str, bytes] = {}
        self.task: Task | None = None
        self._steps: deque[Callable[[], None]] = deque()
        self.busy = False
        self.range = DateRangeBar(ctx.today_date())
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("primary")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.show_report)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("hint")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        # Show, then the progress and Cancel while a report is prepared, then the files.
        actions = QHBoxLayout()
        actions.addWidget(self.show_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.progress)
        actions.addWidget(self.progress_label)
        actions.addStretch(1)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.xlsx_button)
        self.page = ReportPage()
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.page)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(page_title(self.tr("Reports")))
        lay.addWidget(self.range)
        lay.addLayout(actions)
        lay.addWidget(self.message)
        lay.addWidget(self.scroller, 1)
        self.range.changed.connect(self.message.hide)
        for end in (self.range.start, self.range.end):  # Enter in a date field: Show
            end.field.editor.returnPressed.connect(self.show_report)
        self.setFocusProxy(self.range.start)
        self._busy(False)

    # -- computing ------------------------------------------------------------------------
    def _now(self) -> datetime | None:
        """Tests fix the day (``ctx.today``): "now" figures are then as of 09:00 that
        day in Riyadh; otherwise the service takes this moment."""
        if self.ctx.today is None:
            return None
        return datetime.combine(self.ctx.today, time(9), tzinfo=KSA).astimezone(UTC)

    def show_report(self) -> Task | None:
        try:
            start, end = self.range.range()
        except UserError as exc:
            self.say(user_message(exc))
            return None
        period = self.range.period_key()
        lang = current_language()
        steps = {key: L.pick(L.STEP_NAMES, key, lang) for key in L.STEP_NAMES}
        drawing = self.tr("Drawing the charts")
        # The figures and the charts in a worker process: the window stays responsive
        # whatever the registry's size (issue 14).
        job = self.ctx.job(
            "report.build", start=start, end=end, period=period, now=self._now(),
            language=lang, dpi=max(72, round(96 * self.devicePixelRatioF())),
            charts={name: (w / 96, h / 96) for name, (w, h) in CHART_PX.items()})

        def words(step: str) -> str:
            return drawing if step == "charts" else steps.get(step) or step

        self.message.hide()
        self._steps.clear()  # the page of an earlier report stops filling
        self._busy(True, self.tr("Preparing the report…"))
        # No modal dialog: the screen shows its own progress and Cancel.
        task = self.ctx.tasks.run_job(job, self._shown, self._failed, relabel=words,
                                      on_progress=self._on_progress, db=self.ctx.db)
        if not task.done:  # a synchronous runner (tests) has finished already
            self.task = task
        return task

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.busy:
            return  # a cancelled report still finishing its query
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(text)

    def _shown(self, result: tuple[Report, dict[str, bytes]]) -> None:
        self.report, self.charts = result
        self.task = None
        self._busy(False)
        ratio = self.devicePixelRatioF()
        steps = self.page.steps(self.report, current_language()) + [
            partial(self.page.set_charts, {name: png}, ratio)
            for name, png in self.charts.items()]
        if self.ctx.tasks.synchronous:  # tests: the page at once
            for step in steps:
                step()
        else:  # a step per turn of the event loop: the window answers in between
            self._steps = deque(steps)
            QTimer.singleShot(0, self._next_step)
        self._enable_exports()

    def _next_step(self) -> None:
        if self._steps:
            self._steps.popleft()()
            QTimer.singleShot(0, self._next_step)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._busy(False)
        if isinstance(exc, UserError):
            self.say(user_message(exc))
        else:
            self.ctx.dialogs.show_error(self, exc)

    def cancel(self) -> None:
        """Stops the queries before the next one (``ReportService.build``'s cancel); the
        figures already on screen stay."""
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self._busy(False)
        self.say(self.tr("The report was cancelled."))

    def _busy(self, on: bool, text: str = "") -> None:
        self.busy = on
        for w in (self.progress, self.progress_label, self.cancel_button):
            w.setVisible(on)
        self.progress.setRange(0, 0)  # busy until the first step reports
        self.progress_label.setText(text)
        self.show_button.setEnabled(not on)
        self.range.setEnabled(not on)
        self._enable_exports(not on)

    def _enable_exports(self, on: bool = True) -> None:
        ready = on and self.report is not None
        self.pdf_button.setEnabled(ready)
        self.xlsx_button.setEnabled(ready)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- saving ---------------------------------------------------------------------------
    def save(self, kind: str) -> Task | None:
        """Save the report on screen as a PDF or an Excel workbook (audited by the
        export service), in the worker process."""
        report = self.report
        if report is None:
            return None
        name = f"report-{report.start.isoformat()}-{report.end.isoformat()}.{kind}"
        title = self.tr("Save as PDF") if kind == "pdf" else self.tr("Save as Excel")
        filter_ = "PDF (*.pdf)" if kind == "pdf" else self.tr("Excel workbook (*.xlsx)")
        chosen = self.ctx.dialogs.pick_save_path(self, title, name, filter_)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")

        def done(_result: Any) -> None:
            self._enable_exports()
            self.ctx.dialogs.info(self, title, self.tr("Saved: %1").replace("%1", str(path)))

        def failed(exc: BaseException) -> None:
            self._enable_exports()
            # A disk that is full or a folder that cannot be written: say it plainly.
            self.ctx.dialogs.show_error(self, str(exc) if isinstance(exc, OSError) else exc)

        self._enable_exports(False)
        # In the worker process, like the figures: a long PDF never freezes the window.
        job = self.ctx.job("report.save", report=report, path=str(path),
                           language=current_language())
        return self.ctx.tasks.run_job(job, done, failed, label=self.tr("Saving…"),
                                      parent=self, cancellable=False, db=self.ctx.db)
