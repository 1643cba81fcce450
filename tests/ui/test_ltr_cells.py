"""Identity numbers and phones keep their order in right-to-left tables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from makarem_desk.ui.i18n import ltr
from makarem_desk.ui.widgets import LTR_ROLE, Table


def test_ltr_cells_get_a_left_to_right_direction_in_an_rtl_table(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = Table(["الاسم", "الجوال"])
    table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.addWidget(table)
    table.set_rows([(["أسامة", ltr("+966551234567")], None)])
    name, phone = table.item(0, 0), table.item(0, 1)
    assert phone.text() == "+966551234567" and phone.data(LTR_ROLE) is True
    assert not name.data(LTR_ROLE)

    delegate = table.itemDelegate()
    option = QStyleOptionViewItem()
    option.direction = Qt.LayoutDirection.RightToLeft
    delegate.initStyleOption(option, table.model().index(0, 1))
    assert option.direction == Qt.LayoutDirection.LeftToRight
    assert option.displayAlignment & Qt.AlignmentFlag.AlignRight
    option = QStyleOptionViewItem()
    option.direction = Qt.LayoutDirection.RightToLeft
    delegate.initStyleOption(option, table.model().index(0, 0))
    assert option.direction == Qt.LayoutDirection.RightToLeft
