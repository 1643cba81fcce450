"""Start-up, first-run set-up, log-in, the main window and its screens, language switch."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

from conftest import ADMIN_PW, RECEPTION_PW
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from makarem_desk.models import Channel, Role
from makarem_desk.services.auth import AuthService
from makarem_desk.ui.bus import EventBus
from makarem_desk.ui.context import AppContext
from makarem_desk.ui.dialogs import RecordingDialogs
from makarem_desk.ui.i18n import current_language
from makarem_desk.ui.main import Desk
from makarem_desk.ui.tasks import TaskRunner

REPO = Path(__file__).resolve().parents[2]
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360"
    "f8ffff3f0005fe02fea7d6a4a50000000049454e44ae426082"
)


def type_keys(widget: QLineEdit, text: str) -> None:
    """Per-character key events with the text set (Arabic-safe, unlike keyClicks)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_first_run_setup_then_login_then_main_window(qtbot, db, desk_app) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(db=db, bus=EventBus(), tasks=TaskRunner(synchronous=True),
                     dialogs=RecordingDialogs())
    desk = Desk(desk_app, ctx)
    qtbot.addWidget(desk.start)
    desk.begin()
    page = desk.start.stack.currentWidget()
    from makarem_desk.ui.login_view import LoginPage
    from makarem_desk.ui.setup_view import SetupPage

    assert isinstance(page, SetupPage)
    type_keys(page.association_name, "جمعية مكارم الأخلاق")
    page.association_name_en.setText("Makarem Association")
    type_keys(page.site_code, "ryd1")
    page.admin_full_name.setText("مدير النظام")
    page.admin_username.setText("admin")
    page.admin_password.setText(ADMIN_PW)
    page.admin_password2.setText(ADMIN_PW)
    assert page.submit() is None and "لجنة البحث" in page.error.text()  # role not chosen
    page.role_buttons["site"].click()
    page.admin_password2.setText(ADMIN_PW + "x")
    assert page.submit() is None and page.error.text()  # passwords differ: nothing saved
    assert ctx.setup.needs_setup()
    page.admin_password2.setText(ADMIN_PW)
    page.set_logo(PNG_1PX)
    info = page.submit()
    assert info is not None and info.id == "RYD1" and info.logo_png == PNG_1PX
    assert info.role == "site"
    login = desk.start.stack.currentWidget()
    assert isinstance(login, LoginPage)
    login.username.setText("admin")
    login.password.setText("wrong-password")
    assert login.submit() is None
    assert "غير صحيحة" in login.error.text()  # Arabic message at the field
    login.password.setText(ADMIN_PW)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert desk.main is not None
    qtbot.addWidget(desk.main)
    assert ctx.actor is not None and ctx.actor.role is Role.ADMINISTRATOR
    for key in desk.main.pages:
        desk.main.show_page(key)
    assert ctx.dialogs.raised == []


def test_language_switch_flips_direction_and_is_saved(qtbot, ctx, desk_app) -> None:  # type: ignore[no-untyped-def]
    desk = Desk(desk_app, ctx)
    qtbot.addWidget(desk.start)
    window = desk.open_main("settings")
    assert desk_app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.buttons["today"].text() == "اليوم"
    settings = window.page("settings")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    settings.change_language()
    assert current_language() == "en"
    assert desk_app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert desk.main is not None and desk.main is not window
    qtbot.addWidget(desk.main)
    assert desk.main.buttons["today"].text() == "Today"
    assert desk.main.current_key() == "settings"
    assert AuthService(ctx.db).get(ctx.actor, ctx.actor.user_id).language == "en"
    desk.change_language("ar")
    assert desk.main.buttons["today"].text() == "اليوم"


