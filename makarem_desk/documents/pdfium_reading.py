"""How pdfium (pypdfium2 5.x, pdfium 159) reads a line of a page, and the /ActualText that
makes it read the line as typed.

pdfium does not run UAX #9. It gathers a line's text objects in the order of their x, each
object's characters in the order of the content stream, into one string, cuts that string
into runs of one class — left (L), "weak left" (digits and the separators between them:
EN AN CS ES ET NSM BN), right (R AL), neutral — and reads the line right to left when the
page says /Direction /R2L or the line has more right runs than left runs (a tie reads left
to right). Reading right to left it takes the runs last to first; in either direction a right
run, and a neutral run while the last strong run was a right one, is reversed with each
bracket mirrored (``CPDF_TextPage::CloseTempLine``, ``CFX_BidiString``).

A marked-content sequence with /ActualText gives its text in place of the objects it
encloses, at the first of them; that text takes part in the line's runs, but pdfium 159
does not reverse its characters within a run (it still mirrors them, and orders the runs),
and it takes the text last character first where the first object reads right to left
(where it does not, depending on the objects before it: hence ``CARRIER``). Measured on
random strings of Arabic and Latin words, digits, brackets and separators, on pages with
and without /Direction: ``tests/test_pdfium_reading.py``.

Older pdfium (the one QtPdf 6.11 bundles) reads an /ActualText like drawn glyphs,
reversing its right-to-left runs, and ties as right to left, so no /ActualText reads as
typed in both: a told line reads there scrambled. Only the lines pdfium 159 would misread
from the glyphs are told (``misread``, ``page.PageWriter``), and on an English paper that
poppler reads from the left the lines told to poppler (``poppler_reading``).

Poppler's marks (``text_layer.for_poppler``: a glyph whose text is U+200F and the
character) take part in pdfium's reading: U+200F is a right-to-left letter to it, which ends
its runs where it stands (so "(IT)" and "75%" on an Arabic line read right from their
glyphs), and a text object holding such a glyph is collected in the order of x
(``collected``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import groupby
from typing import Any
from unicodedata import normalize

from bidi.mirror import MIRRORED

from .fonts import PDF_REGULAR
from .text_layer import (
    BEFORE_RLM,
    MARK,
    PIECES,
    _pdfium_class,
    pdfium_groups,
    typed_text,
)

_RLM = "\u200f"


def _mirror(text: str) -> str:
    return "".join(MIRRORED.get(ch, ch) for ch in text)


def _runs(text: str) -> list[tuple[str, str]]:
    return [(kind, "".join(chars)) for kind, chars in
            groupby(text, key=lambda ch: _pdfium_class(ch))]


def _reads_rtl(runs: list[tuple[str, str]], rtl_page: bool) -> bool:
    kinds = [kind for kind, _ in runs]
    return rtl_page or kinds.count("R") > kinds.count("L")


def _turned(runs: list[tuple[str, str]], rtl: bool) -> list[bool]:
    """For each run (in the order read), whether pdfium reverses and mirrors it."""
    current, turned = "R" if rtl else "L", []
    for kind, _ in runs:
        if kind == "R" or (kind == "N" and current == "R"):
            current = "R"
            turned.append(True)
        else:
            if kind != "W":
                current = "L"
            turned.append(False)
    return turned


def _read(collected: str, rtl_page: bool, glyphs: bool) -> str:
    """pdfium's reading of a line's characters in the order it collects them: a right run,
    and a neutral one after it, is mirrored and, drawn as ``glyphs``, reversed."""
    while "  " in collected:
        collected = collected.replace("  ", " ")
    runs = _runs(collected)
    rtl = _reads_rtl(runs, rtl_page)
    ordered = runs[::-1] if rtl else runs
    return "".join(_mirror(text[::-1] if glyphs else text) if turn else text
                   for (_, text), turn in zip(ordered, _turned(ordered, rtl), strict=True))


def glyph_reading(collected: str, rtl_page: bool) -> str:
    """The text pdfium gives for a line whose drawn characters (their ToUnicode text) it
    collects in the order ``collected``."""
    return _read(collected, rtl_page, glyphs=True)


def told_reading(actual: str, rtl_page: bool, first_rtl: bool) -> str:
    """The text pdfium gives for a line made of one marked-content sequence with the
    /ActualText ``actual``; ``first_rtl``: its first object reads right to left."""
    return _read(actual[::-1] if first_rtl else actual, rtl_page, glyphs=False)


@lru_cache(maxsize=4096)
def actual_text(typed: str, rtl_page: bool, first_rtl: bool) -> str:
    """The /ActualText that pdfium reads as ``typed`` (``told_reading`` undone): the runs of
    the typed text, each mirrored where pdfium mirrors it, in the order pdfium takes them
    back. The runs and their count do not change, so pdfium reads in the same direction."""
    typed = " ".join(word for word in typed.split(" ") if word)
    runs = _runs(typed)
    rtl = _reads_rtl(runs, rtl_page)
    parts = [_mirror(text) if turn else text
             for (_, text), turn in zip(runs, _turned(runs, rtl), strict=True)]
    collected = "".join(parts[::-1] if rtl else parts)
    return collected[::-1] if first_rtl else collected


# -- telling pdfium a line -------------------------------------------------------------
# The tag is not /Span, on purpose: poppler reads /ActualText only in a /Span and then
# places the text's characters across the span as if drawn left to right and reorders its
# Arabic runs (measured: "البريد" came out "ديربلا"), while its reading of the glyphs'
# ToUnicode entries is right already. The PDF reference allows the entry in any
# marked-content property list (14.9.4).
TYPED_TAG = "/TypedText"


@lru_cache(maxsize=8192)
def has_right_to_left(shown: str) -> bool:
    """Whether a visual string holds a right-to-left letter (once per process for each
    line, as ``misread``)."""
    return any(_pdfium_class(ch) == "R" for ch in shown)


@lru_cache(maxsize=16384)
def _layer_text(drawn: str, font_name: str) -> str:
    """The ToUnicode text of drawn codes, once per process for each (the words of the
    fixed wording come back on every paper)."""
    from reportlab.pdfbase.pdfmetrics import getFont

    # the Arabic face draws the ligatures in pieces, in a run font too
    split: dict[str, str] = getattr(getFont(font_name), "_split", None) or \
        getattr(getFont(PDF_REGULAR), "_split", {})
    return "".join(typed_text(ord(code)) for ch in drawn for code in split.get(ch, ch))


def collected(shown: str, font_name: str, reordered: bool = True) -> str:
    """The ToUnicode text of a line's visual words ``shown``, in the order pdfium collects
    it: its text objects left to right, each in the order written, a space between words.
    ``reordered``: drawn by ``text_layer.draw_for_pdfium`` (else by ``drawString``)."""

    def text(drawn: str) -> str:
        return _layer_text(drawn, font_name)

    if not reordered:
        return " ".join(text(word) for word in shown.split(" ") if word)
    out: list[str] = []
    end = 0
    for group in pdfium_groups(shown):
        start = min(a for a, _ in group)
        if out and " " in shown[end:start]:
            out.append(" ")
        # an object holding a glyph with poppler's mark is collected in the order of x
        # (measured, pypdfium2 5.x: "-AB" on an Arabic line, written "-" then "AB", came
        # out "-", the mark, "AB", as read from "AB" then the marked "-")
        marked = any(ord(ch) >= BEFORE_RLM for a, b in group for ch in shown[a:b])
        out.append("".join(text(shown[a:b]) for a, b in (sorted(group) if marked else group)))
        end = max(b for _, b in group)
    return "".join(out)


def misread(cells: list[tuple[str, str]], typed: str, rtl_page: bool,
            reordered: bool | None = None) -> bool:
    """Whether pdfium reads a line other than as typed (``_misread``), once per process
    for each line: the fixed wording's lines come back on every paper."""
    return _misread(tuple(cells), typed, rtl_page,
                    rtl_page if reordered is None else reordered)


