"""The Backups screen (administrators): the list, a copy now, the schedule, and a restore
that shows the service's check first and then signs everyone out (issue 9)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import ADMIN_PW

from makarem_desk.backups import AUTO, MANUAL, BackupService
from makarem_desk.models import Role
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.auth import AuthService
from makarem_desk.ui.backups_view import BackupsView
from makarem_desk.ui.main_window import MainWindow
from makarem_desk.ui.tasks import TaskRunner


def as_admin(ctx):  # type: ignore[no-untyped-def]
    ctx.actor = AuthService(ctx.db).login("admin", ADMIN_PW)
    return ctx


def usernames(ctx) -> set[str]:  # type: ignore[no-untyped-def]
    return {u.username for u in AuthService(ctx.db).list_users(SYSTEM)}


def column(view: BackupsView, col: int) -> list[str]:
    return [view.table.item(r, col).text() for r in range(view.table.rowCount())]


def test_only_administrators_have_the_backups_screen(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "admin" not in window.pages
    admin_window = MainWindow(as_admin(ctx))
    qtbot.addWidget(admin_window)
    # A tab of the Administration screen.
    assert isinstance(admin_window.show_page("admin").show_tab("backups"), BackupsView)


def test_the_list_and_back_up_now(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    as_admin(ctx)
    BackupService(ctx.db).automatic_backup(SYSTEM, at_start=True)
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert view.table.rowCount() == 1 and column(view, 1) == ["تلقائية"]  # "Automatic"
    assert column(view, 0)[0].count(":") == 2  # a time of day
    view.backup_button.click()  # the task runner is synchronous in tests
    assert [b.kind for b in view.backups] == [MANUAL, AUTO]  # newest first
    assert view.table.rowCount() == 2 and column(view, 1)[0] == "يدوية"  # "Manual"
    assert all(v.endswith(("كيلوبايت", "ميغابايت")) for v in column(view, 2))
    assert column(view, 4)[0] == view.backups[0].path.name
    assert view.backups[0].path.exists()
    [(kind, text)] = ctx.dialogs.shown
    assert kind == "info" and str(view.backups[0].path) in text
    assert str(view.service.folder) in view.folder_label.text()


def test_copies_checks_and_restores_run_off_the_gui_thread(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    as_admin(ctx)
    ctx.tasks = TaskRunner()  # a real thread pool
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    threads: list[str] = []
    for name in ("backup_now", "check_file", "restore"):
        real = getattr(view.service, name)

        def spy(*args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread().name)
            return _real(*args, **kwargs)

        setattr(view.service, name, spy)
    restored = []
    view.restored.connect(lambda: restored.append(True))
    view.backup_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    view.table.selectRow(0)
    view.restore_selected_button.click()
    qtbot.waitUntil(lambda: bool(restored), timeout=10000)
    assert len(threads) == 3 and threading.main_thread().name not in threads
    assert view.window().isEnabled()


def test_back_up_to_a_folder_of_ones_choosing(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    as_admin(ctx)
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    usb = tmp_path / "usb"
    usb.mkdir()
    ctx.dialogs.folder_path = str(usb)
    view.copy_button.click()
    [copy] = list(usb.iterdir())
    assert copy.suffix == ".sqlite3" and not ctx.dialogs.errors


def test_the_schedule_is_saved(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    as_admin(ctx)
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert (view.interval.value(), view.keep.value()) == (4, 10)  # the defaults
    view.interval.setValue(12)
    view.keep.setValue(30)
    view.refresh()  # F5 before saving: what was typed stays
    assert (view.interval.value(), view.keep.value()) == (12, 30)
    view.save_button.click()
    settings = BackupService(ctx.db).settings(ctx.actor)
    assert (settings.interval_hours, settings.keep) == (12, 30)
    assert view.schedule_state.text().startswith("تم الحفظ")  # "Saved."
    again = BackupsView(ctx)
    qtbot.addWidget(again)
    again.refresh()
    assert (again.interval.value(), again.keep.value()) == (12, 30)


def test_a_corrupt_file_is_refused_with_its_reason_and_nothing_changes(  # type: ignore[no-untyped-def]
        qtbot, ctx, tmp_path: Path) -> None:
    as_admin(ctx)
    live = ctx.db.sqlite_path
    corrupt = tmp_path / "from-usb.sqlite3"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8192)
    before = usernames(ctx)
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    ctx.dialogs.open_path = str(corrupt)
    view.restore_file_button.click()
    assert [k for k, _ in ctx.dialogs.shown] == ["open"]  # no restore was offered
    shown = view.check_state.text()  # the reason stays on the screen, in red
    assert "لم يتغير شيء" in shown  # "Nothing was changed"
    assert "from-usb.sqlite3" in shown and "damaged or not a database" in shown
    assert "integrity check" in shown  # the reason itself
    assert view.check_state.objectName() == "statusBad"
    assert usernames(ctx) == before
    assert sorted(p.name for p in live.parent.glob("*.replaced-*")) == []
    assert ctx.actor is not None and view.restore_file_button.isEnabled()


def test_declining_after_the_check_changes_nothing(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    as_admin(ctx)
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    view.backup_button.click()
    AuthService(ctx.db).create_user(ctx.actor, "late", "متأخر", Role.RECEPTIONIST, "late-pass-1")
    view.table.selectRow(0)
    ctx.dialogs.confirm_answer = False
    ctx.dialogs.shown.clear()
    view.restore_selected_button.click()
    [(kind, question)] = ctx.dialogs.shown
    assert kind == "confirm" and "تسجيل الدخول" in question  # "…the log-in screen"
    facts = view.check_state.text()
    assert "RYD1" in facts and "سليم" in facts  # the installation, the integrity verdict
    assert column(view, 3)[0] == "نعم، فحص كامل"  # "Yes, full check"
    assert "late" in usernames(ctx)


def test_a_restore_signs_everyone_out_onto_the_restored_file(qtbot, ctx, desk_app) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.login_view import LoginPage
    from makarem_desk.ui.main import Desk

    as_admin(ctx)
    good = BackupService(ctx.db).backup_now(ctx.actor).path
    AuthService(ctx.db).create_user(ctx.actor, "late", "متأخر", Role.RECEPTIONIST, "late-pass-1")
    ctx.auth.get(ctx.actor, ctx.actor.user_id)  # a service cached by the context, built on the old file
    desk = Desk(desk_app, ctx)
    window = desk.open_main("admin")
    qtbot.addWidget(window)
    view = window.page("admin").show_tab("backups")
    view.table.selectRow(0)
    assert view.table.row_data().path == good
    view.restore_selected_button.click()
    assert desk.main is None and ctx.actor is None  # signed out…
    assert isinstance(desk.start.stack.currentWidget(), LoginPage)  # …to the log-in screen
    assert "late" not in usernames(ctx)  # the context reads the restored file
    assert "auth" not in ctx._services
    [replaced] = list(ctx.db.sqlite_path.parent.glob("*.replaced-*"))
    info = [text for kind, text in ctx.dialogs.shown if kind == "info"][-1]
    assert str(replaced) in info
    desk.start.close()


@pytest.mark.pg
def test_postgresql_explains_pg_dump_instead(qtbot, pg_db, desk_app) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.services.setup import SetupInput, SetupService
    from makarem_desk.ui.bus import EventBus
    from makarem_desk.ui.context import AppContext
    from makarem_desk.ui.dialogs import RecordingDialogs
    from makarem_desk.ui.tasks import TaskRunner

    SetupService(pg_db).complete(SetupInput(
        site_code="RYD1", association_name="جمعية مكارم", association_name_en="Makarem",
        admin_username="admin", admin_full_name="مدير النظام", admin_password=ADMIN_PW))
    ctx = AppContext(db=pg_db, bus=EventBus(), tasks=TaskRunner(synchronous=True),
                     dialogs=RecordingDialogs())
    as_admin(ctx)
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert not view.files_box.isVisible() and not view.schedule_box.isVisible()
    assert "pg_dump" in view.notice.text() and "pg_restore" in view.notice.text()
    commands = view.pg_help.toPlainText()  # the commands to run, with the address
    assert "pg_dump --format=custom" in commands and "pg_restore --clean" in commands
    assert "127.0.0.1" in commands and not view.about.isVisible()
    assert view.pg_help.isVisible()
    assert not ctx.dialogs.shown
