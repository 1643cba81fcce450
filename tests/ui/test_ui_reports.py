"""The Reports screen (issue 10) on a database whose every figure is known
(``report_seed``): the tables show the counts, zeros included; satisfaction groups under
five answers say "fewer than 5" and nothing else (POL-G6); no staff name anywhere; a bad
or reversed range is refused in Arabic; Cancel stops the queries; the files are saved."""

from __future__ import annotations

import re
import threading
from datetime import date, timedelta
from typing import Any

import pytest
from db_support import become_committee
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableWidget
from report_seed import (
    CONTACTS,
    END,
    INTERVIEW_SCORES,
    PHONE_SCORES,
    STAFF_NAME,
    STAFF_USERNAME,
    START,
    STATUSES,
    seed,
)

from makarem_desk.models import Role
from makarem_desk.reports import labels as L
from makarem_desk.reports.charts import channels_bar
from makarem_desk.reports.figures import ReportCancelled, ReportService
from makarem_desk.ui.date_range import quick_range
from makarem_desk.ui.i18n import apply_language
from makarem_desk.ui.main_window import MainWindow
from makarem_desk.ui.reports_view import ReportsView
from makarem_desk.ui.tasks import TaskRunner
from makarem_desk.validation.dates import format_both, format_gregorian, to_hijri


@pytest.fixture
def seeded(ctx):  # type: ignore[no-untyped-def]
    seed(ctx.db)
    return ctx


def _view(qtbot, ctx, period: str = "week") -> ReportsView:  # type: ignore[no-untyped-def]
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.range.set_range(START, END)
    view.range.set_period(period)
    return view


def _column(view: ReportsView, table: str, col: int = 1) -> list[str]:
    t = view.page.tables[table]
    return [view.page.cell(table, r, col) for r in range(t.rowCount())]


def _words(widget: Any) -> list[str]:
    """Every text the screen shows: labels, buttons, editors, table cells and headers."""
    words = [w.text() for w in widget.findChildren(QLabel)]
    words += [w.text() for w in widget.findChildren(QAbstractButton)]
    words += [w.text() for w in widget.findChildren(QLineEdit)]
    for t in widget.findChildren(QTableWidget):
        for c in range(t.columnCount()):
            head = t.horizontalHeaderItem(c)
            words.append(head.text() if head else "")
            words += [t.item(r, c).text() for r in range(t.rowCount()) if t.item(r, c)]
    return words


def test_tables_show_the_seeded_counts_zeros_included(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, seeded)
    view.show_report()
    assert view.message.isHidden(), view.message.text()
    channels = {c.value: n for c, n in CONTACTS.items()}
    channels["phone"] += 1  # 00:30 on the first day, Riyadh time
    channels["letter"] += 1  # 23:30 on the last day
    assert _column(view, "channels", 0) == [L.pick(L.CHANNEL_NAMES, k, "ar")
                                            for k in channels] + ["المجموع"]
    assert _column(view, "channels") == [str(n) for n in channels.values()] + ["13"]
    assert "0" in _column(view, "channels")  # social media and assistance requests
    assert _column(view, "applications") == [str(n) for n in STATUSES.values()] + ["9"]
    # The committee clock: target 30 days; waiting 4 (one 31 days: overdue); three
    # decisions in 18, 14 and 21 Saudi days; two registrations wait for missing items.
    assert _column(view, "committee") == ["30", "4", "1", "3", "17.7", "18.0", "2"]
    assert _column(view, "referrals") == ["3", "1", "1", "4"]
    assert _column(view, "reasons", 0)[:2] == ["الإجراءات غير واضحة للمستفيد", "ظروف خاصة"]
    assert _column(view, "reasons") == ["2", "0", "1", "0", "0", "1"]
    assert _column(view, "suggestions") == ["2", "0", "1", "0", "3"]
    # Satisfaction: all nine answers; the interview's five are shown, the phone's four
    # are not — not the count, not the average, not the distribution.
    overall = INTERVIEW_SCORES + PHONE_SCORES
    row = [view.page.cell("satisfaction", 0, c) for c in range(4)]
    assert row[:3] == ["كل الإجابات", str(len(overall)), f"{sum(overall) / len(overall):.2f}"]
    groups = _column(view, "satisfaction", 0)
    interview = groups.index("حسب القناة: المقابلة")
    assert [view.page.cell("satisfaction", interview, c) for c in (1, 2)] == [
        "5", f"{sum(INTERVIEW_SCORES) / 5:.2f}"]
    phone = groups.index("حسب القناة: الاتصالات الهاتفية")
    assert [view.page.cell("satisfaction", phone, c) for c in (1, 2, 3)] == [
        "أقل من 5", "—", "—"]
    assert "4" not in _column(view, "satisfaction", 1)  # the phone group's size
    # The charts of the paper, drawn for the screen.
    assert set(view.page.charts) == {"channels", "channel_trend", "applications",
                                     "satisfaction", "referrals"}
    for name, label in view.page.charts.items():
        assert not label.pixmap().isNull(), name
        assert view.charts[name].startswith(b"\x89PNG")
    assert view.pdf_button.isEnabled() and view.xlsx_button.isEnabled()