def test_identity_phone_fields_are_ltr_and_fold_arabic_digits(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.fields import DateField, identity_field, phone_field

    ident = identity_field()
    qtbot.addWidget(ident)
    assert ident.editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    type_keys(ident.editor, "١٠٠٠٠٠٠٠٠٨")
    assert ident.editor.text() == "1000000008"
    assert ident.is_valid() and ident.value() == "1000000008"
    type_keys(ident.editor, "٥")
    assert not ident.is_valid() and ident.message.text()  # 11 digits: said at the field
    phone = phone_field()
    qtbot.addWidget(phone)
    type_keys(phone.editor, "٠٥٥١٢٣٤٥٦٧")
    assert phone.value() == "+966551234567"
    date_field = DateField()
    qtbot.addWidget(date_field)
    type_keys(date_field.editor, "1448/05/27")
    assert date_field.date() is not None and "2026" in date_field.other.text()
    date_field.setText("2026-11-29")
    assert "1448" in date_field.other.text()  # the Hijri date beside the Gregorian one


def test_contact_on_another_channel_and_referral_answer(qtbot, ctx, db) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.contact_view import ContactView
    from makarem_desk.ui.referrals_view import ReferralsView

    view = ContactView(ctx)
    qtbot.addWidget(view)
    view.channel.setCurrentIndex(view.channel.findData(Channel.PHONE.value))
    assert view.save() is None and view.error.text()  # no caller, no purpose
    view.caller.setText("سارة محمد")
    view.purpose.setText("الاستفسار عن برامج التدريب")
    view.answer.setPlainText("شرحت لها البرامج المتاحة وطريقة التسجيل")
    view.follow_up.setChecked(True)
    cid = view.save()
    assert isinstance(cid, uuid.UUID)
    got = ctx.interview.contacts.get(ctx.actor, cid)
    assert got.channel is Channel.PHONE and got.follow_up_needed

    # POL-H3: the contact just saved is referred, with its reason code.
    ctx.dialogs.referral_answers = [("unclear_procedure", "الإجراءات غير واضحة للمستفيد")]
    rid = view.refer()
    assert isinstance(rid, uuid.UUID) and not view.refer_button.isEnabled()
    assert ctx.interview.referrals.get(ctx.actor, rid).contact_id == cid
    inbox = ReferralsView(ctx)
    qtbot.addWidget(inbox)
    inbox.refresh()
    assert inbox.table.rowCount() == 1
    inbox.table.selectRow(0)
    inbox.answer_box.setPlainText("شرح الباحث الإجراءات للمستفيد")
    inbox.answer_selected()  # a receptionist may not answer (POL-H3 is the researcher's)
    assert ctx.interview.referrals.get(ctx.actor, rid).answer is None
    assert "صلاحيتك" in inbox.status.text()
    auth = AuthService(db)
    auth.create_user(auth.login("admin", ADMIN_PW), "khalid", "خالد العتيبي",
                     Role.SOCIAL_RESEARCHER, RECEPTION_PW)
    ctx.actor = auth.login("khalid", RECEPTION_PW)
    inbox.answer_selected()
    assert ctx.interview.referrals.get(ctx.actor, rid).answer == "شرح الباحث الإجراءات للمستفيد"
    assert inbox.table.rowCount() == 0


def test_self_test_command_exits_zero(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"QT_QPA_PLATFORM": "offscreen", "MAKAREM_DATA_DIR": str(tmp_path),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "makarem_desk", "--self-test"], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "screens opened" in proc.stderr
    # Export, import and reports run in a worker process: this program, started again.
    assert "self-test: worker process answered" in proc.stderr
    for screen in ("today", "interview", "contact", "search", "profile", "referrals",
                   "settings"):
        assert screen in proc.stderr


def test_a_broken_screen_does_not_take_the_window_down(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from makarem_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)

    def broken() -> QLabel:
        raise RuntimeError("no such module")

    window.factories["referrals"] = broken
    page = window.show_page("referrals")
    assert isinstance(page, QLabel) and "تعذّر" in page.text()
    assert "referrals" in window.failed
    assert window.show_page("search") is not None  # the rest still works


def test_login_form_works_before_the_database_is_open(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.login_view import LoginPage
    from makarem_desk.ui.main import DatabaseOpener

    page = LoginPage(None)
    qtbot.addWidget(page)
    page.username.setText("reem")
    page.password.setText(RECEPTION_PW)
    with qtbot.assertNotEmitted(page.signed_in):
        assert page.submit() is None  # pressed while the database is still opening
    assert page.error.text()
    opener = DatabaseOpener(str(ctx.db.url))
    with qtbot.waitSignal(opener.opened, timeout=10000) as opened:
        opener.start()
    ctx.db = opened.args[0]
    with qtbot.waitSignal(page.signed_in, timeout=5000) as signed:
        page.attach(ctx)  # the sign-in asked earlier goes through now
    assert signed.args[0].username == "reem"
    assert "مكارم" in page.title.text()


def test_personal_data_is_checked_at_the_field_as_typed(qtbot, desk_app) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.interview_pages import PersonalPage

    page = PersonalPage("ar")
    qtbot.addWidget(page)
    number = page.editors["identity_number"]
    type_keys(number, "١٠٠٠٠٠٠٠٠٩")  # Arabic-Indic digits, wrong check digit
    assert number.text() == "1000000009"
    assert not page.errors["identity_number"].isHidden()
    assert any("\u0600" <= c <= "\u06ff" for c in page.errors["identity_number"].text())
    number.setText("")
    type_keys(number, "1000000008")
    assert page.errors["identity_number"].objectName() == "fieldOk"  # says it passed
    type_keys(page.editors["phone"], "12")
    assert not page.errors["phone"].isHidden()
    type_keys(page.editors["email"], "not-an-address")
    assert not page.errors["email"].isHidden()


def test_today_cards_lead_to_their_rows(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    today = window.page("today")
    assert today.figures is not None  # filled on opening (tasks run inline in tests)
    qtbot.mouseClick(today.cards["incomplete"], Qt.MouseButton.LeftButton)
    assert today.tabs.currentIndex() == 2
    today.cards["in_progress"].setFocus()
    qtbot.keyClick(today.cards["in_progress"], Qt.Key.Key_Return)
    assert window.current_key() == "interview"


def test_the_window_fits_a_1366x768_counter_screen_for_an_administrator(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """An administrator has every screen in the bar; the bar's buttons scroll rather than
    make the window taller than the counter's screen (the style sheet's paddings count)."""
    from conftest import ADMIN_PW

    from makarem_desk.services.auth import AuthService
    from makarem_desk.ui.main_window import MainWindow

    ctx.actor = AuthService(ctx.db).login("admin", ADMIN_PW)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    # Every screen an administrator at a counter may use, whatever was imported before.
    assert {"follow_up", "satisfaction", "reports", "admin"} <= set(window.buttons)
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    assert window.minimumSizeHint().height() <= 700
    assert window.height() <= 700
