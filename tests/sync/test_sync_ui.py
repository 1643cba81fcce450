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
from makarem_desk.ui.committee_view import CommitteeView
from makarem_desk.ui.dialogs import RecordingDialogs
from makarem_desk.ui.sync_view import SyncPrompts, SyncView
from makarem_desk.ui.tasks import TaskRunner

MEMBER = Actor(uuid.uuid4(), "amal", "أمل الشهري", Role.COMMITTEE_MEMBER)
CLERK = Actor(uuid.uuid4(), "sara", "سارة", Role.RECEPTIONIST)


class ScriptedPrompts(SyncPrompts):
    def __init__(self, passphrase: str, folder: str = "", batch: str = ""):
        self.answers = {"passphrase": passphrase, "folder": folder, "batch": batch}

    def passphrase(self, parent):  # type: ignore[no-untyped-def, override]
        return self.answers["passphrase"] or None

    def export_folder(self, parent):  # type: ignore[no-untyped-def, override]
        return self.answers["folder"] or None

    def batch_file(self, parent):  # type: ignore[no-untyped-def, override]
        return self.answers["batch"] or None


def _real_pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _view(qtbot, inst, actor, prompts, dialogs):  # type: ignore[no-untyped-def]
    view = SyncView(inst.db, actor, service=inst.svc, tasks=TaskRunner(synchronous=True),
                    dialogs=dialogs, prompts=prompts)
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
    at_counter = _view(qtbot, counter, CLERK, ScriptedPrompts(PASSPHRASES["RYD1"], str(tmp_path)),
                       dialogs)
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
                         ScriptedPrompts(PASSPHRASES["COM1"], batch=str(batch)), dialogs)
    qtbot.mouseClick(at_committee.import_button, qtbot_button())
    assert "7 جديد" in at_committee.last_message
    assert at_committee.history.item(0, 0).text() == "واردة"

    member_view = CommitteeView(committee.db, MEMBER, dialogs=dialogs)
    qtbot.addWidget(member_view)
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
    at_committee.prompts = ScriptedPrompts(PASSPHRASES["COM1"], folder=str(out))
    qtbot.mouseClick(at_committee.export_button, qtbot_button())
    decisions = out / "COM1-to-RYD1-000001.mkb"
    assert decisions.exists()
    at_counter.prompts = ScriptedPrompts(PASSPHRASES["RYD1"], batch=str(decisions))
    qtbot.mouseClick(at_counter.import_button, qtbot_button())
    assert status_of(counter.db, ref) is ApplicationStatus.REJECTED
    assert "1 محدّث" in at_counter.last_message


def test_wrong_passphrase_and_held_batch_on_screen(qtbot, exchange, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee, _ = exchange
    dialogs = RecordingDialogs()
    at_counter = _view(qtbot, counter, CLERK, ScriptedPrompts("wrong-passphrase", str(tmp_path)),
                       dialogs)
    at_counter.start_export()
    assert dialogs.errors[-1] == "عبارة المرور غير صحيحة."
    assert not list(tmp_path.glob("*.mkb")) and at_counter.export_button.isEnabled()

    at_counter.prompts = ScriptedPrompts(PASSPHRASES["RYD1"], str(tmp_path))
    at_counter.start_export()
    add_case(counter.db)
    at_counter.start_export()
    second = tmp_path / "RYD1-to-COM1-000002.mkb"
    at_committee = _view(qtbot, committee, MEMBER,
                         ScriptedPrompts(PASSPHRASES["COM1"], batch=str(second)), dialogs)
    dialogs.confirm_answer = False
    at_committee.start_import()
    assert "قبل الدفعة 1" in at_committee.last_message
    assert at_committee.history.rowCount() == 0
    assert "RYD1-000002.mkb" in at_committee.identity_label.text()
    dialogs.confirm_answer = True
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
    view = _view(qtbot, committee, MEMBER, ScriptedPrompts(PASSPHRASES["COM1"]), dialogs)
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
    view = CommitteeView(counter.db, CLERK, dialogs=RecordingDialogs())
    qtbot.addWidget(view)
    assert "لأعضاء لجنة البحث" in view.status.text()
    assert view.table.rowCount() == 1
    view.table.selectRow(0)
    assert not view.accept_button.isEnabled()
    # At the committee a counter's role reads nothing (the permission matrix): the screen
    # says so instead of failing.
    there = CommitteeView(committee.db, CLERK, dialogs=RecordingDialogs())
    qtbot.addWidget(there)
    assert there.table.rowCount() == 0 and "لجنة البحث" in there.status.text()


def qtbot_button():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_views_follow_the_bus(qtbot, exchange, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.bus import EventBus

    counter, committee, ref = exchange
    bus = EventBus()
    view = CommitteeView(committee.db, MEMBER, dialogs=RecordingDialogs(), bus=bus)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 0
    sync = _view(qtbot, committee, MEMBER, ScriptedPrompts(PASSPHRASES["COM1"]), RecordingDialogs())
    sync.bus = bus
    path = counter.svc.export(CLERK, counter.identity, tmp_path)[0].path
    sync.start_import(path=str(path))
    assert view.table.rowCount() == 1 and view.table.item(0, 0).text() == ref
