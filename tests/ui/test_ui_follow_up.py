"""The Follow-up screen (issue 10, POL-H5, POL-H6) on a seeded database whose rows are
known (``test_follow_up._seed``): submitted 31, 30 and 2 days ago; two registrations
waiting for items; two decisions still to tell (one letter printed, not sent)."""

from __future__ import annotations

import uuid
from typing import Any

from conftest import ADMIN_PW
from db_support import add_user, become_committee
from sqlalchemy import func, select
from test_follow_up import NOW, _seed

from makarem_desk.models import (
    Application,
    ApplicationStatus,
    AuditEvent,
    Channel,
    Contact,
    Declaration,
    InterviewDraft,
    Role,
    SignatureMode,
)
from makarem_desk.services.auth import AuthService
from makarem_desk.ui.follow_up_view import CLOCK, MISSING, TELL, FollowUpView
from makarem_desk.ui.main_window import MainWindow


def _view(qtbot: Any, ctx: Any) -> FollowUpView:
    view = FollowUpView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    return view


def _cells(page: Any, column: int) -> list[str]:
    return [page.table.item(r, column).text() for r in range(page.table.rowCount())]


def _select(page: Any, reference: str) -> None:
    page.table.selectRow(_cells(page, 0).index(reference))


def _events(db: Any, action: str, entity_id: uuid.UUID) -> list[dict[str, Any]]:
    """The details of the audit events ``action`` about ``entity_id``."""
    with db.reader() as s:
        return [dict(e.details or {}) for e in s.scalars(select(AuditEvent).where(
            AuditEvent.action == action, AuditEvent.entity_id == str(entity_id)))]


def test_the_lists_show_the_seeded_rows_and_counts(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx.db)
    view = _view(qtbot, ctx)
    assert [view.tabs.tabText(i) for i in (CLOCK, TELL, MISSING)] == [
        "ساعة اللجنة (3)", "للإبلاغ (2)", "المتطلبات الناقصة (2)"]
    assert _cells(view.clock, 0) == ["A31", "A30", "A02"]
    assert _cells(view.clock, 3) == ["31", "30", "2"]
    due = view.clock_data.waiting[2].response_due if view.clock_data else None
    assert str(due) == "2026-12-11"
    assert view.clock.table.item(2, 4).text().endswith("1448 هـ")  # Hijri
    assert view.clock.table.item(2, 5).text() == "11 ديسمبر 2026م"  # and Gregorian
    assert _cells(view.tell, 0) == ["D-NEW", "D-PRINTED"]
    assert _cells(view.tell, 2) == ["مقبول", "مرفوض"]
    assert _cells(view.tell, 5) == ["لا", "نعم"]  # the letter of D-PRINTED was printed
    assert _cells(view.tell, 4) == ["+966500000001"] * 2
    assert _cells(view.missing, 0) == ["INC1", "INC2"]
    assert _cells(view.missing, 2) == ["صورة الهوية، صورة شخصية", "صورة شخصية"]  # not ids
    assert _cells(view.missing, 3) == ["5", "1"]
    assert _cells(view.missing, 4) == ["—", "—"]
    assert not view.clock.empty.isVisibleTo(view) and view.clock.table.isVisibleTo(view)


