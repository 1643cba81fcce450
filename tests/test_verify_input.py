"""Reading a declaration code from a scanner's PDF: pages rendered in-process (QtPdf), with
the real reason when a file cannot be rendered, never just "no code found"."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from makarem_desk.documents.qr import payload_for, qr_matrix
from makarem_desk.documents.verify_input import read_payload, render_pdf_pages
from makarem_desk.errors import UserError

PAYLOAD = payload_for("RYD1-2026-000042", "ab" * 32)


def _scanner_pdf(path: Path, *, code_on_page: int | None, pages: int = 2) -> Path:
    """A PDF as a scanner makes it: no Keywords metadata, the code only as drawn squares."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        c.drawString(72, 760, f"scanned page {number}")
        if number == code_on_page:
            cell, x0, y0 = 4, 300, 500
            for r, row in enumerate(qr_matrix(PAYLOAD)):
                for col, dark in enumerate(row):
                    if dark:
                        c.rect(x0 + col * cell, y0 - r * cell, cell, cell, stroke=0, fill=1)
        c.showPage()
    c.save()
    assert b"MKD1" not in path.read_bytes()  # only an image decoder can find it
    return path


def test_code_found_on_a_later_page_of_a_scanned_pdf(tmp_path: Path) -> None:
    pdf = _scanner_pdf(tmp_path / "scan.pdf", code_on_page=2)
    assert read_payload(pdf) == PAYLOAD


def test_rendered_page_is_on_white_at_the_asked_resolution(tmp_path: Path) -> None:
    pdf = _scanner_pdf(tmp_path / "scan.pdf", code_on_page=None, pages=3)
    images = render_pdf_pages(pdf, dpi=100, pages=2)
    assert len(images) == 2
    assert images[0].size == (round(A4[0] * 100 / 72), round(A4[1] * 100 / 72))
    assert images[0].convert("RGB").getpixel((5, 5)) == (255, 255, 255)


def test_a_pdf_without_a_code_says_so(tmp_path: Path) -> None:
    pdf = _scanner_pdf(tmp_path / "blank.pdf", code_on_page=None)
    with pytest.raises(UserError, match="No declaration code was found"):
        read_payload(pdf)


def test_a_damaged_pdf_gives_the_real_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    with pytest.raises(UserError, match="not a valid PDF file") as caught:
        read_payload(bad)
    assert "No declaration code" not in str(caught.value)
    assert "bad.pdf" in (caught.value.message_ar or "")


def test_a_password_protected_pdf_gives_the_real_reason(tmp_path: Path) -> None:
    plain = _scanner_pdf(tmp_path / "plain.pdf", code_on_page=1)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(out.getvalue())
    with pytest.raises(UserError, match="protected by a password"):
        read_payload(locked)


def test_without_the_pdf_renderer_the_user_is_told_why(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _scanner_pdf(tmp_path / "scan.pdf", code_on_page=1)
    monkeypatch.setitem(sys.modules, "PySide6.QtPdf", None)  # as in a build that left it out
    with pytest.raises(UserError, match="Cannot render PDF pages here"):
        read_payload(pdf)
