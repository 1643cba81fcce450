"""The embedded font subsets of the papers, made once per process (issue 14).

reportlab gives a document's characters their codes in a subset in the order the document
first draws them, then builds that TrueType subset in Python, compresses it, formats its
widths and compresses its ToUnicode map — for every document, about a third of a
declaration's time. Two things make that work the same for every paper:

* every document's fonts start with the same subset: the letters the papers are set in
  (``text_layer.PAPER_ALPHABET``: the Arabic presentation forms, the pieces of the
  ligatures the text layer splits, its bracket markers, Arabic punctuation) take the
  codes reportlab leaves free in its first subset, the one that already holds ASCII. A
  name with a letter outside them (a Persian letter, an accented Latin one) adds a small
  second subset of its own;
* the parts of a subset's PDF objects that hold no reference to another object — the
  compressed font program, the widths, the compressed ToUnicode map — are formatted once
  and their bytes reused (``add_objects``, reportlab's ``TTFont.addObjects`` otherwise).

Cost: each paper embeds the whole alphabet (about 23 KB compressed for Amiri, against
18 KB for the letters a declaration uses).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont


class _Probe:
    """A stand-in document (reportlab keeps a font's codes per document, weakly)."""


_templates_lock = threading.Lock()


def _template(font: TTFont, codes: list[int]) -> tuple[dict[int, int], list[list[int]], int]:
    """The first of ``codes`` that fit in ``font``'s first subset, given their codes there
    by reportlab's own ``splitString`` (a document's later characters follow on as they
    would); kept on the font."""
    with _templates_lock:
        made: tuple[dict[int, int], list[list[int]], int] | None = getattr(
            font, "_paper_template", None)
        if made is not None:
            return made
        glyphs = font.face.charToGlyph
        seed = [code for code in codes if code in glyphs]
        probe = _Probe()
        TTFont.splitString(font, "".join(map(chr, seed)), probe)
        first = [code for code in seed if font.state[probe].assignments[code] < 256]
        del font.state[probe]
        TTFont.splitString(font, "".join(map(chr, first)), probe)
        state = font.state.pop(probe)
        made = (dict(state.assignments), [list(s) for s in state.subsets], state.nextCode)
        font._paper_template = made
        return made


def seed(font: TTFont, doc: Any, codes: list[int]) -> None:
    """Start ``font``'s codes in ``doc`` with ``codes`` (the papers' alphabet, most used
    first, cut where the first subset is full), if ``doc`` has drawn nothing in it yet.
    The same ``codes`` every time for a font."""
    if doc in font.state:
        return
    assignments, subsets, next_code = _template(font, codes)
    state = TTFont.State(font._asciiReadable, font)
    state.assignments = dict(assignments)
    state.subsets = [list(s) for s in subsets]
    state.nextCode = next_code
    font.state[doc] = state


class _Bytes:
    """An object's formatted bytes, shared by the documents that hold the same subset."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make
        self.data: bytes | None = None


class _Kept(pdfdoc.PDFObject):  # type: ignore[misc]  # reportlab ships no types
    """One document's handle on shared bytes (reportlab names each object per document,
    so the object itself cannot be shared). An encrypted document encrypts each stream
    with its own key: it gets the object formatted afresh."""

    def __init__(self, kept: _Bytes) -> None:
        self.kept = kept

    def format(self, document: Any) -> bytes:
        if not isinstance(document.encrypt, pdfdoc.NoEncryption):
            return bytes(pdfdoc.format(self.kept.make(), document, toplevel=1))
        if self.kept.data is None:
            self.kept.data = bytes(pdfdoc.format(self.kept.make(), document, toplevel=1))
        return self.kept.data


_KEPT = 32  # font programs of ~20-40 KB each, compressed
_parts: OrderedDict[tuple[Any, ...], tuple[_Bytes, _Bytes, _Bytes]] = OrderedDict()
_parts_lock = threading.Lock()


def _stream(content: bytes | str, compress: bool, **entries: Any) -> pdfdoc.PDFStream:
    stream = pdfdoc.PDFStream(content=content,
                              filters=[pdfdoc.PDFZCompress] if compress else None)
    for name, value in entries.items():
        stream.dictionary[name] = value
    return stream


def _subset_parts(font: TTFont, n: int, subset: list[int], compress: bool,
                  to_unicode: Callable[[str, list[int]], str]) -> tuple[_Bytes, _Bytes, _Bytes]:
    face = font.face
    key = (face.filename, face.name, n, tuple(subset), compress)
    with _parts_lock:
        if key in _parts:
            _parts.move_to_end(key)
            return _parts[key]
    name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")

    def program() -> pdfdoc.PDFStream:
        data = face.makeSubset(subset)
        return _stream(data, compress, Length1=len(data))

    made = (
        _Bytes(program),
        _Bytes(lambda: pdfdoc.PDFArray([face.getCharWidth(code) for code in subset])),
        _Bytes(lambda: _stream(to_unicode(name, subset), compress)),
    )
    with _parts_lock:
        made = _parts.setdefault(key, made)
        while len(_parts) > _KEPT:
            _parts.popitem(last=False)
    return made


def add_objects(font: TTFont, doc: Any, to_unicode: Callable[[str, list[int]], str]) -> None:
    """reportlab's ``TTFont.addObjects`` (the font, descriptor, program and ToUnicode
    objects of each subset), with the program, widths and ToUnicode map (made by
    ``to_unicode``) formatted once per process for each subset."""
    state = font.state.get(doc)
    if state is None:
        state = font.state[doc] = TTFont.State(font._asciiReadable, font)
    state.frozen = 1
    face = font.face
    fonts = doc.idToObject["BasicFonts"].dict
    for n, subset in enumerate(state.subsets):
        internal = font.getSubsetInternalName(n, doc)[1:]
        name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
        program, widths, cmap = _subset_parts(font, n, subset, bool(doc.compression),
                                              to_unicode)
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
            "Descent": face.descent, "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": pdfdoc.PDFArray(face.bbox), "FontName": pdfdoc.PDFName(name),
            "ItalicAngle": face.italicAngle, "StemV": face.stemV,
            "FontFile2": doc.Reference(_Kept(program), f"fontFile:{face.filename}({name})"),
            "MissingWidth": face.defaultWidth,
        })
        pdf_font = pdfdoc.PDFTrueTypeFont()
        pdf_font.__Comment__ = f"Font {font.fontName} subset {n}"
        pdf_font.Name = internal
        pdf_font.BaseFont = name
        pdf_font.FirstChar = 0
        pdf_font.LastChar = len(subset) - 1
        pdf_font.Widths = _Kept(widths)
        pdf_font.ToUnicode = doc.Reference(_Kept(cmap), "toUnicodeCMap:" + name)
        pdf_font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + name)
        doc.Reference(pdf_font, internal)
        fonts[internal] = pdf_font
    del font.state[doc]
