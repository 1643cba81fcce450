"""Language and direction of the interface.

Source strings are English; ``resources/translations/makarem_ar.ts`` holds the Arabic, and
its compiled ``.qm`` is loaded by default together with Qt's own ``qtbase_ar.qm`` (so
standard buttons and dialogs speak Arabic too).  English is selectable per user and flips
the layout to left-to-right.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from ..errors import UserError
from ..resources import resource_path

log = logging.getLogger(__name__)
LANGUAGES = ("ar", "en")
_state: dict[str, object] = {"language": "ar", "translators": []}


def current_language() -> str:
    return str(_state["language"])


def is_rtl() -> bool:
    return current_language() == "ar"


def apply_language(app: QApplication, language: str) -> None:
    """Install the translators and the direction for ``language`` ("ar" or "en")."""
    if language not in LANGUAGES:
        language = "ar"
    for old in list(_state["translators"]):  # type: ignore[call-overload]
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language == "ar":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_tr = QTranslator(app)
        if qt_tr.load("qtbase_ar", qt_dir):
            app.installTranslator(qt_tr)
            installed.append(qt_tr)
        else:
            log.warning("Qt's Arabic translations were not found in %s", qt_dir)
        ours = QTranslator(app)
        try:
            qm = resource_path("translations", "makarem_ar.qm")
        except UserError:
            log.error("makarem_ar.qm is missing; run `make translations`")
        else:
            if ours.load(str(qm)):
                app.installTranslator(ours)
                installed.append(ours)
    else:
        plurals = EnglishPlurals(app)
        app.installTranslator(plurals)
        installed.append(plurals)
    if os.environ.get("MAKAREM_PSEUDO_STRINGS"):
        pseudo = PseudoTranslator(app, installed[-1] if installed else None)
        app.installTranslator(pseudo)
        installed.append(pseudo)
    # Keep references: a collected translator silently stops translating.
    _state["translators"] = installed
    _state["language"] = language
    QLocale.setDefault(interface_locale(language))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar"
                           else Qt.LayoutDirection.LeftToRight)
    from .fonts import apply_font  # the face follows the language (issue 11)

    apply_font(app, language)


def interface_locale(language: str) -> QLocale:
    """The locale of numbers and Qt's own widgets for ``language``.

    One digit style per language (issue 12): the Arabic interface writes Western digits
    everywhere — dates in both calendars, references, counts and the rating scale already
    do — so spin boxes and pickers must too.  Qt's ar_SA formats Arabic-Indic digits and
    has no switch for it; ar_AE is the Gulf Arabic locale with the same month and day
    names and Western digits.  (The picker sets the Saudi week itself.)"""
    if language == "ar":
        return QLocale(QLocale.Language.Arabic, QLocale.Country.UnitedArabEmirates)
    return QLocale(QLocale.Language.English, QLocale.Country.SaudiArabia)


class EnglishPlurals(QTranslator):
    """The English interface's plural forms: the sources are English and written
    "%n result(s)" for Linguist; English readers see "1 result" and "3 results" — what an
    English .ts would hold for each such string, without keeping one."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if n < 0 or "(s)" not in source:
            return None  # not a plural: the source as written
        return source.replace("(s)", "" if n == 1 else "s")


class PseudoTranslator(QTranslator):
    """Debug switch (MAKAREM_PSEUDO_STRINGS=1): every string 40 % longer and bracketed, to
    find clipped labels and strings that bypass translation."""

    def __init__(self, parent: QApplication, inner: QTranslator | None = None):
        super().__init__(parent)
        self.inner = inner  # the Arabic translation, lengthened in its turn
        # Only our own strings: Qt itself translates internal strings too, and changing
        # those breaks it (image reading fails, for one).
        import xml.etree.ElementTree as ET

        ts = resource_path("translations", "makarem_ar.ts")
        self.contexts = {c.findtext("name") for c in ET.parse(ts).iter("context")}

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None, not "": an empty string would count as a translation, and Qt's image
        # readers, among others, then fail on their own (empty) messages.
        if not source or context not in self.contexts:
            return None
        text = (self.inner.translate(context, source, disambiguation, n)
                if self.inner is not None else "") or source
        padding = "~" * max(2, len(text) * 2 // 5)
        return f"⟦{text}{padding}⟧"


LRI, PDI = "\u2066", "\u2069"


def ltr(text: str) -> str:
    """Isolate a left-to-right run (an ID, phone, reference) inside Arabic text.

    Qt rich text ignores ``dir="ltr"``; the Unicode isolates LRI…PDI work in plain and rich
    text alike."""
    return f"{LRI}{text}{PDI}" if text else text
