"""English papers in a Latin face, with Arabic values still in the Arabic one (issue 11).

reportlab has no font fallback: a font draws what it has glyphs for and boxes the rest.
Amiri, the Arabic book face, covers Latin too, which is why the English papers used to be
set in it.  Here an English paper's fonts are *run fonts*: a reportlab font object that
splits every string into runs and draws each with the first face that has all its glyphs —
Noto Sans (Latin, OFL, ``resources/fonts/``) for English words, digits and punctuation, the
registered Arabic face for Arabic letters, their presentation forms and anything else Noto
Sans lacks (the Arabic comma, a code point the text layer maps).  Widths are measured the
same way, so wrapping, alignment and justification match what is drawn.

The Arabic runs are drawn by whatever font is registered under the Arabic name at drawing
time, so a subclass registered there (the text layer's ToUnicode font) keeps its effect.
The Latin face is a ``TextLayerFont`` too, for one of its effects: U+00A0 stays U+00A0 in
the text layer (reportlab writes it as a space), so pdfium reads "+966 55 123 4567" in an
Arabic value as one number run. Its bracket markers are left to the Arabic face, which drew
them before, so the drawing does not change.

The hook in the drawing code is :func:`face`: ``PageWriter`` asks it for the font and size
to use in its language; an Arabic paper gets them back unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .fonts import PDF_BOLD, PDF_REGULAR, font_path
from .text_layer import MARK, unmarked

LATIN_REGULAR = "NotoSans"
LATIN_BOLD = "NotoSans-Bold"
# The run fonts an English paper is drawn with: Latin face first, the Arabic face after.
EN_REGULAR = "Makarem-EN"
EN_BOLD = "Makarem-EN-Bold"
_FOR_ENGLISH = {PDF_REGULAR: EN_REGULAR, PDF_BOLD: EN_BOLD}
LATIN_SCALE = 0.9

_lock = threading.Lock()
_registered = False


def face(font: str, size: float, language: str) -> tuple[str, float]:
    """The font and size to draw ``language`` text with where the Arabic paper uses
    ``font`` at ``size``.

    Noto Sans's lower case is far taller than Amiri's (x-height 536 against 433 per 1000
    em), so English is set at ``LATIN_SCALE`` of the size: about the visual size the papers
    were designed for, and a paper that fits one page in Arabic fits it in English too.
    """
    if language != "en" or font not in _FOR_ENGLISH:
        return font, size
    register_run_fonts()
    return _FOR_ENGLISH[font], size * LATIN_SCALE


def register_run_fonts() -> None:
    """Register Noto Sans and the English run fonts with reportlab, once per process and
    only when an English paper is drawn (parsing the Latin face costs some milliseconds)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics

        from .fonts import register_pdf_fonts
        from .text_layer import TextLayerFont

        register_pdf_fonts()
        for name, arabic in ((LATIN_REGULAR, PDF_REGULAR), (LATIN_BOLD, PDF_BOLD)):
            latin = TextLayerFont(name, str(font_path(name)))
            pdfmetrics.registerFont(latin)
            pdfmetrics.registerFont(RunFont(_FOR_ENGLISH[arabic], latin, arabic))
        pdfmetrics.registerFontFamily(EN_REGULAR, normal=EN_REGULAR, bold=EN_BOLD,
                                      italic=EN_REGULAR, boldItalic=EN_BOLD)
        _registered = True


class _RunFace:
    """What reportlab's registry reads from a font's face: a name of its own."""

    builtIn = 0

    def __init__(self, name: str) -> None:
        self.name = name.encode("ascii")


class RunFont:
    """A reportlab dynamic font made of two faces: the Latin one where it has the glyphs,
    the Arabic one (looked up by name when drawing) for the rest."""

    _dynamicFont = 1
    _multiByte = 0
    shapable = False
    substitutionFonts: list[Any] = []

    def __init__(self, name: str, latin: Any, arabic_name: str) -> None:
        self.fontName = name
        self.face = _RunFace(name)
        self.latin = latin
        self.arabic_name = arabic_name
        self.runs = lru_cache(maxsize=8192)(self._runs)

    def _runs(self, text: str) -> tuple[tuple[bool, str], ...]:
        """``text`` cut into (drawn by the Latin face?, run) pieces."""
        latin_glyphs = self.latin.face.charToGlyph
        out: list[tuple[bool, str]] = []
        start = 0
        current: bool | None = None
        for i, ch in enumerate(text):
            # a bracket drawn mirrored (a text-layer marker) stays in the Arabic face; a
            # character marked for poppler goes with the one it marks
            code = ord(unmarked(ch))
            is_latin = code in latin_glyphs and code < MARK
            if current is not None and is_latin != current:
                out.append((current, text[start:i]))
                start = i
            current = is_latin
        if current is not None:
            out.append((current, text[start:]))
        return tuple(out)

    def _font(self, latin: bool) -> Any:
        from reportlab.pdfbase.pdfmetrics import getFont

        return self.latin if latin else getFont(self.arabic_name)

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:  # noqa: N802
        if isinstance(text, bytes):
            text = text.decode(encoding)
        return float(sum(self._font(latin).stringWidth(run, size) for latin, run in
                         self.runs(text)))

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> Iterator[  # noqa: N802
            tuple[tuple[str, int], bytes]]:
        """reportlab's text object switches font when the subset key changes: the key
        names the face as well as its subset."""
        if isinstance(text, bytes):
            text = text.decode(encoding)
        for latin, run in self.runs(text):
            font = self._font(latin)
            for subset, chunk in font.splitString(run, doc):
                yield (font.fontName, subset), chunk

    def getSubsetInternalName(self, key: tuple[str, int], doc: Any) -> str:  # noqa: N802
        from reportlab.pdfbase.pdfmetrics import getFont

        name, subset = key
        return str(getFont(name).getSubsetInternalName(subset, doc))
