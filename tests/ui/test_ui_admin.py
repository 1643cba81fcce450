"""The Administration screen (users; keys and trusted installations), the installation
role at set-up and in Settings — driven as an administrator would, dialogs answered from
a script."""

from __future__ import annotations

import json

from conftest import ADMIN_PW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from makarem_desk.models import Role
from makarem_desk.services.auth import AuthService
from makarem_desk.sync.keys import KeyStore
from makarem_desk.ui.admin_keys import KeysPanel
from makarem_desk.ui.admin_users import UsersPanel
from makarem_desk.ui.admin_view import AdminView
from makarem_desk.ui.main_window import MainWindow
from makarem_desk.ui.tasks import TaskRunner
from makarem_desk.ui.widgets import LTR_ROLE

PASSPHRASE = "counter-passphrase"


def _as_admin(ctx):  # type: ignore[no-untyped-def]
    ctx.actor = AuthService(ctx.db).login("admin", ADMIN_PW)
    return ctx


def _admin_view(qtbot, ctx) -> AdminView:  # type: ignore[no-untyped-def]
    view = AdminView(_as_admin(ctx))
    qtbot.addWidget(view)
    return view


def _column(table, header: str) -> int:  # type: ignore[no-untyped-def]
    return next(c for c in range(table.columnCount())
                if table.horizontalHeaderItem(c).text() == header)


def test_only_administrators_see_the_administration_screen(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    clerk_window = MainWindow(ctx)
    qtbot.addWidget(clerk_window)
    assert "admin" not in clerk_window.pages
    window = MainWindow(_as_admin(ctx))
    qtbot.addWidget(window)
    assert window.pages.index("admin") == window.pages.index("settings") - 1
    view = window.show_page("admin")
    assert isinstance(view, AdminView) and view.keys == ["users", "keys", "audit", "forms", "backups"]
    assert window.buttons["admin"].text() == "الإدارة"
    assert isinstance(view.tab("users"), UsersPanel) and view.tab("users").users.rowCount() == 2
    audit = view.show_tab("audit")
    titles = audit.findChildren(QLabel, "pageTitle")
    assert titles and all(t.isHidden() for t in titles)  # the tab names it


def test_users_add_change_role_reset_disable(qtbot, ctx, db) -> None:  # type: ignore[no-untyped-def]
    view = _admin_view(qtbot, ctx)
    panel = view.show_tab("users")
    assert isinstance(panel, UsersPanel)
    table = panel.users
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "الاسم الكامل", "اسم المستخدم", "الصلاحية", "الحالة", "آخر دخول"]
    login_col = _column(table, "اسم المستخدم")
    assert all(table.item(r, login_col).data(LTR_ROLE) for r in range(table.rowCount()))

    panel.new_full_name.setText("خالد العتيبي")
    panel.new_username.setText("khalid")
    panel.new_role.setCurrentIndex(panel.new_role.findData(Role.SOCIAL_RESEARCHER.value))
    panel.new_password.setText("khalid-pass-1")
    panel.new_password2.setText("khalid-pass-2")
    panel.add_user()
    assert "غير متطابقتين" in panel.status.text() and table.rowCount() == 2
    panel.new_password2.setText("khalid-pass-1")
    panel.add_user()
    assert table.rowCount() == 3 and "khalid" in panel.status.text()
    khalid = panel.selected()
    assert khalid is not None and khalid.username == "khalid"  # the new user is selected
    assert AuthService(db).login("khalid", "khalid-pass-1").role is Role.SOCIAL_RESEARCHER

    panel.select_user("reem")
    assert "ريم الدوسري" in panel.selected_label.text()
    panel.role.setCurrentIndex(panel.role.findData(Role.COMMITTEE_MEMBER.value))
    panel.change_role()
    reem = panel.selected()
    assert reem is not None and reem.role is Role.COMMITTEE_MEMBER  # still selected, updated

    ctx.dialogs.ask_answers = ["new-reem-pass", "another-pass"]
    panel.reset_password()
    assert "غير متطابقتين" in panel.status.text()
    ctx.dialogs.ask_answers = ["new-reem-pass", "new-reem-pass"]
    panel.reset_password()
    assert AuthService(db).login("reem", "new-reem-pass").username == "reem"
    assert [kind for kind, _ in ctx.dialogs.shown].count("secret") == 4

    ctx.dialogs.confirm_answer = False
    panel.toggle_active()
    assert panel.selected().active  # type: ignore[union-attr]
    ctx.dialogs.confirm_answer = True
    panel.toggle_active()
    assert not panel.selected().active  # type: ignore[union-attr]
    assert panel.toggle_button.text() == "تفعيل"
    status_col = _column(table, "الحالة")
    assert table.item(table.currentRow(), status_col).text() == "موقوف"
    panel.toggle_active()
    assert panel.selected().active  # type: ignore[union-attr]