def test_english_interface_names_the_suppressed_group_in_english(qtbot, seeded, desk_app) -> None:  # type: ignore[no-untyped-def]
    apply_language(desk_app, "en")
    view = _view(qtbot, seeded, "month")
    view.show_report()
    groups = _column(view, "satisfaction", 0)
    phone = groups.index("By channel: Telephone")
    assert view.page.cell("satisfaction", phone, 1) == "fewer than 5"
    assert _column(view, "channels", 0)[-1] == "Total"
    # One month: one row of submissions, six of them.
    assert _column(view, "submitted") == ["6"]
    # The paper's own chart functions, drawn in the interface's language.
    assert view.report is not None
    english = channels_bar(view.report, "en", dpi=96, size=(600 / 96, 300 / 96))
    assert view.charts["channels"] == english
    assert english != channels_bar(view.report, "ar", dpi=96, size=(600 / 96, 300 / 96))


def test_a_period_without_any_record_shows_zeros_and_no_figure(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, seeded, "month")
    view.range.set_range(date(2025, 1, 1), date(2025, 3, 31))
    view.show_report()
    assert _column(view, "channels") == ["0"] * 7 + ["0"]
    assert _column(view, "applications")[-1] == "0"
    assert set(_column(view, "satisfaction", 1)) == {"أقل من 5"}  # every group, none shown
    assert len(_column(view, "submitted")) == 3  # January, February, March
    assert all(not label.pixmap().isNull() for label in view.page.charts.values())


def test_no_staff_name_anywhere_on_the_screen(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, seeded)
    view.show_report()
    words = "\n".join(_words(view))
    assert "كل الإجابات" in words  # the page was read
    for name in (STAFF_NAME, STAFF_USERNAME, seeded.actor.full_name, seeded.actor.username):
        assert name not in words


def test_bad_and_reversed_ranges_are_refused_in_arabic(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, seeded)
    view.range.start.field.setText("2026-13-45")
    assert view.show_report() is None
    assert "التاريخ غير صحيح" in view.message.text() and not view.message.isHidden()
    view.range.start.field.setText("")
    assert view.show_report() is None
    assert "أدخل تاريخ بداية الفترة" in view.message.text()
    view.range.set_range(END, START)
    assert view.show_report() is None
    assert "بعد تاريخ نهايتها" in view.message.text()
    assert view.report is None and view.page.body.isHidden()
    assert not view.pdf_button.isEnabled()
    view.range.set_range(START, END)  # mended: the message goes, the report comes
    assert view.message.isHidden()
    view.range.end.field.editor.returnPressed.emit()  # Enter in a date field
    assert view.report is not None and view.report.channels.total == 13


def test_hijri_typed_range_gives_the_same_figures(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, seeded)
    h_start, h_end = to_hijri(START), to_hijri(END)
    assert h_start is not None and h_end is not None
    view.range.start.field.setText(h_start.numeric())
    view.range.end.field.setText(h_end.numeric().translate(str.maketrans("0123456789",
                                                                          "٠١٢٣٤٥٦٧٨٩")))
    # The other calendar beside each field: Gregorian for a Hijri date.
    assert view.range.start.field.other.text() == format_gregorian(START, "ar")
    assert view.range.range() == (START, END)
    view.show_report()
    assert view.report is not None and (view.report.start, view.report.end) == (START, END)
    assert _column(view, "channels")[-1] == "13"


