"""The papers' fonts are embedded from subsets made once per process (issue 14): every
paper starts with the same alphabet subset, a rare letter adds a subset of its own, an
encrypted document still gets its own encrypted streams, papers rendered on several threads
at once come out as rendered one by one; and the 80 mm roll, drawn once on a long strip, is
cut after its last line."""

from __future__ import annotations

import io
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pypdfium2 as pdfium
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from makarem_desk.documents import sample
from makarem_desk.documents.fonts import PDF_BOLD, PDF_REGULAR, register_pdf_fonts
from makarem_desk.documents.page import ROLL_MARGIN
from makarem_desk.documents.render import render_receipt


def _person(first: str, family: str, number: str) -> dict[str, Any]:
    snap = sample.sample_snapshot()
    b = snap["beneficiary"]
    b["first_name"], b["family_name"] = first, family
    b["full_name"] = f"{first} {b['father_name']} {b['grandfather_name']} {family}"
    snap["reference"] = f"RYD1-2026-{number}"
    return snap


_declaration = sample.sample_declaration


def _font_programs(pdf: bytes) -> dict[str, bytes]:
    """Each embedded font (by its subset name) and its decompressed TrueType program."""
    out = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/FontDescriptor" not in font:  # reportlab's Helvetica, always listed
                continue
            program = font["/FontDescriptor"]["/FontFile2"].get_object()
            out[str(font["/BaseFont"])] = program.get_data()
    return out


def _text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        return unicodedata.normalize("NFC", doc[0].get_textpage().get_text_bounded())
    finally:
        doc.close()


def test_papers_of_different_people_embed_the_same_subsets() -> None:
    one = _font_programs(_declaration(_person("ظافر", "الزهراني", "000101")))
    other = _font_programs(_declaration(_person("هيفاء", "القحطاني", "000202")))
    # one subset of each face (the alphabet holds all their letters), the same bytes
    assert len(one) == 2 and all(name.startswith("/AAAAAA+") for name in one)
    assert one == other


def test_a_letter_outside_the_alphabet_gets_a_subset_of_its_own() -> None:
    plain = _font_programs(_declaration(_person("فهد", "الغامدي", "000303")))
    pdf = _declaration(_person("پرويز", "الغامدي", "000404"))  # Persian peh
    programs = _font_programs(pdf)
    second = [name for name in programs if name.startswith("/AAAAAB+")]
    assert len(second) == 1  # the regular face's; the alphabet subsets stay as they were
    assert {name: data for name, data in programs.items() if name not in second} == plain
    assert "پرويز" in _text(pdf)  # its ToUnicode map gives the letter back


def test_the_marks_opening_numbers_and_references_share_the_first_subset() -> None:
    # A Latin word pdfium reads in its order is one TJ, one subset: its marked first
    # letter must be where ASCII is (issue 11 with issue 14's alphabet). Every site code,
    # not only the sample's RYD1.
    from reportlab.pdfbase.pdfmetrics import getFont

    from makarem_desk.documents.text_layer import BEFORE_RLM

    register_pdf_fonts()
    opening = "0123456789%+/:\u060cABCDEFGHIJKLMNOPQRSTUVWXYZw"
    for name in (PDF_REGULAR, PDF_BOLD):
        doc = Canvas(io.BytesIO())._doc  # reportlab keeps a font's codes per document
        font = getFont(name)
        parts = font.splitString("".join(chr(BEFORE_RLM + ord(ch)) for ch in opening), doc)
        assert [subset for subset, _ in parts] == [0]
    snap = _person("ظافر", "الزهراني", "000101")
    snap["reference"] = "JQZ7-2026-000101"
    assert all(name.startswith("/AAAAAA+") for name in _font_programs(_declaration(snap)))


def test_an_encrypted_document_encrypts_the_kept_font_objects() -> None:
    register_pdf_fonts()
    pages = []
    for encrypt in (None, "secret"):
        buf = io.BytesIO()
        c = Canvas(buf, pageCompression=1, invariant=1, encrypt=encrypt)
        c.setFont(PDF_REGULAR, 14)
        c.drawString(100, 700, "ﺳﻼﻡ")
        c.showPage()
        c.save()
        pages.append(buf.getvalue())
    plain, locked = pages
    reader = PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted and reader.decrypt("secret")
    fonts = [font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()]
    [program] = [font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
                 for font in fonts if "/FontDescriptor" in font]
    assert program == _font_programs(plain)["/AAAAAA+Amiri-Regular"]


def test_papers_rendered_on_threads_match_papers_rendered_one_by_one() -> None:
    people = [_person(first, family, f"00050{i}") for i, (first, family) in enumerate(
        [("سارة", "الدوسري"), ("ريم", "المطيري"), ("پرويز", "العتيبي"), ("خالد", "الشهري")])]
    alone = [_declaration(p) for p in people]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(_declaration, people * 2))
    assert together == alone * 2


def test_the_roll_is_cut_after_its_last_line() -> None:
    pdf = render_receipt(sample.sample_snapshot(), language="ar",
                         association=sample.sample_association(),
                         printed_at=sample.SIGNED_AT, paper="80mm")
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        width, height = page.get_size()
        text = page.get_textpage()
        boxes = [text.get_charbox(i) for i in range(text.count_chars())]
        top = max(box[3] for box in boxes)
        bottom = min(box[1] for box in boxes)
    finally:
        doc.close()
    assert round(width / mm) == 80 and height < 400 * mm
    # the logo and the association's name at the top margin, the last line at the bottom
    assert height - ROLL_MARGIN - 10 * mm < top <= height - ROLL_MARGIN
    assert ROLL_MARGIN - 1 * mm <= bottom < ROLL_MARGIN + 10 * mm
