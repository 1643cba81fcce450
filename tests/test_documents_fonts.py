"""Issue 11, "English is English": English papers are set in Noto Sans, and the Arabic values
inside them (a name typed in Arabic) still in the Arabic face; Arabic papers are unchanged."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from test_documents_render import DOCS

from makarem_desk.documents import font_runs
from makarem_desk.documents.fonts import PDF_BOLD, PDF_REGULAR, fonts_dir

ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
LATIN = re.compile(r"[A-Za-z]")


def _embedded_fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _letters_by_font(pdf: bytes) -> dict[str, Counter[str]]:
    """For each embedded font, how many Arabic and Latin letters the page draws with it."""
    out: dict[str, Counter[str]] = {}

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if not text.strip() or not isinstance(font, dict):
            return
        name = str(font.get("/BaseFont", "?")).split("+")[-1]
        counts = out.setdefault(name, Counter())
        counts["arabic"] += len(ARABIC.findall(text))
        counts["latin"] += len(LATIN.findall(text))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return out


@pytest.mark.parametrize("name", sorted(DOCS))
def test_english_papers_embed_the_latin_face_and_keep_arabic_in_the_arabic_one(
    name: str,
) -> None:
    render: Callable[[str], bytes] = DOCS[name]
    pdf = render("en")
    assert {"NotoSans-Regular", "NotoSans-Bold", "Amiri-Regular"} <= _embedded_fonts(pdf)
    by_font = _letters_by_font(pdf)
    latin_face = by_font.get("NotoSans-Regular", Counter()) + by_font.get(
        "NotoSans-Bold", Counter())
    arabic_face = by_font.get("Amiri-Regular", Counter()) + by_font.get(
        "Amiri-Bold", Counter())
    # Every English letter in Noto Sans; the Arabic name (and the association's Arabic
    # name in the header) in Amiri, and no Arabic letter in the Latin face.
    assert latin_face["latin"] > 300 and arabic_face["latin"] == 0
    assert arabic_face["arabic"] > 10 and latin_face["arabic"] == 0


@pytest.mark.parametrize("name", ["declaration", "receipt", "decision_rejected"])
def test_arabic_papers_are_set_in_amiri_alone(name: str) -> None:
    pdf = DOCS[name]("ar")
    assert not any(f.startswith("NotoSans") for f in _embedded_fonts(pdf))


def test_the_face_is_chosen_by_language_and_english_is_scaled() -> None:
    assert font_runs.face(PDF_REGULAR, 11.0, "ar") == (PDF_REGULAR, 11.0)
    assert font_runs.face(PDF_BOLD, 10.0, "en") == (font_runs.EN_BOLD,
                                                     pytest.approx(10.0 * font_runs.LATIN_SCALE))
    assert font_runs.face("Helvetica", 10.0, "en") == ("Helvetica", 10.0)


def test_a_run_font_measures_what_it_draws() -> None:
    from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

    font_runs.register_run_fonts()
    run_font = getFont(font_runs.EN_REGULAR)
    text = "Dear \ufee3\ufea4\ufee4\ufeaa, 1990/01/29 \u060c (x)"
    runs = run_font.runs(text)
    assert [latin for latin, _ in runs] == [True, False, True, False, True]
    assert "".join(run for _, run in runs) == text
    expected = sum(
        stringWidth(run, font_runs.LATIN_REGULAR if latin else PDF_REGULAR, 10)
        for latin, run in runs
    )
    assert stringWidth(text, font_runs.EN_REGULAR, 10) == pytest.approx(expected)
    # Noto Sans is not Amiri: measuring with the wrong face would misplace every word.
    assert stringWidth("Declaration", font_runs.EN_REGULAR, 10) != pytest.approx(
        stringWidth("Declaration", PDF_REGULAR, 10))


def test_the_latin_face_ships_with_its_licence() -> None:
    folder = fonts_dir()
    for file in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "OFL-NotoSans.txt"):
        assert (folder / file).is_file(), file
    assert "SIL Open Font License" in (folder / "OFL-NotoSans.txt").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "NotoSans-Regular.ttf" in readme and "NotoSans-Bold.ttf" in readme
    from fontTools.ttLib import TTFont

    for file in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        font = TTFont(folder / file)
        assert "glyf" in font and "fvar" not in font, file  # static TrueType outlines
