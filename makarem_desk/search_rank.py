"""How well a name found by search matches the typed words (``search.SearchService``).

More query words matched first, then more exact word matches, then the words in the order
typed (first name first, parts adjacent), then the folded name.  A word is also tried
with the article "ال" in front, so "غامدي" finds "الغامدي", and with the compound prefixes
the stored key joins to the next word (``text.COMPOUND_PREFIXES``), so the second half of
a compound typed alone finds it: "لادن" finds "بن لادن" (key "بنلادن"), "بكر" "أبو بكر",
"الرحمن" "عبد الرحمن".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .text import COMPOUND_PREFIXES

_ARTICLE = "ال"
# Prefixes joined to the next word in a stored key, other than the article.
_JOINING = tuple(p for p in COMPOUND_PREFIXES if p != _ARTICLE)


@lru_cache(maxsize=4096)
def alternatives(word: str) -> tuple[str, ...]:
    """The stored words a typed word may stand for: itself, with the article, and as the
    second half of a compound ("لادن" -> "بنلادن")."""
    if not word.isalpha() or not _is_arabic(word):
        return (word,)
    article = () if word.startswith(_ARTICLE) else (_ARTICLE + word,)
    return (word, *article, *(p + word for p in _JOINING if not word.startswith(p)))


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


class Rank(NamedTuple):  # a tuple: made for every candidate of every keystroke
    matched: int  # query words found in the name
    exact: int  # of them, as whole words rather than prefixes
    in_order: int  # words typed in the name's order, the first one being the first name
    missing: int = 0  # query words the name does not hold
    adjacent: int = 0  # of the in-order words, those right after the previous one

    @property
    def score(self) -> float:
        matched = (self.matched - self.missing) * 100.0 + self.exact * 10.0
        return matched + self.in_order + self.adjacent * 0.5


def rank(words: Sequence[str], search_key: str) -> Rank:
    return rank_alternatives([alternatives(w) for w in words], search_key)


def rank_alternatives(word_alts: Sequence[tuple[str, ...]], search_key: str) -> Rank:
    """``rank`` with each word's ``alternatives`` made once for all of a query's candidates."""
    # Runs for every candidate (up to a few hundred per keystroke): plain loops, and
    # str.startswith with a tuple, are several times faster than generator expressions.
    key_words = search_key.split()
    matched = exact = in_order = adjacent = 0
    previous = -1
    for alts in word_alts:
        pos = -1
        for i, k in enumerate(key_words):
            if k in alts:
                pos = i
                exact += 1
                break
        else:
            for i, k in enumerate(key_words):
                if k.startswith(alts):
                    pos = i
                    break
        if pos < 0:
            continue
        matched += 1
        if (previous == -1 and pos == 0) or (previous >= 0 and pos > previous):
            in_order += 1
            adjacent += previous >= 0 and pos == previous + 1
        previous = pos
    return Rank(matched, exact, in_order, len(word_alts) - matched, adjacent)
