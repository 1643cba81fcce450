"""A PDF text layer as typed: what an extractor or a viewer's search finds is the Arabic the
clerk typed, while the page is drawn with the shaped, visually ordered glyphs.

reportlab draws the shaped string it is given and writes a ToUnicode CMap that maps each
glyph back to the code point drawn — for Arabic a presentation form (U+FExx), and for a
bracket mirrored by the bidi algorithm the *other* bracket. Measured
(``shared/notes/arabic-rtl-facts.md``): poppler (pdftotext, Evince, Okular, most indexers)
reports those code points as they are; pdfium normalises the forms and re-mirrors brackets.

:class:`TextLayerFont` is a reportlab ``TTFont`` whose ToUnicode entries say what was
typed:

* a presentation form maps to its NFKC base letter; a ligature (lam-alef, ﷲ) is drawn in
  pieces, one letter each: its glyph with a share of its advance, then empty glyphs with
  the rest (same drawing; poppler, pdfium and pypdf all read the letters in order);
* a bracket (any mirrored character) drawn at an odd level reaches the font as a marker
  code point, ``MARK + ord(logical character)`` in plane 15's private use area; the font
  draws it with the mirrored character's glyph and maps it to the logical character. This is
  what LibreOffice's PDFs give, and what poppler expects: poppler extracts the bracket as
  typed, pdfium mirrors it once more (the one difference the tests allow, see
  ``tests/test_text_layer.py``).

* a number or Latin run drawn inside right-to-left text, and a number sign drawn right to
  left (``%`` in "75%", drawn "%75"), reaches the font under a code of its own
  (``BEFORE_RLM``) when poppler would put a neutral on the wrong side of it: the same
  glyph, mapped to a right-to-left mark and the character (``for_poppler``).

The bracket is mapped per code rather than wrapped in a marked-content ``/ActualText``
span: the effect on both extractors is the same, and reportlab offers no hook to write
marked content inside a text object, where a post-processing pass would have to re-parse
every content stream.

Marked content is used for whole lines only: a line pdfium would misread carries, for
pdfium only, the text that it reads back as typed (``pdfium_reading``), and on an English
paper poppler reads from the left, a line poppler would misread is told to it in a span round
that (``poppler_reading``).

Every font that draws the layout's output (``layout.visual``) must be a ``TextLayerFont``,
or the markers print as missing glyphs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import groupby
from typing import Any

from bidi.mirror import MIRRORED
from reportlab.pdfbase.ttfonts import TTFont

from . import font_subsets

MARK = 0xF0000  # plane 15 private use: no font the papers use has glyphs there
# plane 16 private use: the pieces of a ligature, 4 codes per presentation form
PIECES = 0x100000
_PRESENTATION = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_FIRST_FORM = 0xFB50
_MAX_PIECES = 4  # lam-alef: 2, ﷲ: 4; the long phrase ligatures keep one entry
_EMPTY = 0x200B  # its glyph draws nothing
_NBSP = "\u00a0"
# plane 16 above the pieces: a character drawn with a RIGHT-TO-LEFT MARK before it in the
# text layer (``for_poppler``); only characters below U+8000 get one
BEFORE_RLM = 0x108000
_MARKABLE = 0x8000
_RLM = "\u200f"


def mirrored(ch: str) -> str:
    """The character to draw for ``ch`` at an odd (right-to-left) level."""
    return chr(MARK + ord(ch)) if ch in MIRRORED else ch


def unmarked(ch: str) -> str:
    """``ch`` without the mark the text layer puts before it for poppler (``for_poppler``):
    the character the layout drew there, a bracket marker included."""
    return chr(ord(ch) - BEFORE_RLM) if ord(ch) >= BEFORE_RLM else ch


def as_drawn(shown: str) -> str:
    """A visual string with its text-layer codes replaced by the characters they draw."""
    plain = (unmarked(ch) for ch in shown)
    return "".join(MIRRORED[chr(ord(ch) - MARK)] if ord(ch) >= MARK else ch for ch in plain)


# -- the order poppler reads a line in ------------------------------------------------------
# poppler (TextOutputDev.cc) does not run UAX #9 either. It sorts a line's words by x, puts
# a space where two words are apart, and classes each character by its own table: R
# (Hebrew, Arabic letters, tatweel, U+200F), L, "number" (digits of both kinds and
# + - . , / : % # $ U+00A0), other (spaces, brackets, harakat). On a page with more
# right-to-left letters than left-to-right ones it reads every line from the right: a
# section of characters that are not L or number, reversed; then, from the first L or
# number, a section kept in drawing order that runs left over everything that is not R
# (``reorderText``). Two things come out wrong:
# * the neutrals left of a number or Latin run join it: "1234 الرياض", drawn
#   "الرياض 1234", came out "1234الرياض", and a bracket before a number ")30(" came out
#   "( )30";
# * a "number" character that UAX #9 puts right to left stays in drawing order with the
#   digits beside it: "75%", drawn "%75", came out "%75".
# A right-to-left mark ends the section where it stands. So a character that starts a
# left-to-right run inside a right-to-left one, and a number character drawn right to
# left, carry one before them in the text layer, unless the character drawn left of them
# is a right-to-left letter or there is none. The mark is part of the character's
# ToUnicode entry (the same glyph under a code of its own, ``BEFORE_RLM``): a glyph of its
# own would sit at the same x as the next one, which poppler takes for duplicated text.
# Extractors give the mark back (a format character: a search tool drops it, as the tests
# do, with the direction marks pdftotext writes itself). A page with more left-to-right
# letters is read from the left, and the mark then only stands beside its run.
_POPPLER_CLASS = {"R": "R", "AL": "R", "L": "L", "EN": "#", "ES": "#", "ET": "#", "CS": "#",
                  "AN": "#"}


@lru_cache(maxsize=4096)
def poppler_class(ch: str) -> str:
    typed = letters_of(ord(ch))[:1]
    return _POPPLER_CLASS.get(unicodedata.bidirectional(typed), "N") if typed else "N"


def for_poppler(shown: list[str], levels: list[int]) -> str:
    """A visual line (characters left to right, each at its UAX #9 embedding level) with
    the characters poppler would misplace carrying the mark before them (see above)."""
    out = []
    for i, ch in enumerate(shown):
        level = levels[i]
        if i and level and ord(ch) < _MARKABLE and poppler_class(shown[i - 1]) != "R":
            starts_ltr = level % 2 == 0 and levels[i - 1] % 2 == 1
            number_rtl = level % 2 == 1 and poppler_class(ch) in ("L", "#")
            if starts_ltr or number_rtl:
                ch = chr(BEFORE_RLM + ord(ch))
        out.append(ch)
    return "".join(out)


@lru_cache(maxsize=8192)
def letters_of(code: int) -> str:
    """The base letters a code point drawn by the layout stands for, in logical order
    (shadda ligatures decompose with a leading space, U+FC5E -> " ٌّ": dropped); the mark
    ``for_poppler`` adds is not a letter the clerk typed and is left out."""
    if code >= BEFORE_RLM:
        return letters_of(code - BEFORE_RLM)
    if code >= MARK:
        return chr(code - MARK)
    if any(lo <= code <= hi for lo, hi in _PRESENTATION):
        return unicodedata.normalize("NFKC", chr(code)).strip() or chr(code)
    return chr(code)


def _piece(form: int, k: int) -> int:
    return PIECES + (form - _FIRST_FORM) * _MAX_PIECES + k


def typed_text(code: int) -> str:
    """The ToUnicode entry of a code the font draws: the text as typed.

    A ligature drawn in pieces (see ``TextLayerFont``) has one letter per piece: piece 0
    (the glyph, leftmost) the last letter, the empty pieces to its right the letters before,
    so that the right-to-left run reads them in logical order. A ligature left whole (the
    long phrase ligatures) holds its letters in drawing order: poppler and pdfium reverse
    them with the run (measured; pypdf does not).
    """
    if code >= BEFORE_RLM:
        return _RLM + typed_text(code - BEFORE_RLM)
    if code >= PIECES:
        form, k = divmod(code - PIECES, _MAX_PIECES)
        letters = letters_of(form + _FIRST_FORM)
        return letters[len(letters) - 1 - k]
    return letters_of(code)[::-1]


@lru_cache(maxsize=4096)
def _utf16_hex(code: int) -> str:
    return typed_text(code).encode("utf-16-be").hex().upper() if code else "0000"


def to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """A ToUnicode CMap for one subset (codes 0…len-1), entries as typed, at most 100 per
    ``bfchar`` block as the PDF reference requires."""
    entries = [f"<{i:02X}> <{_utf16_hex(code)}>" for i, code in enumerate(subset)]
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({font_name})", f"/Ordering ({font_name})",
        "/Supplement 0", ">> def", f"/CMapName /{font_name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        *blocks, "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


# The letters the papers are set in, most used first (``font_subsets``): what does not fit
# in the first subset goes to a second one, in the documents that draw it. First the
# positional forms of the Arabic letters, the pieces of the ligatures drawn split
# (lam-alef, the word Allah), the markers of round brackets and guillemets and the kept
# no-break space, the dashes and dots of the layout and the harakat its
# wording carries. Then the marked codes (``for_poppler``) of the characters that open the
# papers' numbers and references inside Arabic lines: digits, the number signs, the Latin
# capitals a site code (the start of every reference) is made of, and "w" of a web
# address. They must share the first subset with ASCII: pdfium reads a Latin word drawn in
# its reading order (``draw_for_pdfium``) right only as one text object, and a marked
# letter in a subset of its own made it two ("Al-Qahtani" came out "Qahtani-Al"; a letter
# with no marked code here loses its mark there, ``_marks_in_one_subset``). Last, and cut
# (159 codes are free in the first subset): what no paper's wording draws, measured on
# every paper in both languages and genders with the tests' names — forms of the hamza
# seats, of theh and zah, isolated forms of letters that seldom end a word after a
# non-joining one, the final lam-alef with madda or hamza, the square and curly bracket
# markers, Arabic comma (its code went to the mark before a line told to pdfium; a marked
# comma keeps one below), semicolon and question mark, the en dash, the other harakat.
_RARELY_DRAWN = [
    0xFE82, 0xFE85, 0xFE88, 0xFE89, 0xFE8A, 0xFE8C, 0xFE99, 0xFE9B, 0xFE9D, 0xFEA1, 0xFEA5,
    0xFEAF, 0xFEB1, 0xFEB5, 0xFEB6, 0xFEB9, 0xFEBE, 0xFEBF, 0xFEC2, 0xFEC5, 0xFEC6, 0xFECD,
    0xFECE, 0xFECF, 0xFED1, 0xFEDA,
    *(_piece(form, k) for form in (0xFEF6, 0xFEF8, 0xFEFA) for k in range(2)),
    *(MARK + ord(ch) for ch in "[]{}" if ch in MIRRORED),
    0x060C, 0x061B, 0x061F, 0x2013,
    0x0651, 0x064E, 0x0650, 0x064C, 0x064D, 0x0652,
]
_OPENING_NUMBERS = "0123456789%+/:\u060c" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "w"
PAPER_ALPHABET: list[int] = [
    *(form for form in range(0xFE80, 0xFEF5) if form not in _RARELY_DRAWN),
    *(piece for piece in (_piece(form, k) for form in range(0xFEF5, 0xFEFD) for k in range(2))
      if piece not in _RARELY_DRAWN),
    *(_piece(0xFDF2, k) for k in range(4)),
    *(MARK + ord(ch) for ch in "()«»" if ch in MIRRORED),
    MARK + ord(_NBSP),
    # the right-to-left mark that starts a line told to pdfium (``pdfium_reading.CARRIER``),
    # on most papers: in the first subset, or a told line's first object is a subset of its own
    0x200F,
    0x0640, 0x00B7, 0x2022, 0x2014, 0x064B, 0x064F,
    *(BEFORE_RLM + ord(ch) for ch in _OPENING_NUMBERS),
    *_RARELY_DRAWN,
]


class TextLayerFont(TTFont):  # type: ignore[misc]  # reportlab ships no types
    """A TrueType font whose PDF text layer holds the text as typed (see the module)."""

    def __init__(self, name: str, filename: str, **kwargs: Any) -> None:
        super().__init__(name, filename, **kwargs)
        face = self.face
        for logical, drawn in MIRRORED.items():
            glyph = face.charToGlyph.get(ord(drawn))
            if glyph is not None:
                face.charToGlyph[MARK + ord(logical)] = glyph
                face.charWidths[MARK + ord(logical)] = face.getCharWidth(ord(drawn))
        # A ligature is drawn as its glyph narrowed to 1/n of its advance followed by n-1
        # empty glyphs sharing the rest: the same ink at the same place, and one letter per
        # piece in the text layer, which every extractor orders alike.
        self._split: dict[str, str] = {}
        # reportlab encodes U+00A0 as a plain space; drawn under its own code (the same
        # glyph) it stays U+00A0 in the text layer, a number separator for pdfium's line
        # reordering, so "+966 55 123 4567" in an Arabic line is not read as four runs.
        nbsp = face.charToGlyph.get(ord(_NBSP))
        if nbsp is not None:
            face.charToGlyph[MARK + ord(_NBSP)] = nbsp
            face.charWidths[MARK + ord(_NBSP)] = face.getCharWidth(ord(_NBSP))
            self._split[_NBSP] = chr(MARK + ord(_NBSP))
        # every character that can stand at the start of a number or Latin run drawn right
        # to left can carry the mark for poppler (``for_poppler``): the same glyph
        for code in [c for c in face.charToGlyph if c < _MARKABLE]:
            face.charToGlyph[BEFORE_RLM + code] = face.charToGlyph[code]
            face.charWidths[BEFORE_RLM + code] = face.getCharWidth(code)
        empty = face.charToGlyph.get(_EMPTY)
        for code in [c for c in face.charToGlyph if c < MARK]:
            n = len(letters_of(code))
            width = face.getCharWidth(code)
            if empty is None or not 1 < n <= _MAX_PIECES or width <= 0:
                continue
            part = width // n
            face.charToGlyph[_piece(code, 0)] = face.charToGlyph[code]
            face.charWidths[_piece(code, 0)] = width - part * (n - 1)
            for k in range(1, n):
                face.charToGlyph[_piece(code, k)] = empty
                face.charWidths[_piece(code, k)] = part
            self._split[chr(code)] = "".join(chr(_piece(code, k)) for k in range(n))

    def splitString(self, text: str | bytes, doc: Any,  # noqa: N802 - reportlab's name
                    encoding: str = "utf-8") -> Any:
        """reportlab's split into subset codes, each ligature drawn in its pieces."""
        if isinstance(text, bytes):
            text = text.decode(encoding)
        font_subsets.seed(self, doc, PAPER_ALPHABET)
        split = self._split
        if not split.keys().isdisjoint(text):
            text = "".join(split.get(ch, ch) for ch in text)
        return super().splitString(text, doc, encoding)

    def subset_of(self, ch: str, doc: Any) -> int:
        """The subset ``splitString`` puts ``ch`` in for ``doc`` (a ligature: its first
        piece's), found without giving it a code."""
        font_subsets.seed(self, doc, PAPER_ALPHABET)
        state = self.state[doc]
        code = ord(self._split.get(ch, ch)[0])
        if code == ord(_NBSP):  # reportlab draws it as a space
            code = 32
        if code in state.assignments:
            return int(state.assignments[code]) >> 8
        if code not in self.face.charToGlyph:
            return 0
        return int(state.nextCode) >> 8

    def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab's name
        font_subsets.add_objects(self, doc, to_unicode_cmap)


# -- the order pdfium reads a line in ---------------------------------------------------
# pdfium (Chrome, Edge, QtPdf) does not run UAX #9 on a line: it sorts the text objects by
# x, cuts the line's text into runs of one class — strong left (L), "weak left" (digits and
# the separators between them: EN AN CS ES ET NSM BN), right (R AL), other — and, on a
# right-to-left line, reads those runs from right to left, reversing the right-to-left and
# neutral ones (core/fxcrt/fx_bidi.cpp, CPDF_TextPage::CloseTempLine). A word such as
# "RYD1-2026-000123" is two runs, so it came out "1-2026-000123RYD". Inside one text object
# pdfium keeps the order of the content stream, so such a word (or a run of Latin words) is
# drawn as a single ``TJ`` holding its runs last to first, each glyph moved back to its place by the ``TJ`` offsets:
# the same ink where it was, and pdfium reads the runs in the order typed. poppler places
# glyphs by their position and pypdf's reading of a right-to-left line was visual already.
# An Arabic paper also says /Direction /R2L (``PageWriter``), or pdfium reads a line with
# more Latin runs than Arabic ones (an e-mail address after one word) left to right. An
# English paper has no /Direction: pdfium reads a line right to left only when it has more
# Arabic runs than Latin ones (``pdfium_reads_rtl``), and the page writer writes such a
# line this way too (an Arabic value with a reference or a phone in a table row).
_WEAK = {"EN", "AN", "CS", "ES", "ET", "NSM", "BN"}


@lru_cache(maxsize=4096)
def _pdfium_class(ch: str) -> str:
    typed = letters_of(ord(ch))[:1]
    cls = unicodedata.bidirectional(typed)
    if cls == "L":
        return "L"
    if cls in ("R", "AL"):
        return "R"
    return "W" if cls in _WEAK else "N"


def pdfium_reads_rtl(shown: str) -> bool:
    """Whether pdfium reads a line of a left-to-right page (no /Direction) right to left:
    when the line has more runs of right-to-left letters than runs of strong left-to-right
    letters; runs of digits and their separators count for neither (``CFX_BidiString``;
    measured with pypdfium2 5.x / pdfium 159: "City الرياض" and "Full name عبدالرحمن محمد"
    read left to right, "A عبدالرحمن محمد" and "1 عبدالرحمن" right to left).
    ``shown``: the line's visual text, as drawn left to right."""
    kinds = [kind for kind, _ in groupby(_pdfium_class(ch) for ch in shown)]
    return kinds.count("R") > kinds.count("L")


def _runs(shown: str, start: int, end: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i in range(start, end):
        if runs and _pdfium_class(shown[runs[-1][0]]) == _pdfium_class(shown[i]):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


@lru_cache(maxsize=8192)
def pdfium_groups(shown: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """A visual string on a right-to-left line as text objects to write: each group is one
    object, its slices in the order written. Words with an Arabic letter are groups of one;
    consecutive words without (a Latin or number run, its spaces included) are one group
    whose runs are reversed, except brackets at its edges, which belong to the right-to-left
    line."""
    words, start = [], 0
    for word in shown.split(" "):
        if word:
            words.append((start, start + len(word)))
        start += len(word) + 1
    # a word of neutrals alone ("·", "/", "-") stands between runs, it is not part of one
    classes = [{_pdfium_class(ch) for ch in shown[a:b]} for a, b in words]
    latin = ["R" not in kinds and kinds != {"N"} for kinds in classes]
    groups: list[tuple[tuple[int, int], ...]] = []
    i = 0
    while i < len(words):
        j = i
        while latin[i] and j + 1 < len(words) and latin[j + 1]:
            j += 1
        runs = _runs(shown, words[i][0], words[j][1])
        kinds = [_pdfium_class(shown[a]) for a, _ in runs]
        inner = [k for k, (a, b) in enumerate(runs)
                 if not all(letters_of(ord(ch)) in MIRRORED for ch in shown[a:b])]
        if len(inner) > 1 and "R" not in kinds:
            first, last = inner[0], inner[-1]
            groups.append(tuple(runs[:first] + runs[last:first - 1 if first else None:-1]
                                + runs[last + 1:]))
        else:
            groups.extend(((a, b),) for a, b in words[i:j + 1])
        i = j + 1
    return tuple(groups)


@lru_cache(maxsize=16384)
def string_width(text: str, font_name: str, size: float) -> float:
    """reportlab's width of a drawn string, once per process for each (the words of the
    fixed wording come back on every paper)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font_name, size))


def draw_for_pdfium(canvas: Any, y: float, placed: list[tuple[float, str]], font_name: str,
                    size: float) -> None:
    """Draw the visual words of a right-to-left line (``x``, text; a text may hold spaces)
    as ``drawString`` would, its Latin and number runs written in the order pdfium reads
    them (see above). The current font and fill colour apply."""
    shown = " ".join(text for _, text in placed)
    groups = pdfium_groups(shown)
    if all(len(group) == 1 for group in groups):
        for x, text in placed:
            canvas.drawString(x, y, text)
        return
    starts, start = [], 0
    for x, text in placed:
        starts.append((start, start + len(text), x))
        start += len(text) + 1

    def entry(i: int) -> tuple[int, int, float]:
        return next(word for word in starts if word[0] <= i <= word[1])

    # the x of every slice's start, each measured from the one before (long lines)
    x_of: dict[int, float] = {}
    last = -1
    for i in sorted({a for group in groups for a, _ in group}):
        s, _, x = entry(i)
        x_of[i] = x + string_width(shown[s:i], font_name, size) if last < s else \
            x_of[last] + string_width(shown[last:i], font_name, size)
        last = i
    at = x_of.__getitem__

    # words left as they are stay one drawString, as before, within one placed text
    merged: list[tuple[tuple[int, int], ...]] = []
    for group in groups:
        if len(group) == 1 and merged and len(merged[-1]) == 1 and \
                entry(merged[-1][0][0]) == entry(group[0][0]):
            merged[-1] = ((merged[-1][0][0], group[0][1]),)
        else:
            merged.append(group)
    for group in merged:
        _write_group(canvas, at, y, shown, group, font_name, size)


def _marks_in_one_subset(font: Any, doc: Any, texts: list[str]) -> list[str]:
    """The slices of a group to write in one ``TJ``, a mark for poppler dropped where its
    code would be in another subset than the group's other characters: a letter opening a
    Latin word that the first subset has no marked code for (``PAPER_ALPHABET``), as "a" of
    "al-Qahtani". Written in two text objects, the word came out of pdfium in the visual
    order of its runs ("Qahtani-al"); without the mark only poppler's placing of the
    neutral before it can differ, its letters come out in order."""
    subset_of = getattr(font, "subset_of", None)
    if subset_of is None or all(ord(ch) < BEFORE_RLM for text in texts for ch in text):
        return texts
    homes = {subset_of(unmarked(ch), doc) for text in texts for ch in text}
    if len(homes) != 1:
        return texts
    [home] = homes
    return ["".join(unmarked(ch) if ord(ch) >= BEFORE_RLM and subset_of(ch, doc) != home
                    else ch for ch in text) for text in texts]


def _write_group(canvas: Any, at: Callable[[int], float], y: float, shown: str,
                 group: tuple[tuple[int, int], ...], font_name: str, size: float) -> None:
    """One text object: its slices in the order given, each at its place (``at``: the x a
    character starts at) through the ``TJ`` offsets."""
    from reportlab.lib.rl_accel import fp_str
    from reportlab.pdfbase.pdfmetrics import getFont

    start, end = min(a for a, _ in group), max(b for _, b in group)
    if len(group) == 1:
        canvas.drawString(at(start), y, shown[start:end])
        return
    font = getFont(font_name)
    texts = _marks_in_one_subset(font, canvas._doc, [shown[a:b] for a, b in group])
    encoded = [list(font.splitString(text, canvas._doc)) for text in texts]
    subsets = {subset for parts in encoded for subset, _ in parts}
    if len(subsets) != 1:  # one TJ cannot change font (rare)
        canvas.drawString(at(start), y, shown[start:end])
        return
    items: list[str] = []
    origin = pen = at(group[0][0])
    for (a, b), parts in zip(group, encoded, strict=True):
        if abs(at(a) - pen) > 1e-6:
            items.append(fp_str(-(at(a) - pen) * 1000 / size))
        items.append(f"({canvas._escape(b''.join(data for _, data in parts))})")
        pen = at(a) + string_width(shown[a:b], font_name, size)
    text = canvas.beginText(origin, y)
    text._code.append(f"{font.getSubsetInternalName(subsets.pop(), canvas._doc)} "
                      f"{fp_str(size)} Tf [{' '.join(items)}] TJ")
    canvas.drawText(text)
