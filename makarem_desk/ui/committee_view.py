"""The research committee member's view (POL-H5): applications awaiting a decision, the
declaration the applicant signed, and accept / reject with the reason.

Self-contained: built from the database and the signed-in actor; decisions go through
``CommitteeService`` (which uses the applications service) and travel back to the
counter in the next decisions batch.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..db import Database
from ..errors import UserError
from ..models import Role
from ..services.actor import Actor
from ..sync import CommitteeService, PendingApplication
from .dialogs import Dialogs
from .i18n import current_language
from .sync_view import _table, select_row, t


class CommitteeView(QWidget):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        service: CommitteeService | None = None,
        dialogs: Dialogs | None = None,
        bus: Any = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("committeeView")
        self.actor = actor
        self.svc = service or CommitteeService(db)
        self.dialogs = dialogs or Dialogs()
        self.bus = bus
        self.rows: list[PendingApplication] = []
        self.last_message = ""
        self._doc: QPdfDocument | None = None
        self._buf: QBuffer | None = None

        self.table = _table([
            t("رقم الطلب", "Reference"), t("المستفيد", "Beneficiary"), t("الهوية", "Identity"),
            t("البرنامج", "Program"), t("تاريخ التقديم", "Submitted"),
            t("موعد الرد", "Answer due"), t("نواقص", "Missing"), t("الإقرار", "Declaration"),
        ])
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        self.pdf_view = QPdfView(self)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # A page is an image of paper: never mirrored by the right-to-left layout.
        self.pdf_view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.pdf_note = QLabel(t("اختر طلباً لعرض إقراره.", "Choose an application."))
        self.pdf_note.setObjectName("hint")

        self.reason = QLineEdit()
        self.reason.setPlaceholderText(t("سبب القرار (مطلوب عند الرفض)",
                                         "Reason (required to reject)"))
        self.accept_button = QPushButton(t("قبول الطلب", "Accept"))
        self.accept_button.setObjectName("primary")
        self.accept_button.clicked.connect(lambda: self.decide(accepted=True))
        self.reject_button = QPushButton(t("رفض الطلب", "Reject"))
        self.reject_button.clicked.connect(lambda: self.decide(accepted=False))
        self.status = QLabel()
        self.status.setWordWrap(True)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.count_label)
        ll.addWidget(self.table, 1)
        decide_row = QHBoxLayout()
        decide_row.addWidget(self.reason, 1)
        decide_row.addWidget(self.accept_button)
        decide_row.addWidget(self.reject_button)
        ll.addLayout(decide_row)
        ll.addWidget(self.status)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.pdf_note)
        rl.addWidget(self.pdf_view, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        self.may_decide = actor.role in (Role.COMMITTEE_MEMBER, Role.ADMINISTRATOR)
        if not self.may_decide:
            self.status.setText(t("القرار لأعضاء لجنة البحث؛ يمكنك الاطلاع فقط.",
                                  "Only committee members decide; you can look."))
        if bus is not None:
            from .bus import track

            # A batch imported or a decision recorded elsewhere in the window shows here.
            track(self, bus.data_changed, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.rows = self.svc.pending(self.actor)
        except UserError as exc:  # e.g. a counter's role at the committee reads nothing
            self.rows = []
            self.status.setText(exc.message_ar if current_language() == "ar" else exc.message)
        self.table.setRowCount(len(self.rows))
        for row, p in enumerate(self.rows):
            values = [
                p.reference, p.beneficiary_name, p.identity_number or "—", p.program_name_ar,
                p.submitted_at.date().isoformat() if p.submitted_at else "—",
                p.response_due.date().isoformat() if p.response_due else "—",
                str(len(p.missing_items)) if p.missing_items else "—",
                t("مرفق", "attached") if p.has_declaration_pdf else t("غير مرفق", "missing"),
            ]
            for col, v in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(v))
        self.count_label.setText(t(f"طلبات بانتظار القرار: {len(self.rows)}",
                                   f"Awaiting a decision: {len(self.rows)}"))
        self._update_buttons()

    def selected(self) -> PendingApplication | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.rows[rows.pop()] if len(rows) == 1 else None

    def select_reference(self, reference: str) -> None:
        for row, p in enumerate(self.rows):
            if p.reference == reference:
                select_row(self.table, row)

    def _update_buttons(self) -> None:
        on = self.may_decide and self.selected() is not None
        self.accept_button.setEnabled(on)
        self.reject_button.setEnabled(on)

    def _show_selected(self) -> None:
        self._update_buttons()
        p = self.selected()
        pdf = self.svc.declaration_pdf(self.actor, p.id) if p is not None else None
        old = (self._doc, self._buf)
        if pdf is None:
            self.pdf_view.setDocument(None)  # type: ignore[arg-type]
            self._doc = self._buf = None
            self.pdf_note.setText(t("لا يوجد إقرار مطبوع لهذا الطلب.",
                                    "No printed declaration for this application.")
                                  if p is not None else "")
        else:
            buf = QBuffer(self)
            buf.setData(QByteArray(pdf))
            buf.open(QIODevice.OpenModeFlag.ReadOnly)
            doc = QPdfDocument(self)
            doc.load(buf)
            self.pdf_view.setDocument(doc)
            self._doc, self._buf = doc, buf
            self.pdf_note.setText(t(f"إقرار صحة البيانات — {p.reference}" if p else "",
                                    f"Data-accuracy declaration — {p.reference}" if p else ""))
        for o in old:
            if o is not None:
                o.deleteLater()

    def page_count(self) -> int:
        return self._doc.pageCount() if self._doc is not None else 0

    def decide(self, *, accepted: bool) -> None:
        p = self.selected()
        if p is None:
            return
        reason = self.reason.text().strip()
        verb = t("قبول", "accept") if accepted else t("رفض", "reject")
        if not self.dialogs.confirm(self, t("قرار اللجنة", "Committee decision"),
                                    t(f"{verb} الطلب {p.reference}؟", f"{verb} {p.reference}?")):
            return
        try:
            self.svc.decide(self.actor, p.reference, accepted=accepted, reason=reason)
        except UserError as exc:
            self.last_message = exc.message_ar if current_language() == "ar" else exc.message
            self.status.setText(self.last_message)
            self.dialogs.show_error(self, exc)
            return
        self.last_message = t(f"سُجّل القرار على {p.reference}؛ يصل للفرع مع دفعة القرارات القادمة.",
                              f"Decision recorded on {p.reference}; it travels in the next "
                              "decisions batch.")
        self.status.setText(self.last_message)
        self.reason.clear()
        if self.bus is not None:
            self.bus.application_changed.emit(p.id)
            self.bus.data_changed.emit()
        self.refresh()
