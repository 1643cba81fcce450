"""The Arabic line layout: order of mixed runs, brackets, harakat, wrapping, glyphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makarem_desk.documents import layout
from makarem_desk.documents.fonts import PDF_REGULAR, pdf_cmap
from makarem_desk.documents.labels import CHANNELS, IDENTITY_TYPES, LABELS
from makarem_desk.documents.text_layer import MARK, PIECES, as_drawn
from makarem_desk.documents.wording import DOCUMENTS, LANGUAGES, load_wording
from makarem_desk.errors import UserError

NBSP = "\u00a0"


def line(text: str, rtl: bool) -> str:
    """A short text in display order, its mirrored brackets as the characters drawn."""
    return as_drawn(layout.single_line(text, rtl))


def vis(word: str) -> str:
    """An Arabic word as it appears in a visual (left-to-right) string: shaped, reversed."""
    return layout.reshape(word)[::-1]


def ar_words(visual: str) -> list[str]:
    """Visual words right to left (the reading order of an RTL line)."""
    return visual.split(" ")[::-1]


def test_phone_number_keeps_its_order_inside_arabic() -> None:
    shown = line("رقم الجوال +966 55 123 4567 للتواصل", rtl=True)
    assert f"+966{NBSP}55{NBSP}123{NBSP}4567" in shown
    assert "4567 123" not in shown.replace(NBSP, " ")


@pytest.mark.parametrize("run", ["2026-11-29", "1448/05/27", "RYD1-2026-000123",
                                 "ali.salem@example.com", "Al-Qahtani", "@makarem_sa",
                                 "#1234", "www.makarem.example.sa"])
def test_ltr_runs_stay_whole_and_in_order(run: str) -> None:
    shown = line(f"قبل {run} بعد", rtl=True)
    assert run in shown
    words = ar_words(shown)
    assert words[0] == vis("قبل") and words[-1] == vis("بعد")


def test_word_order_of_arabic_is_reversed_visually() -> None:
    shown = line("واحد اثنان ثلاثة", rtl=True)
    assert ar_words(shown) == [vis(w) for w in ("واحد", "اثنان", "ثلاثة")]


def test_brackets_are_mirrored_in_rtl() -> None:
    shown = line("المادة (30) من اللائحة", rtl=True)
    assert "(30)" in shown and ")30(" not in shown


def test_brackets_after_a_phone_number_stay_paired() -> None:
    # python-bidi's pure-Python algorithm prints "( +966 55 (30" here (no rule N0).
    shown = line("رقم +966 55 (30) هاتف", rtl=True).replace(NBSP, " ")
    assert shown.count("(") == 1 and shown.count(")") == 1
    assert shown.index("(") < shown.index(")")
    assert "+966 55" in shown and "(30)" in shown


def test_arabic_brackets_around_arabic_words() -> None:
    shown = line("المؤهل (الشهادة الثانوية) مطلوب", rtl=True)
    opening, closing = shown.index("("), shown.index(")")
    assert opening < closing
    inner = shown[opening + 1 : closing].split(" ")
    assert inner[::-1] == [vis("الشهادة"), vis("الثانوية")]


def test_percentage_follows_arabic_convention() -> None:
    # After Arabic letters digits are Arabic numbers (UBA W2), so the sign sits on their left.
    assert "%75" in line("بنسبة 75% على الأقل", rtl=True)


def test_english_line_with_arabic_name() -> None:
    shown = line("I, محمد صالح, declare", rtl=False)
    assert shown.startswith("I, ") and shown.endswith(" declare")
    assert vis("صالح") + " " + vis("محمد") in shown


def test_harakat_survive_shaping() -> None:
    shown = line("عَبْدُ الرَّحْمٰنِ", rtl=True)
    for mark in ("\u064e", "\u0652", "\u064f", "\u0651", "\u0650"):
        assert mark in shown


def test_isolation_marks_never_reach_the_page() -> None:
    shown = line("هاتف +966 55 123 4567", rtl=True)
    assert not set(shown) & {"\u202a", "\u202b", "\u202c"}


def test_isolate_only_numeric_runs_with_spaces_or_dashes() -> None:
    assert layout.isolate_ltr_runs("هاتف +966 55") == f"هاتف \u202a+966{NBSP}55\u202c"
    assert layout.isolate_ltr_runs("تاريخ 2026-11-29") == "تاريخ \u202a2026-11-29\u202c"
    assert layout.isolate_ltr_runs("رقم 1012345674") == "رقم 1012345674"
    # Latin words alone must stay breakable.
    assert layout.isolate_ltr_runs("the quick brown fox") == "the quick brown fox"


def test_wrap_keeps_logical_order_and_width() -> None:
    words = [f"كلمة{i}" for i in range(60)]
    text = " ".join(words)
    lines = layout.wrap(text, 200, PDF_REGULAR, 11)
    assert len(lines) > 3
    assert " ".join(lines).split(" ") == words  # nothing lost, first words on the first line
    for line in lines:
        assert layout.text_width(line, PDF_REGULAR, 11) <= 200 + 0.01


def test_phone_never_splits_across_lines() -> None:
    text = "للتواصل " * 12 + "+966 55 123 4567 " + "شكرا " * 12
    lines = layout.wrap(layout.isolate_ltr_runs(text.strip()), 150, PDF_REGULAR, 11)
    assert sum(f"+966{NBSP}55{NBSP}123{NBSP}4567" in line for line in lines) == 1


def test_justified_lines_fill_the_width_and_last_line_is_right_aligned() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = "أقر بأن جميع البيانات والمعلومات المقدمة مني صحيحة وكاملة " * 4
    width = 300.0
    lines = layout.paragraph_lines(text, width, PDF_REGULAR, 11, rtl=True)
    assert len(lines) >= 3
    for placed in lines[:-1]:
        right = placed[-1].x + stringWidth(placed[-1].text, PDF_REGULAR, 11)
        assert placed[0].x == pytest.approx(0, abs=0.01)
        assert right == pytest.approx(width, abs=0.05)
    last = lines[-1]
    assert last[-1].x + stringWidth(last[-1].text, PDF_REGULAR, 11) == pytest.approx(width)
    # reading order: the paragraph's first word is the rightmost word of the first line
    assert lines[0][-1].text == vis("أقر")


def _all_fixed_texts() -> list[str]:
    texts = [v for entry in LABELS.values() for v in entry.values()]
    texts += [v for e in IDENTITY_TYPES.values() for v in e.values()]
    texts += [v for _, names in CHANNELS for v in names.values()]
    for doc in DOCUMENTS:
        for lang in LANGUAGES:
            w = load_wording(doc, lang)
            texts += [w.title, w.text]
    return texts


def test_every_fixed_text_has_glyphs_in_the_font() -> None:
    cmap = pdf_cmap()
    for text in _all_fixed_texts():
        shaped = layout.reshape(text)
        missing = {c for c in shaped if ord(c) not in cmap and c not in "\n"}
        assert not missing, (text, missing)


def test_dates_and_digits_have_glyphs() -> None:
    from datetime import date

    from makarem_desk.documents import facts

    for lang in ("ar", "en"):
        assert not layout.missing_glyphs(facts.both_calendars(date(2026, 11, 29), lang))
    assert not layout.missing_glyphs("()+/@-%.:,؛،0123456789٠١٢٣٤٥٦٧٨٩")


def test_text_without_glyphs_is_refused_clearly() -> None:
    with pytest.raises(UserError) as err:
        layout.check_printable("اسم 漢字")
    assert "U+6F22" in err.value.message


def test_mirrored_brackets_reach_the_font_as_markers_of_the_typed_bracket() -> None:
    # The text layer maps each marker back to the bracket typed (text_layer.py).
    shown = layout.single_line("المادة (30) من اللائحة", rtl=True)
    # (the digits after the bracket carry poppler's mark, text_layer.for_poppler: not a
    # bracket)
    markers = [chr(ord(ch) - MARK) for ch in shown if MARK <= ord(ch) < PIECES]
    assert markers == [")", "("]  # drawn left to right: the typed ")" first
    assert "(" not in shown and ")" not in shown
    # left to right, brackets are drawn as typed: no markers
    assert layout.single_line("Article (30) of the rules", rtl=False).count("(") == 1


def test_a_tab_does_not_break_the_line_order() -> None:
    # Rule L1: a segment separator takes the paragraph level; the words on both sides keep
    # their order (this used to break the levels read from python-bidi's debug output).
    shown = as_drawn(layout.visual("الاسم\tمحمد (30)", True))
    assert shown.split("\t") == [line("محمد (30)", rtl=True), vis("الاسم")]
    # left to right the tab stays between the same words, Arabic inside still reversed
    assert as_drawn(layout.visual("Name\tمحمد (30)", False)) == "Name\t" + line("محمد (30)", False)


def test_isolates_are_an_error_not_a_silent_reordering() -> None:
    from makarem_desk.documents.bidi_levels import UnsupportedBidiText

    with pytest.raises(UnsupportedBidiText):
        layout.visual("قبل \u2066abc\u2069 بعد", True)
    with pytest.raises(UserError):  # and the font refuses them before any layout
        layout.check_printable("قبل \u2066abc\u2069 بعد")


def test_embedding_is_carried_across_wrapped_lines() -> None:
    value = layout.embed_rtl("لم يستوف شرط المؤهل العلمي المطلوب للبرنامج 75% على الأقل")
    lines = layout.wrap(f"rejected for this reason: {value} and more", 120, PDF_REGULAR, 11)
    assert len(lines) > 2
    for line in lines:  # every line opens and closes its own embeddings
        assert line.count("\u202b") == line.count("\u202c")


# -- shaping word by word ------------------------------------------------------------------

_SHAPING_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىءآأإؤئة"  # letters, hamza forms
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"  # harakat, dagger alef
    "\u0640\u200d\u200c"  # tatweel, ZWJ, ZWNJ
    "  ()0١A-.،\u00a0\u202a\u202b\u202c"  # spaces, neutrals, digits, Latin, embeddings
)


def _whole(text: str) -> str:
    """The library on the whole text; the joiner it cannot take before lam-alef dropped."""
    try:
        return str(layout._reshaper.reshape(text))
    except IndexError:
        return str(layout._reshaper.reshape(text.replace(layout.ZWJ, "")))


def test_a_joiner_before_lam_alef_shapes_instead_of_failing() -> None:
    """Found by the property below: arabic_reshaper raises IndexError on U+200D before لا
    or لآ; a name holding one must still print."""
    for text in ("\u200dلآ", "سلمى \u200dلا", "x\u200dلا"):
        shaped = layout.reshape(text)
        assert shaped == layout.reshape(text.replace(layout.ZWJ, ""))
        assert "\ufef5" in shaped or "\ufefb" in shaped or "\ufefc" in shaped


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SHAPING_ALPHABET, max_size=40))
def test_shaping_word_by_word_is_shaping_the_whole_text(text: str) -> None:
    assert layout.reshape(text) == _whole(text)


@pytest.mark.parametrize("text", [
    "لا إله إلا الله", "عبدالله بن عبدالرحمن", "بسم الله الرحمن الرحيم", "جل جلاله",
    "النبي صلى الله عليه وسلم", "صلى اللهُ عليه وسلم", "  مكارم  الأخلاق ", "لا", "",
    "قال: «بسم الله الرحمن الرحيم»",
])
def test_shaping_keeps_ligatures_that_span_words(text: str) -> None:
    assert layout.reshape(text) == _whole(text)


def test_every_fixed_text_shapes_word_by_word_as_whole() -> None:
    texts = [v for entry in LABELS.values() for v in entry.values() if isinstance(v, str)]
    for document in DOCUMENTS:
        wording = load_wording(document, "ar")
        texts += [wording.title, *wording.paragraphs]
    assert len(texts) > 50
    for text in texts:
        assert layout.reshape(text) == _whole(text), text
