"""The reference library (POL-TOOLS): search the policy, bylaws and guide; a result shows
its passage and page and opens the document there (QtPdf for a PDF, the text otherwise).
An administrator adds and removes documents here too (as ``makarem-desk library add/remove``
does); other staff do not see those buttons."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..permissions import allowed
from ..services.library import KINDS, DocumentInfo, LibraryService, SearchHit
from .context import AppContext
from .preview import load_pdf
from .widgets import hint, page_title

log = logging.getLogger(__name__)
KIND_LABELS = {
    "bylaws": QT_TRANSLATE_NOOP("LibraryView", "Bylaws"),
    "guide": QT_TRANSLATE_NOOP("LibraryView", "Guide"),
    "policy": QT_TRANSLATE_NOOP("LibraryView", "Policy"),
    "other": QT_TRANSLATE_NOOP("LibraryView", "Other"),
}


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
        actor = ctx.require_actor()
        self.may_edit = allowed("LibraryService.add", actor.role, ctx.db.installation_role)
        if self.may_edit:
            self.add_button = QPushButton(self.tr("Add document…"))
            self.add_button.clicked.connect(self.add_document)
            self.remove_button = QPushButton(self.tr("Remove…"))
            self.remove_button.clicked.connect(self.remove_document)
            row.addWidget(self.add_button)
            row.addWidget(self.remove_button)
        lay.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
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
        lay.addWidget(self.status)

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

    # -- the administrator's additions and removals ---------------------------------------
    def add_document(self) -> None:
        dialogs = self.ctx.dialogs
        path = dialogs.pick_open_path(self, self.tr("Choose the document to add"),
                                      self.tr("PDF or text (*.pdf *.txt)"))
        if not path:
            return
        title = dialogs.ask(self, self.tr("Add document"), self.tr("Title of the document"),
                            Path(path).stem)
        if title is None:
            return
        kind = dialogs.choose(self, **self.kind_question())
        if kind is None:
            return
        actor, name = self.ctx.require_actor(), Path(path).name
        unreadable = self.tr("Cannot read the file %1.").replace("%1", name)

        def add(_p: object) -> DocumentInfo:
            try:
                content = Path(path).read_bytes()
            except OSError as exc:
                log.warning("cannot read a file added to the library: %s", exc.strerror)
                raise UserError(unreadable) from None
            return self.service.add(actor, name, content, title=title, kind=kind[0])

        def added(info: DocumentInfo) -> None:
            self.status.setText(self.tr("Added to the library: %1 (%2 passages).")
                                .replace("%1", info.title).replace("%2", str(info.passages)))

        # Reading a long PDF's text takes a while: off the GUI thread.
        self.ctx.tasks.run(add, added, lambda exc: self.ctx.dialogs.show_error(self, exc),
                           label=self.tr("Reading the document…"), parent=self)

    def kind_question(self) -> dict[str, Any]:
        """The question of ``Dialogs.choose`` when a document is added."""
        return {"title": self.tr("Add document"), "label": self.tr("Kind of document"),
                "options": [(k, QCoreApplication.translate("LibraryView", str(KIND_LABELS[k])))
                            for k in KINDS],
                "current": "other"}

    def remove_document(self) -> None:
        actor = self.ctx.require_actor()
        try:
            docs = {str(d.id): d for d in self.service.documents(actor)}
        except Exception as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        if not docs:
            self.status.setText(self.tr("The library is empty."))
            return
        row = self.results.currentRow()
        current = str(self.hits[row].document_id) if 0 <= row < len(self.hits) else None
        answer = self.ctx.dialogs.choose(
            self, self.tr("Remove a document"), self.tr("The document to remove"),
            [(key, f"{d.title} — {d.file_name}") for key, d in docs.items()], current=current)
        if answer is None:
            return
        doc = docs[answer[0]]
        if not self.ctx.dialogs.confirm(
                self, self.tr("Remove a document"),
                self.tr("Remove “%1” from the library? Staff will no longer find it.")
                .replace("%1", doc.title)):
            return
        try:
            self.service.remove(actor, doc.id)
        except Exception as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        # Results may point into the removed document: start the search again.
        self.hits = []
        self.results.clear()
        self.status.setText(self.tr("Removed from the library: %1").replace("%1", doc.title))
