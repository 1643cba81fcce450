"""The shared table (issue 12 item 5): sized to its content with no empty band and no
clipped header, the free-text column giving way before the table scrolls sideways, and a
sentence in an empty table, which a screen reader reads too."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QLabel

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


def _spoken(t: Table) -> str:
    """What a screen reader gets from the table itself (it lists cells and headers only)."""
    iface = QAccessible.queryAccessibleInterface(t)
    assert iface is not None and iface.isValid()
    return iface.text(QAccessible.Text.Description)


def test_the_empty_sentence_is_text_a_screen_reader_reads(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    sentence = "لا طلبات بعد: ابدأ طلبًا بزر «طلب جديد»."
    said, mute = _table(qtbot, 700, empty=sentence), _table(qtbot, 700)
    label = said.findChild(QLabel, "tableEmpty")
    assert label is not None and label.isVisible() and label.text() == sentence
    assert _spoken(said) == sentence
    assert _spoken(mute) == ""
    assert not mute.findChild(QLabel, "tableEmpty").isVisible()  # type: ignore[union-attr]
    # Over the rows' place, the width of the table less the margins, as it was painted.
    assert label.geometry() == said.viewport().rect().adjusted(16, 12, -16, -12)
    said.set_rows(ROWS)
    assert not label.isVisible() and _spoken(said) == ""  # the rows speak for themselves
    said.set_rows([])
    assert label.isVisible() and _spoken(said) == sentence
    said.set_empty_text("لا شيء هنا.")  # a screen's filter changed what to do next
    assert label.text() == "لا شيء هنا." and _spoken(said) == "لا شيء هنا."
    said.resize(500, 300)
    qtbot.waitUntil(lambda: label.width() == said.viewport().width() - 32)


def test_every_empty_list_of_the_screens_is_read_out(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Today's lists, search, unfinished interviews, the profile's tabs, suggestions, users,
    trusted installations, audit, backups and forms: each empty one says its sentence."""
    from conftest import ADMIN_PW

    from makarem_desk.services.auth import AuthService
    from makarem_desk.ui.admin_view import AdminView
    from makarem_desk.ui.main_window import MainWindow

    ctx.actor = AuthService(ctx.db).login("admin", ADMIN_PW)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    said = set()
    for page in ("today", "interview", "search", "profile", "satisfaction", "admin"):
        view = window.show_page(page)
        panels = ([view.show_tab(k) for k in view.keys] if isinstance(view, AdminView)
                  else [view])
        for panel in panels:
            for t in panel.findChildren(Table):
                if t.rowCount() or not t.empty_text():
                    continue
                assert _spoken(t) == t.empty_text(), (page, t.empty_text())
                label = t.findChild(QLabel, "tableEmpty")
                assert label is not None and label.isVisibleTo(t), (page, t.empty_text())
                said.add(t.empty_text())
    # A fresh installation: the lists above are empty (users and the forms' history are
    # not: the administrator and the receptionist, the shipped forms).
    assert len(said) >= 15, said
