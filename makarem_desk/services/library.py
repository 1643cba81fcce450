"""The reference library at the counter (POL-TOOLS): the association's policy, bylaws and
the social-research services guide, searchable in Arabic whatever the spelling.

Every member of staff lists, searches and opens documents at both installations; only an
administrator adds or removes one (each audited).  The first time the library is read on
a set-up installation it is stocked with the shipped beneficiary-relations policy and two
marked placeholders (bylaws, guide); adding a document of a placeholder's kind replaces it.

Search: the query's words are folded exactly as name search folds them
(``makarem_desk.text.search_words``: hamza forms, ة/ه, ى/ي, tashkeel, compound names) and
each must occur in a passage's folded text.  That is a LIKE over the folded text — a scan,
fine for a library of a few documents and a few thousand passages on SQLite and
PostgreSQL alike; a library of thousands of documents would want a full-text index.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import UserError
from ..models import LibraryDocument, LibraryPassage, Site
from ..permissions import ADMIN_ONLY, STAFF, guarded, register
from ..resources import resource_path
from ..text import search_words
from .actor import SYSTEM, Actor
from .library_text import Passage, file_type, pages_of, passages_of, snippet

register({
    "LibraryService.documents": STAFF,
    "LibraryService.search": STAFF,
    "LibraryService.open_document": STAFF,
    "LibraryService.add": ADMIN_ONLY,
    "LibraryService.remove": ADMIN_ONLY,
})

KINDS = ("bylaws", "guide", "policy", "other")
KIND_LABELS_AR = {"bylaws": "اللائحة الأساسية", "guide": "دليل", "policy": "سياسة",
                  "other": "أخرى"}
SEEDED_KEY = "library_seeded"  # in the local site's settings: stocked once, never again
MAX_RESULTS = 50
_POOL = 500  # passages read per query before ranking

SHIPPED_POLICY = ("beneficiary-relations-policy.ar.txt", "سياسة تنظيم العلاقة مع المستفيدين")
PLACEHOLDERS = {
    "bylaws": "اللائحة الأساسية للجمعية",
    "guide": "دليل خدمات البحث الاجتماعي",
}


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    title: str
    kind: str
    file_name: str
    sha256: str
    is_placeholder: bool
    added_by: str
    added_at: datetime
    passages: int
    pages: int


@dataclass(frozen=True)
class DocumentFile:
    id: int
    title: str
    file_name: str
    file_type: str  # text | pdf
    content: bytes


@dataclass(frozen=True)
class SearchHit:
    document_id: int
    title: str
    kind: str
    is_placeholder: bool
    page: int
    snippet: str
    passage: str


class LibraryService:
    def __init__(self, db: Database):
        self.db = db

    @guarded
    def documents(self, actor: Actor) -> list[DocumentInfo]:
        self._stock_once()
        with self.db.reader() as s:
            counts: dict[int, tuple[int, int]] = {
                doc_id: (n, top) for doc_id, n, top in s.execute(
                    select(LibraryPassage.document_id, func.count(LibraryPassage.id),
                           func.max(LibraryPassage.page))
                    .group_by(LibraryPassage.document_id))}
            docs = s.scalars(select(LibraryDocument).order_by(LibraryDocument.id)).all()
            return [_info(d, *counts.get(d.id, (0, 0))) for d in docs]

    @guarded
    def search(self, actor: Actor, query: str, *, limit: int = MAX_RESULTS) -> list[SearchHit]:
        words = search_words(query)
        if not words or sum(len(w) for w in words) < 2:
            raise UserError("Type at least two letters to search the library.",
                            message_ar="اكتب حرفين على الأقل للبحث في المكتبة.")
        self._stock_once()
        with self.db.reader() as s:
            rows = s.execute(
                select(LibraryPassage.document_id, LibraryPassage.page, LibraryPassage.text,
                       LibraryPassage.search_text, LibraryDocument.title,
                       LibraryDocument.kind, LibraryDocument.is_placeholder)
                .join(LibraryDocument, LibraryDocument.id == LibraryPassage.document_id)
                .where(and_(*(LibraryPassage.search_text.like(f"%{_escape(w)}%", escape="\\")
                              for w in words)))
                .order_by(LibraryPassage.document_id, LibraryPassage.page, LibraryPassage.id)
                .limit(_POOL)
            ).all()
        phrase = " ".join(words)
        ranked = sorted(
            rows,
            key=lambda r: (r.is_placeholder,
                           phrase not in r.search_text,  # the words together, in order
                           -sum(w in r.search_text.split() for w in words),  # whole words
                           len(r.search_text),  # a heading or short clause before a page
                           r.document_id, r.page),
        )
        return [SearchHit(r.document_id, r.title, r.kind, r.is_placeholder, r.page,
                          snippet(r.text, words), r.text) for r in ranked[:max(1, limit)]]

    @guarded
    def open_document(self, actor: Actor, document_id: int) -> DocumentFile:
        self._stock_once()
        with self.db.reader() as s:
            doc = _get(s, document_id)
            return DocumentFile(doc.id, doc.title, doc.file_name, file_type(doc.file_name),
                                doc.content)

    @guarded
    def add(self, actor: Actor, file_name: str, content: bytes, *, title: str,
            kind: str = "other") -> DocumentInfo:
        title = " ".join(title.split())
        if not title:
            raise UserError("Give the document a title.", message_ar="أدخل عنوان المستند.")
        if kind not in KINDS:
            raise UserError(f"Unknown kind {kind!r}; use one of {', '.join(KINDS)}.",
                            message_ar="نوع المستند غير معروف.")
        passages = passages_of(pages_of(file_name, content))
        if not passages:
            raise UserError(
                f"No text could be read from {file_name} (a scanned PDF without a text "
                "layer?); the library needs text to search.",
                message_ar=f"لا يوجد نص يمكن قراءته في {file_name} (ملف ممسوح ضوئيًّا؟).",
            )
        self._stock_once()
        digest = hashlib.sha256(content).hexdigest()
        with self.db.session() as s:
            same = s.scalars(select(LibraryDocument).where(
                LibraryDocument.sha256 == digest)).first()
            if same is not None:
                raise UserError(
                    f"This file is already in the library as document {same.id} "
                    f"({same.title}).",
                    message_ar=f"هذا الملف موجود في المكتبة (المستند {same.id}: {same.title}).",
                )
            replaced = s.scalars(select(LibraryDocument).where(
                LibraryDocument.kind == kind, LibraryDocument.is_placeholder.is_(True))).all()
            for old in replaced:
                record_event(s, actor, "library_document_removed", entity="library_document",
                             entity_id=old.id, details={"title": old.title, "kind": old.kind,
                                                        "placeholder_replaced": True})
                s.delete(old)
            doc = _store(s, actor, file_name, content, title, kind, passages)
            record_event(s, actor, "library_document_added", entity="library_document",
                         entity_id=doc.id, details={
                             "title": title, "kind": kind, "file_name": file_name,
                             "sha256": digest, "passages": len(passages),
                             "replaced": [o.id for o in replaced]})
            return _info(doc, len(passages), max(p.page for p in passages))

    @guarded
    def remove(self, actor: Actor, document_id: int) -> DocumentInfo:
        self._stock_once()
        with self.db.session() as s:
            doc = _get(s, document_id)
            pages = max((p.page for p in doc.passages), default=0)
            info = _info(doc, len(doc.passages), pages)
            record_event(s, actor, "library_document_removed", entity="library_document",
                         entity_id=doc.id, details={"title": doc.title, "kind": doc.kind,
                                                    "file_name": doc.file_name,
                                                    "sha256": doc.sha256})
            s.delete(doc)
            return info

    def _stock_once(self) -> None:
        """The shipped policy and the placeholders, once per installation (an administrator
        who removes them later does not see them come back)."""
        with self.db.reader() as s:
            site = _local(s, lock=False)
            if site is None or (site.settings or {}).get(SEEDED_KEY):
                return
        with self.db.session() as s:
            site = _local(s, lock=True)  # two counters opening at once stock it once
            if site is None or (site.settings or {}).get(SEEDED_KEY):
                return
            for file_name, content, title, kind in _shipped():
                passages = passages_of(pages_of(file_name, content))
                doc = _store(s, SYSTEM, file_name, content, title, kind, passages,
                             placeholder=kind in PLACEHOLDERS)
                record_event(s, SYSTEM, "library_document_added", entity="library_document",
                             entity_id=doc.id, details={"title": title, "kind": kind,
                                                        "shipped": True})
            site.settings = {**(site.settings or {}), SEEDED_KEY: True}


def _shipped() -> list[tuple[str, bytes, str, str]]:
    name, title = SHIPPED_POLICY
    found = [(name, resource_path("reference", name).read_bytes(), title, "policy")]
    for kind, title in PLACEHOLDERS.items():
        text = (f"{title} — نسخة مؤقتة\n\n"
                f"هذا المستند مؤقت: لم تُضف الجمعية «{title}» بعد. يضيف مدير النظام النسخة "
                "المعتمدة من قائمة المكتبة، فتحل محل هذه الصفحة.\n\n"
                f"PLACEHOLDER — the association has not loaded its {kind} yet; an "
                "administrator adds the approved document and it replaces this page.\n")
        found.append((f"placeholder-{kind}.txt", text.encode("utf-8"),
                      f"{title} (مؤقت)", kind))
    return found


def _store(s: Session, actor: Actor, file_name: str, content: bytes, title: str, kind: str,
           passages: list[Passage], *, placeholder: bool = False) -> LibraryDocument:
    doc = LibraryDocument(title=title, kind=kind, file_name=file_name,
                          sha256=hashlib.sha256(content).hexdigest(), content=content,
                          is_placeholder=placeholder, added_by=actor.username)
    doc.passages = [LibraryPassage(page=p.page, text=p.text, search_text=p.search_text)
                    for p in passages]
    s.add(doc)
    s.flush()
    return doc


def _get(s: Session, document_id: int) -> LibraryDocument:
    doc = s.get(LibraryDocument, document_id)
    if doc is None:
        raise UserError(f"No library document with id {document_id}.",
                        message_ar=f"لا يوجد في المكتبة مستند رقمه {document_id}.")
    return doc


def _local(s: Session, *, lock: bool) -> Site | None:
    stmt = select(Site).where(Site.is_local.is_(True))
    if lock:
        stmt = stmt.with_for_update()
    return s.scalars(stmt).first()


def _info(d: LibraryDocument, passages: int, pages: int) -> DocumentInfo:
    return DocumentInfo(d.id, d.title, d.kind, d.file_name, d.sha256, d.is_placeholder,
                        d.added_by, d.added_at, passages, pages)


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
