"""The audit trail (administrators): who did what, where and when, and whether the hash
chain is intact.  Reads through ``AuditService``; verification runs off the GUI thread."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..audit import ChainReport
from ..saudi_time import KSA
from ..services.audit_trail import AuditEventView, AuditService
from .audit_labels import action_label, details_html, details_line, entity_label
from .context import AppContext
from .dialogs import user_message
from .fields import LtrLineEdit
from .i18n import current_language, ltr
from .widgets import Table, hint, page_title

LIMIT = 500
BROKEN = QColor("#fde8e6")


def day_start(d: date) -> datetime:
    """A calendar day at the association (Riyadh time) as the UTC instant it starts."""
    return datetime.combine(d, time.min, tzinfo=KSA).astimezone(UTC)


def riyadh_time(at: datetime) -> str:
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone(KSA).strftime("%Y-%m-%d %H:%M:%S")


def fit_columns(table: Table) -> None:
    """Every column as wide as its contents, the last one takes what is left and elides:
    no sideways scrolling, in either direction."""
    header = table.horizontalHeader()
    header.setMinimumSectionSize(36)
    last = table.columnCount() - 1
    for col in range(last):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)


def short_id(value: str) -> str:
    """A record id for the table: a UUID's first group is enough to tell rows apart (the
    details below show it whole); references and codes are kept as they are."""
    try:
        uuid.UUID(value)
    except ValueError:
        return value
    return value[:8] + "…"


def chain_message(report: ChainReport) -> str:
    """The result of "Verify the chain", worded for the administrator."""
    if report.ok:
        return QCoreApplication.translate(
            "AuditView", "The audit trail is intact: %1 events, every link verified."
        ).replace("%1", str(report.events))
    n = str(report.broken_seq or "?")
    reasons = {
        "changed": QCoreApplication.translate(
            "AuditView", "event #%1 was changed after it was written"),
        "relinked": QCoreApplication.translate(
            "AuditView", "event #%1 does not follow the event before it (an event was "
            "deleted, inserted or moved)"),
        "missing": QCoreApplication.translate("AuditView", "event #%1 is missing (deleted)"),
        "out_of_order": QCoreApplication.translate("AuditView", "event #%1 is out of order"),
        "truncated": QCoreApplication.translate(
            "AuditView", "the newest events from #%1 on are missing (deleted)"),
    }
    what = reasons.get(report.reason, report.problem).replace("%1", n)
    return QCoreApplication.translate(
        "AuditView", "The audit trail is BROKEN: %1. The %2 events before it verify."
    ).replace("%1", what).replace("%2", str(report.events))


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class AuditView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = AuditService(ctx.db)
        self.events: list[AuditEventView] = []
        self.broken_seq: int | None = None
        self._facets_loaded = False

        today = ctx.today_date()
        self.since = self._date_edit(today - timedelta(days=30))
        self.until = self._date_edit(today)
        # Newest first with no date limit until the administrator asks for a period.
        self.dated = QCheckBox(self.tr("From"))
        self.dated.toggled.connect(self._dates_toggled)
        self._dates_toggled(False)
        self.action = QComboBox()
        self.entity = QComboBox()
        self.user = QComboBox()
        for combo in (self.action, self.entity, self.user):
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.record_id = LtrLineEdit()
        self.record_id.setPlaceholderText(self.tr("Reference or record id"))
        self.record_id.returnPressed.connect(self.refresh)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("primary")
        self.show_button.clicked.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.verify_button.clicked.connect(self.verify)

        filters = QGridLayout()
        filters.setHorizontalSpacing(10)
        for col, (label, widget) in enumerate((
            (self.dated, self.since), (QLabel(self.tr("To")), self.until),
            (QLabel(self.tr("Action")), self.action), (QLabel(self.tr("User")), self.user),
        )):
            filters.addWidget(label, 0, col * 2)
            filters.addWidget(widget, 0, col * 2 + 1)
        filters.addWidget(QLabel(self.tr("Record kind")), 1, 0)
        filters.addWidget(self.entity, 1, 1, 1, 3)
        filters.addWidget(QLabel(self.tr("Record")), 1, 4)
        filters.addWidget(self.record_id, 1, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.verify_button)
        filters.addLayout(buttons, 1, 6, 1, 2)
        for col in (1, 3, 5, 7):
            filters.setColumnStretch(col, 1)
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setVisible(False)
        status = QHBoxLayout()
        status.addWidget(self.verdict, 1)
        status.addWidget(self.count)
        self.table = Table(["#", self.tr("Time (Riyadh)"), self.tr("Installation"),
                            self.tr("User"), self.tr("Action"), self.tr("Record"),
                            self.tr("Details")])
        self.table.set_empty_text(self.tr("No event matches these filters: choose another "
                                          "action, record or user."))
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([300, 200])

        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Audit trail")))
        lay.addWidget(hint(self.tr("Every act is recorded in a chain of events that cannot be "
                                   "changed unnoticed. Times are Riyadh time.")))
        lay.addLayout(filters)
        lay.addLayout(status)
        lay.addWidget(split, 1)
        self.setFocusProxy(self.table)

    def _date_edit(self, d: date) -> QDateEdit:
        edit = QDateEdit(QDate(d.year, d.month, d.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return edit

    # -- filters ----------------------------------------------------------------------
    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)

    def _fill(self, combo: QComboBox, everything: str, values: list[tuple[str, str]]) -> None:
        keep = combo.currentData()
        combo.clear()
        combo.addItem(everything, "")
        for label, value in sorted(values, key=lambda lv: lv[0]):
            combo.addItem(label, value)
        index = combo.findData(keep)
        combo.setCurrentIndex(max(index, 0))

    def load_facets(self) -> None:
        facets = self.service.facets(self.ctx.require_actor())
        self._fill(self.action, self.tr("All actions"),
                   [(action_label(a), a) for a in facets.actions])
        self._fill(self.entity, self.tr("All records"),
                   [(entity_label(e), e) for e in facets.entities])
        self._fill(self.user, self.tr("All users"), [(u, u) for u in facets.usernames])
        self._facets_loaded = True

    def _query(self) -> dict[str, Any]:
        since, until = _day(self.since), _day(self.until)
        dated = self.dated.isChecked()
        return {
            "since": day_start(since) if dated else None,
            "until": day_start(until + timedelta(days=1)) if dated else None,
            "action": self.action.currentData() or None,
            "entity": self.entity.currentData() or None,
            "username": self.user.currentData() or None,
            "entity_id": self.record_id.text().strip() or None,
        }

    # -- the table --------------------------------------------------------------------
    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        if not self._facets_loaded:
            self.load_facets()
        self.events = self.service.events(actor, limit=LIMIT, **self._query())
        self.table.set_rows([(self._cells(e), e) for e in self.events])
        fit_columns(self.table)
        self._mark_broken()
        shown = len(self.events)
        self.count.setText(
            self.tr("The newest %1 events are shown; narrow the filters to see older ones.")
            .replace("%1", str(shown)) if shown >= LIMIT
            else self.tr("%1 events").replace("%1", str(shown)))
        if self.events:
            self.table.selectRow(0)
        else:
            self.details.setHtml(f"<p>{self.tr('No events match these filters.')}</p>")

    def _cells(self, e: AuditEventView) -> list[str]:
        record = entity_label(e.entity) if e.entity else "—"
        if e.entity_id:
            short = short_id(e.entity_id)
            record = f"{record} {ltr(short)}" if e.entity else ltr(short)
        return [ltr(str(e.seq)), ltr(riyadh_time(e.at)), ltr(e.site_id) if e.site_id else "—",
                e.username or "—", action_label(e.action), record, details_line(e.details)]

    def _mark_broken(self) -> None:
        for row, e in enumerate(self.events):
            if e.seq == self.broken_seq:
                for col in range(self.table.columnCount()):
                    item = self.table.item(row, col)
                    if item is not None:
                        item.setBackground(QBrush(BROKEN))

    def selected(self) -> AuditEventView | None:
        row: Any = self.table.row_data()
        return row if isinstance(row, AuditEventView) else None

    def show_selected(self) -> None:
        e = self.selected()
        if e is None:
            self.details.clear()
            return
        rtl = current_language() == "ar"
        record = entity_label(e.entity) + (f" {ltr(e.entity_id)}" if e.entity_id else "")
        head = (f"<p><b>#{e.seq} · {action_label(e.action)}</b> — {ltr(riyadh_time(e.at))}"
                f" — {e.username or '—'} — {ltr(e.site_id)}</p>")
        if e.entity:
            head += f"<p>{record}</p>"
        self.details.setHtml(head + details_html(e.details, rtl))

    # -- verification -----------------------------------------------------------------
    def verify(self) -> None:
        actor = self.ctx.require_actor()
        self.verify_button.setEnabled(False)
        self.verdict.setVisible(False)
        self.ctx.tasks.run(lambda _progress: self.service.verify(actor), self._verified,
                           self._verify_failed, label=self.tr("Verifying the audit trail…"),
                           parent=self, cancellable=False)

    def _verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        self.broken_seq = None if report.ok else report.broken_seq
        self._say(chain_message(report), good=report.ok)
        self.verdict.setToolTip("" if report.ok else report.problem)
        self._mark_broken()

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self._say(user_message(exc), good=False)

    def _say(self, text: str, *, good: bool) -> None:
        self.verdict.setText(text)
        self.verdict.setObjectName("statusGood" if good else "statusBad")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verdict.setVisible(True)
