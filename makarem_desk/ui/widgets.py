"""Small building blocks shared by the screens."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import LRI, PDI, is_rtl

LTR_ROLE = Qt.ItemDataRole.UserRole + 1


class _LtrCellDelegate(QStyledItemDelegate):
    """Lays out identity numbers, phones and references left to right in any layout.

    Unicode isolates alone are not enough in a view: a cell whose text Qt elides or
    re-lays out in a right-to-left window came out as "966551234567+"; giving the cell
    a left-to-right direction of its own keeps "+966 …" as written.
    """

    def initStyleOption(  # noqa: N802 (Qt naming)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.data(LTR_ROLE):
            right_to_left = option.direction == Qt.LayoutDirection.RightToLeft
            option.direction = Qt.LayoutDirection.LeftToRight
            # Keep the column's visual alignment: numbers sit where the words sit.
            side = Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft
            option.displayAlignment = side | Qt.AlignmentFlag.AlignVCenter


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


def value_label(text: str = "") -> QLabel:
    """A read-only form value on the reading side of the interface, whatever the script of
    its text (an Arabic branch name in the English interface stays on the left)."""
    label = QLabel(text)
    side = Qt.AlignmentFlag.AlignRight if is_rtl() else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter)
    return label


def ltr_value(text: str = "") -> QLabel:
    """A code, fingerprint or path shown as a form value: written left to right (and copied
    without invisible marks), but placed on the reading side like the other values."""
    label = QLabel(text)
    label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    side = Qt.AlignmentFlag.AlignRight if is_rtl() else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def buttons_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons at their own width on the reading side, not stretched across a form."""
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class FigureCard(QFrame):
    """One figure of the Today screen: a big number and what it counts; click (or Enter
    when focused) to see the rows behind it."""

    clicked = Signal()

    def __init__(self, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setObjectName("card")
        self.figure = QLabel("0")
        self.figure.setObjectName("cardFigure")
        self.figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel(label)
        self.label.setObjectName("cardLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.figure)
        lay.addWidget(self.label)
        self.setMinimumHeight(110)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)

    def set_value(self, n: int, *, alert: bool = False) -> None:
        self.figure.setText(str(n))
        self.figure.setProperty("alert", alert and n > 0)
        self.figure.style().unpolish(self.figure)
        self.figure.style().polish(self.figure)


class Table(QTableWidget):
    """A read-only table whose rows carry a payload (``row_data``).

    Sized to its content (issue 12): every column as wide as its widest cell or header;
    the room left over goes to the ``stretch`` column (free text — a purpose, a reason, a
    name), else to the widest, not to whichever column happens to be last, so short
    columns stay beside each other.  Columns a screen gives a resize mode of its own keep it.
    An empty table says so in a sentence with the next action (``empty``), shown where
    the rows would be.  The sentence is a label, not paint, and it is also the table's
    accessible description: a screen reader lists a table's cells and headers, never a
    widget laid over its viewport, so the description is what it reads on reaching the
    empty table.
    """

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None, *,
                 empty: str = "", stretch: int | None = None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        # Tab leaves a read-only table for the next field; the arrows move in it.
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        # Noto Sans Arabic is tall: rows sized from the font, never clipped.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(False)
        # The header's own minimum (about 130 px with the interface font) would widen
        # every short column past its content.
        self.horizontalHeader().setMinimumSectionSize(48)
        self.setWordWrap(False)
        self.setItemDelegate(_LtrCellDelegate(self))
        self._payloads: list[object] = []
        self._empty = empty
        self._empty_label = QLabel(self.viewport())
        self._empty_label.setObjectName("tableEmpty")
        self._empty_label.setWordWrap(True)
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # Clicks and the context menu still reach the table under the sentence.
        self._empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._empty_label.hide()
        model = self.model()
        model.rowsInserted.connect(self._say_if_empty)
        model.rowsRemoved.connect(self._say_if_empty)
        model.modelReset.connect(self._say_if_empty)
        self._stretch = stretch  # the column given the room left; None: the widest
        # A screen that sizes some columns itself on resize turns this off: two fits
        # answering the same resize in an order Qt does not promise would undo each other.
        self.refit_on_resize = True
        self.fit_columns()
        self._say_if_empty()

    def set_empty_text(self, text: str) -> None:
        """The sentence shown while the table has no rows: what is missing and what to do."""
        self._empty = text
        self._say_if_empty()

    def empty_text(self) -> str:
        return self._empty

    def _say_if_empty(self) -> None:
        said = bool(self._empty) and not self.rowCount()
        self._empty_label.setText(self._empty if said else "")
        self._empty_label.setVisible(said)
        self.setAccessibleDescription(self._empty if said else "")

    def _place_empty_sentence(self) -> None:
        # The margins the painted sentence had, so it sits where it always did.
        self._empty_label.setGeometry(self.viewport().rect().adjusted(16, 12, -16, -12))

    def set_rows(self, rows: Sequence[tuple[Sequence[str], object]]) -> None:
        self.setRowCount(0)
        self._payloads = []
        self.setRowCount(len(rows))
        for r, (cells, payload) in enumerate(rows):
            for c, text in enumerate(cells):
                if text.startswith(LRI) and text.endswith(PDI):  # made by i18n.ltr()
                    item = QTableWidgetItem(text[1:-1])
                    item.setData(LTR_ROLE, True)
                else:
                    item = QTableWidgetItem(text)
                item.setToolTip(item.text())  # the whole text of a narrowed cell
                self.setItem(r, c, item)
            self._payloads.append(payload)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Columns as wide as their content; the rest of the width to the widest column."""
        header = self.horizontalHeader()
        free = [c for c in range(self.columnCount())
                if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive]
        if not free:
            return
        widths = {}
        for c in free:
            content = self.sizeHintForColumn(c) if self.rowCount() else 0
            widths[c] = max(content, header.sectionSizeHint(c), header.minimumSectionSize())
        fixed = sum(header.sectionSize(c) for c in range(self.columnCount()) if c not in widths)
        room = self.viewport().width() - fixed - sum(widths.values())
        if self._stretch in widths:
            wide = self._stretch
        elif self.rowCount():
            wide = max(widths, key=lambda c: widths[c])
        else:  # headers only: the first column (a name, a reference), not the longest word
            wide = min(widths)
        if room > 0 or self._stretch is not None:
            # Short of room the free-text column gives way (its cells elide, the tooltip
            # keeps the whole text) rather than the table scrolling sideways.
            widths[wide] = max(widths[wide] + room, header.sectionSizeHint(wide), 120)
        for c, w in widths.items():
            header.resizeSection(c, w)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if self.refit_on_resize:
            self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        # The viewport also changes size without the table (the header's height settling).
        if event.type() == QEvent.Type.Resize:
            self._place_empty_sentence()
        return super().viewportEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt naming)
        # Scrolling moves the viewport's children; the sentence stays where the rows start.
        super().scrollContentsBy(dx, dy)
        self._place_empty_sentence()

    def selectRow(self, row: int) -> None:  # noqa: N802 (Qt naming)
        # QTableView.selectRow goes through visual geometry, which in a right-to-left
        # layout selects nothing until the view has been laid out; select the model row.
        index = self.model().index(row, 0)
        if index.isValid():
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.selectionModel().setCurrentIndex(index, flags)

    def row_data(self, row: int | None = None) -> object:
        if row is None:
            selected = self.selectionModel().selectedRows()
            row = selected[0].row() if selected else self.currentRow()
        r = row
        return self._payloads[r] if 0 <= r < len(self._payloads) else None
