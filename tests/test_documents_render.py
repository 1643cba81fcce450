"""Rendering the printed documents: extractable text, metadata, QR, reference images.

Reference images live in tests/references/ (pdftoppm at 50 dpi, reviewed by eye). After a
deliberate change of the layout, regenerate them with
``MAKAREM_UPDATE_REFERENCES=1 pytest tests/test_documents_render.py`` and look at them.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from makarem_desk.documents import sample
from makarem_desk.documents.qr import payload_for
from makarem_desk.documents.render import (
    render_decision_letter,
    render_declaration,
    render_receipt,
)
from makarem_desk.documents.wording import load_wording
from makarem_desk.snapshot import sha256_of

REFERENCES = Path(__file__).parent / "references"
UPDATE = os.environ.get("MAKAREM_UPDATE_REFERENCES") == "1"
# Share of pixels that may differ (anti-aliasing across poppler builds); a reordered word,
# a lost line or a box instead of a glyph changes far more.
TOLERANCE = 0.002

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils is not installed")


def _signature_png() -> bytes:
    from PIL import ImageDraw

    img = Image.new("RGBA", (400, 140), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    d.line([(20, 100), (80, 40), (130, 110), (190, 30), (260, 100), (380, 60)],
           fill=(10, 30, 120, 255), width=6)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _payload() -> str:
    snap = sample.sample_snapshot()
    return payload_for(snap["reference"], sha256_of(snap))


def _declaration(language: str, signed: bool = True, gender: str = "male") -> bytes:
    return render_declaration(
        sample.sample_snapshot(gender), language=language,
        signature_png=_signature_png() if signed else None, witness_name=sample.WITNESS,
        signed_at=sample.SIGNED_AT if signed else None,
        association=sample.sample_association(), qr_payload=_payload(), preview=not signed)


def _receipt(language: str, paper: str = "a4") -> bytes:
    return render_receipt(sample.sample_snapshot(), language=language,
                          association=sample.sample_association(),
                          printed_at=sample.SIGNED_AT, paper=paper)


def _rejected(language: str) -> bytes:
    return render_decision_letter(
        sample.sample_snapshot(), language=language, accepted=False,
        reason=sample.REJECTION_REASON, decided_at=sample.DECIDED_AT,
        association=sample.sample_association(), outgoing=sample.sample_outgoing(False))


def _accepted(language: str, gender: str = "male") -> bytes:
    return render_decision_letter(
        sample.sample_snapshot(gender), language=language, accepted=True, reason="",
        decided_at=sample.DECIDED_AT, association=sample.sample_association(),
        outgoing=sample.sample_outgoing(True))


DOCS: dict[str, Callable[[str], bytes]] = {
    "declaration": _declaration,
    "declaration_preview": lambda lang: _declaration(lang, signed=False),
    "receipt": _receipt,
    "receipt_80mm": lambda lang: _receipt(lang, paper="80mm"),
    "decision_accepted": _accepted,
    "decision_rejected": _rejected,
    # the same papers for a woman (feminine forms, her name)
    "declaration_woman": lambda lang: _declaration(lang, gender="female"),
    "decision_accepted_woman": lambda lang: _accepted(lang, gender="female"),
}
CASES = [(name, lang) for name in DOCS for lang in ("ar", "en")]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("docs")
    out = {}
    for name, lang in CASES:
        path = folder / f"{name}_{lang}.pdf"
        path.write_bytes(DOCS[name](lang))
        out[(name, lang)] = path
    return out


def _text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    text = unicodedata.normalize("NFKC", raw)
    # drop the direction marks pdftotext adds around runs
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _core(text: str) -> str:
    """Letters and digits only: pdftotext rebuilds the logical order of RTL lines but
    places spaces, colons and (mirrored) brackets of mixed runs its own way."""
    return "".join(ch for ch in text if ch.isalnum() or ch in "+@-.")


def _pages(path: Path, dpi: int, tmp: Path) -> list[Path]:
    prefix = tmp / path.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(prefix)], check=True)
    return sorted(tmp.glob(f"{path.stem}-*.png"))


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_text_is_extractable_in_reading_order(
    pdfs: dict[tuple[str, str], Path], name: str, lang: str
) -> None:
    text = _text(pdfs[(name, lang)])
    flat = re.sub(r"\s+", "", text)
    snap = sample.sample_snapshot("female" if name.endswith("_woman") else "male")
    ref = snap["reference"]
    full_name = snap["beneficiary"]["full_name"]
    assert ref in text
    assert full_name in text, text[:500]
    if name.startswith("declaration"):
        # title block (reference) → table: name, identity number, phone — in reading order
        number = snap["beneficiary"]["identity_number"]
        positions = [flat.index(ref), flat.index(full_name.replace(" ", "")),
                     flat.index(number), flat.index("+966551234567")]
        assert positions == sorted(positions)
    if name == "decision_rejected" and lang == "ar":
        assert _core("الثانوية العامة بنسبة 75% على الأقل (المادة 3/ب)") in _core(text)
    elif name == "decision_rejected":
        # pdftotext's order for an Arabic phrase wrapped inside English text is its own;
        # the words must all be there (the image comparison checks their order).
        words = set(_core(text.replace("\n", " ")).split()) | set(text.split())
        for word in ("الثانوية", "العامة", "بنسبة", "المادة", "الأقل"):
            assert any(word in w for w in words), word


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_declaration_carries_the_policy_sentences(pdfs: dict[tuple[str, str], Path],
                                                  lang: str) -> None:
    flat = _core(_text(pdfs[("declaration", lang)]))
    if lang == "ar":
        assert _core("وأنني مسؤول مسؤولية مباشرة عن صحة المعلومات") in flat  # POL-H4
        assert _core("خلال مدة لا تقل عن أسبوعين") in flat  # POL-H5
        # the earliest answer date, Umm al-Qura and Gregorian
        assert _core("قبل 4 رجب 1448 هـ الموافق 13 ديسمبر 2026م") in flat
    else:
        assert _core("direct responsibility") in flat and _core("no less than two weeks") in flat
        assert _core("13 December 2026 (4 Rajab 1448 AH)") in flat
    assert load_wording("declaration", lang).version_hash in flat


def test_receipt_lists_missing_items_and_channels(pdfs: dict[tuple[str, str], Path]) -> None:
    text = _core(_text(pdfs[("receipt", "ar")]))
    assert _core("صورة المؤهل الدراسي (الشهادة الثانوية)") in text
    assert _core("الموقع الإلكتروني للجمعية") in text and "www.makarem.example.sa" in text
    assert "+966112345678" in text


def test_metadata(pdfs: dict[tuple[str, str], Path]) -> None:
    info = subprocess.run(["pdfinfo", str(pdfs[("declaration", "ar")])], check=True,
                          capture_output=True).stdout.decode("utf-8")
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip() == "إقرار صحة البيانات"
    assert fields["Author"].strip() == "جمعية مكارم الأخلاق الخيرية"
    assert "RYD1-2026-000123" in fields["Subject"]
    assert fields["Keywords"].strip() == _payload()
    assert fields["Pages"].strip() == "1"


def test_rendering_is_deterministic() -> None:
    assert _declaration("ar") == _declaration("ar")


def test_qr_code_decodes_to_the_payload(pdfs: dict[tuple[str, str], Path],
                                        tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    for lang in ("ar", "en"):
        page = _pages(pdfs[("declaration", lang)], 150, tmp_path)[0]
        found = [r.text for r in zxingcpp.read_barcodes(Image.open(page).convert("L"))]
        assert found == [_payload()]


def test_unsigned_declaration_has_an_empty_signature_line(
    pdfs: dict[tuple[str, str], Path]
) -> None:
    assert _core("(يوقع على الورق)") in _core(_text(pdfs[("declaration_preview", "ar")]))
    assert _core("(يوقع على الورق)") not in _core(_text(pdfs[("declaration", "ar")]))
    # nothing on record yet: the paper says it is not for signing
    assert _core("لم يسجل الإقرار بعد") in _core(_text(pdfs[("declaration_preview", "ar")]))
    assert _core("لم يسجل الإقرار بعد") not in _core(_text(pdfs[("declaration", "ar")]))


def _diff_fraction(a: Image.Image, b: Image.Image) -> float:
    if a.size != b.size:
        return 1.0
    diff = ImageChops.difference(a.convert("L"), b.convert("L")).point(lambda v: 255 if v > 48 else 0)
    hist = diff.histogram()
    return hist[255] / (a.size[0] * a.size[1])


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_pages_match_reviewed_references(
    pdfs: dict[tuple[str, str], Path], tmp_path: Path, name: str, lang: str
) -> None:
    pages = _pages(pdfs[(name, lang)], 50, tmp_path)
    assert len(pages) == 1, "every document fits on one page (A4, or the receipt's roll)"
    reference = REFERENCES / f"{name}_{lang}.png"
    if UPDATE:
        REFERENCES.mkdir(exist_ok=True)
        shutil.copyfile(pages[0], reference)
    assert reference.is_file(), f"no reference image {reference.name}; see the module doc"
    with Image.open(pages[0]) as got, Image.open(reference) as want:
        fraction = _diff_fraction(got, want)
    assert fraction <= TOLERANCE, f"{fraction:.2%} of the pixels differ from {reference.name}"


def test_reference_comparison_catches_reversed_words(
    pdfs: dict[tuple[str, str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tolerance is tight enough to catch a shaping/order regression."""
    from makarem_desk.documents import layout

    real = layout.visual
    monkeypatch.setattr(layout, "visual", lambda text, rtl: real(text, not rtl))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(_declaration("ar"))
    with Image.open(_pages(broken, 50, tmp_path)[0]) as got, \
            Image.open(REFERENCES / "declaration_ar.png") as want:
        assert _diff_fraction(got, want) > 5 * TOLERANCE
