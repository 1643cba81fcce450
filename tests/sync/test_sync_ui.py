"""The Sync screen and the committee member's view, driven as a person would, with the
work run inline and the dialogs answered from a script."""

from __future__ import annotations

import io
import uuid

import pytest
from sqlalchemy import select, update
from sync_support import PASSPHRASES, add_case, status_of

from makarem_desk.models import ApplicationStatus, Beneficiary, Declaration, Role
from makarem_desk.services.actor import Actor
from makarem_desk.ui.bus import EventBus
from makarem_desk.ui.committee_view import CommitteeView
from makarem_desk.ui.context import AppContext
from makarem_desk.ui.dialogs import RecordingDialogs
from makarem_desk.ui.sync_view import SyncView
from makarem_desk.ui.tasks import TaskRunner

MEMBER = Actor(uuid.uuid4(), "amal", "أمل الشهري", Role.COMMITTEE_MEMBER)
CLERK = Actor(uuid.uuid4(), "sara", "سارة", Role.RECEPTIONIST)


@pytest.fixture(autouse=True)
def arabic(qapp):  # type: ignore[no-untyped-def]
    """The interface in Arabic, with its translations, as the counter runs it."""
    from makarem_desk.ui.i18n import apply_language
    from makarem_desk.ui.main import make_application

    app = make_application(language="ar")
    yield app
    apply_language(app, "ar")


def context(inst, actor, dialogs, bus=None) -> AppContext:  # type: ignore[no-untyped-def]
    """The window's services for ``inst`` (its database and keys), signed in as ``actor``."""
    ctx = AppContext(db=inst.db, bus=bus or EventBus(), tasks=TaskRunner(synchronous=True),
                     dialogs=dialogs, keys_dir=inst.keys_dir)
    ctx.actor = actor
    return ctx


def answers(dialogs: RecordingDialogs, passphrase: str, *, folder: str | None = None,
            batch: str | None = None) -> RecordingDialogs:
    """What the person types and picks: the passphrase, the folder or the batch file."""
    dialogs.ask_answers = [passphrase]
    dialogs.folder_path, dialogs.open_path = folder, batch
    return dialogs


def _real_pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _view(qtbot, inst, actor, dialogs, bus=None):  # type: ignore[no-untyped-def]
    view = SyncView(context(inst, actor, dialogs, bus))
    qtbot.addWidget(view)
    return view


def _committee(qtbot, inst, actor, dialogs, bus=None):  # type: ignore[no-untyped-def]
    view = CommitteeView(context(inst, actor, dialogs, bus))
    qtbot.addWidget(view)
    return view


@pytest.fixture
def exchange(counter_and_committee, tmp_path):  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    ref = add_case(counter.db)
    with counter.db.session() as s:
        s.execute(update(Declaration).values(pdf=_real_pdf("Declaration " + ref)))
    return counter, committee, ref


