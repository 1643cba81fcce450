"""Issue 11, "English is English": the English interface is set in Noto Sans, with Noto Sans
Arabic drawing the Arabic values; the Arabic interface in Noto Sans Arabic."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from makarem_desk.ui.i18n import apply_language
from makarem_desk.ui.main import Desk


def _families_drawing(text: str) -> list[str]:
    """The faces Qt actually draws ``text`` with in the application font, run by run."""
    layout = QTextLayout(text, QApplication.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


def test_arabic_interface_font(desk_app) -> None:  # type: ignore[no-untyped-def]
    font = desk_app.font()
    assert font.families()[0] == "Noto Sans Arabic"
    assert QFontInfo(font).family() == "Noto Sans Arabic"
    assert set(_families_drawing("نورة القحطاني 1448")) == {"Noto Sans Arabic"}


def test_english_interface_font_with_arabic_fallback(desk_app) -> None:  # type: ignore[no-untyped-def]
    apply_language(desk_app, "en")
    font = desk_app.font()
    assert font.families()[:2] == ["Noto Sans", "Noto Sans Arabic"]
    assert QFontInfo(font).family() == "Noto Sans"  # the Latin face is loaded, not a stand-in
    # The runs of a mixed line come in the order of the paragraph's direction, which other
    # tests may leave either way: the Latin and the Arabic faces are asked for separately.
    assert set(_families_drawing("Name: Noura")) == {"Noto Sans"}
    drawn = _families_drawing("Name: نورة القحطاني")
    assert set(drawn) == {"Noto Sans", "Noto Sans Arabic"}
    apply_language(desk_app, "ar")
    assert desk_app.font().families()[0] == "Noto Sans Arabic"


def test_switching_language_in_settings_changes_the_face(qtbot, ctx, desk_app) -> None:  # type: ignore[no-untyped-def]
    desk = Desk(desk_app, ctx)
    qtbot.addWidget(desk.start)
    window = desk.open_main("settings")
    settings = window.page("settings")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    settings.change_language()
    assert desk.main is not None
    qtbot.addWidget(desk.main)
    label = desk.main.findChild(QLabel)
    assert label is not None
    assert QFontInfo(label.font()).family() == "Noto Sans"
    desk.change_language("ar")
    assert QFontInfo(desk_app.font()).family() == "Noto Sans Arabic"
