"""Register the bundled fonts with Qt: the machine's own fonts are never relied on."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
UI_FAMILY = "Noto Sans Arabic"


def register_fonts(app: QApplication, point_size: int = 10) -> list[str]:
    from ..documents.fonts import ui_font_paths

    families: list[str] = []
    for path in ui_font_paths():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("Qt could not load the font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    family = UI_FAMILY if UI_FAMILY in families else (families[0] if families else "")
    if family:
        font = QFont(family, point_size)
        # Amiri carries Latin and digits too: a fallback inside our own files.
        font.setFamilies([family, "Amiri"])
        app.setFont(font)
    return families