def test_export_import_decide_through_the_screens(qtbot, exchange, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, ref = exchange
    dialogs = RecordingDialogs()
    at_counter = _view(qtbot, counter, CLERK,
                       answers(dialogs, PASSPHRASES["RYD1"], folder=str(tmp_path)))
    assert "RYD1" in at_counter.identity_label.text() and "COM1" in at_counter.identity_label.text()
    assert at_counter.export_button.isEnabled()
    qtbot.mouseClick(at_counter.export_button, qtbot_button())
    batch = tmp_path / "RYD1-to-COM1-000001.mkb"
    assert batch.exists()
    assert at_counter.history.rowCount() == 1
    assert at_counter.history.item(0, 0).text() == "صادرة"
    assert at_counter.history.item(0, 4).text() == "7"
    assert ("info", f"احفظ الملف وسلّمه للجنة البحث:\n{batch}") in dialogs.shown

    at_committee = _view(qtbot, committee, MEMBER,
                         answers(dialogs, PASSPHRASES["COM1"], batch=str(batch)))
    qtbot.mouseClick(at_committee.import_button, qtbot_button())
    assert "7 جديد" in at_committee.last_message
    assert at_committee.history.item(0, 0).text() == "واردة"

    member_view = _committee(qtbot, committee, MEMBER, dialogs)
    assert member_view.table.rowCount() == 1
    assert member_view.table.item(0, 0).text() == ref
    assert member_view.table.item(0, 7).text() == "مرفق"
    assert not member_view.accept_button.isEnabled()
    member_view.select_reference(ref)
    assert member_view.page_count() == 1 and member_view.accept_button.isEnabled()

    # Rejecting needs a reason: the message is shown, nothing changes.
    qtbot.mouseClick(member_view.reject_button, qtbot_button())
    assert dialogs.errors and status_of(committee.db, ref) is ApplicationStatus.SUBMITTED
    member_view.select_reference(ref)
    member_view.reason.setText("لم تكتمل شروط البرنامج")
    qtbot.mouseClick(member_view.reject_button, qtbot_button())
    assert status_of(committee.db, ref) is ApplicationStatus.REJECTED
    assert member_view.table.rowCount() == 0 and ref in member_view.last_message

    out = tmp_path / "back"
    out.mkdir()
    answers(dialogs, PASSPHRASES["COM1"], folder=str(out))
    qtbot.mouseClick(at_committee.export_button, qtbot_button())
    decisions = out / "COM1-to-RYD1-000001.mkb"
    assert decisions.exists()
    answers(dialogs, PASSPHRASES["RYD1"], batch=str(decisions))
    qtbot.mouseClick(at_counter.import_button, qtbot_button())
    assert status_of(counter.db, ref) is ApplicationStatus.REJECTED
    assert "1 محدّث" in at_counter.last_message


def test_wrong_passphrase_and_held_batch_on_screen(qtbot, exchange, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, _ = exchange
    dialogs = RecordingDialogs()
    at_counter = _view(qtbot, counter, CLERK,
                       answers(dialogs, "wrong-passphrase", folder=str(tmp_path)))
    at_counter.start_export()
    assert dialogs.errors[-1] == "عبارة المرور غير صحيحة."
    assert not list(tmp_path.glob("*.mkb")) and at_counter.export_button.isEnabled()

    answers(dialogs, PASSPHRASES["RYD1"], folder=str(tmp_path))
    at_counter.start_export()
    add_case(counter.db)
    answers(dialogs, PASSPHRASES["RYD1"], folder=str(tmp_path))
    at_counter.start_export()
    second = tmp_path / "RYD1-to-COM1-000002.mkb"
    at_committee = _view(qtbot, committee, MEMBER,
                         answers(dialogs, PASSPHRASES["COM1"], batch=str(second)))
    dialogs.confirm_answer = False
    at_committee.start_import()
    assert "قبل الدفعة 1" in at_committee.last_message
    assert at_committee.history.rowCount() == 0
    assert "RYD1-000002.mkb" in at_committee.identity_label.text()
    dialogs.confirm_answer = True
    answers(dialogs, PASSPHRASES["COM1"], batch=str(second))
    at_committee.start_import()
    assert at_committee.history.rowCount() == 1
    assert "قبلها دفعة لم تصل" in at_committee.history.item(0, 5).text()
    assert "RYD1-000002.mkb" not in at_committee.identity_label.text()


def test_conflict_listed_and_settled_on_screen(qtbot, exchange, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, _ = exchange
    dialogs = RecordingDialogs()
    committee.svc.import_file(MEMBER, committee.identity,
                              counter.svc.export(CLERK, counter.identity, tmp_path)[0].path)
    for db, phone in ((counter.db, "+966500000031"), (committee.db, "+966500000032")):
        with db.session() as s:
            s.scalars(select(Beneficiary)).one().phone = phone
    committee.svc.import_file(MEMBER, committee.identity,
                              counter.svc.export(CLERK, counter.identity, tmp_path)[0].path)
    view = _view(qtbot, committee, MEMBER, dialogs)
    assert view.conflicts.rowCount() == 1
    assert view.conflicts.item(0, 3).text() == "الجوال"
    assert view.conflicts.item(0, 4).text() == "+966500000032"
    assert view.conflicts.item(0, 5).text() == "+966500000031"
    assert not view.take_button.isEnabled()
    view.conflicts.selectRow(0)
    assert view.take_button.isEnabled()
    qtbot.mouseClick(view.take_button, qtbot_button())
    assert view.conflicts.rowCount() == 0
    with committee.db.reader() as s:
        assert s.scalars(select(Beneficiary.phone)).one() == "+966500000031"


def test_receptionist_sees_committee_view_without_deciding(qtbot, exchange) -> None:  # type: ignore[no-untyped-def]
    counter, committee, ref = exchange
    # At a counter the receptionist may look at what awaits the committee, not decide.
    view = _committee(qtbot, counter, CLERK, RecordingDialogs())
    assert "لأعضاء لجنة البحث" in view.status.text()
    assert view.table.rowCount() == 1
    view.table.selectRow(0)
    assert not view.accept_button.isEnabled()
    # At the committee a counter's role reads nothing (the permission matrix): the screen
    # says so instead of failing.
    there = _committee(qtbot, committee, CLERK, RecordingDialogs())
    assert there.table.rowCount() == 0 and "لجنة البحث" in there.status.text()


def qtbot_button():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_views_follow_the_bus(qtbot, exchange, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, ref = exchange
    bus = EventBus()
    view = _committee(qtbot, committee, MEMBER, RecordingDialogs(), bus)
    assert view.table.rowCount() == 0
    sync = _view(qtbot, committee, MEMBER, answers(RecordingDialogs(), PASSPHRASES["COM1"]), bus)
    path = counter.svc.export(CLERK, counter.identity, tmp_path)[0].path
    sync.start_import(path=str(path))
    assert view.table.rowCount() == 1 and view.table.item(0, 0).text() == ref


def _english(app):  # type: ignore[no-untyped-def]
    from makarem_desk.ui.i18n import apply_language

    apply_language(app, "en")


def _title(view) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    label = view.findChild(QLabel, "pageTitle")
    return label.text() if label is not None else ""


def _conflict(counter, committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The same beneficiary's phone changed on both sides since the last exchange."""
    committee.svc.import_file(MEMBER, committee.identity,
                              counter.svc.export(CLERK, counter.identity, tmp_path)[0].path)
    for db, phone in ((counter.db, "+966500000031"), (committee.db, "+966500000032")):
        with db.session() as s:
            s.scalars(select(Beneficiary)).one().phone = phone
    committee.svc.import_file(MEMBER, committee.identity,
                              counter.svc.export(CLERK, counter.identity, tmp_path)[0].path)


def test_sync_screen_in_english_names_everything_in_english(qtbot, exchange, tmp_path,  # type: ignore[no-untyped-def]
                                                            arabic) -> None:
    from makarem_desk.ui.widgets import LTR_ROLE

    counter, committee, _ = exchange
    _conflict(counter, committee, tmp_path)
    _english(arabic)
    view = _view(qtbot, committee, MEMBER, RecordingDialogs())
    assert _title(view) == "Exchange with the committee"
    row = [view.conflicts.item(0, c).text() for c in range(view.conflicts.columnCount())]
    assert row[0] == "Beneficiary" and row[3] == "Mobile"
    assert row[4:6] == ["+966500000032", "+966500000031"]
    assert not any("\u0600" <= ch <= "\u06ff" for cell in row for ch in cell), row
    # Identifiers, site codes and phones keep the left-to-right cell role.
    assert [bool(view.conflicts.item(0, c).data(LTR_ROLE)) for c in range(7)] == [
        False, True, True, False, True, True, False]
    assert view.history.item(0, 0).text() == "Received"
    assert view.history.item(0, 1).data(LTR_ROLE) and view.history.item(0, 7).data(LTR_ROLE)
    assert view.history_empty.isHidden() and view.conflicts_empty.isHidden()
    assert not view.history.isHidden() and not view.conflicts.isHidden()
    assert view.conflicts.item(0, 0).toolTip() == "Beneficiary"  # long cells readable whole


def test_committee_screen_in_english_and_its_ltr_cells(qtbot, exchange, arabic) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.widgets import LTR_ROLE

    counter, _, ref = exchange
    _english(arabic)
    view = _committee(qtbot, counter, MEMBER, RecordingDialogs())
    assert _title(view) == "Committee decisions"
    assert view.count_label.text() == "Awaiting a decision: 1"
    cells = [view.table.item(0, c) for c in range(view.table.columnCount())]
    assert cells[0].text() == ref and cells[0].data(LTR_ROLE)
    assert cells[2].data(LTR_ROLE) and cells[2].text().isdigit()  # the identity number
    assert cells[3].text() == "Vocational training"
    assert cells[7].text() == "Attached"


def test_empty_screens_say_what_to_do_next(qtbot, exchange) -> None:  # type: ignore[no-untyped-def]
    counter, committee, ref = exchange
    sync = _view(qtbot, committee, MEMBER, RecordingDialogs())
    assert _title(sync) == "التبادل مع لجنة البحث"
    assert sync.history.rowCount() == 0 and not sync.history_empty.isHidden()
    assert sync.history.isHidden() and sync.conflicts.isHidden()  # a sentence, no blank grid
    assert sync.take_button.isHidden() and sync.keep_button.isHidden()
    assert "صدّر دفعة" in sync.history_empty.text()
    assert not sync.conflicts_empty.isHidden()

    queue = _committee(qtbot, committee, MEMBER, RecordingDialogs())
    assert _title(queue) == "قرارات اللجنة"
    assert queue.table.rowCount() == 0 and not queue.empty.isHidden()
    assert queue.table.isHidden()
    assert "استوردها من شاشة التبادل مع لجنة البحث" in queue.empty.text()
    assert queue.count_label.text() == "طلبات بانتظار القرار: 0"

    # With an application: a sentence until one is chosen, then the declaration itself.
    at_counter = _committee(qtbot, counter, CLERK, RecordingDialogs())
    assert at_counter.empty.isHidden() and not at_counter.table.isHidden()
    assert at_counter.preview_stack.currentWidget() is at_counter.pdf_note
    assert "اختر طلباً" in at_counter.pdf_note.text() and at_counter.page_count() == 0
    at_counter.select_reference(ref)
    assert at_counter.preview_stack.currentWidget() is at_counter.preview
    assert at_counter.page_count() == 1


def test_screens_take_their_services_from_the_context(qtbot, exchange) -> None:  # type: ignore[no-untyped-def]
    counter, _, _ = exchange
    ctx = context(counter, CLERK, RecordingDialogs())
    sync, queue = SyncView(ctx), CommitteeView(ctx)
    qtbot.addWidget(sync)
    qtbot.addWidget(queue)
    assert sync.svc is ctx.sync and queue.svc is ctx.committee
    assert ctx.sync.keys.dir == counter.keys_dir


def test_conflict_values_read_as_words_and_dates() -> None:
    from makarem_desk.ui.sync_labels import field_label, value_text

    assert field_label("decided_at") == "تاريخ القرار" and field_label("decided_by") == "صاحب القرار"
    assert field_label("a_newer_field") == "a_newer_field"  # shown as it came
    moment = value_text("2026-11-30T20:19:00.882605+00:00")
    assert len(moment) == 16 and moment.startswith("2026-1") and "T" not in moment
    assert value_text(None) == "—" and value_text({"$file": "x"}) == "ملف"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_committee_queue_fits_the_width_of_a_1366_screen(qtbot, counter_and_committee, arabic,  # type: ignore[no-untyped-def]
                                                         language) -> None:
    from makarem_desk.ui.committee_view import NAME_FLOOR, NAME_WIDTH
    from makarem_desk.ui.i18n import apply_language

    counter, _ = counter_and_committee
    add_case(counter.db, first_name="عبدالرحمن عبدالعزيز بن محمد بن عبدالله")  # a long name
    apply_language(arabic, language)
    view = _committee(qtbot, counter, MEMBER, RecordingDialogs())
    # The page beside the navigation bar of a 1366×768 window (bar 236 px, margins 36),
    # then narrower, as 40 % longer words would make it.
    view.resize(1366 - 236 - 36, 700)
    view.show()
    qtbot.waitExposed(view)
    view.refresh()
    header = view.table.horizontalHeader()
    assert header.sectionSize(1) <= NAME_WIDTH and view.table.item(0, 1).toolTip().startswith("عبدالرحمن")
    assert header.length() <= view.table.viewport().width(), [
        header.sectionSize(c) for c in range(header.count())]
    # No blank band beside the columns: the room left over is the last column's.
    assert header.length() >= view.table.viewport().width() - 2
    view.resize(980, 700)
    qtbot.wait(10)
    assert header.length() <= view.table.viewport().width(), [
        header.sectionSize(c) for c in range(header.count())]
    assert min(header.sectionSize(1), header.sectionSize(3)) >= NAME_FLOOR
