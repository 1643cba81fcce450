"""How poppler (pdftotext, Evince, Okular, most indexers) reads a line back, and what an
English paper tells it where that reading would not give the text as typed.

poppler collects a line's characters left to right — each glyph's ToUnicode entry, a space
wherever two words are apart — and reorders them by the direction of the whole page: more
right-to-left letters than left-to-right ones, and every line is read from the right
(``TextOutputDev.cc``, ``reorderText``; ``text_layer.for_poppler`` is what keeps that reading
right on an Arabic paper). A page with more left-to-right letters is read from the left: a
section of characters that are not right-to-left letters, kept as drawn, then from the next
Arabic letter a section of characters that are neither letters of the other direction nor
"numbers" (digits and ``+ - . , / : % # $``), reversed. The sections come out in the order
they are drawn, so an Arabic value on an English paper that holds a number, a Latin word or
a ``/`` comes out in the visual order of its pieces ("الرياض / النسيم" as "النسيم/ الرياض").

No writing order of the glyphs changes that, poppler sorts a line's words by x. What poppler
does read in any order is a marked-content ``/Span`` with an ``/ActualText``: it takes that
text in place of the glyphs' and reads it as if drawn left to right. Such a line of an
English paper is enclosed in a span holding the text laid out for poppler's reading
(``for_left_to_right_page``): each Arabic piece reversed, direction marks where a section
must end. pdfium reads the innermost /ActualText of a glyph (measured, pypdfium2 5.x): the
span encloses the line's ``text_layer.TYPED_TAG`` sequence, so pdfium still reads its own.
A line that pdfium reads right to left (``text_layer.pdfium_reads_rtl``) has no such
sequence, and pdfium would take the span's text in its own order: poppler's reading of
such a line is left as it is.

Which way poppler reads a page is only known when the page is complete: ``PageLines``
leaves room for the span's operators and writes them when the page ends, if poppler will
read it from the left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .text_layer import poppler_class, typed_text

RLM, LRM = "\u200f", "\u200e"
# poppler's UnicodeIsWhitespace: a glyph mapped to one of these ends a word and is dropped
_WHITESPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                        "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def collected(words: list[str]) -> str:
    """The characters poppler collects from a line drawn as these visual words (text
    layer codes), left to right: each code's ToUnicode entry, one space between words."""
    text = " ".join("".join(typed_text(ord(ch)) for ch in word) for word in words)
    return "".join(" " if ch in _WHITESPACE else ch for ch in text)


def reads(chars: str, from_left: bool) -> str:
    """poppler's ``reorderText`` of a line's characters: from the left on a page with more
    left-to-right letters, from the right otherwise."""
    kinds = [poppler_class(ch) for ch in chars]
    out: list[str] = []
    if from_left:
        i = 0
        while i < len(chars):
            j = i
            while j < len(chars) and kinds[j] != "R":
                j += 1
            out.append(chars[i:j])
            i = j
            while j < len(chars) and kinds[j] not in ("L", "#"):
                j += 1
            out.append(chars[i:j][::-1])
            i = j
    else:
        i = len(chars)
        while i > 0:
            j = i
            while j > 0 and kinds[j - 1] not in ("L", "#"):
                j -= 1
            out.append(chars[j:i][::-1])
            i = j
            while j > 0 and kinds[j - 1] != "R":
                j -= 1
            out.append(chars[j:i])
            i = j
    return "".join(out)


def as_found(text: str) -> str:
    """A text as a search finds it: without direction marks, one space between words."""
    return " ".join("".join(ch for ch in text if ch not in (RLM, LRM, "\u202a", "\u202b",
                                                              "\u202c")).split())


def misread_from_left(chars: str, typed: str) -> bool:
    """Whether poppler, reading the page from the left, gives a line it collected as
    ``chars`` other than as ``typed``."""
    return as_found(reads(chars, True)) != as_found(typed.replace("\u00a0", " "))


def for_left_to_right_page(typed: str) -> str:
    """The text that poppler, reading a page from the left, gives back as ``typed``: the
    line cut into pieces of Arabic letters and pieces of Latin letters and numbers (the
    characters of neither kind go with the piece before them), each Arabic piece reversed
    with a right-to-left mark before it where it would start with a neutral, each other
    piece after a left-to-right mark where it would."""
    pieces: list[tuple[bool, str]] = []
    for ch in typed:
        kind = poppler_class(ch)
        arabic = kind == "R" if kind != "N" else (pieces[-1][0] if pieces else False)
        if pieces and pieces[-1][0] == arabic:
            pieces[-1] = (arabic, pieces[-1][1] + ch)
        else:
            pieces.append((arabic, ch))
    out = []
    for i, (arabic, piece) in enumerate(pieces):
        text = piece[::-1] if arabic else piece
        lead = poppler_class(text[0])
        if arabic and lead != "R":
            text = RLM + text
        elif not arabic and i and lead not in ("L", "#"):
            text = LRM + text
        out.append(text)
    return "".join(out)


@lru_cache(maxsize=8192)
def line_for_left_reading(words: tuple[str, ...], typed: str) -> tuple[str, int]:
    """For a line drawn as these visual words: the span's text where poppler, reading from
    the left, would not give ``typed`` ("" where it would), and how many more
    left-to-right letters than right-to-left ones poppler counts in it (once per process
    for each line: the papers' fixed wording comes back on every paper)."""
    chars = collected(list(words))
    span = for_left_to_right_page(typed) if misread_from_left(chars, typed) else ""
    kinds = [poppler_class(ch) for ch in span or chars]
    return span, kinds.count("L") - kinds.count("R")


@dataclass
class PageLines:
    """The lines of the page being written that poppler would read wrong from the left,
    and how many more left-to-right letters than right-to-left ones it holds (poppler
    reads the page from the left when there are at least as many)."""

    balance: int = 0
    # where the span begins and ends in the page's operators, and its text
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def close(self, code: list[Any]) -> None:
        """Write the spans into the page's content (``code``: reportlab's list of its
        operators) if poppler will read the page from the left; start the next page."""
        if self.balance >= 0:
            for start, end, text in self.spans:
                code[start] = (f"/Span <</ActualText "
                               f"<FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC")
                code[end] = "EMC"
        self.balance = 0
        self.spans = []