@lru_cache(maxsize=8192)
def _misread(cells: tuple[tuple[str, str], ...], typed: str, rtl_page: bool,
             reordered: bool) -> bool:
    """Whether pdfium reads a line other than as typed, beyond mirroring once more each
    bracket drawn mirrored (the one difference the issue allows: LibreOffice's convention,
    which poppler shares). ``cells``: (visual words, font) of what shares the baseline, left
    to right, drawn by ``draw_for_pdfium`` where ``reordered`` (by default on a
    right-to-left page).

    A line of one cell of Arabic letters and spaces alone (most of an Arabic paper's, a
    name) pdfium reads as typed: its runs are right-to-left letters, each reversed, read
    from the right (two cells, two names side by side, it reads the right one first)."""
    if len(cells) == 1 and all(ch == " " or _pdfium_class(ch) == "R" for ch in typed):
        return False
    # the order of two marks on one letter is NFC's business (a shadda and a vowel drawn
    # as one glyph come out in its own order)
    line = " ".join(collected(shown, font, reordered) for shown, font in cells if shown)
    # poppler's marks (``text_layer.for_poppler``) are format characters, which a search
    # drops as it drops the ones pdftotext writes: they order pdfium's runs, no more
    # and a no-break space is a space to a search (the layout draws some as spaces)
    reading = normalize("NFC", glyph_reading(line, rtl_page).replace(_RLM, "")
                        .replace("\u00a0", " "))
    want = normalize("NFC", " ".join(word for word in typed.replace("\u00a0", " ").split(" ")
                                     if word))
    if len(reading) != len(want):
        return True
    differ = [(got, ch) for got, ch in zip(reading, want, strict=True) if got != ch]
    mirrored = sum(1 for shown, _ in cells for ch in shown
                   if MARK <= ord(ch) < PIECES and chr(ord(ch) - MARK) in MIRRORED)
    return len(differ) != mirrored or any(MIRRORED.get(ch) != got for got, ch in differ)


