"""No developer text reaches users (issue 12 item 7): no command lines, clause ids,
option names or code quotes in any string of the interface, in English or in Arabic, and
counts through Qt's plural forms — "1 result", never "1 result(s)"."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from makarem_desk.ui.profile_history import OUTCOMES, outcome_label

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "makarem_ar.ts"

DEVELOPER_TEXT = [
    (re.compile(r"makarem-desk"), "a command line"),
    (re.compile(r"\bkeys (init|export|import)\b"), "a command line"),
    (re.compile(r"\bPOL-[A-Z]+\d*"), "a policy clause id"),
    (re.compile(r"(^|\s)--[a-z]"), "a command-line option"),
    (re.compile(r"`"), "a code quote"),
    (re.compile(r"\b[a-z]+_[a-z_]+\b"), "an identifier (raw enum or key)"),
]


def _messages() -> list[tuple[str, str, bool, list[str]]]:
    """(context, source, numerus, translations) of every live message."""
    out = []
    for ctx in ET.parse(TS).iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            texts = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            out.append((name, m.findtext("source") or "", m.get("numerus") == "yes", texts))
    return out


def test_no_developer_text_in_any_interface_string() -> None:
    found = []
    for context, source, _numerus, translations in _messages():
        for text in [source, *translations]:
            for pattern, what in DEVELOPER_TEXT:
                if pattern.search(text):
                    found.append(f"{context}: {what}: {text[:90]!r}")
    assert not found, "\n".join(found)


def test_counted_strings_use_plural_forms() -> None:
    """"(s)" only in a numerus source (shown "1 result"/"2 results"), never translated."""
    wrong = []
    for context, source, numerus, translations in _messages():
        if "(s)" in source and not numerus:
            wrong.append(f"{context}: {source!r} counts without %n")
        if numerus and "%n" not in source:
            wrong.append(f"{context}: {source!r} is numerus without %n")
        if any("(s)" in t for t in translations):
            wrong.append(f"{context}: {source!r}: '(s)' in the Arabic")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("language", "n", "expected"), [
    ("en", 1, "1 result"), ("en", 3, "3 results"), ("en", 0, "0 results"),
    ("ar", 1, "نتيجة واحدة"), ("ar", 2, "نتيجتان"), ("ar", 5, "5 نتائج"),
])
def test_a_count_reads_as_a_person_writes_it(desk_app, language, n, expected) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.i18n import apply_language

    apply_language(desk_app, language)
    assert QCoreApplication.translate("SearchView", "%n result(s)", "", n) == expected


def test_the_arabic_interface_writes_western_digits(desk_app) -> None:  # type: ignore[no-untyped-def]
    """One digit style per language: spin boxes and pickers as the dates and counts."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QSpinBox

    from makarem_desk.ui.i18n import apply_language

    apply_language(desk_app, "ar")
    assert QLocale().toString(1450) in ("1450", "1,450")
    spin = QSpinBox()
    spin.setRange(1, 100)
    spin.setValue(30)
    assert spin.text() == "30"
    assert QLocale().monthName(5) == "مايو"  # still Gulf Arabic names


def test_contact_outcomes_are_words(desk_app) -> None:  # type: ignore[no-untyped-def]
    for code in OUTCOMES:
        assert outcome_label(code) != code
    assert outcome_label("something_new") == "—"  # never the stored code


def test_every_way_a_person_is_found_has_a_label(desk_app) -> None:  # type: ignore[no-untyped-def]
    """Search's "Found by" column: a word for every MatchedBy member, in both languages."""
    from makarem_desk.search import MatchedBy
    from makarem_desk.ui.i18n import apply_language
    from makarem_desk.ui.search_view import FOUND_BY, found_by_label

    assert set(FOUND_BY) == set(MatchedBy)
    try:
        for language in ("ar", "en"):
            apply_language(desk_app, language)
            labels = [found_by_label(m) for m in MatchedBy]
            assert len(set(labels)) == len(labels), labels  # no two read the same
            for m, label in zip(MatchedBy, labels, strict=True):
                arabic = any("\u0600" <= ch <= "\u06ff" for ch in label)
                if language == "ar":
                    assert arabic, m  # translated, not the English word or the key
                else:  # the words of FOUND_BY ("file number"), never a key ("file_number")
                    assert label == FOUND_BY[m] and not arabic and "_" not in label, m
    finally:
        apply_language(desk_app, "ar")
