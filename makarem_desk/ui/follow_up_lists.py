"""Building blocks of the Follow-up screen: one list page (a table, the sentence shown
when it is empty, its buttons and a status line), what the screen loads in one go off the
GUI thread, and the cell texts the three lists share."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# The screen's buttons ask the matrix about these services: their rules must be loaded.
from ..documents import service as _documents  # noqa: F401
from ..permissions import allowed
from ..saudi_time import KSA, ksa_day
from ..services import applications as _applications  # noqa: F401
from ..services.follow_up import DecidedItem, IncompleteItem, Targets, WaitingItem
from ..validation.dates import format_gregorian
from .context import AppContext
from .i18n import current_language
from .widgets import Table, hint

ALERT = QColor("#b42318")  # the colour of the style sheet's alerts (#fieldError)
# A list shows its first rows only (the longest waiting first): on a big database the
# committee clock holds tens of thousands, and a table of them would freeze the window.
MAX_ROWS = 1000


@dataclass(frozen=True)
class Clock:
    targets: Targets
    waiting: list[WaitingItem]
    overdue: set[uuid.UUID]  # the service's rule: a wait longer than the target


def loaders(ctx: AppContext) -> tuple[Callable[[Any], Clock],
                                      Callable[[Any], list[DecidedItem]],
                                      Callable[[Any], list[IncompleteItem]]]:
    """The work of a refresh, one task per list (for ``ctx.tasks``; a list that cannot be
    read does not keep the others from the screen), all read with the same clock."""
    actor = ctx.require_actor()
    # A fixed day (tests, screenshots) is read at noon in Riyadh; otherwise the real now.
    now = None if ctx.today is None else datetime.combine(ctx.today, time(12), tzinfo=KSA)
    service = ctx.follow_up

    def clock(_progress: Any) -> Clock:
        return Clock(service.targets(actor), service.waiting(actor, now=now),
                     {w.application_id for w in service.overdue(actor, now=now)})

    return (clock, lambda _p: service.decided_untold(actor),
            lambda _p: service.incomplete(actor, now=now))


def may(ctx: AppContext, permission: str) -> bool:
    """Whether the person signed in may do ``permission`` here: buttons they may not use
    are not shown (the service refuses anyway)."""
    return allowed(permission, ctx.require_actor().role, ctx.db.installation_role)


def day_text(moment: datetime | None) -> str:
    """The counter's day of ``moment`` (Riyadh time), Gregorian."""
    if moment is None:
        return "—"
    return format_gregorian(ksa_day(moment), current_language())


def item_label(item: dict[str, Any]) -> str:
    """A checklist item as the form names it, in the language of the interface."""
    key = "label_ar" if current_language() == "ar" else "label_en"
    return str(item.get(key) or item.get("label_ar") or item.get("id", ""))


def items_text(items: Sequence[dict[str, Any]]) -> str:
    return ("، " if current_language() == "ar" else ", ").join(item_label(m) for m in items)


class ListPage(QWidget):
    """One list: a table whose rows carry the service's items, or a sentence when empty."""

    def __init__(self, headers: Sequence[str], empty_text: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.table = Table(headers)
        self.empty = hint(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyList")
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.more = hint("")
        self.more.hide()
        self.top = QHBoxLayout()
        self.buttons = QHBoxLayout()
        self.lay = QVBoxLayout(self)
        self.lay.addLayout(self.top)
        self.lay.addWidget(self.table, 1)
        self.lay.addWidget(self.empty, 1)
        self.lay.addWidget(self.more)
        self.lay.addLayout(self.buttons)
        self.lay.addWidget(self.status)
        self.empty.hide()
        self.setFocusProxy(self.table)

    def add_button(self, text: str, slot: Callable[[], Any], *,
                   primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        if primary:
            button.setObjectName("primary")
        button.clicked.connect(lambda _c=False: slot())
        self.buttons.addWidget(button)
        return button

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)

    def show_items(self, items: Sequence[Any], cells: Callable[[Any], Sequence[str]],
                   alert: Callable[[Any], bool] | None = None) -> None:
        """The first ``MAX_ROWS`` of ``items`` on screen (their cells made for those only),
        and a line saying how many more there are."""
        shown = items[:MAX_ROWS]
        self.show_rows([(cells(item), item) for item in shown], alert)
        self.more.setVisible(len(items) > len(shown))
        self.more.setText(self.tr("The first %1 of %2 are shown, the longest waiting first.")
                          .replace("%1", str(len(shown))).replace("%2", str(len(items))))

    def show_rows(self, rows: Sequence[tuple[Sequence[str], Any]],
                  alert: Callable[[Any], bool] | None = None) -> None:
        """The rows on screen, the same application selected again if it is still there;
        rows for which ``alert`` says so are drawn in the alert colour, in bold."""
        before = self.selected()
        self.table.set_rows(rows)
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, (_cells, payload) in enumerate(rows):
            if alert is not None and alert(payload):
                for c in range(self.table.columnCount()):
                    cell = self.table.item(r, c)
                    if cell is not None:
                        cell.setForeground(QBrush(ALERT))
                        cell.setFont(bold)
            if before is not None and payload.application_id == before.application_id:
                self.table.selectRow(r)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def selected(self) -> Any:
        return self.table.row_data()

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setObjectName("fieldError" if error else "hint")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