def test_the_last_administrator_keeps_the_role_on_screen(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    view = _admin_view(qtbot, ctx)
    panel = view.show_tab("users")
    panel.select_user("admin")
    panel.role.setCurrentIndex(panel.role.findData(Role.RECEPTIONIST.value))
    panel.change_role()
    assert "آخر مدير نظام" in panel.status.text()
    assert panel.role.currentData() == Role.ADMINISTRATOR.value  # the combo is put back
    assert panel.selected().role is Role.ADMINISTRATOR  # type: ignore[union-attr]


def test_keys_create_export_and_trust(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx.keys_dir = tmp_path / "keys"
    view = _admin_view(qtbot, ctx)
    panel = view.show_tab("keys")
    assert isinstance(panel, KeysPanel)
    assert panel.fingerprint.text() == "لا توجد مفاتيح بعد"
    assert not panel.export_button.isEnabled() and not panel.create_button.isHidden()
    assert panel.role.text() == "فرع / نقطة استقبال"
    assert panel.trust_role.currentData() == "committee"  # a counter trusts the committee

    ctx.dialogs.ask_answers = [PASSPHRASE, PASSPHRASE + "x"]
    panel.create_keys()
    assert "غير متطابقتين" in panel.status.text() and not KeyStore(ctx.keys_dir).exists()
    ctx.dialogs.ask_answers = [PASSPHRASE, PASSPHRASE]
    panel.create_keys()
    own = KeyStore(ctx.keys_dir).public()
    assert own.role == "site" and own.site_id == "RYD1"
    assert panel.fingerprint.text() == own.fingerprint
    assert panel.fingerprint.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert panel.create_button.isHidden() and panel.export_button.isEnabled()

    ctx.dialogs.save_path = str(tmp_path / "RYD1.pub.json")
    panel.export_public()
    assert ("save", "RYD1.pub.json") in ctx.dialogs.shown
    assert json.loads((tmp_path / "RYD1.pub.json").read_text(encoding="utf-8"))[
        "fingerprint"] == own.fingerprint

    committee = KeyStore(tmp_path / "com1").init(site_id="COM1", role="committee",
                                                name="لجنة البحث", passphrase="committee-pass")
    peer_file = tmp_path / "COM1.pub.json"
    peer_file.write_text(json.dumps(committee.to_json()), encoding="utf-8")
    ctx.dialogs.open_path = str(peer_file)
    ctx.dialogs.confirm_answer = False
    panel.trust_file()
    question = [text for kind, text in ctx.dialogs.shown if kind == "confirm"][-1]
    assert committee.fingerprint in question and "COM1" in question and "هاتفيًا" in question
    assert panel.peers.rowCount() == 0 and panel.status.text() == "لم يتغير شيء."
    ctx.dialogs.confirm_answer = True
    panel.trust_file()
    assert panel.peers.rowCount() == 1
    fp_col = _column(panel.peers, "البصمة")
    cell = panel.peers.item(0, fp_col)
    assert cell.text() == committee.fingerprint and cell.data(LTR_ROLE)
    assert panel.peers.item(0, _column(panel.peers, "الدور")).text() == "لجنة البحث"

    # A counter's file offered as the committee is refused before any question.
    asked = len(ctx.dialogs.shown)
    ctx.dialogs.open_path = str(tmp_path / "RYD1.pub.json")
    panel.trust_file()
    assert [k for k, _ in ctx.dialogs.shown[asked:]] == ["open"]
    assert panel.status.objectName() == "fieldError" and panel.status.text()


def test_creating_keys_does_not_block_the_window(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx.keys_dir = tmp_path / "keys"
    ctx.tasks = TaskRunner()  # a real worker thread this time
    view = _admin_view(qtbot, ctx)
    panel = view.show_tab("keys")
    ctx.dialogs.ask_answers = [PASSPHRASE, PASSPHRASE]
    panel.create_keys()
    # Back at once, the sealing still running on the worker: the button waits for it.
    assert not panel.create_button.isEnabled()
    qtbot.waitUntil(lambda: panel.create_button.isHidden(), timeout=10000)
    assert panel.fingerprint.text() == KeyStore(ctx.keys_dir).public().fingerprint
    ctx.tasks.wait()


def test_setup_asks_the_installation_role_and_settings_show_it(qtbot, db, desk_app) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.bus import EventBus
    from makarem_desk.ui.context import AppContext
    from makarem_desk.ui.dialogs import RecordingDialogs
    from makarem_desk.ui.settings_view import SettingsView
    from makarem_desk.ui.setup_view import SetupPage

    ctx = AppContext(db=db, bus=EventBus(), tasks=TaskRunner(synchronous=True),
                     dialogs=RecordingDialogs())
    page = SetupPage(ctx)
    qtbot.addWidget(page)
    assert page.role() is None  # asked, never assumed
    page.association_name.setText("جمعية مكارم الأخلاق")
    page.association_name_en.setText("Makarem Association")
    page.site_code.setText("COM1")
    page.admin_full_name.setText("مدير اللجنة")
    page.admin_username.setText("admin")
    page.admin_password.setText(ADMIN_PW)
    page.admin_password2.setText(ADMIN_PW)
    assert page.submit() is None and ctx.setup.needs_setup()
    page.role_buttons["committee"].click()
    info = page.submit()
    assert info is not None and info.role == "committee"

    ctx.actor = AuthService(db).login("admin", ADMIN_PW)
    settings = SettingsView(ctx)
    qtbot.addWidget(settings)
    assert settings.installation_role.text() == "لجنة البحث"
    assert settings.idle_minutes.isEnabled() and settings.idle_minutes.value() == 10
    seen: list[int] = []
    ctx.bus.idle_lock_changed.connect(seen.append)
    settings.idle_minutes.setValue(4)
    settings.save_idle_minutes()
    assert seen == [4] and ctx.site_settings.idle_lock_minutes(ctx.actor) == 4


def test_a_receptionist_sees_the_idle_time_but_cannot_change_it(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.settings_view import SettingsView

    assert ctx.actor.username == "reem"
    settings = SettingsView(ctx)
    qtbot.addWidget(settings)
    assert not settings.idle_minutes.isEnabled()
    assert settings.installation_role.text() == "فرع / نقطة استقبال"
    assert settings.save_idle_button is None


def test_settings_say_a_training_installation_is_one(qtbot, db, desk_app) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.demo import TRAINING_ADMIN, set_up_training
    from makarem_desk.ui.bus import EventBus
    from makarem_desk.ui.context import AppContext
    from makarem_desk.ui.dialogs import RecordingDialogs
    from makarem_desk.ui.settings_view import SettingsView

    set_up_training(db, ADMIN_PW)
    ctx = AppContext(db=db, bus=EventBus(), tasks=TaskRunner(synchronous=True),
                     dialogs=RecordingDialogs())
    ctx.actor = AuthService(db).login(TRAINING_ADMIN, ADMIN_PW)
    settings = SettingsView(ctx)
    qtbot.addWidget(settings)
    assert "تدريب" in settings.training_note.text()
