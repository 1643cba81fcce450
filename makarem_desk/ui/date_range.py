"""A range of days typed or picked in Hijri or Gregorian, for the Reports screen.

Each end is a ``DateField`` (Hijri ``1448/05/27`` or Gregorian ``2026-11-29``, the other
calendar shown beside it once valid) with a calendar popup that names the Hijri day of the
day under the cursor (Qt's own Islamic calendar is the tabular one, not Umm al-Qura, so
the popup stays Gregorian and the Hijri is computed by ``validation.dates``).  Quick
ranges and the trend's period (week or month) sit beside them.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..validation.dates import to_hijri
from .fields import DateField

QUICK = ("this_month", "last_month", "this_hijri_year", "this_gregorian_year")


def quick_range(kind: str, today: date) -> tuple[date, date]:
    """The first day of the month or year (Hijri: 1 Muharram, Umm al-Qura) up to today;
    last month whole.  Days after today hold nothing yet, so they are not asked for."""
    if kind == "this_month":
        return today.replace(day=1), today
    if kind == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if kind == "this_gregorian_year":
        return today.replace(month=1, day=1), today
    if kind == "this_hijri_year":
        from hijridate import Hijri

        h = to_hijri(today)
        if h is None:  # outside Umm al-Qura's table: the Gregorian year instead
            return today.replace(month=1, day=1), today
        g = Hijri(h.year, 1, 1).to_gregorian()
        return date(g.year, g.month, g.day), today
    raise ValueError(kind)


def check_range(start: date | None, end: date | None) -> tuple[date, date]:
    """Both ends given, the start not after the end; a plain message otherwise."""
    if start is None or end is None:
        raise UserError(QCoreApplication.translate(
            "DateRangeBar", "Enter both the start and the end of the period."))
    if end < start:
        raise UserError(QCoreApplication.translate(
            "DateRangeBar", "The start of the period is after its end; swap the two dates."))
    return start, end


class DayInput(QWidget):
    """One end of the range: the typed field, its other calendar, and the calendar."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = DateField()
        self.picker = self.field.picker
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        self.setFocusProxy(self.field)

    def set_date(self, d: date) -> None:
        self.field.set_date(d)

    def date(self) -> date | None:
        return self.field.date()


class DateRangeBar(QWidget):
    """From / to, quick ranges and the period of the trends."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.start = DayInput()
        self.end = DayInput()
        self.period = QComboBox()
        self.period.addItem(self.tr("By week"), "week")
        self.period.addItem(self.tr("By month"), "month")
        self.quick: dict[str, QPushButton] = {}
        names = {"this_month": self.tr("This month"), "last_month": self.tr("Last month"),
                 "this_hijri_year": self.tr("This Hijri year"),
                 "this_gregorian_year": self.tr("This Gregorian year")}
        ends = QHBoxLayout()
        ends.setContentsMargins(0, 0, 0, 0)
        for text, day in ((self.tr("From"), self.start), (self.tr("To"), self.end)):
            label = QLabel(text)
            label.setBuddy(day.field.editor)
            # Level with the editor, also when a message opens under it.
            label.setFixedHeight(day.field.editor.sizeHint().height())
            ends.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            ends.addWidget(day, 1)
            day.field.editor.textChanged.connect(lambda _t: self.changed.emit())
        quick = QHBoxLayout()
        quick.setContentsMargins(0, 0, 0, 0)
        for kind in QUICK:
            button = QPushButton(names[kind])
            button.clicked.connect(lambda _c=False, k=kind: self.use_quick(k))
            self.quick[kind] = button
            quick.addWidget(button)
        quick.addSpacing(12)
        quick.addWidget(QLabel(self.tr("Trends")))
        quick.addWidget(self.period)
        quick.addStretch(1)
        self.quick_row = quick
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(ends)
        lay.addLayout(quick)
        self.use_quick("this_month")

    def use_quick(self, kind: str) -> None:
        start, end = quick_range(kind, self.today)
        self.set_range(start, end)
        # A month reads best week by week, a year month by month.
        self.set_period("week" if kind in ("this_month", "last_month") else "month")

    def set_range(self, start: date, end: date) -> None:
        self.start.set_date(start)
        self.end.set_date(end)

    def set_period(self, period: str) -> None:
        self.period.setCurrentIndex(max(0, self.period.findData(period)))

    def range(self) -> tuple[date, date]:
        """The range asked for; ``UserError`` (with Arabic) for a bad or reversed one."""
        return check_range(self.start.date(), self.end.date())

    def period_key(self) -> str:
        return str(self.period.currentData())

