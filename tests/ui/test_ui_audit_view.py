"""The audit trail screen: filters, readable actions and changes, verification off the GUI
thread, a broken chain shown in red; administrators only."""

from __future__ import annotations

import threading

from conftest import ADMIN_PW
from sqlalchemy import text

from makarem_desk.audit import record_event
from makarem_desk.services.auth import AuthService
from makarem_desk.ui.audit_view import AuditView
from makarem_desk.ui.main_window import MainWindow
from makarem_desk.ui.tasks import TaskRunner


def as_admin(ctx):  # type: ignore[no-untyped-def]
    ctx.actor = AuthService(ctx.db).login("admin", ADMIN_PW)
    return ctx


def role_change(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        record_event(s, ctx.actor, "user_role_changed", entity="user", entity_id="reem",
                     before={"role": "receptionist", "active": True},
                     after={"role": "social_researcher", "active": True})


def column(view: AuditView, col: int) -> list[str]:
    return [view.table.item(r, col).text() for r in range(view.table.rowCount())]


def test_only_administrators_see_the_audit_screen(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "admin" not in window.pages
    admin_window = MainWindow(as_admin(ctx))
    qtbot.addWidget(admin_window)
    # A tab of the Administration screen.
    assert isinstance(admin_window.show_page("admin").show_tab("audit"), AuditView)


def test_events_are_listed_with_readable_actions_and_filtered(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    as_admin(ctx)
    role_change(ctx)
    with ctx.db.session() as s:
        record_event(s, ctx.actor, "something_new", entity="gadget", entity_id="G1")
    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    actions = column(view, 4)
    assert "تسجيل الدخول" in actions  # "login" in Arabic
    assert "something_new" in actions  # an unknown action keeps its raw name
    assert column(view, 1)[0].count(":") == 2  # a time of day (Riyadh)
    view.action.setCurrentIndex(view.action.findData("user_role_changed"))
    view.refresh()
    assert view.table.rowCount() == 1
    assert "role" in column(view, 6)[0] and "{" not in column(view, 6)[0]
    view.show_selected()
    shown = view.details.toPlainText()
    assert "receptionist" in shown and "social_researcher" in shown
    assert "قبل" in shown and "بعد" in shown  # a before/after table, not JSON
    assert "active" not in shown  # only the fields that changed
    view.action.setCurrentIndex(0)
    view.user.setCurrentIndex(view.user.findData("reem"))
    view.refresh()
    assert set(column(view, 3)) == {"reem"}
    view.user.setCurrentIndex(0)
    view.record_id.setText("G1")
    view.refresh()
    assert column(view, 4) == ["something_new"]
    view.record_id.clear()
    view.dated.setChecked(True)
    view.since.setDate(view.since.date().addYears(5))
    view.until.setDate(view.until.date().addYears(5))
    view.refresh()
    assert view.table.rowCount() == 0
    view.dated.setChecked(False)  # no period: every date again
    view.refresh()
    assert view.table.rowCount() == 7  # set-up, 3 sign-ins, user created, the two above


def test_verify_runs_off_the_gui_thread_and_reports_intact(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    as_admin(ctx)
    ctx.tasks = TaskRunner()  # real background work
    view = AuditView(ctx)
    qtbot.addWidget(view)
    threads: list[threading.Thread] = []
    verify = view.service.verify

    def watched(actor):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return verify(actor)

    view.service.verify = watched  # type: ignore[method-assign]
    view.verify()
    qtbot.waitUntil(lambda: bool(view.verdict.text()), timeout=10000)
    assert threads and threads[0] is not threading.main_thread()
    assert view.verdict.objectName() == "statusGood"
    assert "5" in view.verdict.text() and "سليم" in view.verdict.text()
    assert view.verify_button.isEnabled()


def test_a_broken_chain_is_named_in_red(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    as_admin(ctx)
    role_change(ctx)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_event_no_update"))
        conn.execute(text("UPDATE audit_event SET username = 'ghost' WHERE seq = 2"))
    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    view.verify()
    assert view.verdict.objectName() == "statusBad"
    assert "رقم 2 عُدّل" in view.verdict.text()
    assert "event #2" in view.verdict.toolTip()
    row = [e.seq for e in view.events].index(2)
    assert view.table.item(row, 0).background().color().name() == "#fde8e6"
