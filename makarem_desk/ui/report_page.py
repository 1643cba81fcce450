"""The figures of one report on screen: a section per subject (channels, applications, the
committee clock, referrals, satisfaction, suggestions), each a table beside the paper's
chart.  Names and captions come from ``reports.labels`` — the words of the PDF and the
workbook — so screen and paper say the same thing.  Satisfaction groups of fewer than
five answers show "fewer than 5", never a number (POL-G6); nothing names a member of
staff.  The charts are the paper's (``reports.charts``), drawn in the worker process at the
sizes of ``CHART_PX`` (``worker.JOBS["report.build"]``) and only shown here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyledItemDelegate, QVBoxLayout, QWidget

from ..reports import labels as L
from ..reports.model import RatingGroup, Report, Share
from ..validation.dates import format_both
from .audit_view import fit_columns, riyadh_time
from .i18n import ltr
from .widgets import Table, hint

# Logical pixels of each chart on screen: half the page beside a table, or the whole
# width of the page at 1366x768 for the two trends.
HALF, WHOLE = (600, 300), (1000, 320)
CHART_PX = {"channels": HALF, "channel_trend": WHOLE, "applications": HALF,
            "satisfaction": WHOLE, "referrals": HALF}
DASH = "—"


def number(n: int | float | None, digits: int = 0) -> str:
    if n is None:
        return DASH
    return f"{n:,.{digits}f}" if digits else f"{int(n):,}"


def share_rows(shares: Sequence[Share], names: L.Names, lang: str,
               total: bool = True) -> list[list[str]]:
    rows = [[L.pick(names, s.key, lang), number(s.count)] for s in shares]
    if total:
        rows.append([L.text("total", lang), number(sum(s.count for s in shares))])
    return rows


def committee_rows(report: Report, lang: str) -> list[list[str]]:
    c = report.committee
    return [[L.text("target_days", lang), number(c.target_days)],
            [L.text("waiting_now", lang), number(c.waiting_now)],
            [L.text("overdue_now", lang), number(c.overdue_now)],
            [L.text("decided", lang), number(c.decided_in_range)],
            [L.text("average_days", lang), number(c.average_days, 1)],
            [L.text("median_days", lang), number(c.median_days, 1)],
            [L.text("incomplete_now", lang), number(report.incomplete_now)]]


def referral_rows(report: Report, lang: str) -> list[list[str]]:
    r = report.referrals
    return [[L.text("open", lang), number(r.open)],
            [L.text("answered", lang), number(r.answered)],
            [L.text("overdue", lang) + f" (> {r.target_days} {L.text('days', lang)})",
             number(r.overdue)],
            [L.text("total", lang), number(r.total)]]


def rating_cells(g: RatingGroup, lang: str) -> list[str]:
    """Answers, average and distribution — or "fewer than 5" and nothing else."""
    if g.suppressed or g.count is None:
        return [L.text("fewer_than", lang), DASH, DASH]
    dist = " · ".join(str(n) for n in g.distribution) if g.distribution else DASH
    return [number(g.count), number(g.average, 2), dist]


def satisfaction_rows(report: Report, lang: str) -> list[list[str]]:
    s = report.satisfaction
    rows = [[L.text("all_answers", lang), *rating_cells(s.overall, lang)]]
    for kind, groups in (("channel", s.by_channel), ("program", s.by_program),
                         ("period", s.by_period)):
        caption = L.text(f"by_{kind}", lang)
        for g in groups:
            name = L.group_label(g, kind, report.period, lang)
            rows.append([f"{caption}: {name}", *rating_cells(g, lang)])
    return rows


def submitted_rows(report: Report, lang: str) -> list[list[str]]:
    return [[L.period_label(p.period, report.period, lang), number(p.count)]
            for p in report.applications.submitted]


def fit_table(table: Table) -> None:
    """All rows visible (the page scrolls, not each table); the names as wide as they
    are, the last column takes the rest of the width."""
    fit_columns(table)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(rows + header + 2 * table.frameWidth() + 2)


class ReportPage(QWidget):
    """What the scroll area of the Reports screen holds."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = "ar"
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tables: dict[str, Table] = {}
        self.charts: dict[str, QLabel] = {}
        self.captions: list[QLabel] = []
        self.lay = QVBoxLayout(self)
        self.lay.setSpacing(10)
        self.lay.addWidget(self.heading)
        self.empty = hint(self.tr("Choose the period, then press Show."))
        self.lay.addWidget(self.empty)
        self.body = QWidget()
        self.body.hide()
        self.lay.addWidget(self.body)
        self.lay.addStretch(1)
        self._build_body()

    # -- layout ---------------------------------------------------------------------------
    def _table(self, key: str, columns: int) -> Table:
        table = Table([""] * columns)
        # No cell here is an identity number or a phone, so Qt's own delegate will do; the
        # shared one's Python ``initStyleOption`` loses a reference to None at every cell
        # painted or measured under PySide6 6.12 / Python 3.11 (measured), and this page
        # measures hundreds of cells each time it is filled.
        table.setItemDelegate(QStyledItemDelegate(table))
        table.setSelectionMode(Table.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tables[key] = table
        return table

    def _chart(self, key: str) -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        # A chart is a picture already laid out for its language: never mirrored again.
        label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.charts[key] = label
        return label

    def _section(self, key: str) -> QVBoxLayout:
        title = QLabel()
        title.setObjectName("sectionTitle")
        title.setProperty("caption", key)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        self.captions.append(title)
        box = QVBoxLayout()
        box.setSpacing(6)
        box.addWidget(title)
        body = self.body.layout()
        assert isinstance(body, QVBoxLayout)
        body.addSpacing(8)
        body.addLayout(box)
        return box

    def _beside(self, box: QVBoxLayout, tables: Sequence[Table], chart: str | None) -> None:
        row = QHBoxLayout()
        column = QVBoxLayout()
        for t in tables:
            column.addWidget(t)
        column.addStretch(1)
        row.addLayout(column, 2)
        if chart is not None:
            row.addWidget(self._chart(chart), 3)
        else:
            row.addStretch(3)
        box.addLayout(row)

    def _build_body(self) -> None:
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        box = self._section("channels")
        self._beside(box, [self._table("channels", 2)], "channels")
        box.addWidget(self._chart("channel_trend"))
        box = self._section("applications")
        self._beside(box, [self._table("applications", 2), self._table("submitted", 2)],
                     "applications")
        box = self._section("committee")
        self._beside(box, [self._table("committee", 2)], None)
        box = self._section("referrals")
        self._beside(box, [self._table("referrals", 2), self._table("reasons", 2)],
                     "referrals")
        box = self._section("satisfaction")
        self.note = hint("")
        box.addWidget(self.note)
        box.addWidget(self._table("satisfaction", 4))
        box.addWidget(self._chart("satisfaction"))
        box = self._section("suggestions")
        self._beside(box, [self._table("suggestions", 2)], None)

    # -- content --------------------------------------------------------------------------
    def show_report(self, report: Report, lang: str) -> None:
        for step in self.steps(report, lang):
            step()

    def steps(self, report: Report, lang: str) -> list[Callable[[], None]]:
        """Filling the page, in short steps (a table each): the Reports screen runs one
        per turn of the event loop so that a large report never freezes the window."""
        self.language = lang

        def t(key: str) -> str:  # a short alias for the captions
            return L.text(key, lang)

        def heading() -> None:
            hijri, greg = L.range_lines(report.start, report.end, lang)
            by = t("by_week" if report.period == "week" else "by_month")
            made = report.generated_at
            self.heading.setText(
                f"<b>{t('title')}</b><br>{t('range')}: {hijri}<br>{greg} · {by}<br>"
                f"{t('generated')}: {format_both(made.date(), lang)} "
                f"{ltr(riyadh_time(made)[-8:-3])}")
            for title in self.captions:
                title.setText(t(str(title.property("caption"))))
            self.note.setText(t("satisfaction_note"))
            for chart in self.charts.values():
                chart.clear()

        def fill(key: str, headers: list[str],
                 rows: Callable[[], list[list[str]]]) -> Callable[[], None]:
            return lambda: self._fill(key, headers, rows())

        def show() -> None:
            self.empty.hide()
            self.body.show()

        return [
            heading,
            fill("channels", [t("channel"), t("contacts")],
                 lambda: share_rows(report.channels.by_channel, L.CHANNEL_NAMES, lang)),
            fill("applications", [t("status"), t("count")],
                 lambda: share_rows(report.applications.by_status, L.STATUS_NAMES, lang)),
            fill("submitted", [t("period"), t("submitted")],
                 lambda: submitted_rows(report, lang)),
            fill("committee", [t("committee"), t("count")],
                 lambda: committee_rows(report, lang)),
            fill("referrals", [t("referrals"), t("count")], lambda: referral_rows(report, lang)),
            fill("reasons", [t("reason"), t("count")],
                 lambda: share_rows(report.referrals.by_reason, L.REASON_NAMES, lang,
                                    total=False)),
            fill("satisfaction", [t("group"), t("answers"), t("average"), t("distribution")],
                 lambda: satisfaction_rows(report, lang)),
            fill("suggestions", [t("status"), t("count")],
                 lambda: share_rows(report.satisfaction.suggestions, L.SUGGESTION_NAMES,
                                    lang)),
            show,
        ]

    def _fill(self, key: str, headers: list[str], rows: list[list[str]]) -> None:
        table = self.tables[key]
        table.setHorizontalHeaderLabels(headers)
        table.set_rows([(cells, None) for cells in rows])
        fit_table(table)

    def set_charts(self, pngs: dict[str, bytes], pixel_ratio: float = 1.0) -> None:
        for name, png in pngs.items():
            label = self.charts.get(name)
            if label is None:
                continue
            pix = QPixmap()
            pix.loadFromData(png)
            pix.setDevicePixelRatio(pixel_ratio)
            label.setPixmap(pix)

    def cell(self, table: str, row: int, column: int) -> str:
        return self.cell_of(self.tables[table], row, column)

    def texts(self) -> list[str]:
        """Every word on the page (tests look for names that must not be there)."""
        words = [self.heading.text(), self.note.text(), self.empty.text()]
        words += [c.text() for c in self.captions]
        for table in self.tables.values():
            for c in range(table.columnCount()):
                head = table.horizontalHeaderItem(c)
                words.append(head.text() if head is not None else "")
            for r in range(table.rowCount()):
                words += [self.cell_of(table, r, c) for c in range(table.columnCount())]
        return words

    @staticmethod
    def cell_of(table: Table, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""
