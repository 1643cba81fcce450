"""The reference library (POL-TOOLS): search the policy, bylaws and guide; a result shows
its passage and page and opens the document there (QtPdf for a PDF, the text otherwise).
Adding and removing documents is ``makarem-desk library add/remove`` for now."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..services.library import LibraryService, SearchHit
from .context import AppContext
from .preview import load_pdf
from .widgets import hint, page_title


class LibraryView(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.service = LibraryService(ctx.db)
        self.hits: list[SearchHit] = []
        self.pdf: QPdfDocument | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Reference library")))
        lay.addWidget(hint(self.tr("The association's policy, bylaws and services guide. "
                                   "Spelling variants of a word are found too.")))
        row = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Words to find"))
        self.query.returnPressed.connect(self.search)
        go = QPushButton(self.tr("Search"))
        go.clicked.connect(self.search)
        row.addWidget(self.query, 1)
        row.addWidget(go)
        lay.addLayout(row)
        body = QHBoxLayout()
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.currentRowChanged.connect(self.open_hit)
        body.addWidget(self.results, 2)
        self.viewer = QStackedWidget()
        self.text = QTextBrowser()
        self.pdf_view = QPdfView(self)
        # One page at a time: the page of the passage is the page shown, whether or not the
        # view has laid out a multi-page column yet.
        self.pdf_view.setPageMode(QPdfView.PageMode.SinglePage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # A page is an image of paper: never mirrored by the right-to-left layout.
        self.pdf_view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.viewer.addWidget(self.text)
        self.viewer.addWidget(self.pdf_view)
        body.addWidget(self.viewer, 3)
        lay.addLayout(body, 1)

    def search(self) -> None:
        self.results.clear()
        try:
            self.hits = self.service.search(self.ctx.require_actor(), self.query.text())
        except Exception as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        if not self.hits:
            self.results.addItem(self.tr("No passage found."))
        for h in self.hits:
            item = QListWidgetItem(self.tr("%1 — page %2").replace("%1", h.title)
                                   .replace("%2", str(h.page)) + "\n" + h.snippet)
            self.results.addItem(item)

    def open_hit(self, row: int) -> None:
        if not 0 <= row < len(self.hits):
            return
        hit = self.hits[row]
        try:
            doc = self.service.open_document(self.ctx.require_actor(), hit.document_id)
        except Exception as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        if doc.file_type == "pdf":
            self.pdf, _buf = load_pdf(doc.content, self)
            self.pdf_view.setDocument(self.pdf)
            self.pdf_view.pageNavigator().jump(hit.page - 1, QPointF(), 0)
            self.viewer.setCurrentWidget(self.pdf_view)
            return
        pages = doc.content.decode("utf-8-sig").split("\f")
        self.text.setPlainText(pages[min(hit.page, len(pages)) - 1])
        self.text.find(hit.passage.split("\n", 1)[0])  # scrolls to and selects the passage
        self.viewer.setCurrentWidget(self.text)
