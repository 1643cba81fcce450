"""Pairs of word stems: the entries migration 0012 adds to PostgreSQL's name index.

A key's stems are, for each word, its first three letters after one joining prefix
("القحطاني" -> "قحط"), a joining prefix of three letters itself, and for a compound its
second half's after another ("عبدالرحمن" -> "الر", "عبد" and "رحم").  The index holds
every two different stems of a key as one entry, "الل قحط".  A typed word that a key
holds (a prefix of one of its words or halves, or the whole of one) has a stem among
that key's stems, provided it has three letters after its joining prefix or is a joining
prefix of three ("عبد"; "عب" may be "عبدالله" or "عبير" and has none): so every pair of
a query's different stems is held by everyone who holds the query's words, and sent
beside them it changes no hit.  Sent instead of a common word, it narrows what GIN reads
to a short list, and the word is tested on those rows (``search_sql``).  ``key_pairs``
says what the SQL function adds, for the tests that hold the two to one another.
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
    """A key word's stems as the SQL function takes them: the word's, its joining
    prefix when that has three letters, then its half's."""
    half = _after_joining(word)
    part = word if half is None else half
    stems = [part[:_STEM]] if len(part) >= _STEM else []
    if half is not None and len(word) - len(half) == _STEM:
        stems.append(word[:_STEM])
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
    """The stem every key word a typed word can match shares, or None when it has none."""
    if prefix and any(joining.startswith(word) for joining in COMPOUND_PREFIXES):
        # Every key word it starts holds the joining prefix as a stem, if it has three
        # letters ("عبد"); a shorter start has none ("عب": "عبدالله" or "عبير").
        return word if len(word) == _STEM else None
    rest = _after_joining(word)
    part = word if rest is None else rest
    return part[:_STEM] if len(part) >= _STEM else None


def typed_pairs(terms: Iterable[tuple[str, bool]]) -> set[str]:
    """The pairs everyone who holds these (word, as a prefix?) terms holds."""
    return _pairs(typed_stem(w, p) for w, p in terms)
