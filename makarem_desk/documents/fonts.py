"""The bundled fonts: Amiri for the PDFs, Noto Sans Arabic for the interface, Noto Sans
(Latin) for the English papers (``font_runs``) and the English interface."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from ..errors import UserError
from ..resources import resource_path

PDF_REGULAR = "Amiri"
PDF_BOLD = "Amiri-Bold"

_FILES = {
    PDF_REGULAR: "Amiri-Regular.ttf",
    PDF_BOLD: "Amiri-Bold.ttf",
    "NotoSansArabic": "NotoSansArabic-Variable.ttf",
    "NotoSans": "NotoSans-Regular.ttf",
    "NotoSans-Bold": "NotoSans-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return resource_path("fonts", must_exist=False)


def font_path(name: str) -> Path:
    try:
        file_name = _FILES[name]
    except KeyError:
        raise UserError(f"Unknown font '{name}' (known: {', '.join(_FILES)})") from None
    path = fonts_dir() / file_name
    if not path.is_file():
        raise UserError(
            f"The font file {path} is missing; reinstall the application",
            message_ar=f"ملف الخط غير موجود: {path}؛ أعد تثبيت البرنامج",
        )
    return path


def ui_font_paths() -> list[Path]:
    """Fonts the interface registers with Qt (QFontDatabase.addApplicationFont)."""
    return [font_path("NotoSansArabic"), font_path(PDF_REGULAR), font_path(PDF_BOLD),
            font_path("NotoSans"), font_path("NotoSans-Bold")]


def register_pdf_fonts() -> None:
    """Register Amiri with reportlab, once per process (it costs ~20 ms)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab import rl_config
        from reportlab.pdfbase import pdfmetrics

        # Binary streams instead of ASCII85: reportlab's encoder is pure Python and cost
        # ~10 ms a page (the logo); PDFs are binary files anyway.
        rl_config.useA85 = 0
        from .text_layer import TextLayerFont  # a text layer as typed (issue 11)

        pdfmetrics.registerFont(TextLayerFont(PDF_REGULAR, str(font_path(PDF_REGULAR))))
        pdfmetrics.registerFont(TextLayerFont(PDF_BOLD, str(font_path(PDF_BOLD))))
        pdfmetrics.registerFontFamily(
            PDF_REGULAR, normal=PDF_REGULAR, bold=PDF_BOLD, italic=PDF_REGULAR,
            boldItalic=PDF_BOLD,
        )
        _registered = True


@cache
def pdf_cmap() -> frozenset[int]:
    """The code points the PDF font has glyphs for (to refuse text that would print boxes)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(str(font_path(PDF_REGULAR))).charToGlyph.keys())