def test_overdue_is_past_the_target_and_filtered(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx.db)
    admin = AuthService(ctx.db).login("admin", ADMIN_PW)
    ctx.follow_up.set_targets(admin, committee_days=30)
    view = _view(qtbot, ctx)
    # A wait of exactly 30 days is on time; 31 is overdue.
    assert _cells(view.clock, 6) == ["متأخر", "في الموعد", "في الموعد"]
    assert "متأخرة: 1" in view.clock_count.text() and ": 30" in view.clock_count.text()
    assert view.clock.table.item(0, 0).foreground().color().name() == "#b42318"
    assert view.clock.table.item(1, 0).foreground().color().name() != "#b42318"
    view.overdue_only.setChecked(True)
    assert _cells(view.clock, 0) == ["A31"]
    assert view.tabs.tabText(CLOCK) == "ساعة اللجنة (3)"  # the tab counts every waiting one
    ctx.follow_up.set_targets(admin, committee_days=2)
    view.refresh()
    assert _cells(view.clock, 0) == ["A31", "A30"]  # A02 waited exactly 2 days: on time
    ctx.follow_up.set_targets(admin, committee_days=31)
    view.refresh()
    assert view.clock.table.rowCount() == 0
    assert view.clock.empty.isVisibleTo(view) and not view.clock.table.isVisibleTo(view)
    assert view.clock.empty.text() == "لا يوجد طلب تجاوز المدة المستهدفة للجنة."