def test_quick_ranges_and_the_calendar(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    today = seeded.today
    assert quick_range("this_month", today) == (date(2026, 11, 1), today)
    assert quick_range("last_month", today) == (date(2026, 10, 1), date(2026, 10, 31))
    assert quick_range("this_gregorian_year", today) == (date(2026, 1, 1), today)
    start, end = quick_range("this_hijri_year", today)
    h, before = to_hijri(start), to_hijri(start - timedelta(days=1))
    assert end == today and h is not None and before is not None
    assert (h.year, h.month, h.day) == (to_hijri(today).year, 1, 1)  # type: ignore[union-attr]
    assert before.year == h.year - 1
    view = _view(qtbot, seeded, "week")
    view.range.quick["this_hijri_year"].click()
    assert view.range.range() == (start, end) and view.range.period_key() == "month"
    view.range.quick["last_month"].click()
    assert view.range.range() == (date(2026, 10, 1), date(2026, 10, 31))
    assert view.range.period_key() == "week"
    # The calendar: opened on the typed day, names its Hijri, and a click picks a day.
    picker = view.range.start.picker
    picker.popup.aboutToShow.emit()
    assert picker.calendar.selectedDate() == QDate(2026, 10, 1)
    assert picker.hijri.text() == format_both(date(2026, 10, 1), "ar")
    picker.calendar.setSelectedDate(QDate(2026, 11, 15))
    assert picker.hijri.text() == format_both(date(2026, 11, 15), "ar")
    picker.calendar.clicked.emit(QDate(2026, 11, 15))
    assert view.range.start.field.text() == "2026-11-15"
    assert "1448" in view.range.start.field.other.text()  # its Hijri beside it


class _Gate:
    """The real figures, held at the second step until the test lets them go on."""

    def __init__(self, real: ReportService) -> None:
        self.real, self.real_build = real, ReportService.build
        self.reached, self.go = threading.Event(), threading.Event()
        self.steps: list[str] = []
        self.raised: list[BaseException] = []

    def build(self, actor: Any, start: date, end: date, **kw: Any) -> Any:
        progress = kw.pop("progress")

        def held(done: int, total: int, step: str) -> None:
            self.steps.append(step)
            progress(done, total, step)
            if step == "applications":
                self.reached.set()
                self.go.wait(10)

        try:
            return self.real_build(self.real, actor, start, end, progress=held, **kw)
        except BaseException as exc:
            self.raised.append(exc)
            raise


def test_cancel_stops_the_queries_off_the_gui_thread(qtbot, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    gate = _Gate(ReportService(seeded.db))
    # The report job builds its own service: it meets the gate wherever it runs.
    monkeypatch.setattr(ReportService, "build",
                        lambda _svc, *a, **kw: gate.build(*a, **kw))
    seeded.tasks = TaskRunner(processes=False)  # a real worker thread, so the gate holds
    view = _view(qtbot, seeded)
    task = view.show_report()
    assert task is not None
    qtbot.waitUntil(gate.reached.is_set, timeout=10000)
    # The screen says which step runs (queued from the worker thread).
    qtbot.waitUntil(lambda: view.progress_label.text() == "عدّ الطلبات", timeout=5000)
    assert view.progress.value() == 1 and view.progress.maximum() == 11
    assert not view.show_button.isEnabled() and not view.cancel_button.isHidden()
    view.cancel_button.click()
    gate.go.set()
    assert seeded.tasks.wait(10000)
    qtbot.wait(50)  # let the queued signals arrive (they must be ignored)
    assert gate.steps == ["contacts", "applications"]  # no query after the cancel
    assert len(gate.raised) == 1 and isinstance(gate.raised[0], ReportCancelled)
    assert view.report is None and view.page.body.isHidden()
    assert view.message.text() == "أُلغي إعداد التقرير."
    assert view.show_button.isEnabled() and view.cancel_button.isHidden()
    assert seeded.dialogs.errors == []


def test_reports_in_the_bar_for_readers_only(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(seeded)
    qtbot.addWidget(window)
    assert "reports" in window.pages
    assert window.buttons["reports"].text() == "التقارير"
    view = window.show_page("reports")
    assert isinstance(view, ReportsView)
    become_committee(seeded.db)  # a receptionist's account at the committee reads nothing
    assert seeded.actor.role is Role.RECEPTIONIST
    committee_window = MainWindow(seeded)
    qtbot.addWidget(committee_window)
    assert "reports" not in committee_window.pages


def test_save_as_pdf_and_excel_write_the_files_and_audit_them(qtbot, seeded, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from sqlalchemy import select

    from makarem_desk.models import AuditEvent

    view = _view(qtbot, seeded)
    assert view.save("pdf") is None  # nothing on screen yet: nothing to save
    view.show_report()
    seeded.dialogs.save_path = str(tmp_path / "november.pdf")
    view.save("pdf")
    pdf = tmp_path / "november.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert seeded.dialogs.shown[-1] == ("info", f"حُفظ في: {pdf}")
    seeded.dialogs.save_path = str(tmp_path / "november")  # no extension typed
    view.save("xlsx")
    book = load_workbook(tmp_path / "november.xlsx")
    assert all(ws.sheet_view.rightToLeft for ws in book)  # the Arabic interface's workbook
    assert ("save", "report-2026-11-01-2026-11-29.xlsx") in seeded.dialogs.shown
    with seeded.db.reader() as s:
        events = s.scalars(select(AuditEvent)
                           .where(AuditEvent.action == "report_exported")).all()
        assert [(e.username, e.details["format"]) for e in events] == [
            ("reem", "pdf"), ("reem", "xlsx")]
    seeded.dialogs.save_path = str(tmp_path / "no-such-folder" / "r.pdf")
    view.save("pdf")
    assert "المجلد غير موجود" in seeded.dialogs.errors[-1]
    assert view.pdf_button.isEnabled()
    seeded.dialogs.save_path = None  # the picker cancelled: nothing happens
    shown = len(seeded.dialogs.shown)
    assert view.save("pdf") is None and len(seeded.dialogs.shown) == shown + 1


def test_every_column_heading_is_a_worded_caption(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    """A caption missing from reports.labels once showed its key ("distribution") as an
    Arabic column heading; now every heading is words in the screen's language."""
    view = _view(qtbot, seeded)
    view.show_report()
    for name, table in view.page.tables.items():
        for c in range(table.columnCount()):
            head = table.horizontalHeaderItem(c)
            text = head.text() if head else ""
            assert text and not re.fullmatch(r"[a-z_]+", text), (name, c, text)
    satisfaction = view.page.tables["satisfaction"]
    assert satisfaction.horizontalHeaderItem(3).text().startswith("عدد الإجابات لكل درجة")
