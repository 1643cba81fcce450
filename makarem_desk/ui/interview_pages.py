"""The interview pages that are more than a list of items: finding the beneficiary, their
personal data, and the satisfaction rating; and ``InterviewPage``, what the wizard asks of
the page of any step."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..checklists.model import Item
from ..errors import UserError
from ..interview.answers import FieldError
from ..search import SearchHit
from ..services.beneficiaries import BeneficiaryView
from ..validation.phone import format_phone
from ..values import Gender, IdentityType
from .dialogs import user_message
from .fields import DateField, LtrLineEdit, show_check
from .i18n import current_language, ltr
from .interview_items import ItemsPage, PageBasics
from .nationality_box import NationalityBox
from .profile_view import identity_label
from .widgets import Table, hint

if TYPE_CHECKING:
    from .preview import PdfPreview


class InterviewPage(Protocol):
    """The page of one interview step, as the wizard (``InterviewView``) drives it. Every
    page class implements all of it, so a misspelt or missing method is a type error, not
    a page that silently shows nothing (issue 12); ``PAGE_BUILDERS`` in
    ``interview_steps`` says which page each step gets."""

    def widget(self) -> QWidget:
        """The page itself, as shown in the wizard's scroll area."""
        ...

    def first_focus(self) -> QWidget | None:
        """Where the cursor goes when the step opens (None: the page itself)."""
        ...

    def answers(self) -> dict[str, Any]:
        """The values typed, as ``InterviewSession.complete`` takes them; may raise
        ``StepInvalid`` for what only the page can see (an empty signature)."""
        ...

    def set_answers(self, values: dict[str, Any]) -> None:
        """Show values saved before (going back, a resumed draft) or suggested."""
        ...

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        """Show the flow's problems at their fields; returns those shown nowhere."""
        ...

    def document(self) -> PdfPreview | None:
        """The paper of the step that Ctrl+P prints, if it has one."""
        ...


