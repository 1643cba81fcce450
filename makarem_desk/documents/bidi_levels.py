"""The part of the Unicode Bidirectional Algorithm (UAX #9) the papers need, in plain Python.

Covered: paragraph level given (L or R) or found by P2/P3; explicit embeddings and
overrides LRE, RLE, LRO, RLO and PDF (X1–X9, up to depth 125 with overflow counting); weak
types W1–W7; bracket pairs N0; neutrals N1–N2; implicit levels I1–I2; L1 (segment
separators such as a tab, and trailing whitespace, go back to the paragraph level); L2
reordering; and mirroring (L4) through python-bidi's mirroring table.

Not covered: isolates (LRI, RLI, FSI, PDI) and paragraph separators inside the text — the
layout works line by line and writes embeddings, not isolates. Text holding them raises
:class:`UnsupportedBidiText` rather than being ordered by a different rule set.

Checked against Unicode's ``BidiCharacterTest.txt`` in ``tests/test_bidi_levels.py``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bidi.mirror import MIRRORED

MAX_DEPTH = 125
_ISOLATES = frozenset({"LRI", "RLI", "FSI", "PDI"})
_EMBEDDINGS = {"LRE": (False, False), "RLE": (True, False), "LRO": (False, True),
               "RLO": (True, True)}
_UNSUPPORTED = _ISOLATES | {"B"}
# Without numbers, separators and terminators end up neutral (W4-W6 need EN or AN).
_PLAIN_RTL = frozenset({"R", "AL", "NSM", "WS", "ON", "CS", "ES", "ET", "S"})
_PLAIN_LTR = frozenset({"L", "NSM", "WS", "ON", "CS", "ES", "ET", "S"})
_REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON"})
_EVEN_RAISE = {"R": 1, "AN": 2, "EN": 2}
_ODD_RAISE = {"L": 1, "AN": 1, "EN": 1}
_TRAILING = frozenset({"WS", "LRE", "RLE", "LRO", "RLO", "PDF", "BN"})


class UnsupportedBidiText(ValueError):
    """Text with bidi controls this implementation does not cover (isolates, paragraphs)."""


class _Classes(dict[str, str]):
    """Bidi_Class per character, looked up once (a dict is faster here than lru_cache)."""

    def __missing__(self, ch: str) -> str:
        cls = self[ch] = unicodedata.bidirectional(ch) or "L"
        return cls


_CLASSES = _Classes()


def bidi_class(ch: str) -> str:
    return _CLASSES[ch]


def _canonical(ch: str) -> str:
    # U+2329/U+232A are canonically equivalent to U+3008/U+3009 (BD16).
    return unicodedata.normalize("NFC", ch)


# Opening bracket -> its closing partner (Bidi_Paired_Bracket), from the mirroring table:
# an opening punctuation that is mirrored and whose mirror is a closing punctuation.
_OPENING = {
    _canonical(o): _canonical(c) for o, c in MIRRORED.items()
    if unicodedata.category(o) == "Ps" and unicodedata.category(c) == "Pe"
}
_CLOSING = frozenset(_OPENING.values())


def paragraph_level(text: str) -> int:
    """P2/P3: the level of the first strong character, 0 when there is none."""
    for ch in text:
        cls = bidi_class(ch)
        if cls in _ISOLATES:
            raise UnsupportedBidiText(f"isolate U+{ord(ch):04X} in {text!r}")
        if cls == "L":
            return 0
        if cls in ("R", "AL"):
            return 1
    return 0


def resolve_levels(text: str, base: int | None) -> list[int | None]:
    """The embedding level of every character after rules X1–I2 and L1; ``None`` for the
    characters rule X9 removes (embedding controls, boundary neutrals)."""
    table = _CLASSES
    classes = [table[ch] for ch in text]
    if _UNSUPPORTED.intersection(classes):
        bad = next(ch for ch, cls in zip(text, classes, strict=True) if cls in _UNSUPPORTED)
        raise UnsupportedBidiText(f"unsupported bidi control U+{ord(bad):04X}")
    para = paragraph_level(text) if base is None else base
    present = set(classes)
    if present <= (_PLAIN_RTL if para % 2 else _PLAIN_LTR):
        # Only strong letters of the paragraph's direction, marks and neutrals: every rule
        # resolves to the paragraph level (sos and eos are the paragraph's direction too).
        return [para] * len(text)
    levels: list[int | None] = [None] * len(text)
    types = list(classes)
    if _REMOVED & present:
        _explicit(classes, types, levels, para)
    else:  # no embedding controls: one level run at the paragraph level
        levels = [para] * len(text)
    kept = [i for i, lv in enumerate(levels) if lv is not None]
    explicit = [levels[i] for i in kept]  # sos/eos compare explicit levels, not resolved
    start = 0
    while start < len(kept):
        level = explicit[start]
        end = start
        while end < len(kept) and explicit[end] == level:
            end += 1
        before = explicit[start - 1] if start else para
        after = explicit[end] if end < len(kept) else para
        assert level is not None and before is not None and after is not None
        sos = "R" if max(level, before) % 2 else "L"
        eos = "R" if max(level, after) % 2 else "L"
        _resolve_run(text, classes, types, levels, kept[start:end], level, sos, eos)
        start = end
    _line_rule(classes, levels, para)
    return levels


def _explicit(classes: list[str], types: list[str], levels: list[int | None],
              para: int) -> None:
    """X1–X9: embedding levels, overrides applied to ``types``, controls removed."""
    stack: list[tuple[int, bool | None]] = [(para, None)]  # (level, override: True=R)
    overflow = 0
    for i, cls in enumerate(classes):
        if cls in _EMBEDDINGS:
            rtl, overrides = _EMBEDDINGS[cls]
            top = stack[-1][0]
            new = (top + 1) | 1 if rtl else (top + 2) & ~1
            if new <= MAX_DEPTH and overflow == 0:
                stack.append((new, rtl if overrides else None))
            else:
                overflow += 1
        elif cls == "PDF":
            if overflow:
                overflow -= 1
            elif len(stack) > 1:
                stack.pop()
        elif cls != "BN":
            level, forced = stack[-1]
            levels[i] = level
            if forced is not None:
                types[i] = "R" if forced else "L"


def _resolve_run(text: str, classes: list[str], types: list[str],
                 levels: list[int | None], run: list[int], level: int, sos: str,
                 eos: str) -> None:
    t = [types[i] for i in run]
    n = len(t)
    # Each rule is skipped when the types it changes are absent (most lines are words).
    # W1: non-spacing marks take the type of what precedes them.
    if "NSM" in t:
        for k in range(n):
            if t[k] == "NSM":
                t[k] = t[k - 1] if k else sos
    # W2, W3: European numbers after Arabic letters are Arabic numbers; AL becomes R.
    if "AL" in t:
        if "EN" in t:
            strong = sos
            for k in range(n):
                if t[k] in ("L", "R", "AL"):
                    strong = t[k]
                elif t[k] == "EN" and strong == "AL":
                    t[k] = "AN"
        t = ["R" if x == "AL" else x for x in t]
    separators = "ES" in t or "CS" in t
    # W4: a single separator between two numbers of the same kind joins them.
    for k in range(1, n - 1 if separators else 1):
        if t[k] == "ES" and t[k - 1] == "EN" and t[k + 1] == "EN":
            t[k] = "EN"
        elif t[k] == "CS" and t[k - 1] == t[k + 1] and t[k - 1] in ("EN", "AN"):
            t[k] = t[k - 1]
    # W5: terminators (%, $, #…) next to European numbers are numbers.
    terminators = "ET" in t
    k = 0 if terminators else n
    while k < n:
        if t[k] == "ET":
            j = k
            while j < n and t[j] == "ET":
                j += 1
            if (k and t[k - 1] == "EN") or (j < n and t[j] == "EN"):
                t[k:j] = ["EN"] * (j - k)
            k = j
        else:
            k += 1
    # W6: remaining separators and terminators are neutral.
    if separators or terminators:
        t = ["ON" if x in ("ES", "ET", "CS") else x for x in t]
    # W7: European numbers in a left-to-right context are L.
    if "EN" in t:
        strong = sos
        for k in range(n):
            if t[k] in ("L", "R"):
                strong = t[k]
            elif t[k] == "EN" and strong == "L":
                t[k] = "L"
    embedding = "R" if level % 2 else "L"
    if "ON" in t:
        _brackets(text, classes, run, t, embedding, sos)
    # N1, N2: neutrals between two strong types of the same direction take it.
    k = 0
    while k < n:
        if t[k] in _NEUTRAL:
            j = k
            while j < n and t[j] in _NEUTRAL:
                j += 1
            before = _strong(t[k - 1]) if k else sos
            after = _strong(t[j]) if j < n else eos
            fill = before if before == after else embedding
            t[k:j] = [fill] * (j - k)
            k = j
        else:
            k += 1
    # I1, I2.
    raise_by = _ODD_RAISE if level % 2 else _EVEN_RAISE
    for k, i in enumerate(run):
        levels[i] = level + raise_by.get(t[k], 0)


def _strong(x: str) -> str:
    return "R" if x in ("R", "EN", "AN") else x


def _brackets(text: str, classes: list[str], run: list[int], t: list[str],
              embedding: str, sos: str) -> None:
    """N0: a bracket pair takes the direction of the strong text inside it (or of the
    context before it when only the opposite direction is inside)."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for k, i in enumerate(run):
        if t[k] != "ON":
            continue
        ch = _canonical(text[i])
        if ch in _OPENING:
            if len(stack) == 63:
                break
            stack.append((_OPENING[ch], k))
        elif ch in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    if not pairs:
        return
    pairs.sort()
    opposite = "L" if embedding == "R" else "R"
    for open_k, close_k in pairs:
        inside = {_strong(x) for x in t[open_k + 1:close_k]}
        if embedding in inside:
            direction = embedding
        elif opposite in inside:
            context = sos
            for x in reversed(t[:open_k]):
                if _strong(x) in ("L", "R"):
                    context = _strong(x)
                    break
            direction = opposite if context == opposite else embedding
        else:
            continue
        for k in (open_k, close_k):
            t[k] = direction
            j = k + 1
            while j < len(run) and classes[run[j]] == "NSM":
                t[j] = direction
                j += 1