# The first object of a told line: right-to-left marks in the Arabic face, left of the
# line's glyphs, drawn invisible (render mode 3). U+200F, which Amiri draws with ink, as
# pdfium skips an object
# whose glyphs have none (U+061C, inkless, is no right-to-left letter to pdfium either).
# pdfium gives the /ActualText at the first object in x order, and takes it last character
# first where that object reads right to left, which this one does; where the line's own
# leftmost object is Latin it depends on the text before it as well, which a page cannot
# know (measured: "I, <name>" after the header reads the other way round from after a value
# line). Two marks a quarter em apart, the second just left of the line: one object's
# characters at one point leave pdfium without a direction for it (it ran the next line
# into it), and a space or a gap made poppler put a space into the line.
CARRIER = "\u200f"
_STEP = 0.25  # between the two marks, in ems


@contextmanager
def told(canvas: Any, typed: str, rtl_page: bool, x: float, y: float, arabic_face: str,
         size: float) -> Iterator[None]:
    """Draw (in the ``with`` block) every text object of one line pdfium reads, so that it
    gives ``typed`` for them: one marked-content sequence, its /ActualText the text that
    pdfium reads back as typed, its first object two ``CARRIER`` marks ending left of
    ``x`` on the baseline ``y`` (the line's left edge; ``arabic_face`` at ``size``)."""
    from reportlab.lib.rl_accel import fp_str
    from reportlab.pdfbase.pdfmetrics import getFont

    actual = actual_text(typed, rtl_page, True)
    canvas._code.append(f"{TYPED_TAG} <</ActualText "
                        f"<FEFF{actual.encode('utf-16-be').hex().upper()}>>> BDC")
    font = getFont(arabic_face)
    (subset, mark), = font.splitString(CARRIER, canvas._doc)
    name = font.getSubsetInternalName(subset, canvas._doc)
    mark = canvas._escape(mark)
    canvas._code.append(
        f"BT 1 0 0 1 {fp_str(x - (_STEP + 0.01) * size)} {fp_str(y)} Tm {name} {fp_str(size)} Tf "
        f"3 Tr [({mark}) {fp_str(-_STEP * 1000)} ({mark})] TJ 0 Tr ET")
    yield
    canvas._code.append("EMC")