class IdentifyPage(PageBasics, QWidget):
    """A returning beneficiary is found by identity number, phone or name; or a new one."""

    changed = Signal()

    def __init__(self, find: Callable[[str], Sequence[BeneficiaryView | SearchHit]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._find = find
        self.choice: dict[str, Any] = {}
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Identity number, phone or name…"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.results = Table([self.tr("Name"), self.tr("Identity number"), self.tr("Phone")])
        self.results.itemSelectionChanged.connect(self._picked)
        self.new_button = QPushButton(self.tr("New beneficiary — not registered before"))
        self.new_button.setCheckable(True)
        self.new_button.toggled.connect(self._new_toggled)
        self.chosen = QLabel()
        self.chosen.setObjectName("hint")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        lay = QVBoxLayout(self)
        lay.addWidget(hint(self.tr("Ask for the identity number first; search by name or "
                                   "phone if the applicant has no card with them.")))
        lay.addWidget(self.query)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.new_button)
        lay.addWidget(self.chosen)
        lay.addWidget(self.error)
        self.setFocusProxy(self.query)

    def search(self) -> None:
        text = self.query.text().strip()
        hits = self._find(text) if text else []
        rows = []
        for h in hits:
            bid = h.beneficiary_id if isinstance(h, SearchHit) else h.id
            rows.append(([h.full_name, ltr(h.identity_number or ""), ltr(h.phone or "")],
                         (bid, h.full_name)))
        self.results.set_rows(rows)
        if len(rows) == 1:
            self.results.selectRow(0)

    def _picked(self) -> None:
        data = self.results.row_data()
        if isinstance(data, tuple):
            self.new_button.setChecked(False)
            self.choice = {"beneficiary_id": str(data[0])}
            self.chosen.setText(self.tr("Chosen: %1").replace("%1", data[1]))
            self.changed.emit()

    def choose(self, beneficiary_id: str, name: str) -> None:
        """The person already identified (started from their profile, or answered before
        going back): shown as chosen, Next keeps them."""
        self.choice = {"beneficiary_id": beneficiary_id}
        self.chosen.setText(self.tr("Chosen: %1").replace("%1", name))

    def _new_toggled(self, on: bool) -> None:
        if on:
            self.results.clearSelection()
            self.choice = {"new": True}
            self.chosen.setText(self.tr("A new beneficiary will be registered."))
        elif self.choice.get("new"):
            self.choice = {}
            self.chosen.clear()
        self.changed.emit()

    def first_focus(self) -> QWidget:
        return self.query

    def answers(self) -> dict[str, Any]:
        return dict(self.choice)

    def set_answers(self, values: dict[str, Any]) -> None:
        """A new beneficiary chosen before shows as chosen again; a returning one is shown
        by ``choose`` (the page knows ids, not names)."""
        if values.get("new") is True:
            self.new_button.setChecked(True)

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        arabic = current_language() == "ar"
        self.error.setText("\n".join(e.message_ar if arabic else e.message for e in errors))
        return []


class PersonalPage(PageBasics, QWidget):
    """POL-H2: the applicant's data, checked at each field as it is typed."""

    TEXT_FIELDS = ("first_name", "father_name", "grandfather_name", "family_name",
                   "latin_name", "city", "district", "notes", "verifying_partner",
                   "partner_reference")

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        names = QHBoxLayout()
        for key, label in (("first_name", self.tr("First name")),
                           ("father_name", self.tr("Father's name")),
                           ("grandfather_name", self.tr("Grandfather's name")),
                           ("family_name", self.tr("Family name"))):
            e = QLineEdit()
            e.setPlaceholderText(label)
            e.setAccessibleName(label)
            self.editors[key] = e
            names.addWidget(e)
        self._row(self.tr("Name (four parts)"), names, "first_name",
                  also=("father_name", "grandfather_name", "family_name"))
        latin = LtrLineEdit()
        self.editors["latin_name"] = latin
        self._row(self.tr("Name in Latin letters"), latin, "latin_name")
        id_type = QComboBox()
        for kind in IdentityType:
            id_type.addItem(identity_label(kind), kind.value)
        id_type.currentIndexChanged.connect(lambda _i: self._identity_type_changed())
        id_type.currentIndexChanged.connect(lambda _i: self._recheck("identity_number"))
        self.editors["identity_type"] = id_type
        self._row(self.tr("Identity document"), id_type, "identity_type")
        number = LtrLineEdit()
        number.setMaxLength(20)
        self.editors["identity_number"] = number
        self._row(self.tr("Identity number"), number, "identity_number")
        expiry = DateField()
        self.editors["identity_expiry"] = expiry
        self._row(self.tr("Identity expiry"), expiry, "identity_expiry")
        partner, partner_ref = QLineEdit(), LtrLineEdit()
        self.editors["verifying_partner"] = partner
        self.editors["partner_reference"] = partner_ref
        self._row(self.tr("Verifying partner (no identity)"), partner, "verifying_partner")
        self._row(self.tr("Partner's reference"), partner_ref, "partner_reference")
        gender = QComboBox()
        gender.addItem("—", None)
        gender.addItem(self.tr("Male"), Gender.MALE.value)
        gender.addItem(self.tr("Female"), Gender.FEMALE.value)
        self.editors["gender"] = gender
        self._row(self.tr("Gender"), gender, "gender")
        birth = DateField()
        self.editors["birth_date"] = birth
        self._row(self.tr("Date of birth"), birth, "birth_date")
        nationality = NationalityBox(language)
        self.editors["nationality"] = nationality
        self._row(self.tr("Nationality"), nationality, "nationality")
        for key, label in (("phone", self.tr("Phone")), ("phone_alt", self.tr("Other phone")),
                           ("email", self.tr("E-mail"))):
            e = LtrLineEdit()
            self.editors[key] = e
            self._row(label, e, key)
        for key, label in (("city", self.tr("City")), ("district", self.tr("District")),
                           ("notes", self.tr("Notes"))):
            e = QLineEdit()
            self.editors[key] = e
            self._row(label, e, key)
        self._identity_type_changed()
        for key in self._live_checks():
            editor = self.editors[key]
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t, k=key: self.check_field(k))

    @staticmethod
    def _live_checks() -> dict[str, Any]:
        """POL-H2: the same checks the registry applies, run as each field is typed."""
        from ..validation.emails import validate_email
        from ..validation.identity import validate_saudi_id
        from ..validation.names import clean_latin_name, clean_name_part
        from ..validation.phone import normalize_phone

        return {
            "first_name": lambda v: clean_name_part(v, "first_name"),
            "father_name": lambda v: clean_name_part(v, "father_name", required=False),
            "grandfather_name": lambda v: clean_name_part(v, "grandfather_name",
                                                          required=False),
            "family_name": lambda v: clean_name_part(v, "family_name", required=False),
            "latin_name": clean_latin_name,
            "identity_number": validate_saudi_id,
            "phone": normalize_phone,
            "phone_alt": lambda v: normalize_phone(v, field="phone_alt"),
            "email": validate_email,
        }

    def check_field(self, key: str) -> bool:
        """Check one field now; its message (Arabic in the Arabic interface) shows below it."""
        editor = self.editors[key]
        assert isinstance(editor, QLineEdit)
        raw = editor.text().strip()
        label = self.errors[key]
        if key == "identity_number" and self._combo("identity_type") not in (
                IdentityType.CITIZEN_ID.value, IdentityType.IQAMA.value):
            raw = ""  # passports are checked by the registry on Next
        try:
            checked = self._live_checks()[key](raw) if raw else None
        except UserError as exc:
            show_check(editor, label, False, user_message(exc))
            return False
        show_check(editor, label, True, self._confirmation(key, checked))
        return True

    def _recheck(self, key: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QLineEdit) and editor.text().strip():
            self.check_field(key)

    def _confirmation(self, key: str, checked: Any) -> str:
        """The line that says a typed identity number or phone passed its checks."""
        if checked is None:
            return ""
        if key == "identity_number":
            _number, kind = checked
            if kind == IdentityType.CITIZEN_ID:
                return self.tr("Valid national ID (citizen).")
            return self.tr("Valid iqama number (resident).")
        if key in ("phone", "phone_alt"):
            return self.tr("Valid phone number: %1").replace("%1", format_phone(checked))
        return ""

    def _row(self, label: str, field: Any, key: str, also: tuple[str, ...] = ()) -> None:
        err = QLabel()
        err.setObjectName("fieldError")
        err.setWordWrap(True)
        err.hide()
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        if isinstance(field, QWidget):
            v.addWidget(field)
        else:
            v.addLayout(field)
        v.addWidget(err)
        self.form.addRow(label, box)
        for k in (key, *also):
            self.errors[k] = err
            self.rows[k] = box

    def _identity_type_changed(self) -> None:
        none = self._combo("identity_type") == IdentityType.NONE.value
        for key in ("verifying_partner", "partner_reference"):
            self.form.setRowVisible(self.rows[key], none)
        for key in ("identity_number", "identity_expiry"):
            self.form.setRowVisible(self.rows[key], not none)

    def _combo(self, key: str) -> Any:
        w = self.editors[key]
        assert isinstance(w, QComboBox)
        return w.currentData()

    def first_focus(self) -> None:
        return None

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.editors.items():
            if isinstance(w, NationalityBox):
                value = w.code()
            elif isinstance(w, QComboBox):
                value = w.currentData()
            elif isinstance(w, DateField):
                value = w.text().strip() or None
            else:
                assert isinstance(w, QLineEdit)
                value = w.text().strip() or None
            if key in ("first_name", "father_name", "grandfather_name", "family_name"):
                value = value or ""
            out[key] = value
        if out["identity_type"] == IdentityType.NONE.value:
            out["identity_number"] = out["identity_expiry"] = None
        else:
            out.pop("verifying_partner")
            out.pop("partner_reference")
        return out

    def set_answers(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            w = self.editors.get(key)
            if w is None or value is None:
                continue
            if isinstance(value, enum.Enum):  # a saved beneficiary's gender, identity type
                value = value.value
            if isinstance(w, NationalityBox):
                w.set_code(str(value))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            elif isinstance(w, DateField):
                w.setText(value.isoformat() if isinstance(value, date) else str(value))
            elif isinstance(w, QLineEdit):
                w.setText(str(value))
        self._identity_type_changed()

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        arabic = current_language() == "ar"
        for label in set(self.errors.values()):
            label.hide()
        texts: dict[int, list[str]] = {}
        rest: list[FieldError] = []
        for e in errors:
            found = self.errors.get(e.item)
            if found is None:
                rest.append(e)
                continue
            texts.setdefault(id(found), []).append(e.message_ar if arabic else e.message)
            editor = self.editors.get(e.item)
            show_check(editor if isinstance(editor, QLineEdit) else None, found, False,
                       "\n".join(texts[id(found)]))
        return rest


class SatisfactionPage(PageBasics, QWidget):
    """POL-G5: a rating is the beneficiary's right and may be anonymous; never required.
    Best answered by the beneficiary alone (``hand_over``: the survey screen); the fields
    below stay for a rating dictated to the receptionist."""

    hand_over = Signal()

    def __init__(self, items: tuple[Item, ...], language: str, facts: dict[str, Any],
                 today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.hand_over_button = QPushButton(self.tr("Hand the screen to the beneficiary"))
        self.hand_over_button.setObjectName("primary")
        self.hand_over_button.clicked.connect(self.hand_over.emit)
        self.score_group = QButtonGroup(self)
        row = QHBoxLayout()
        for n in range(1, 6):
            b = QRadioButton(str(n))
            self.score_group.addButton(b, n)
            row.addWidget(b)
        row.addStretch(1)
        self.anonymous = QCheckBox(self.tr("Anonymous rating"))
        self.anonymous.setChecked(True)
        self.questions = ItemsPage(items, language, facts, today)
        lay = QVBoxLayout(self)
        lay.addWidget(hint(self.tr("Rating is the beneficiary's right, used to improve the "
                                   "service — never to punish anyone. It is optional.")))
        lay.addWidget(self.hand_over_button, 0, Qt.AlignmentFlag.AlignLeading)
        lay.addWidget(hint(self.tr("The beneficiary answers alone, anonymously unless they "
                                   "choose otherwise; the answers are not shown to you.")))
        lay.addWidget(QLabel(self.tr("Overall rating (1 = poor, 5 = excellent)")))
        lay.addLayout(row)
        lay.addWidget(self.anonymous)
        lay.addWidget(self.questions)
        lay.addStretch(1)

    def first_focus(self) -> None:
        return None  # the page: Enter goes on without a rating, never hands the screen over

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        return self.questions.show_errors(errors)

    def answers(self) -> dict[str, Any]:
        return {"score": self.score_group.checkedId() if self.score_group.checkedId() > 0
                else None, "anonymous": self.anonymous.isChecked(),
                "answers": self.questions.answers()}

    def set_answers(self, values: dict[str, Any]) -> None:
        button = self.score_group.button(values.get("score") or 0)
        if button is not None:
            button.setChecked(True)
        if isinstance(values.get("anonymous"), bool):
            self.anonymous.setChecked(values["anonymous"])
        self.questions.set_answers(dict(values.get("answers") or {}))
