"""A button that drops a calendar showing both calendars: Qt's month grid (Gregorian) and,
under it, the Hijri (Umm al-Qura) and Gregorian names of the day under the cursor.

Qt's own Islamic calendar is the tabular one, not Umm al-Qura, so the grid stays Gregorian
and the Hijri is computed by ``validation.dates``.  Used by every ``DateField``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ..validation.dates import format_both
from .i18n import current_language


class DatePicker(QToolButton):
    """A button that drops a calendar; the Hijri of the day under the cursor is shown
    beneath it, and a click picks the day (``picked``)."""

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(self.tr("Calendar"))
        self.setToolTip(self.tr("Pick the day on a calendar"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        # Qt derives the columns' minimum width from the font's height; Noto Sans Arabic
        # is tall, which made the month 920 pixels wide.
        # The Saudi weekend is Friday and Saturday (Qt marks Saturday and Sunday).
        day = Qt.DayOfWeek
        weekend = self.calendar.weekdayTextFormat(day.Saturday)
        self.calendar.setWeekdayTextFormat(day.Sunday,
                                           self.calendar.weekdayTextFormat(day.Monday))
        self.calendar.setWeekdayTextFormat(day.Friday, weekend)
        self.calendar.setFirstDayOfWeek(day.Sunday)
        grid = self.calendar.findChild(QTableView)
        if grid is not None:
            grid.horizontalHeader().setMinimumSectionSize(44)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.hijri = QLabel()
        self.hijri.setObjectName("otherCalendar")
        self.hijri.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.calendar)
        lay.addWidget(self.hijri)
        self.popup = QMenu(self)
        action = QWidgetAction(self.popup)
        action.setDefaultWidget(box)
        self.popup.addAction(action)
        self.setMenu(self.popup)
        self.calendar.selectionChanged.connect(self._show_hijri)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self._show_hijri()

    def open_on(self, d: date | None) -> None:
        """The calendar starts on the day already in the field, if any."""
        if d is not None:
            self.calendar.setSelectedDate(QDate(d.year, d.month, d.day))
        self._show_hijri()

    def _show_hijri(self) -> None:
        d = self.calendar.selectedDate().toPython()
        assert isinstance(d, date)
        self.hijri.setText(format_both(d, current_language()))

    def _pick(self, qd: QDate) -> None:
        d = qd.toPython()
        self.popup.hide()
        self.picked.emit(d)
