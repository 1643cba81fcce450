"""Pairs of word stems: the entries migration 0012 adds to PostgreSQL's name index.

A key's stems are, for each word, its first three letters, and for a compound its second
half's and the half's after another joining prefix ("القحطاني" -> "الق", "قحط";
"عبدالرحمن" -> "عبد", "الر", "رحم").  The index holds every two different stems of a key
as one entry, "الق عبد".  A typed word that a key holds (a prefix of one of its words or
halves, or the whole of one) has a stem among that key's stems: the three letters after
its joining prefix when it has them (the key word holds them as its half's stem, or
its half's half's), else its own first three (the key word's or its half's), as long as
it is not a shorter start of a joining prefix ("عب" may be "عبدالله", whose stems are
"عبد", "الل").  So every pair of a query's different stems is held by everyone who holds
the query's words, and sent beside them it changes no hit.  Sent instead of a common
word, it narrows what GIN reads to a short list, and the word is tested on those rows
(``search_costs``).  ``key_pairs`` says what the SQL function adds, for the tests that hold
the two to one another.
"""

from __future__ import annotations

from collections.abc import Iterable

from .text import COMPOUND_PREFIXES

# Between a pair's two stems: no word of a key holds a space, so no pair is a word's entry.
PAIR_SEPARATOR = " "
_STEM = 3


def _after_joining(word: str) -> str | None:
    """What follows the word's joining prefix, or None when it starts with none."""
    for joining in COMPOUND_PREFIXES:  # none begins another: one matches at most
        if len(word) > len(joining) and word.startswith(joining):
            return word[len(joining):]
    return None


def key_stems(word: str) -> list[str]:
    """A key word's stems as the SQL function takes them: its first three letters, its
    half's, then the half's after another joining prefix."""
    stems = [word[:_STEM]] if len(word) >= _STEM else []
    half = _after_joining(word)
    if half is not None and len(half) >= _STEM:
        stems.append(half[:_STEM])
    again = None if half is None else _after_joining(half)
    if again is not None and len(again) >= _STEM:
        stems.append(again[:_STEM])
    return stems


def _pair(a: str, b: str) -> str:
    return PAIR_SEPARATOR.join(sorted((a, b)))


def _pairs(stems: Iterable[str | None]) -> set[str]:
    kept = [s for s in stems if s]
    return {_pair(a, b) for i, a in enumerate(kept) for b in kept[i + 1:] if a != b}


def key_pairs(key: str) -> set[str]:
    """The pairs the index holds for a stored key (beside 0009's prefixes)."""
    return _pairs(s for word in key.split(" ") for s in key_stems(word))


def typed_stem(word: str, prefix: bool) -> str | None:
    """The stem every key word a typed word can match shares, or None when it has none:
    after its joining prefix when three letters follow it ("القحطاني" -> "قحط": the key
    may hold it as a half), else its own start ("بندر" -> "بند", "الج" -> "الج")."""
    if prefix and any(joining.startswith(word) and joining != word
                      for joining in COMPOUND_PREFIXES):
        return None  # "عب" may be "عبدالله" or "عبير"
    rest = _after_joining(word)
    if rest is not None and len(rest) >= _STEM:
        return rest[:_STEM]
    return word[:_STEM] if len(word) >= _STEM else None


def typed_pairs(terms: Iterable[tuple[str, bool]]) -> set[str]:
    """The pairs everyone who holds these (word, as a prefix?) terms holds."""
    return _pairs(typed_stem(w, p) for w, p in terms)