def _line_rule(classes: list[str], levels: list[int | None], para: int) -> None:
    """L1: segment separators and the whitespace before them or at the end of the line
    go back to the paragraph level."""
    trailing = True
    for i in range(len(classes) - 1, -1, -1):
        cls = classes[i]
        if cls == "S":
            levels[i] = para
            trailing = True
        elif trailing and cls in _TRAILING:
            if levels[i] is not None:
                levels[i] = para
        else:
            trailing = False


def visual_order(levels: Sequence[int | None]) -> list[int]:
    """L2: indices of the kept characters, left to right."""
    order = [i for i, lv in enumerate(levels) if lv is not None]
    if not order:
        return order
    kept = [lv for lv in levels if lv is not None]
    highest = max(kept)
    if highest == min(kept):  # one level: as it is, or reversed
        return order[::-1] if highest % 2 else order
    lowest_odd = min((lv for lv in kept if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        k = 0
        while k < len(order):
            if levels[order[k]] >= level:  # type: ignore[operator]
                j = k
                while j < len(order) and levels[order[j]] >= level:  # type: ignore[operator]
                    j += 1
                order[k:j] = order[k:j][::-1]
                k = j
            else:
                k += 1
    return order


def mirror(ch: str) -> str:
    """L4: the mirrored glyph's character for a character drawn at an odd level."""
    mirrored: str = MIRRORED.get(ch, ch)  # python-bidi ships no types
    return mirrored
