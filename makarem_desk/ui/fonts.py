"""Register the bundled fonts with Qt: the machine's own fonts are never relied on.

The interface's face follows its language: Noto Sans Arabic in Arabic; in English Noto Sans
(Latin), with Noto Sans Arabic after it so that Arabic values — a beneficiary's name, a
city — are drawn by Qt's per-script fallback in the Arabic face (issue 11).
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
UI_FAMILY = "Noto Sans Arabic"
LATIN_FAMILY = "Noto Sans"
# Amiri carries Latin and digits too: a last fallback inside our own files.
_FAMILIES = {
    "ar": [UI_FAMILY, "Amiri"],
    "en": [LATIN_FAMILY, UI_FAMILY, "Amiri"],
}


def register_fonts(app: QApplication, point_size: int = 10,
                   language: str | None = None) -> list[str]:
    from ..documents.fonts import ui_font_paths

    families: list[str] = []
    for path in ui_font_paths():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("Qt could not load the font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if language is None:
        from .i18n import current_language

        language = current_language()
    apply_font(app, language, point_size)
    return families


def apply_font(app: QApplication, language: str, point_size: int | None = None) -> None:
    """The application font for ``language``, from the families Qt has loaded."""
    loaded = set(QFontDatabase.families())
    wanted = [f for f in _FAMILIES.get(language, _FAMILIES["ar"]) if f in loaded]
    if not wanted:
        return  # nothing registered (a broken installation, logged above)
    size = point_size or app.font().pointSize()
    font = QFont(wanted[0], size if size > 0 else 10)
    font.setFamilies(wanted)
    app.setFont(font)
