"""Today: who is waiting, what is with the committee, what is late, what needs an answer."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ..services.dashboard import ApplicationRow, ReferralRow, TodayFigures
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .i18n import current_language, ltr
from .widgets import FigureCard, Table, page_title


class TodayView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.figures: TodayFigures | None = None
        self.cards = {
            "waiting": FigureCard(self.tr("Interviews waiting")),
            "in_progress": FigureCard(self.tr("Interviews in progress")),
            "committee": FigureCard(self.tr("With the research committee")),
            "overdue": FigureCard(self.tr("Committee answer overdue")),
            "referrals": FigureCard(self.tr("Open referrals")),
            "incomplete": FigureCard(self.tr("Incomplete registrations")),
        }
        grid = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        app_headers = [self.tr("Reference"), self.tr("Beneficiary"), self.tr("Program"),
                       self.tr("Days left")]
        self.committee_table = Table(app_headers)
        self.overdue_table = Table(app_headers[:3] + [self.tr("Days late")])
        self.incomplete_table = Table(app_headers[:3])
        self.referral_table = Table([self.tr("Beneficiary"), self.tr("Reason")])
        self.overdue_table.set_empty_text(self.tr("No application is past its answer date."))
        self.committee_table.set_empty_text(self.tr(
            "No application is waiting for the research committee."))
        self.incomplete_table.set_empty_text(self.tr(
            "No application is waiting for missing items."))
        self.referral_table.set_empty_text(self.tr(
            "No referral is waiting for the social-research officer."))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overdue_table, self.tr("Overdue"))
        self.tabs.addTab(self.committee_table, self.tr("With the committee"))
        self.tabs.addTab(self.incomplete_table, self.tr("Incomplete"))
        self.tabs.addTab(self.referral_table, self.tr("Referrals"))
        for table in (self.committee_table, self.overdue_table, self.incomplete_table):
            # Enter and the double click alike (Qt activates an item on both).
            table.activated.connect(lambda _i, t=table: self._open(t))
        for key, tab in (("overdue", 0), ("committee", 1), ("incomplete", 2), ("referrals", 3)):
            self.cards[key].clicked.connect(lambda t=tab: self.tabs.setCurrentIndex(t))
        for key in ("waiting", "in_progress"):  # the interrupted interviews, to resume
            self.cards[key].clicked.connect(lambda: ctx.bus.navigate.emit("interview"))
        self.status = QLabel()
        self.status.setObjectName("hint")
        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Today")))
        lay.addLayout(grid)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.status)
        track(self, ctx.bus.data_changed, self.refresh)

    def _open(self, table: Table) -> None:
        row = table.row_data()
        if isinstance(row, ApplicationRow):
            self.ctx.bus.open_beneficiary.emit(row.beneficiary_id)

    def _selected_beneficiary(self) -> object:
        row = self.tabs.currentWidget()
        data = row.row_data() if isinstance(row, Table) else None
        return data.beneficiary_id if isinstance(data, ApplicationRow | ReferralRow) else None

    def new_application(self) -> None:
        """Ctrl+Shift+A on a row of Today (an incomplete registration whose beneficiary is
        back, say): the interview with the person identified (issue 12)."""
        bid = self._selected_beneficiary()
        if bid is not None:
            self.ctx.bus.new_application_for.emit(bid)

    def new_contact(self) -> None:
        bid = self._selected_beneficiary()
        if bid is not None:
            self.ctx.bus.new_contact_for.emit(bid)

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return  # signed out: the figures are nobody's to see
        self.ctx.tasks.run(lambda _p: self.ctx.dashboard.today(actor), self.show_figures,
                           lambda e: self.status.setText(user_message(e)))

    def show_figures(self, f: TodayFigures) -> None:
        self.figures = f
        c = f.counts
        self.cards["waiting"].set_value(c.get("interviews_waiting", 0))
        self.cards["in_progress"].set_value(c.get("interviews_in_progress", 0))
        self.cards["committee"].set_value(c.get("awaiting_committee", 0))
        self.cards["overdue"].set_value(c.get("overdue", 0), alert=True)
        self.cards["referrals"].set_value(c.get("open_referrals", 0))
        self.cards["incomplete"].set_value(c.get("incomplete", 0))
        arabic = current_language() == "ar"

        def rows(apps: list[ApplicationRow], with_days: bool = True) -> list[tuple[list[str], ApplicationRow]]:
            out = []
            for a in apps:
                cells = [ltr(a.reference), a.beneficiary_name,
                         a.program_name_ar if arabic else a.program_name_en]
                if with_days:
                    # Overdue rows count the days late: a positive number, never a minus
                    # sign that the right-to-left layout would put on the wrong side.
                    days = "" if a.days_left is None else ltr(str(abs(a.days_left)))
                    cells.append(days)
                out.append((cells, a))
            return out

        self.committee_table.set_rows(rows(f.awaiting_committee))
        self.overdue_table.set_rows(rows(f.overdue))
        self.incomplete_table.set_rows(rows(f.incomplete, with_days=False))
        self.referral_table.set_rows(
            [([r.beneficiary_name or "—", r.reason], r) for r in f.open_referrals]
        )
        self.status.clear()
