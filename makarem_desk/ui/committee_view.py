"""The research committee member's screen (POL-H5): applications awaiting a decision, the
declaration the applicant signed, and accept / reject with the reason.

Decisions go through ``ctx.committee`` (``CommitteeService``) and travel back to the
counter in the next decisions batch.  The queue is read on the task runner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..sync import PendingApplication
from ..values import Role
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .follow_up_lists import day_text, items_text
from .i18n import current_language, ltr
from .preview import PdfPreview
from .sync_view import compact, selected_payload, show_or_say
from .widgets import Table, hint, page_title

NAME_WIDTH = 220  # px: a name or a program wider than this is cut (whole in a tooltip)
NAME_FLOOR = 110  # px: narrower still when the width is short (longer words, a small window)
CUT = (1, 3)  # the beneficiary's name and the program


class CommitteeView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("committeeView")
        self.ctx = ctx
        self.actor = ctx.require_actor()
        self.svc = ctx.committee
        self.rows: list[PendingApplication] = []
        self.last_message = ""

        self.count_label = hint("")
        self.table = compact(Table([
            self.tr("Reference"), self.tr("Beneficiary"), self.tr("Identity number"),
            self.tr("Program"), self.tr("Submitted"), self.tr("Answer due"),
            self.tr("Missing items"), self.tr("Declaration"),
        ]))
        self.table.refit_on_resize = False  # _fit_columns cuts names and programs itself
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.empty = hint(self.tr(
            "No application is waiting for the committee. New ones arrive with the counters' "
            "batches: import them on the Exchange with the committee screen."))

        # The declaration on the page, or a sentence saying why there is none.
        self.preview = PdfPreview(ctx)
        self.pdf_note = hint(self.tr(
            "Choose an application in the list to read the declaration the applicant "
            "signed."))
        self.pdf_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.pdf_note)
        self.preview_stack.addWidget(self.preview)

        self.doc_title = QLabel()
        bold = self.doc_title.font()
        bold.setBold(True)
        self.doc_title.setFont(bold)
        self.doc_title.setWordWrap(True)
        self.missing = hint("")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for the decision (required to reject)"))
        self.accept_button = QPushButton(self.tr("Accept the application"))
        self.accept_button.setObjectName("primary")
        self.accept_button.clicked.connect(lambda: self.decide(accepted=True))
        self.reject_button = QPushButton(self.tr("Reject the application"))
        self.reject_button.clicked.connect(lambda: self.decide(accepted=False))
        self.status = QLabel()
        self.status.setWordWrap(True)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.count_label)
        tl.addWidget(self.table, 1)
        tl.addWidget(self.empty)
        decide = QWidget()
        dl = QVBoxLayout(decide)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.doc_title)
        dl.addWidget(self.missing)
        dl.addWidget(QLabel(self.tr("Reason for the decision")))
        dl.addWidget(self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        dl.addLayout(buttons)
        dl.addWidget(self.status)
        dl.addStretch(1)
        bottom = QWidget()
        bl = QHBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(decide, 2)
        bl.addWidget(self.preview_stack, 3)
        # The queue across the whole width (eight columns fit at 1366×768), the decision
        # and the declaration below it.
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Committee decisions")))
        lay.addWidget(split, 1)

        self.may_decide = self.actor.role in (Role.COMMITTEE_MEMBER, Role.ADMINISTRATOR)
        if not self.may_decide:
            self.status.setText(self.tr("Only committee members decide; you can look."))
        # A batch imported or a decision recorded elsewhere in the window shows here.
        track(self, ctx.bus.data_changed, self.refresh)
        self.setFocusProxy(self.table)
        self._show_selected()
        self.refresh()

    def refresh(self) -> None:
        svc, actor = self.svc, self.actor
        self.ctx.tasks.run(lambda _p: svc.pending(actor), self._show, self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        # E.g. a counter's role at the committee reads nothing: the screen says so.
        self._show([])
        self.status.setText(user_message(error))

    def _show(self, rows: list[PendingApplication]) -> None:
        self.rows = rows
        self.table.set_rows([(self._cells(p), p) for p in rows])
        # Long names and programs are cut (whole in a tooltip) so that the eight columns
        # fit the width at 1366×768 in either language.
        for col in CUT:
            for row in range(len(rows)):
                cell = self.table.item(row, col)
                if cell is not None:
                    cell.setToolTip(cell.text())
        self._fit_columns()
        self.count_label.setText(self.tr("Awaiting a decision: %1").replace("%1", str(len(rows))))
        show_or_say(self.table, self.empty, bool(rows))
        self._show_selected()

    def _cells(self, p: PendingApplication) -> list[str]:
        arabic = current_language() == "ar"
        return [
            ltr(p.reference), p.beneficiary_name,
            ltr(p.identity_number) if p.identity_number else "—",
            p.program_name_ar if arabic or not p.program_name_en else p.program_name_en,
            day_text(p.submitted_at), day_text(p.response_due),
            str(len(p.missing_items)) if p.missing_items else "—",
            self.tr("Attached") if p.has_declaration_pdf else self.tr("Not attached"),
        ]

    def _fit_columns(self) -> None:
        """Names and programs give up width so the eight columns fit the table; room left
        over goes to the last column, so no blank band is left beside the table."""
        header = self.table.horizontalHeader()
        last = header.count() - 1
        header.resizeSection(last, max(self.table.sizeHintForColumn(last),
                                       header.sectionSizeHint(last)))
        for col in CUT:
            header.resizeSection(col, min(self.table.sizeHintForColumn(col), NAME_WIDTH))
        over = header.length() - self.table.viewport().width()
        for col in CUT:
            if over <= 0:
                break
            give = min(over, header.sectionSize(col) - NAME_FLOOR)
            if give > 0:
                header.resizeSection(col, header.sectionSize(col) - give)
                over -= give
        if over < 0:
            header.resizeSection(last, header.sectionSize(last) - over)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if self.rows:
            self._fit_columns()

    def selected(self) -> PendingApplication | None:
        p = selected_payload(self.table)
        return p if isinstance(p, PendingApplication) else None

    def select_reference(self, reference: str) -> None:
        for row, p in enumerate(self.rows):
            if p.reference == reference:
                self.table.selectRow(row)

    def _show_selected(self) -> None:
        p = self.selected()
        on = self.may_decide and p is not None
        self.accept_button.setEnabled(on)
        self.reject_button.setEnabled(on)
        self.reason.setEnabled(on)
        self.doc_title.setText(
            self.tr("Application %1").replace("%1", ltr(p.reference)) if p is not None
            else self.tr("No application chosen"))
        self.missing.setText(self.tr("Missing items: %1").replace(
            "%1", items_text(p.missing_items)) if p is not None and p.missing_items else "")
        self.missing.setVisible(bool(self.missing.text()))
        pdf = self.svc.declaration_pdf(self.actor, p.id) if p is not None else None
        if pdf is None:
            self.preview_stack.setCurrentWidget(self.pdf_note)
            self.pdf_note.setText(
                self.tr("No printed declaration for this application.") if p is not None
                else self.tr("Choose an application in the list to read the declaration "
                             "the applicant signed."))
        else:
            self.preview.show_pdf(pdf, f"declaration-{p.reference}" if p else "declaration")
            self.preview_stack.setCurrentWidget(self.preview)

    def page_count(self) -> int:
        doc = self.preview.doc
        shown = self.preview_stack.currentWidget() is self.preview
        return doc.pageCount() if doc is not None and shown else 0

    def decide(self, *, accepted: bool) -> None:
        p = self.selected()
        if p is None:
            return
        reason = self.reason.text().strip()
        question = (self.tr("Accept application %1?") if accepted
                    else self.tr("Reject application %1?")).replace("%1", ltr(p.reference))
        if not self.ctx.dialogs.confirm(self, self.tr("Committee decision"), question):
            return
        try:
            self.svc.decide(self.actor, p.reference, accepted=accepted, reason=reason)
        except UserError as exc:
            self._say(user_message(exc))
            self.ctx.dialogs.show_error(self, exc)
            return
        self._say(self.tr("Decision recorded on %1; it travels to the branch in the next "
                          "decisions batch.").replace("%1", ltr(p.reference)))
        self.reason.clear()
        self.ctx.bus.application_changed.emit(p.id)
        self.ctx.bus.data_changed.emit()

    def _say(self, text: str) -> None:
        self.last_message = text
        self.status.setText(text)

