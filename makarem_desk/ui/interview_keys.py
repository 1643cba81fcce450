"""The interview wizard from the keyboard alone (issue 12): Enter presses the default
button and advances a valid step, Tab goes round the step in reading order.

A mixin of ``InterviewView``: Qt calls these overrides on the view itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QStackedWidget, QWidget

from .reading_order import focus_chain
from .widgets import Table

if TYPE_CHECKING:
    from .interview_pages import InterviewPage


class WizardKeys:
    stack: QStackedWidget
    drafts: Table
    page: InterviewPage | None

    if TYPE_CHECKING:  # provided by InterviewView and QWidget; never shadowed at run time
        def start_new(self) -> None: ...
        def resume_selected(self) -> None: ...
        def next(self) -> None: ...
        def isAncestorOf(self, child: QWidget) -> bool: ...  # noqa: N802
        def isRightToLeft(self) -> bool: ...  # noqa: N802

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter presses the default button: "Start a new interview" (a draft chosen in the
        table: resume it), in a step the focused button, else Next. Reaches here only when
        the focused widget did not take Enter (a multi-line answer keeps its new line)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == \
            Qt.KeyboardModifier.NoModifier
        if not (enter and plain):
            super().keyPressEvent(event)  # type: ignore[misc]
            return
        event.accept()
        focused = QApplication.focusWidget()
        if self.stack.currentIndex() == 0:
            if focused is self.drafts and self.drafts.row_data() is not None:
                self.resume_selected()
            else:
                self.start_new()
            return
        # A focused action button is pressed; a toggle ("New beneficiary") is an answer,
        # chosen with Space, and Enter goes on with it.
        if isinstance(focused, QPushButton) and focused.isEnabled() and \
                not focused.isCheckable() and self.isAncestorOf(focused):
            focused.click()
            return
        if self._search_on_enter(focused):
            return
        self.next()

    def _search_on_enter(self, focused: QWidget | None) -> bool:
        """In the identify step's search box Enter searches at once: one person found is
        chosen and the step goes on; several: the first is selected in the results."""
        from .interview_pages import IdentifyPage

        page = self.page
        if not isinstance(page, IdentifyPage) or focused is not page.query \
                or not page.query.text().strip():
            return False
        page.timer.stop()
        page.search()
        if page.results.rowCount() == 1:
            return False  # chosen by the search: Next
        if page.results.rowCount() > 1:
            page.results.setFocus()
            page.results.selectRow(0)
        return True

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt naming)
        """Tab in the wizard: the fields and buttons of the step in reading order (right to
        left in Arabic), round and round; never out to the side bar or Sign out."""
        if self.stack.currentIndex() != 1:
            return bool(super().focusNextPrevChild(next))  # type: ignore[misc]
        page = self.stack.currentWidget()
        chain = focus_chain(page, self.isRightToLeft()) if page is not None else []
        if not chain:
            return bool(super().focusNextPrevChild(next))  # type: ignore[misc]
        focused = QApplication.focusWidget()
        at = chain.index(focused) if focused in chain else (-1 if next else 0)
        target = chain[(at + (1 if next else -1)) % len(chain)]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True