def test_told_buttons_record_the_contact_and_remove_the_row(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(ctx.db)
    view = _view(qtbot, ctx)
    view.tabs.setCurrentIndex(TELL)
    saved: list[object] = []
    ctx.bus.contact_saved.connect(saved.append)
    _select(view.tell, "D-NEW")
    view.mark_told("phone")
    assert _cells(view.tell, 0) == ["D-PRINTED"]
    assert view.tabs.tabText(TELL) == "للإبلاغ (1)"
    with ctx.db.reader() as s:
        c = s.get(Contact, saved[0])
        assert c is not None and c.channel is Channel.PHONE
        assert c.beneficiary_id == ids["ben"] and c.staff_name == "ريم الدوسري"
    assert [e["how"] for e in _events(ctx.db, "decision_told", ids["D-NEW"])] == ["phone"]
    _select(view.tell, "D-PRINTED")
    view.mark_told("letter")
    assert view.tell.table.rowCount() == 0 and view.tell.empty.isVisibleTo(view)
    assert view.tabs.tabText(TELL) == "للإبلاغ (0)"
    with ctx.db.reader() as s:
        assert s.get(Contact, saved[1]).channel is Channel.LETTER  # type: ignore[union-attr]
    view.mark_told("sms")  # nothing selected: said, nothing recorded
    assert view.tell.status.text() == "اختر صفًّا أولًا."
    assert len(saved) == 2


def test_print_letter_shows_it_and_marks_it_printed(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(ctx.db)
    view = _view(qtbot, ctx)
    view.tabs.setCurrentIndex(TELL)
    assert not view.preview.isVisibleTo(view)
    _select(view.tell, "D-NEW")
    view.print_letter()
    assert ctx.dialogs.errors == []
    assert view.preview.pdf is not None and view.preview.pdf.startswith(b"%PDF")
    assert view.preview.isVisibleTo(view)
    assert len(_events(ctx.db, "decision_letter_printed", ids["D-NEW"])) == 1
    assert _cells(view.tell, 0) == ["D-NEW", "D-PRINTED"]  # printed is not told
    assert _cells(view.tell, 5) == ["نعم", "نعم"]


def test_follow_up_contact_is_recorded(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(ctx.db)
    view = _view(qtbot, ctx)
    view.tabs.setCurrentIndex(MISSING)
    _select(view.missing, "INC1")
    ctx.dialogs.choose_answers = [None, ("letter", "سيحضرها يوم الأحد")]
    view.record_follow_up()  # cancelled: nothing recorded
    assert _events(ctx.db, "items_followed_up", ids["INC1"]) == []
    assert [k for k, _ in ctx.dialogs.options_offered[0]] == [c.value for c in Channel]
    view.record_follow_up()
    [event] = _events(ctx.db, "items_followed_up", ids["INC1"])
    assert event["channel"] == "letter"
    with ctx.db.reader() as s:
        c = s.get(Contact, uuid.UUID(event["contact_id"]))
        assert c is not None and c.channel is Channel.LETTER and c.answer == "سيحضرها يوم الأحد"
    assert _cells(view.missing, 4)[0] != "—" and _cells(view.missing, 4)[1] == "—"


def test_items_arrived_completes_the_registration_without_an_interview(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(ctx.db)
    view = _view(qtbot, ctx)
    _select(view.missing, "INC1")
    ctx.dialogs.choose_many_answers = [["photo"]]
    view.items_arrived()
    assert ctx.dialogs.options_offered[-1] == [("id_copy", "صورة الهوية"),
                                               ("photo", "صورة شخصية")]
    assert _cells(view.missing, 2) == ["صورة الهوية", "صورة شخصية"]
    assert "صورة الهوية" in view.missing.status.text()
    # The last item arrives, but the declaration was never signed: the item stays ticked
    # off, the registration waits, and the message says why (POL-H4).
    _select(view.missing, "INC1")
    ctx.dialogs.choose_many_answers = [["id_copy"]]
    view.items_arrived()
    assert "إقرار" in view.missing.status.text()
    with ctx.db.reader() as s:
        a = s.get(Application, ids["INC1"])
        assert a is not None and a.status is ApplicationStatus.INCOMPLETE and a.missing_items == []
    with ctx.db.session() as s:  # signed on paper meanwhile
        s.add(Declaration(application_id=ids["INC1"], data_snapshot={},
                          snapshot_sha256="0" * 64, wording_version="t",
                          signature_mode=SignatureMode.ON_PAPER, signed_at=NOW))
    _select(view.missing, "INC1")
    asked = len(ctx.dialogs.options_offered)
    view.items_arrived()  # nothing left to tick: completed straight away
    assert len(ctx.dialogs.options_offered) == asked
    with ctx.db.reader() as s:
        a = s.get(Application, ids["INC1"])
        assert a is not None and a.status is ApplicationStatus.SUBMITTED
        assert a.submitted_at is not None and a.response_due is not None
        assert s.scalar(select(func.count()).select_from(InterviewDraft)) == 0
    assert _cells(view.missing, 0) == ["INC2"]
    assert _cells(view.clock, 0)[-1] == "INC1" and view.tabs.tabText(CLOCK) == "ساعة اللجنة (4)"
    assert len(_events(ctx.db, "application_submitted", ids["INC1"])) == 1


def test_double_click_opens_the_profile(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(ctx.db)
    view = _view(qtbot, ctx)
    opened: list[object] = []
    ctx.bus.open_beneficiary.connect(opened.append)
    for page in (view.clock, view.tell, view.missing):
        page.table.selectRow(0)
        view.open_profile(page)
    assert opened == [ids["ben"]] * 3


def test_empty_lists_say_so(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, ctx)
    assert view.clock.status.text() == ""
    for index, page in ((CLOCK, view.clock), (TELL, view.tell), (MISSING, view.missing)):
        view.tabs.setCurrentIndex(index)
        assert page.table.rowCount() == 0 and page.empty.isVisibleTo(view), index
    assert view.missing.empty.text() == "لا يوجد تسجيل ينتظر متطلبات ناقصة."


def test_the_screen_is_in_the_bar_and_acts_only_where_allowed(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx.db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "follow_up" in window.pages
    view = window.show_page("follow_up")
    assert isinstance(view, FollowUpView) and view.tabs.tabText(TELL) == "للإبلاغ (2)"
    buttons = {b.text() for b in view.findChildren(type(window.buttons["today"]))}
    assert {"أُبلغ هاتفيًّا", "طباعة الخطاب", "وصلت المتطلبات…"} <= buttons
    # At the research committee a member reads the lists; telling is the counter's work.
    become_committee(ctx.db)
    add_user(ctx.db, "saad", "سعد الشهري", Role.COMMITTEE_MEMBER)
    ctx.actor = AuthService(ctx.db).login("saad", "admin-pass-1")
    there = FollowUpView(ctx)
    qtbot.addWidget(there)
    there.refresh()
    assert _cells(there.clock, 0) == ["A31", "A30", "A02"]
    texts = {b.text() for b in there.findChildren(type(window.buttons["today"]))}
    assert not texts & {"أُبلغ هاتفيًّا", "وصلت المتطلبات…", "تسجيل تواصل للمتابعة…"}


def test_targets_are_set_in_settings_by_an_administrator_only(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.settings_view import SettingsView

    mine = SettingsView(ctx)  # the receptionist reads the targets, cannot change them
    qtbot.addWidget(mine)
    assert (mine.committee_days.value(), mine.referral_days.value()) == (30, 3)
    assert not mine.committee_days.isEnabled() and not mine.referral_days.isEnabled()
    assert mine.save_targets_button is None
    ctx.actor = AuthService(ctx.db).login("admin", ADMIN_PW)
    theirs = SettingsView(ctx)
    qtbot.addWidget(theirs)
    assert theirs.committee_days.isEnabled() and theirs.save_targets_button is not None
    theirs.committee_days.setValue(14)
    theirs.referral_days.setValue(5)
    theirs.save_targets_button.click()
    targets = ctx.follow_up.targets(ctx.actor)
    assert (targets.committee_days, targets.referral_days) == (14, 5)
    assert "14" in theirs.status.text() and "5" in theirs.status.text()
    [change] = [e for e in _site_events(ctx.db) if "committee_target_days" in e.get("after", {})]
    assert change["before"]["committee_target_days"] == 30
    assert change["after"] == {"committee_target_days": 14, "referral_target_days": 5}


def _site_events(db: Any) -> list[dict[str, Any]]:
    with db.reader() as s:
        return [dict(e.details or {}) for e in s.scalars(select(AuditEvent).where(
            AuditEvent.action == "settings_changed"))]


def test_a_long_list_shows_its_first_rows_and_says_so(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui import follow_up_lists

    _seed(ctx.db)
    monkeypatch.setattr(follow_up_lists, "MAX_ROWS", 2)
    view = _view(qtbot, ctx)
    assert _cells(view.clock, 0) == ["A31", "A30"]  # the longest waiting first
    assert view.clock.more.isVisibleTo(view)
    assert view.clock.more.text() == "يُعرض أول 2 من 3، الأطول انتظارًا أولًا."
    assert view.tabs.tabText(CLOCK) == "ساعة اللجنة (3)"  # the count is of them all
    view.tabs.setCurrentIndex(MISSING)
    assert _cells(view.missing, 0) == ["INC1", "INC2"] and not view.missing.more.isVisibleTo(view)


def test_a_list_that_cannot_be_read_does_not_hide_the_others(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.errors import UserError

    _seed(ctx.db)

    def refuse(*_a: Any, **_k: Any) -> None:
        raise UserError("The decisions cannot be read.", message_ar="تعذّرت قراءة القرارات.")

    monkeypatch.setattr(ctx.follow_up, "decided_untold", refuse)
    view = _view(qtbot, ctx)
    assert view.tell.status.text() == "تعذّرت قراءة القرارات."
    assert _cells(view.clock, 0) == ["A31", "A30", "A02"]
    assert _cells(view.missing, 0) == ["INC1", "INC2"]


def test_the_lists_load_on_the_thread_pool(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.tasks import TaskRunner

    _seed(ctx.db)
    ctx.tasks = TaskRunner()  # the real runner: results come back through the event loop
    view = FollowUpView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert view.clock.table.rowCount() == 0  # not yet: the window is not kept waiting
    qtbot.waitUntil(lambda: (view.clock.table.rowCount(), view.tell.table.rowCount(),
                             view.missing.table.rowCount()) == (3, 2, 2), timeout=20000)
    view.refresh((TELL,))  # only the list an act changed is read again
    qtbot.waitUntil(lambda: ctx.tasks.pool.activeThreadCount() == 0, timeout=20000)
    qtbot.wait(50)
    assert view._seq == {CLOCK: 1, TELL: 2, MISSING: 1}
    assert view.tell.table.rowCount() == 2
