"""Arabic folding rules behind the search key (issue 2: search insensitive to spelling)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from makarem_desk.text import INVISIBLE, fold_arabic, name_search_key, search_words, to_ascii_digits


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آمنة", "امنه"),
        ("ٱلحسن", "الحسن"),
        ("فاطمة", "فاطمه"),
        ("مصطفى", "مصطفي"),
        ("مؤمن", "مومن"),
        ("هانئ", "هاني"),
        ("مُحَمَّد", "محمد"),
        ("محـــمد", "محمد"),
        ("عبد الله", "عبدالله"),
        ("عبد الرحمن", "عبدالرحمن"),
        ("أبو بكر", "ابوبكر"),
        ("نور الدين", "نورالدين"),
        ("آل سعود", "السعود"),
    ],
)
def test_spelling_variants_share_one_key(a: str, b: str) -> None:
    assert name_search_key(a) == name_search_key(b)


def test_digits_and_invisible_characters() -> None:
    assert to_ascii_digits("١٢٣٤٥٦٧٨٩٠ ۱۲۳") == "1234567890 123"
    assert fold_arabic("\u202bأحمد\u202c\u200b") == "احمد"
    assert fold_arabic("Ahmed") == "ahmed"


def test_name_key_joins_the_four_parts() -> None:
    assert name_search_key("عبدالله", "محمد", None, "القحطاني") == "عبدالله محمد القحطاني"
    assert search_words("  عبد   الله ") == ["عبدالله"]


@given(st.text(max_size=40))
def test_folding_is_idempotent_and_leaves_no_invisible_characters(text: str) -> None:
    once = fold_arabic(text)
    assert fold_arabic(once) == once
    assert not INVISIBLE.search(once)


@given(st.lists(st.sampled_from(["أحمد", "عبد", "الله", "فاطمة", "آل", "سعود", "نور", "الدين"]), max_size=6))
def test_search_key_is_stable_under_refolding(words: list[str]) -> None:
    key = name_search_key(" ".join(words))
    assert name_search_key(key) == key
