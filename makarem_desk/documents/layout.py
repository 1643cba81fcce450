"""Arabic (and English) lines for reportlab: isolate, wrap, reorder, justify.

The recipe measured in ``shared/notes/arabic-rtl-facts.md``:

1. LTR runs that contain spaces, ``-`` or a leading ``+`` (phones, ISO dates, references)
   are wrapped in LRE…PDF with non-breaking inner spaces, so that ``+966 55 123 4567``
   does not print as ``4567 123 55 966+``;
2. lines are wrapped on *logical* words, measuring the reshaped width;
3. each line is reshaped (harakat kept) and reordered with base direction R (or L);
4. justified lines spread their slack between visual words; the last line is aligned to
   the start side.

Reordering: ``bidi_levels`` resolves the embedding levels (UAX #9 with bracket pairs,
checked against Unicode's conformance data) and orders each line (rule L2); characters at an
odd level that have a mirror image are drawn mirrored through ``text_layer.mirrored``, so
that the PDF's text layer can still say which bracket was typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import arabic_reshaper
from arabic_reshaper.arabic_reshaper import HARAKAT_RE
from arabic_reshaper.ligatures import LIGATURES

from ..errors import UserError
from . import bidi_levels
from .fonts import PDF_REGULAR, pdf_cmap, register_pdf_fonts
from .text_layer import for_poppler, mirrored, string_width

LRE, RLE, PDF_MARK, NBSP = "\u202a", "\u202b", "\u202c", "\u00a0"
_OPENERS = {"\u202a", "\u202b", "\u202d", "\u202e"}
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_EXPLICIT = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u200e", "\u200f"}

_reshaper = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": True}
)

# An LTR run: Latin letters, digits and the symbols that live inside codes, phones,
# dates and addresses, possibly several such tokens joined by spaces or dashes.
_LTR_TOKEN = r"[A-Za-z0-9@._%/:#&'+]*[A-Za-z0-9][A-Za-z0-9@._%/:#&'\-_]*"
_LTR_RUN = re.compile(rf"\+?{_LTR_TOKEN}(?:[ \-]+{_LTR_TOKEN})*")


def isolate_ltr_runs(text: str) -> str:
    """Wrap LTR runs with digits and spaces or ``-``, or with a leading ``+``/``@``/``#``,
    in LRE…PDF.

    Inner spaces become non-breaking so a phone number never splits across lines. Runs of
    Latin words alone need nothing (spaces between two LTR words stay LTR) and must stay
    breakable, so they are left alone.
    """

    def protect(match: re.Match[str]) -> str:
        run = match.group(0)
        leading_symbol = run[0] in "+@#"  # a neutral first character would go to the right
        if not leading_symbol and not any(ch.isdigit() for ch in run):
            return run
        if leading_symbol or " " in run or "-" in run:
            return LRE + run.replace(" ", NBSP) + PDF_MARK
        return run

    return _LTR_RUN.sub(protect, text)


def embed_rtl(value: str) -> str:
    """An Arabic value inside an English sentence (a name, a reason): RLE…PDF, so that a
    line that starts in its middle — with a number, say — still reads right to left.
    Its own LTR runs are isolated as in an Arabic paper, or a phone number inside it would
    print ``4567 123 55 966+``."""
    return RLE + isolate_ltr_runs(value) + PDF_MARK if _ARABIC.search(value) else value


# Ligatures that span words (ﷺ, ﷻ, ﷽): a text holding one is shaped whole.
ZWJ = "\u200d"
_PHRASES = tuple(match for _, (match, _forms) in LIGATURES if " " in match)


def reshape(text: str) -> str:
    """Contextual forms (and ligatures) of ``text``, harakat kept.

    Arabic letters join only within a word, so each word is shaped once per process and the
    words are joined again: a paper's fixed wording and its names are shaped once, not on
    every paper (about a seventh of a declaration's time went into shaping). A text with a
    ligature that spans words is shaped whole. ``tests/test_documents_layout.py`` checks
    that both give the same result as shaping the whole text."""
    if " " not in text:
        return _reshape_word(text)
    # The library treats a joiner across a space its own way: such a text is shaped whole.
    if ZWJ in text or any(phrase in HARAKAT_RE.sub("", text) for phrase in _PHRASES):
        return shape_whole(text)
    return " ".join([_reshape_word(word) for word in text.split(" ")])


def shape_whole(text: str) -> str:
    """arabic_reshaper 3.0 raises IndexError on a zero-width joiner before lam-alef (a name
    pasted from another program can hold one); the joiner draws nothing, so the text is
    shaped without it rather than failing the paper."""
    try:
        return str(_reshaper.reshape(text))
    except IndexError:
        return str(_reshaper.reshape(text.replace(ZWJ, "")))


@lru_cache(maxsize=16384)
def _reshape_word(word: str) -> str:
    return shape_whole(word)


@lru_cache(maxsize=8192)
def visual(text: str, rtl: bool) -> str:
    """One line in display order (left to right), shaped, brackets mirrored.

    Mirrored characters come as ``text_layer`` markers (drawn by the PDF fonts with the
    mirrored glyph), and so do the characters poppler needs a direction mark before
    (``text_layer.for_poppler``, the same glyph); ``text_layer.as_drawn`` turns them into
    plain characters.
    Raises ``bidi_levels.UnsupportedBidiText`` for isolates, which the layout never writes
    (and ``check_printable`` refuses: the font has no glyph for them).
    """
    shaped = reshape(text)
    levels = bidi_levels.resolve_levels(shaped, 1 if rtl else 0)
    out, out_levels = [], []
    for i in bidi_levels.visual_order(levels):
        ch, level = shaped[i], levels[i]
        if ch in _EXPLICIT or level is None:
            continue
        out.append(mirrored(ch) if level % 2 else ch)
        out_levels.append(level)
    return for_poppler(out, out_levels)


@lru_cache(maxsize=8192)
def missing_glyphs(text: str) -> frozenset[str]:
    """Characters of ``text`` (as printed, after shaping) the PDF font has no glyph for."""
    cmap = pdf_cmap()
    return frozenset(
        ch for ch in reshape(text) if ord(ch) not in cmap and ch not in _EXPLICIT
        and unicodedata.category(ch) != "Cc"
    )


def check_printable(text: str) -> None:
    missing = missing_glyphs(text)
    if missing:
        shown = " ".join(f"U+{ord(c):04X}" for c in sorted(missing))
        raise UserError(
            f"The text contains characters the printing font cannot show: {shown}",
            message_ar=f"النص يحتوي على رموز لا يستطيع خط الطباعة إظهارها: {shown}",
        )


@lru_cache(maxsize=4096)
def _word_width(word: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(reshape(word), font, size))


def text_width(text: str, font: str, size: float) -> float:
    register_pdf_fonts()
    words = text.split(" ")
    space = _word_width(" ", font, size)
    return sum(_word_width(w, font, size) for w in words) + space * (len(words) - 1)


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy wrap on logical words; a word wider than the line stands on its own line."""
    register_pdf_fonts()
    words = [w for w in text.split(" ") if w]
    space = _word_width(" ", font, size)
    lines: list[str] = []
    current: list[str] = []
    current_width = 0.0
    for word in words:
        w = _word_width(word, font, size)
        if current and current_width + space + w > width:
            lines.append(" ".join(current))
            current, current_width = [word], w
        else:
            current_width = current_width + space + w if current else w
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return _carry_embeddings(lines)


def _carry_embeddings(lines: list[str]) -> list[str]:
    """Close the embeddings still open at the end of a line and reopen them on the next,
    since every line is reordered on its own."""
    out: list[str] = []
    stack: list[str] = []
    for line in lines:
        opened = "".join(stack)
        for ch in line:
            if ch in _OPENERS:
                stack.append(ch)
            elif ch == PDF_MARK and stack:
                stack.pop()
        out.append(opened + line + PDF_MARK * len(stack))
    return out


@dataclass(frozen=True)
class PlacedWord:
    x: float  # left edge, in points from the block's left edge
    text: str  # visual order, shaped


def place_line(
    logical: str, width: float, font: str, size: float, *, rtl: bool, justify: bool
) -> list[PlacedWord]:
    """Visual words of one line and where they start, aligned or justified in ``width``."""
    line = visual(logical, rtl)
    words = [w for w in line.split(" ") if w]
    if not words:
        return []
    widths = [shaped_width(w, font, size) for w in words]
    space = shaped_width(" ", font, size)
    natural = sum(widths) + space * (len(words) - 1)
    gap = space
    if justify and len(words) > 1 and natural < width:
        gap = space + (width - natural) / (len(words) - 1)
        x = 0.0
    else:
        x = width - natural if rtl else 0.0
    placed = []
    for word, w in zip(words, widths, strict=True):
        placed.append(PlacedWord(x, word))
        x += w + gap
    return placed


def shaped_width(shaped: str, font: str, size: float) -> float:
    return string_width(shaped, font, size)


def paragraph_lines(
    text: str, width: float, font: str = PDF_REGULAR, size: float = 11, *, rtl: bool,
    justify: bool = True,
) -> list[list[PlacedWord]]:
    """A paragraph laid out: justified lines, the last one aligned to the start side."""
    return [words for _, words in paragraph_layout(text, width, font, size, rtl=rtl,
                                                   justify=justify)]


def paragraph_layout(
    text: str, width: float, font: str = PDF_REGULAR, size: float = 11, *, rtl: bool,
    justify: bool = True,
) -> list[tuple[str, list[PlacedWord]]]:
    """``paragraph_lines`` with each line's text as typed (``typed``) beside its words."""
    logical = " ".join(text.split())
    if rtl:
        logical = isolate_ltr_runs(logical)
    lines = wrap(logical, width, font, size)
    return [
        (typed(line),
         place_line(line, width, font, size, rtl=rtl, justify=justify and i < len(lines) - 1))
        for i, line in enumerate(lines)
    ]


def typed(logical: str) -> str:
    """A logical line as typed: without the embedding marks the layout added (the
    non-breaking spaces it put inside a phone or a reference stay, as in the text layer)."""
    return "".join(ch for ch in logical if ch not in _EXPLICIT)


def single_line(text: str, rtl: bool) -> str:
    """A short text (a label, a table cell) in display order."""
    text = " ".join(text.split())
    return visual(isolate_ltr_runs(text) if rtl else text, rtl)
