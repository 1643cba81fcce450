"""Widgets for the items of the forms/ definitions, one per item kind.

Each widget gives its answer in the JSON form the flow expects (see
``makarem_desk.interview.answers``) and shows the flow's own message for it.  The page
re-evaluates which items are shown and checks the answers as the receptionist types.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..checklists.model import Item
from ..interview.answers import FieldError, check_answers, shown
from .fields import DateField, LtrLineEdit

if TYPE_CHECKING:
    from .preview import PdfPreview

LABEL_MIN_WIDTH, LABEL_MAX_WIDTH = 180, 320


class ItemWidget(QWidget):
    changed = Signal()

    def __init__(self, item: Item, language: str, text: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.language = language
        self.touched = False
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self._value_fn: Callable[[], Any]
        self._set_fn: Callable[[Any], None]
        self.editor = self._build(item, text, lay)
        help_text = item.help_ar if language == "ar" else item.help_en
        if help_text:
            h = QLabel(help_text)
            h.setObjectName("hint")
            h.setWordWrap(True)
            lay.addWidget(h)
        lay.addWidget(self.error)
        self.setFocusProxy(self.editor)

    def _emit(self) -> None:
        self.touched = True
        self.changed.emit()

    def _radios(self, lay: QVBoxLayout, choices: Sequence[tuple[str, Any]]) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(box)
        buttons = []
        for label, answer in choices:
            b = QRadioButton(label)
            b.setProperty("answer", answer)
            group.addButton(b)
            row.addWidget(b)
            buttons.append(b)
        row.addStretch(1)
        group.buttonClicked.connect(lambda _b: self._emit())
        self._group = group

        def value() -> Any:
            checked = group.checkedButton()
            return checked.property("answer") if checked else None

        def set_value(v: Any) -> None:
            for b in buttons:
                if b.property("answer") == v:
                    b.setChecked(True)

        self._value_fn, self._set_fn = value, set_value
        lay.addWidget(box)
        box.setFocusProxy(buttons[0])
        return box

    def _build(self, item: Item, text: str, lay: QVBoxLayout) -> QWidget:
        if item.kind == "yes_no":
            return self._radios(lay, [(self.tr("Yes"), True), (self.tr("No"), False)])
        if item.kind == "document":
            return self._radios(lay, [(self.tr("Provided"), "provided"),
                                      (self.tr("Missing"), "missing")])
        if item.kind == "signature":
            return self._radios(lay, [(self.tr("Signed on screen"), "on_screen"),
                                      (self.tr("Signed on paper"), "on_paper")])
        if item.kind == "statement":
            said = QLabel(text or (item.text_ar if self.language == "ar" else item.text_en))
            said.setWordWrap(True)
            said.setObjectName("statement")
            lay.addWidget(said)
            box = QCheckBox(self.tr("Said to the applicant and confirmed"))
            box.toggled.connect(lambda _c: self._emit())
            self._value_fn = lambda: True if box.isChecked() else None
            self._set_fn = lambda v: box.setChecked(bool(v))
            lay.addWidget(box)
            return box
        if item.kind == "choice":
            combo = QComboBox()
            combo.addItem("—", None)
            for o in item.options:
                combo.addItem(o.label_ar if self.language == "ar" else o.label_en, o.value)
            combo.activated.connect(lambda _i: self._emit())
            self._value_fn = combo.currentData
            self._set_fn = lambda v: combo.setCurrentIndex(max(0, combo.findData(v)))
            lay.addWidget(combo)
            return combo
        if item.kind == "date":
            field = DateField()
            field.editor.textEdited.connect(lambda _t: self._emit())
            field.picker.picked.connect(lambda _d: self._emit())  # picked, not typed

            def date_value() -> Any:
                raw = field.text().strip()
                if not raw:
                    return None
                try:
                    d = field.date()
                except Exception:
                    return raw  # the flow reports it with its own message
                return d.isoformat() if isinstance(d, date) else raw

            self._value_fn = date_value
            self._set_fn = lambda v: field.setText(str(v or ""))
            lay.addWidget(field)
            return field
        editor: QLineEdit = LtrLineEdit() if item.kind == "number" else QLineEdit()
        max_len = item.validation.get("max_length")
        if isinstance(max_len, int):
            editor.setMaxLength(max_len)
        editor.textEdited.connect(lambda _t: self._emit())
        if item.kind == "number":
            def number() -> Any:
                raw = editor.text().strip()
                if not raw:
                    return None
                try:
                    return int(raw)
                except ValueError:
                    try:
                        return float(raw)
                    except ValueError:
                        return raw
            self._value_fn = number
        else:
            self._value_fn = lambda: editor.text().strip() or None
        self._set_fn = lambda v: editor.setText("" if v is None else str(v))
        lay.addWidget(editor)
        return editor

    def value(self) -> Any:
        return self._value_fn()

    def set_value(self, value: Any) -> None:
        if value is not None:
            self._set_fn(value)

    def show_error(self, error: FieldError | None) -> None:
        if error is None:
            self.error.hide()
        else:
            self.error.setText(error.message_ar if self.language == "ar" else error.message)
            self.error.show()


class PageBasics:
    """For a page of the wizard that is its own widget and shows no paper: the two plain
    methods of ``interview_pages.InterviewPage`` (mixed in before ``QWidget``)."""

    def widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def document(self) -> PdfPreview | None:
        return None


class ItemsPage(PageBasics, QWidget):
    """The items of one step: conditions re-evaluated and answers checked on every change."""

    changed = Signal()

    def __init__(self, items: Sequence[Item], language: str, facts: dict[str, Any],
                 today: date, statement_text: Callable[[Item], str] | None = None,
                 context: dict[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.items = list(items)
        # Earlier answers the conditions of this step may refer to (documents see the
        # eligibility answers), exactly as the flow evaluates them.
        self.context = dict(context or {})
        self.language = language
        self.facts = facts
        self.today = today
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.widgets: dict[str, ItemWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for item in self.items:
            text = statement_text(item) if (statement_text and item.kind == "statement") else ""
            w = ItemWidget(item, language, text)
            label = QLabel(item.label(language) + ("" if item.required else
                                                   " " + self.tr("(optional)")))
            label.setWordWrap(True)
            # A word-wrapped label in a form row reports a width hint of its unwrapped
            # text; bounding the column keeps long questions from running under the
            # answer buttons.
            label.setMinimumWidth(LABEL_MIN_WIDTH)
            label.setMaximumWidth(LABEL_MAX_WIDTH)
            label.setBuddy(w.editor)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.form.addRow(label, w)
            self.widgets[item.id] = w
            self.labels[item.id] = label
            w.changed.connect(self._changed)
        self.refresh_visibility()

    def raw_answers(self) -> dict[str, Any]:
        return {k: w.value() for k, w in self.widgets.items() if w.value() is not None}

    def answers(self) -> dict[str, Any]:
        raw = self.raw_answers()
        visible = {i.id for i in shown(self.items, {**self.context, **raw}, self.facts)}
        return {k: v for k, v in raw.items() if k in visible}

    def set_answers(self, answers: dict[str, Any]) -> None:
        for k, v in answers.items():
            if k in self.widgets:
                self.widgets[k].set_value(v)
        self.refresh_visibility()

    def refresh_visibility(self) -> None:
        visible = {i.id for i in shown(self.items, {**self.context, **self.raw_answers()},
                                       self.facts)}
        for k, w in self.widgets.items():
            on = k in visible
            self.form.setRowVisible(w, on)

    def _changed(self) -> None:
        self.refresh_visibility()
        self.check(only_touched=True)
        self.changed.emit()

    def check(self, only_touched: bool = False) -> list[FieldError]:
        """Show the flow's messages at the fields; returns them."""
        _clean, errors = check_answers(self.items, self.answers(), self.facts, self.today,
                                       self.context)
        by_item = {e.item: e for e in errors}
        for k, w in self.widgets.items():
            if only_touched and not w.touched:
                continue
            w.show_error(by_item.get(k))
        return errors

    def show_errors(self, errors: Sequence[FieldError]) -> list[FieldError]:
        """Errors from the flow after Next; returns those not shown at a field."""
        by_item = {e.item: e for e in errors}
        for k, w in self.widgets.items():
            w.show_error(by_item.get(k))
        return [e for e in errors if e.item not in self.widgets]

    def first_widget(self) -> QWidget | None:
        for item in shown(self.items, {**self.context, **self.raw_answers()}, self.facts):
            return self.widgets[item.id]
        return None

    def first_focus(self) -> QWidget | None:  # as the page of a step
        return self.first_widget()
