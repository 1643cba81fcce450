"""The Tab chain of a page in reading order: lines from top to bottom, and in each line
from the right in Arabic (from the left in English).

Qt's own chain follows the order the widgets were created, which is neither the order on
screen nor the same in both languages.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget


def _takes_tab(w: QWidget, top: QWidget) -> bool:
    # A scroll area holding the step is a frame, not a field.
    return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.isEnabled() \
        and w.isVisibleTo(top) and w.focusProxy() is None and not isinstance(w, QScrollArea)


def _group_stand_in(w: QWidget) -> bool:
    """In a group of exclusive answers only one button is a Tab stop (the chosen one, else
    the first); the arrow keys move between the others, as everywhere in Qt."""
    if not isinstance(w, QAbstractButton):
        return True
    group = w.group()
    if group is None or not group.exclusive():
        return True
    checked = group.checkedButton()
    if checked is not None:
        return checked is w
    return bool(group.buttons()) and group.buttons()[0] is w


def focus_chain(top: QWidget, right_to_left: bool) -> list[QWidget]:
    """The widgets of ``top`` that Tab stops at, in reading order."""
    found = [w for w in top.findChildren(QWidget) if _takes_tab(w, top) and _group_stand_in(w)]
    rects = {id(w): QRect(w.mapTo(top, QPoint(0, 0)), w.size()) for w in found}
    found.sort(key=lambda w: rects[id(w)].center().y())
    lines: list[list[QWidget]] = []
    bottom = -1
    for w in found:
        r = rects[id(w)]
        # A widget whose middle is above the bottom of the line's first one is on that line.
        if lines and r.center().y() <= bottom:
            lines[-1].append(w)
        else:
            lines.append([w])
            bottom = r.bottom()
    chain: list[QWidget] = []
    for line in lines:
        line.sort(key=lambda w: -rects[id(w)].right() if right_to_left else rects[id(w)].left())
        chain.extend(line)
    return chain
