"""Entry that prevents mistakes (issue 12): one date field with a two-calendar picker in
the interview, a searchable nationality list, live identity-number and phone feedback."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from makarem_desk.checklists.model import Item
from makarem_desk.countries import countries, for_language
from makarem_desk.ui.date_picker import DatePicker
from makarem_desk.ui.fields import DateField
from makarem_desk.ui.interview_items import ItemsPage
from makarem_desk.ui.interview_pages import PersonalPage
from makarem_desk.ui.nationality_box import NationalityBox
from makarem_desk.validation.dates import format_both
from makarem_desk.validation.identity import luhn_check_digit

ARABIC = range(0x0600, 0x0700)


def type_keys(widget: QWidget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def has_arabic(text: str) -> bool:
    return any(ord(c) in ARABIC for c in text)


def test_country_data_is_every_iso_code_with_both_names() -> None:
    rows = countries()
    codes = [c.code for c in rows]
    assert len(codes) == len(set(codes)) == 250  # ISO 3166-1 and Kosovo (XK)
    assert all(len(c) == 2 and c.isascii() and c.isupper() for c in codes)
    assert all(has_arabic(c.ar) and c.en.strip() for c in rows)
    by = {c.code: c for c in rows}
    assert by["SA"].ar == "المملكة العربية السعودية" and by["EG"].en == "Egypt"
    ar = for_language("ar")
    assert ar[0].code == "SA" and ar[1].ar.startswith(("أ", "إ", "آ", "ا"))
    assert for_language("en")[1].en == "Afghanistan"


def test_nationality_is_searched_by_name_and_stored_as_code(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    box = NationalityBox("ar")
    qtbot.addWidget(box)
    assert box.itemText(0) == "المملكة العربية السعودية" and box.code() == "SA"
    completer = box.completer()
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    completer.setCompletionPrefix("يمن")  # part of the name, not its start
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "اليمن"
    box.setEditText("اليمن")
    assert box.code() == "YE"
    box.setEditText("eg")  # the code itself is understood too
    assert box.code() == "EG"
    box.setEditText("بلاد لا وجود لها")
    assert box.code() == "بلاد لا وجود لها"  # the registry then rejects it, with a message
    box.setEditText("")
    assert box.code() is None
    english = NationalityBox("en")
    qtbot.addWidget(english)
    english.completer().setCompletionPrefix("gyp")
    assert english.completer().currentCompletion() == "Egypt"
    assert english.itemText(0) == "Saudi Arabia"


def test_personal_page_stores_the_code_of_the_chosen_country(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = PersonalPage("ar")
    qtbot.addWidget(page)
    box = page.editors["nationality"]
    assert isinstance(box, NationalityBox)
    assert page.answers()["nationality"] == "SA"
    box.setCurrentIndex(box.findData("PK"))
    assert box.currentText() == "باكستان" and page.answers()["nationality"] == "PK"
    page.set_answers({"nationality": "EG"})
    assert box.currentText() == "مصر" and page.answers()["nationality"] == "EG"


def identity_line(page: PersonalPage, typed: str) -> tuple[str, str, bool]:
    editor = page.editors["identity_number"]
    editor.setText("")  # type: ignore[attr-defined]
    type_keys(editor, typed)
    line = page.errors["identity_number"]
    return line.text(), line.objectName(), bool(editor.property("invalid"))


def test_identity_number_feedback_names_the_failing_rule(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = PersonalPage("ar")
    qtbot.addWidget(page)
    good = "100000000" + luhn_check_digit("100000000")
    bad_check = good[:9] + str((int(good[9]) + 1) % 10)
    resident = "200000000" + luhn_check_digit("200000000")
    short, short_kind, short_red = identity_line(page, "١٠٠")  # Arabic-Indic digits
    assert page.editors["identity_number"].text() == "100"  # type: ignore[attr-defined]
    assert "١٠ أرقام" in short and short_kind == "fieldError" and short_red
    first, _, _ = identity_line(page, "3" + good[1:])
    assert "يبدأ بالرقم" in first
    check, _, check_red = identity_line(page, bad_check)
    assert "خانة التحقق" in check and check_red
    assert len({short, first, check}) == 3  # each rule has its own sentence
    full_width = good.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    ok, ok_kind, ok_red = identity_line(page, full_width)
    assert page.editors["identity_number"].text() == good  # type: ignore[attr-defined]
    assert ok == "هوية وطنية صحيحة (مواطن)." and ok_kind == "fieldOk" and not ok_red
    assert identity_line(page, resident)[0] == "رقم إقامة صحيح (مقيم)."
    # Typing goes on past a failing rule: nothing is refused or cut.
    text, _, red = identity_line(page, good + "7")
    assert page.editors["identity_number"].text() == good + "7" and red  # type: ignore[attr-defined]


def test_phone_feedback_as_typed(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = PersonalPage("ar")
    qtbot.addWidget(page)
    phone = page.editors["phone"]
    line = page.errors["phone"]
    type_keys(phone, "٠٥٥")
    assert line.objectName() == "fieldError" and has_arabic(line.text())
    assert phone.property("invalid") is True
    type_keys(phone, "１２３４５６７")  # full-width digits
    assert phone.text() == "0551234567"  # type: ignore[attr-defined]
    assert line.objectName() == "fieldOk" and phone.property("invalid") is False
    assert "رقم جوال صحيح" in line.text() and "055 123 4567" in line.text()


def test_interview_dates_take_both_calendars_and_the_picker(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    page = PersonalPage("ar")
    qtbot.addWidget(page)
    birth = page.editors["birth_date"]
    assert isinstance(birth, DateField) and isinstance(birth.picker, DatePicker)
    assert isinstance(page.editors["identity_expiry"], DateField)
    type_keys(birth.editor, "1410/07/03")
    assert birth.date() == date(1990, 1, 29) and "1990" in birth.other.text()
    birth.editor.setText("")
    type_keys(birth.editor, "1990-01-29")
    assert "1410" in birth.other.text()
    birth.picker.popup.aboutToShow.emit()  # the calendar opens on the typed day
    assert birth.picker.calendar.selectedDate() == QDate(1990, 1, 29)
    assert birth.picker.hijri.text() == format_both(date(1990, 1, 29), "ar")
    birth.picker.calendar.clicked.emit(QDate(1991, 3, 4))
    assert birth.date() == date(1991, 3, 4) and page.answers()["birth_date"] == "1991-03-04"


def test_a_checklist_date_is_the_same_field_and_a_pick_counts(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    item = Item(id="visit_day", kind="date", label_ar="يوم الزيارة", label_en="Visit day")
    items = ItemsPage([item], "ar", {}, date(2026, 11, 30))
    qtbot.addWidget(items)
    field = items.widgets["visit_day"].editor
    assert isinstance(field, DateField)
    with qtbot.waitSignal(items.changed, timeout=1000):
        field.picker.calendar.clicked.emit(QDate(2026, 11, 29))
    assert items.answers() == {"visit_day": "2026-11-29"}
    field.editor.setText("")
    type_keys(field.editor, "1410/07/03")
    assert items.answers() == {"visit_day": "1990-01-29"}  # 3 Rajab 1410 (Umm al-Qura)
