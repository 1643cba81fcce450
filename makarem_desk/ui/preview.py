"""Print preview of a generated PDF (QtPdf), printer choice, print, and save as a PDF file.

The documents are rendered by reportlab (text-searchable Arabic); printing draws their
pages on the printer in a background task, so the window stays responsive.  "Save as PDF"
writes the very bytes that were generated, never a re-rendered copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .context import AppContext
from .dialogs import user_message
from .tasks import Progress


def load_pdf(pdf: bytes, parent: QObject) -> tuple[QPdfDocument, QBuffer]:
    doc = QPdfDocument(parent)
    buf = QBuffer(parent)
    buf.setData(QByteArray(pdf))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buf)
    return doc, buf


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Draw every page of ``pdf`` on ``printer``; returns the number of pages printed."""
    owner = QObject()  # lives (in this thread) until the job ends
    doc, buf = load_pdf(pdf, owner)
    pages = doc.pageCount()
    if pages <= 0:
        raise RuntimeError("the document has no pages")
    dpi = min(printer.resolution(), 300)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("cannot start printing on the chosen printer")
    try:
        for i in range(pages):
            if progress is not None:
                if progress.cancelled:
                    break
                progress(i, pages, "")
            if i:
                printer.newPage()
            size_pt = doc.pagePointSize(i)
            image = doc.render(i, size_pt.toSize() * dpi / 72)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
        doc.close()
        buf.close()
    return pages


class PdfPreview(QWidget):
    """A PDF on screen with Print and Save-as-PDF; ``printed`` fires after a print job."""

    printed = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pdf: bytes | None = None
        self.file_stem = "document"
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # A page is an image of paper: never mirrored by the right-to-left layout.
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.doc: QPdfDocument | None = None
        self._buf: QBuffer | None = None
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.choose_printer_and_print)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as_pdf)
        self.status = QLabel()
        self.status.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        lay.addLayout(row)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.save_button.setEnabled(on)

    def show_pdf(self, pdf: bytes, file_stem: str = "document") -> int:
        self.pdf = pdf
        self.file_stem = file_stem
        old = (self.doc, self._buf)
        self.doc, self._buf = load_pdf(pdf, self)
        self.view.setDocument(self.doc)
        # The 80 mm roll of a receipt printer fitted to the width would be magnified four
        # times: shown at about its size, centred, instead.
        narrow = self.doc.pageCount() > 0 and self.doc.pagePointSize(0).width() < 300
        self.view.setZoomMode(QPdfView.ZoomMode.Custom if narrow
                              else QPdfView.ZoomMode.FitToWidth)
        if narrow:
            self.view.setZoomFactor(1.4)
        for o in old:
            if o is not None:
                o.deleteLater()
        self._enable(self.doc.pageCount() > 0)
        return self.doc.pageCount()

    def page_image(self, page: int = 0, width: int = 600) -> QImage:
        assert self.doc is not None
        size = self.doc.pagePointSize(page)
        return self.doc.render(page, (size * (width / size.width())).toSize())

    def choose_printer_and_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.doc is not None and self.doc.pageCount() > 0:
            # The paper of the document (A4, or the receipt's roll and its length) is what
            # the driver is asked for; the dialog can still change it.
            size = self.doc.pagePointSize(0)
            printer.setPageSize(QPageSize(size, QPageSize.Unit.Point, "",
                                          QPageSize.SizeMatchPolicy.FuzzyMatch))
        dialog = QPrintDialog(printer, self)
        if not self.ctx.dialogs.run_dialog(dialog):  # the facade: tests choose a printer
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        if self.pdf is None:
            return
        pdf = self.pdf
        self.status.setText(self.tr("Printing…"))
        self._enable(False)

        def done(_pages: int) -> None:
            self._enable(True)
            self.status.setText(self.tr("Sent to the printer."))
            self.printed.emit()

        def failed(exc: BaseException) -> None:
            self._enable(True)
            self.status.setText("")
            self.ctx.dialogs.show_error(self, exc)

        self._printer = printer  # alive until the job ends
        self.ctx.tasks.run(lambda p: print_pdf(pdf, printer, p), done, failed,
                           label=self.tr("Printing…"), parent=self)

    def save_as_pdf(self) -> str | None:
        if self.pdf is None:
            return None
        path = self.ctx.dialogs.pick_save_path(self, self.tr("Save as PDF"),
                                               f"{self.file_stem}.pdf")
        if not path:
            return None
        try:
            Path(path).write_bytes(self.pdf)
        except OSError as exc:
            self.ctx.dialogs.show_error(self, user_message(str(exc)))
            return None
        self.status.setText(self.tr("Saved: %1").replace("%1", path))
        self.saved.emit(path)
        return path
