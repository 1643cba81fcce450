"""Reading the QR payload back: from our PDF's metadata, or by decoding the code's image.

A PDF we printed carries the payload in its Keywords, so no image decoding is needed.
A scan or a photo of the paper (PNG/JPEG), or a PDF without that metadata (a scanner's
PDF), is decoded with zxing-cpp; a PDF is first rendered with poppler's ``pdftoppm``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import UserError
from .qr import PREFIX

_KEYWORDS = re.compile(rb"/Keywords\s*\((" + PREFIX.encode() + rb"\|[^)]{10,200})\)")


def payload_from_pdf_metadata(data: bytes) -> str | None:
    match = _KEYWORDS.search(data)
    return match.group(1).decode("ascii", "replace") if match else None


def decode_qr_image(path: Path) -> str | None:
    try:
        import zxingcpp
        from PIL import Image
    except ImportError as exc:  # pragma: no cover - both are runtime dependencies
        raise UserError(f"Cannot decode images here: {exc}") from exc
    with Image.open(path) as img:
        results = zxingcpp.read_barcodes(img.convert("L"))
    for r in results:
        if r.text.startswith(PREFIX + "|"):
            return str(r.text)
    return None


def read_payload(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror or exc}",
                        message_ar=f"تعذرت قراءة الملف {path}") from exc
    if data.startswith(b"%PDF"):
        found = payload_from_pdf_metadata(data)
        if found:
            return found
        found = _decode_pdf_pages(path)
    else:
        try:
            found = decode_qr_image(path)
        except OSError as exc:
            raise UserError(f"{path} is neither a PDF nor an image.",
                            message_ar="الملف ليس مستند PDF ولا صورة.") from exc
    if not found:
        raise UserError(
            f"No declaration code was found in {path}; give it with --payload.",
            message_ar="لم يعثر على رمز الإقرار في الملف.",
        )
    return found


def _decode_pdf_pages(path: Path) -> str | None:
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([tool, "-r", "200", "-png", "-f", "1", "-l", "3", str(path),
                        str(Path(tmp) / "p")], check=False, capture_output=True, timeout=60)
        for page in sorted(Path(tmp).glob("p*.png")):
            found = decode_qr_image(page)
            if found:
                return found
    return None
