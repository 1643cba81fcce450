"""The shared table (issue 12 item 5): sized to its content with no empty band and no
clipped header, the free-text column giving way before the table scrolls sideways, and a
sentence in an empty table."""

from __future__ import annotations

from PySide6.QtGui import QColor

from makarem_desk.ui.i18n import ltr
from makarem_desk.ui.widgets import Table

ROWS = [(["1 جمادى الآخرة 1448 هـ — 22 نوفمبر 2026م", "مقابلة", "التسجيل في برنامج التطوع",
          ltr("+966551234567")], None)]


def _table(qtbot, width: int, **kw) -> Table:  # type: ignore[no-untyped-def]
    t = Table(["التاريخ", "القناة", "الغرض", "الجوال"], **kw)
    qtbot.addWidget(t)
    t.resize(width, 300)
    t.show()
    qtbot.waitExposed(t)
    return t


def _widths(t: Table) -> list[int]:
    return [t.horizontalHeader().sectionSize(c) for c in range(t.columnCount())]


def test_columns_fill_the_width_and_never_cut_a_header_or_a_cell(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    t = _table(qtbot, 1000, stretch=2)
    header = t.horizontalHeader()
    for c in range(t.columnCount()):  # empty: the headers whole
        assert header.sectionSize(c) >= header.sectionSizeHint(c)
    t.set_rows(ROWS)
    assert sum(_widths(t)) == t.viewport().width()  # no empty band
    for c in range(t.columnCount()):
        assert header.sectionSize(c) >= t.sizeHintForColumn(c), c
    # The room went to the purpose (the stretch column), the others stay at their content.
    assert header.sectionSize(2) > t.sizeHintForColumn(2) + 100
    assert header.sectionSize(1) == max(t.sizeHintForColumn(1), header.sectionSizeHint(1))


def test_short_of_room_the_free_text_gives_way(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    t = _table(qtbot, 520, stretch=2)
    t.set_rows(ROWS)
    header = t.horizontalHeader()
    assert header.sectionSize(2) < t.sizeHintForColumn(2)  # elided, whole in its tooltip
    assert t.item(0, 2).toolTip() == "التسجيل في برنامج التطوع"
    for c in (0, 1, 3):
        assert header.sectionSize(c) >= t.sizeHintForColumn(c)


def test_an_empty_table_says_what_to_do(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    sentence = "لا طلبات بعد: ابدأ طلبًا بزر «طلب جديد»."
    said, mute = _table(qtbot, 700, empty=sentence), _table(qtbot, 700)
    assert said.empty_text() == sentence

    def ink(t: Table) -> int:
        image = t.viewport().grab().toImage()
        background = QColor(image.pixel(2, image.height() - 2))
        return sum(1 for x in range(0, image.width(), 2) for y in range(0, 60, 2)
                   if QColor(image.pixel(x, y)) != background)

    assert ink(mute) == 0
    assert ink(said) > 50
    said.set_rows(ROWS)
    said.set_rows([])  # emptied again: the sentence is back
    assert ink(said) > 50
