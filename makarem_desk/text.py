"""Arabic text normalisation shared by search, validation and import.

The search key folds the spelling variety seen at a counter: tashkeel and tatweel, the
hamza forms of alef, taa marbuta vs haa, alef maqsura vs yaa, hamza on waw/yaa, Arabic-Indic
digits, and compound names written with or without a space ("عبدالله" / "عبد الله").
"""

from __future__ import annotations

import re
import unicodedata

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC_INDIC = "۰۱۲۳۴۵۶۷۸۹"
_DIGITS = str.maketrans(ARABIC_INDIC + EASTERN_ARABIC_INDIC, "0123456789" * 2)

# Harakat, Quranic marks, superscript alef, and tatweel (kashida).
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ء": "",
        "ک": "ك",
        "ی": "ي",
    }
)
# Bidi controls, zero-width characters, BOM and other invisible format characters.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c]")

# Prefixes that Saudi names join to the next word: "عبد الله" is one name, "آل سعود" one
# family name.
COMPOUND_PREFIXES = ("عبد", "ابو", "ابن", "بن", "ال")
# Suffix words that join the previous one: "نور الدين", "سيف الاسلام".
_COMPOUND_SUFFIXES = ("الله", "الرحمن", "الرحيم", "الدين", "الاسلام")


def to_ascii_digits(text: str) -> str:
    return text.translate(_DIGITS)


def fold_arabic(text: str) -> str:
    """Letters folded, marks removed, digits made ASCII, Latin lower-cased."""
    text = unicodedata.normalize("NFKC", text)
    text = INVISIBLE.sub("", text)
    text = _TASHKEEL.sub("", text)
    text = text.translate(_LETTERS)
    text = to_ascii_digits(text)
    return text.casefold()


def search_words(text: str) -> list[str]:
    """The folded words of a name or query, compound names joined into one word."""
    words = re.findall(r"\w+", fold_arabic(text))
    # Join until nothing changes, so that folding a stored key again gives the same key.
    while True:
        joined = _join_compounds(words)
        if joined == words:
            return words
        words = joined


def _join_compounds(words: list[str]) -> list[str]:
    joined: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and (w in COMPOUND_PREFIXES or nxt in _COMPOUND_SUFFIXES):
            joined.append(w + nxt)
            i += 2
            continue
        joined.append(w)
        i += 1
    return joined


def name_search_key(*parts: str | None) -> str:
    """The stored search key of a name: folded words separated by single spaces."""
    return " ".join(search_words(" ".join(p for p in parts if p)))
