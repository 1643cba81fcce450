"""Reading the QR payload back: from our PDF's metadata, or by decoding the code's image.

A PDF we printed carries the payload in its Keywords, so no image decoding is needed.
A scan or a photo of the paper (PNG/JPEG), or a PDF without that metadata (a scanner's
PDF), is decoded with zxing-cpp; a PDF is first rendered in-process with QtPdf (PDFium,
shipped with the application: no outside program, which a Windows PC would not have).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError
from .qr import PREFIX

if TYPE_CHECKING:
    from PIL.Image import Image

RENDER_DPI = 200
RENDER_PAGES = 3  # the code is printed on the first page; a scanner may add a cover sheet
_KEYWORDS = re.compile(rb"/Keywords\s*\((" + PREFIX.encode() + rb"\|[^)]{10,200})\)")


def payload_from_pdf_metadata(data: bytes) -> str | None:
    match = _KEYWORDS.search(data)
    return match.group(1).decode("ascii", "replace") if match else None


def decode_qr_image(path: Path) -> str | None:
    from PIL import Image

    with Image.open(path) as img:
        return _decode(img)


def _decode(img: Image) -> str | None:
    try:
        import zxingcpp
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        raise UserError(f"Cannot decode images here: {exc}",
                        message_ar="لا يمكن قراءة رموز الصور على هذا الجهاز.") from exc
    for r in zxingcpp.read_barcodes(img.convert("L")):
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
    for page in render_pdf_pages(path, dpi=RENDER_DPI, pages=RENDER_PAGES):
        found = _decode(page)
        if found:
            return found
    return None


def render_pdf_pages(path: Path, *, dpi: int, pages: int) -> list[Image]:
    """The first ``pages`` pages of a PDF as images on white, rendered by QtPdf (QtGui
    without a QApplication, so the command line and tests need no display)."""
    try:
        from PIL import Image
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QImage
        from PySide6.QtPdf import QPdfDocument
    except ImportError as exc:
        raise UserError(f"Cannot render PDF pages here: {exc}",
                        message_ar="لا يمكن عرض صفحات PDF على هذا الجهاز.") from exc
    doc = QPdfDocument()
    try:
        error = doc.load(str(path))
        if error != QPdfDocument.Error.None_:
            reason = _LOAD_ERRORS.get(error.name, error.name)
            raise UserError(f"Cannot read the PDF {path.name}: {reason[0]}.",
                            message_ar=f"تعذّرت قراءة ملف PDF {path.name}: {reason[1]}.")
        images = []
        for index in range(min(pages, doc.pageCount())):
            size = doc.pagePointSize(index)
            rendered = doc.render(index, QSize(round(size.width() * dpi / 72),
                                               round(size.height() * dpi / 72)))
            if rendered.isNull():
                raise UserError(f"Page {index + 1} of {path.name} could not be rendered.",
                                message_ar=f"تعذّر عرض الصفحة {index + 1} من الملف {path.name}.")
            rgba = rendered.convertToFormat(QImage.Format.Format_RGBA8888)
            page = Image.frombuffer("RGBA", (rgba.width(), rgba.height()), bytes(rgba.constBits()),
                                    "raw", "RGBA", rgba.bytesPerLine(), 1)
            # PDFium leaves the paper transparent: lay it on white, as it was printed.
            images.append(Image.alpha_composite(Image.new("RGBA", page.size, "white"), page))
        return images
    finally:
        doc.close()


_LOAD_ERRORS = {
    "FileNotFound": ("the file was not found", "الملف غير موجود"),
    "InvalidFileFormat": ("it is not a valid PDF file", "ليس ملف PDF صالحًا"),
    "IncorrectPassword": ("it is protected by a password", "الملف محمي بكلمة مرور"),
    "UnsupportedSecurityScheme": ("its protection is not supported",
                                  "نوع حماية الملف غير مدعوم"),
}
