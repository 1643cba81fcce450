"""The codes on the papers survive a scanner and a phone (issue 11).

Each paper is rendered, rasterised at 100 dpi with poppler (an office scanner's lowest
setting), and decoded as it is (the scan) and as twelve "phone photos" made from that scan
with Pillow: Gaussian blur 1.0, 1.25 or 1.5 pixels, rotated 3, 5, 7 or -4 degrees on a
grey table, saved as JPEG quality 60.  Every variant must decode to the paper's payload.
"""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageFilter

from makarem_desk.documents import sample
from makarem_desk.documents.qr import parse_payload, payload_for, receipt_code
from makarem_desk.documents.render import (
    render_decision_letter,
    render_declaration,
    render_receipt,
)
from makarem_desk.snapshot import sha256_of

zxingcpp = pytest.importorskip("zxingcpp")
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="poppler-utils is not installed")

BLURS = (1.0, 1.25, 1.5)
ANGLES = (3, 5, 7, -4)


def _declaration(lang: str) -> tuple[bytes, str]:
    snap = sample.sample_snapshot()
    code = payload_for(snap["reference"], sha256_of(snap))
    pdf = render_declaration(snap, language=lang, signature_png=None,
                             witness_name=sample.WITNESS, signed_at=None,
                             association=sample.sample_association(), qr_payload=code,
                             preview=True)
    return pdf, code


def _receipt(lang: str, paper: str) -> tuple[bytes, str]:
    snap = sample.sample_snapshot()
    pdf = render_receipt(snap, language=lang, association=sample.sample_association(),
                         printed_at=sample.SIGNED_AT, paper=paper)
    return pdf, receipt_code(snap)


def _letter(lang: str) -> tuple[bytes, str]:
    outgoing = sample.sample_outgoing(False)
    pdf = render_decision_letter(sample.sample_snapshot(), language=lang, accepted=False,
                                 reason=sample.REJECTION_REASON, decided_at=sample.DECIDED_AT,
                                 association=sample.sample_association(), outgoing=outgoing)
    return pdf, outgoing.code


PAPERS: dict[str, Callable[[], tuple[bytes, str]]] = {
    "declaration_ar": lambda: _declaration("ar"),
    "declaration_en": lambda: _declaration("en"),
    "receipt_a4_ar": lambda: _receipt("ar", "a4"),
    "receipt_80mm_ar": lambda: _receipt("ar", "80mm"),
    "receipt_80mm_en": lambda: _receipt("en", "80mm"),
    "letter_ar": lambda: _letter("ar"),
    "letter_en": lambda: _letter("en"),
}


def scan(pdf: bytes, tmp: Path, dpi: int = 100) -> Image.Image:
    source = tmp / "paper.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(source), str(tmp / "scan")], check=True)
    with Image.open(tmp / "scan.png") as img:
        return img.convert("L")


def photo(page: Image.Image, blur: float, angle: float) -> Image.Image:
    tilted = (page.convert("RGB").filter(ImageFilter.GaussianBlur(blur))
              .rotate(angle, resample=Image.Resampling.BICUBIC, expand=True,
                      fillcolor=(120, 110, 100)))
    buf = io.BytesIO()
    tilted.save(buf, "JPEG", quality=60)
    buf.seek(0)
    return Image.open(buf).convert("L")


def decoded(img: Image.Image) -> list[str]:
    return [str(r.text) for r in zxingcpp.read_barcodes(img)]


def variants(page: Image.Image) -> list[tuple[str, Image.Image]]:
    out = [("scan 100 dpi", page)]
    out += [(f"photo blur {b} rotated {a}°", photo(page, b, a))
            for b, a in itertools.product(BLURS, ANGLES)]
    return out


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_code_decodes_from_a_100_dpi_scan_and_phone_photos(
    paper: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, code = PAPERS[paper]()
    parse_payload(code)  # what is printed is a code the verification reads
    results = [(name, decoded(img)) for name, img in variants(scan(pdf, tmp_path))]
    failed = [name for name, found in results if found != [code]]
    with capsys.disabled():
        print(f"\n{paper}: {len(results) - len(failed)} of {len(results)} variants decoded")
    assert not failed, f"{paper}: not decoded from {failed}"


def _old_code_page() -> tuple[bytes, str]:
    """The code as printed before issue 11: all 64 hex digits (version 6), 24 mm wide."""
    from reportlab.lib.units import mm

    from makarem_desk.documents.page import PageWriter
    from makarem_desk.documents.qr import qr_matrix

    snap = sample.sample_snapshot()
    code = f"MKD1|{snap['reference']}|{sha256_of(snap)}"
    w = PageWriter("ar", sample.sample_association(), title="", subject="")
    w.draw_qr(qr_matrix(code), w.left, w.y - 30 * mm, 24 * mm)
    return w.finish(), code


def test_the_photos_defeat_the_old_code(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """The same photos of the code as it was printed before fail: the test measures
    something, and the larger, shorter code is what passes it."""
    pdf, code = _old_code_page()
    parse_payload(code)  # old papers still verify
    results = [decoded(img) == [code] for _name, img in variants(scan(pdf, tmp_path))]
    with capsys.disabled():
        print(f"\nold code (64 hex, 24 mm): {sum(results)} of {len(results)} variants decoded")
    assert sum(results) < len(results) // 2
