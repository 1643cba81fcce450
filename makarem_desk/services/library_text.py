"""Text out of a library document, cut into passages and folded for search.

Plain text (UTF-8) and PDF only.  A plain-text file has no pages except where it holds a
form feed (``\\f``, what PDF-to-text tools write between pages); a PDF's pages are its own.
Passages are paragraphs (text between blank lines); a PDF page whose extracted text has no
blank lines is cut at line ends into passages of a few lines, so that a result shows the
sentence found, not the page.  Search text is folded by ``makarem_desk.text.search_words``,
exactly as beneficiaries' names are for name search.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

from ..errors import UserError
from ..text import search_words

SUPPORTED = {".txt": "text", ".pdf": "pdf"}
MAX_PASSAGE_CHARS = 700  # longer paragraphs are cut at sentence or line ends
SNIPPET_WORDS = 30


@dataclass(frozen=True)
class Passage:
    page: int
    text: str
    search_text: str


def file_type(file_name: str) -> str:
    """``text`` or ``pdf`` from the file's name; anything else is refused plainly."""
    m = re.search(r"\.[^.\\/]+$", file_name.lower())
    kind = SUPPORTED.get(m.group(0)) if m else None
    if kind is None:
        raise UserError(
            f"Unsupported file type: {file_name} (the library takes .pdf and .txt files).",
            message_ar=f"نوع الملف غير مدعوم: {file_name} (تقبل المكتبة ملفات PDF و TXT فقط).",
        )
    return kind


def pages_of(file_name: str, content: bytes) -> list[str]:
    """Each page's text, in order."""
    if file_type(file_name) == "pdf":
        return _pdf_pages(file_name, content)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(
            f"{file_name} is not UTF-8 text; save it as UTF-8 and add it again.",
            message_ar=f"الملف {file_name} ليس نصًّا بترميز UTF-8؛ احفظه بهذا الترميز ثم أضفه.",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\f")


def _pdf_pages(file_name: str, content: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(content))
        # NFKC: a PDF made from shaped Arabic holds presentation forms (ﻣﻘﺪﻣﺔ); the passage
        # shown and copied should be the plain letters (مقدمة).
        return [unicodedata.normalize("NFKC", page.extract_text() or "")
                for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise UserError(
            f"{file_name} cannot be read as a PDF ({exc}).",
            message_ar=f"تعذّرت قراءة الملف {file_name} بصيغة PDF.",
        ) from None


def passages_of(pages: list[str]) -> list[Passage]:
    found: list[Passage] = []
    for number, page in enumerate(pages, start=1):
        for chunk in _chunks(page):
            key = " ".join(search_words(chunk))
            if key:
                found.append(Passage(number, chunk, key))
    return found


def _chunks(page: str) -> list[str]:
    chunks: list[str] = []
    for para in re.split(r"\n\s*\n", page):
        para = re.sub(r"[ \t]+", " ", para).strip()
        if not para:
            continue
        while len(para) > MAX_PASSAGE_CHARS:
            cut = _cut_point(para)
            chunks.append(para[:cut].strip())
            para = para[cut:].strip()
        if para:
            chunks.append(para)
    return chunks


def _cut_point(para: str) -> int:
    head = para[:MAX_PASSAGE_CHARS]
    for sep in ("\n", ".", "،", " "):
        at = head.rfind(sep)
        if at > MAX_PASSAGE_CHARS // 3:
            return at + 1
    return MAX_PASSAGE_CHARS


def snippet(text: str, query_words: list[str]) -> str:
    """A window of the passage around the first word that matches the query."""
    words = text.split()
    if len(words) <= SNIPPET_WORDS:
        return " ".join(words)
    first = next((i for i, w in enumerate(words)
                  if any(q in k for k in search_words(w) for q in query_words)), 0)
    start = max(0, min(first - SNIPPET_WORDS // 3, len(words) - SNIPPET_WORDS))
    window = " ".join(words[start:start + SNIPPET_WORDS])
    return ("… " if start else "") + window + (" …" if start + SNIPPET_WORDS < len(words) else "")
