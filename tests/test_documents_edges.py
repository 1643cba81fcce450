"""Documents with unusual content: many missing items, no identity number (POL-E3), an
old birth date, a custom logo, a damaged signature."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from makarem_desk.documents import facts, sample
from makarem_desk.documents.page import AssociationInfo
from makarem_desk.documents.render import render_declaration, render_receipt
from makarem_desk.errors import UserError

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler")
PAYLOAD = "MKD1|RYD1-2026-000123|" + "ab" * 32


def _declaration(snapshot: dict, **over: object) -> bytes:  # type: ignore[type-arg]
    kwargs: dict[str, object] = dict(
        language="ar", signature_png=None, witness_name=sample.WITNESS, signed_at=None,
        association=sample.sample_association(), qr_payload=PAYLOAD)
    kwargs.update(over)
    return render_declaration(snapshot, **kwargs)  # type: ignore[arg-type]


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    raw = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True).stdout
    text = unicodedata.normalize("NFKC", raw.decode("utf-8"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


@needs_poppler
def test_long_content_flows_onto_a_second_page(tmp_path: Path) -> None:
    snap = sample.sample_snapshot()
    snap["missing_items"] = [{"id": f"doc{i}", "label_ar": f"المستند المطلوب رقم {i}",
                              "label_en": f"Required document {i}"} for i in range(1, 41)]
    text = _text(_declaration(snap), tmp_path)
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"صفحة {number}" in page
        assert "RYD1-2026-000123" in page  # every page names the application
    flat = " ".join(text.split())
    assert "المستند المطلوب رقم 40" in flat
    assert "توقيع مقدم الطلب" in pages[-1]  # the signature block comes after every item


@needs_poppler
def test_person_without_identity_number(tmp_path: Path) -> None:
    snap = sample.sample_snapshot()
    snap["beneficiary"].update(identity_type="none", identity_number=None)
    flat = " ".join(_text(_declaration(snap), tmp_path).split())
    assert "بدون هوية" in flat  # the identity row of the table
    # the wording says "holder of identity number (no identity number)", not "None"
    assert "صاحب رقم الهوية" in flat and "بدون رقم هوية" in flat and "None" not in flat


def test_birth_date_before_the_hijri_range_prints_gregorian_only() -> None:
    old = date(1920, 3, 1)
    assert facts.both_calendars(old, "ar") == facts.gregorian(old, "ar")
    assert "1920" in facts.both_calendars(old, "en")
    snap = sample.sample_snapshot()
    snap["beneficiary"]["birth_date"] = old.isoformat()
    assert _declaration(snap).startswith(b"%PDF")


def test_damaged_signature_is_a_user_error() -> None:
    with pytest.raises(UserError, match="signature"):
        _declaration(sample.sample_snapshot(), signature_png=b"\x89PNG\r\n\x1a\nbroken",
                     signed_at=sample.SIGNED_AT)


def test_custom_logo_replaces_the_default_and_a_broken_one_falls_back() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (60, 30), (200, 0, 0)).save(buf, "PNG")
    base = sample.sample_association()
    custom = dataclasses.replace(base, logo_png=buf.getvalue())
    broken = dataclasses.replace(base, logo_png=b"not a png")
    default_pdf = render_receipt(sample.sample_snapshot(), language="ar", association=base,
                                 printed_at=sample.SIGNED_AT)
    custom_pdf = render_receipt(sample.sample_snapshot(), language="ar", association=custom,
                                printed_at=sample.SIGNED_AT)
    broken_pdf = render_receipt(sample.sample_snapshot(), language="ar", association=broken,
                                printed_at=sample.SIGNED_AT)
    assert custom_pdf != default_pdf
    assert broken_pdf == default_pdf


def test_name_with_characters_the_font_lacks_is_refused() -> None:
    snap = sample.sample_snapshot()
    snap["beneficiary"]["full_name"] = "محمد 🙂"
    with pytest.raises(UserError, match="cannot show"):
        _declaration(snap)


@needs_poppler
def test_a_very_long_association_name_shrinks_instead_of_overflowing(tmp_path: Path) -> None:
    base = sample.sample_association()
    long_name = "جمعية مكارم الأخلاق الخيرية لرعاية الأسر والأيتام وتأهيل الشباب بمنطقة الرياض " * 2
    assoc = AssociationInfo(long_name.strip(), base.name_en, None, base.channels)
    pdf = render_receipt(sample.sample_snapshot(), language="ar", association=assoc,
                         printed_at=sample.SIGNED_AT)
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf)
    bbox = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True,
                          capture_output=True).stdout.decode()
    import re

    # a line told to pdfium starts with invisible right-to-left marks just left of it
    # (``pdfium_reading.told``): they draw nothing
    words = [(float(a), float(b)) for a, b, text in re.findall(
        r'xMin="([0-9.]+)"[^>]*xMax="([0-9.]+)"[^>]*>([^<]*)<', bbox)
        if text.strip("\u200f")]
    xs = [b for _, b in words]
    mins = [a for a, _ in words]
    assert max(xs) <= 595.3 - 18 * 72 / 25.4 + 1  # nothing beyond the right margin
    assert min(mins) >= 18 * 72 / 25.4 - 1  # nor the left one
