"""Export and import from the Sync screen run in a worker process (issue 14: the window
never stalls): a real ``makarem-desk worker`` child started through QProcess, its progress
shown in words, its failures worded in Arabic."""

from __future__ import annotations

import sys
import uuid

import pytest
from sync_support import PASSPHRASES, add_case

from makarem_desk import worker
from makarem_desk.models import Role
from makarem_desk.services.actor import Actor
from makarem_desk.sync import SyncService
from makarem_desk.sync.errors import BatchHeld
from makarem_desk.ui.bus import EventBus
from makarem_desk.ui.context import AppContext
from makarem_desk.ui.dialogs import RecordingDialogs
from makarem_desk.ui.sync_view import SyncView
from makarem_desk.ui.tasks import ProcessTask, TaskRunner

CLERK = Actor(uuid.uuid4(), "sara", "سارة", Role.RECEPTIONIST)
MEMBER = Actor(uuid.uuid4(), "amal", "أمل الشهري", Role.COMMITTEE_MEMBER)


@pytest.fixture(autouse=True)
def arabic(qapp):  # type: ignore[no-untyped-def]
    from makarem_desk.ui.i18n import apply_language
    from makarem_desk.ui.main import make_application

    app = make_application(language="ar")
    yield app
    apply_language(app, "ar")


class Watched:
    """A Sync screen whose runner starts real worker processes; every task and every
    progress step it shows is kept."""

    def __init__(self, qtbot, inst, actor, dialogs):  # type: ignore[no-untyped-def]
        self.runner = TaskRunner()  # processes=True: the window's own settings
        self.tasks: list[ProcessTask] = []
        self.steps: list[tuple[int, int, str]] = []
        real = self.runner.run_job

        def spy(*a, **kw):  # type: ignore[no-untyped-def]
            task = real(*a, **kw)
            assert isinstance(task, ProcessTask)
            task.signals.progress.connect(lambda d, t, s: self.steps.append((d, t, s)))
            self.tasks.append(task)
            return task

        self.runner.run_job = spy  # type: ignore[method-assign]
        ctx = AppContext(db=inst.db, bus=EventBus(), tasks=self.runner, dialogs=dialogs,
                         keys_dir=inst.keys_dir)
        ctx.actor = actor
        self.view = SyncView(ctx)
        qtbot.addWidget(self.view)

    def wait(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: bool(self.tasks) and self.tasks[-1].done, timeout=120_000)
        assert self.runner.wait(30_000)  # the child has exited, too
        assert self.view.export_button.isEnabled()  # the buttons are given back


@pytest.fixture
def in_process_forbidden(monkeypatch):  # type: ignore[no-untyped-def]
    """The window's own process must not export or import: only the worker may."""
    def refuse(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("ran in the window's process")

    monkeypatch.setattr(SyncService, "export", refuse)
    monkeypatch.setattr(SyncService, "import_file", refuse)


def test_export_and_import_go_through_a_worker_process(
        qtbot, counter_and_committee, tmp_path, in_process_forbidden) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db)
    dialogs = RecordingDialogs()
    dialogs.ask_answers, dialogs.folder_path = [PASSPHRASES["RYD1"]], str(tmp_path)
    at_counter = Watched(qtbot, counter, CLERK, dialogs)
    at_counter.view.export_button.click()
    assert not at_counter.view.export_button.isEnabled()  # busy while the child works
    at_counter.wait(qtbot)
    task = at_counter.tasks[0]
    assert task.process.exitCode() == 0 and task.answered
    batch = tmp_path / "RYD1-to-COM1-000001.mkb"
    assert batch.exists(), dialogs.errors
    assert dialogs.errors == []
    # Progress arrived from the child, in the interface's words.
    labels = [s for _d, _t, s in at_counter.steps]
    assert labels[0] == "فتح المفاتيح…", labels
    assert len(labels) > 1 and all(label for label in labels)
    assert ("info", f"احفظ الملف وسلّمه للجنة البحث:\n{batch}") in dialogs.shown
    assert at_counter.view.history.rowCount() == 1

    dialogs.ask_answers, dialogs.open_path = [PASSPHRASES["COM1"]], str(batch)
    at_committee = Watched(qtbot, committee, MEMBER, dialogs)
    at_committee.view.import_button.click()
    at_committee.wait(qtbot)
    assert dialogs.errors == []
    assert "7 جديد" in at_committee.view.last_message
    assert at_committee.steps[0][2] == "فتح المفاتيح والتحقق من التوقيع…"


def test_a_failure_in_the_worker_is_worded_in_arabic(
        qtbot, counter_and_committee, tmp_path, in_process_forbidden) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee
    add_case(counter.db)
    dialogs = RecordingDialogs()
    dialogs.ask_answers, dialogs.folder_path = ["not the passphrase"], str(tmp_path)
    at_counter = Watched(qtbot, counter, CLERK, dialogs)
    at_counter.view.export_button.click()
    at_counter.wait(qtbot)
    # The keys' own refusal, raised in the child, reaches the person as it would in-process.
    assert dialogs.errors == ["عبارة المرور غير صحيحة."]
    [error] = dialogs.errors
    assert at_counter.view.last_message == error
    assert not list(tmp_path.glob("*.mkb"))


def test_an_error_keeps_its_fields_across_the_pipe() -> None:
    held = BatchHeld("batch 3 waits for 2", missing=[2], message_ar="الدفعة 3 تنتظر 2")
    back = worker.parse_line(f"{worker.ERROR} {worker.error_payload(held)}")
    assert back is not None
    kind, exc = back
    assert kind == worker.ERROR and isinstance(exc, BatchHeld)
    assert exc.missing == [2] and exc.message_ar == "الدفعة 3 تنتظر 2"
    # Anything that is not a person's error arrives worded, never as a bare traceback.
    _, bug = worker.parse_line(f"E {worker.error_payload(KeyError('x'))}")  # type: ignore[misc]
    assert isinstance(bug, worker.WorkerFailed) and "KeyError" in bug.message_ar
    _, full = worker.parse_line(  # type: ignore[misc]
        f"E {worker.error_payload(OSError(28, 'No space left on device', 'r.pdf'))}")
    assert full.message_ar == "تعذّرت قراءة الملف أو كتابته: No space left on device (r.pdf)."


def test_a_worker_that_dies_is_worded(qtbot, counter_and_committee, tmp_path,
                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    counter, _committee = counter_and_committee
    # A child that dies before answering (as if killed, or the program were damaged).
    monkeypatch.setattr(worker, "command",
                        lambda: [sys.executable, "-c", "import sys; sys.exit(3)"])
    dialogs = RecordingDialogs()
    dialogs.ask_answers, dialogs.folder_path = [PASSPHRASES["RYD1"]], str(tmp_path)
    at_counter = Watched(qtbot, counter, CLERK, dialogs)
    at_counter.view.export_button.click()
    at_counter.wait(qtbot)
    [error] = dialogs.errors
    assert error.startswith("توقّف العمل في الخلفية على غير المتوقّع (رمز الخروج 3)")
    assert at_counter.view.last_message == error


def test_cancel_stops_the_worker(qtbot, counter_and_committee, tmp_path,
                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    counter, _committee = counter_and_committee
    # A child that reports one step, then waits for the cancel line and exits.
    script = ("import sys; print('P [0, 0, \"unlock\"]', flush=True); sys.stdin.readline(); "
              "sys.exit(0 if sys.stdin.readline().strip() == 'cancel' else 4)")
    monkeypatch.setattr(worker, "command", lambda: [sys.executable, "-c", script])
    dialogs = RecordingDialogs()
    dialogs.ask_answers, dialogs.folder_path = [PASSPHRASES["RYD1"]], str(tmp_path)
    at_counter = Watched(qtbot, counter, CLERK, dialogs)
    at_counter.view.export_button.click()
    qtbot.waitUntil(lambda: bool(at_counter.steps), timeout=30_000)
    task = at_counter.tasks[0]
    task.cancel()
    at_counter.wait(qtbot)
    assert task.process.exitCode() == 0  # it read "cancel" and stopped by itself
    assert dialogs.errors == [] and not any(kind == "info" for kind, _ in dialogs.shown)


def test_the_worker_answers_on_its_stdout(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``makarem-desk worker``'s side: progress lines, then one answer line."""
    import io

    def job(_ctx, params, progress, cancelled):  # type: ignore[no-untyped-def]
        progress(1, 2, "half")
        return {"twice": params["n"] * 2, "cancelled": cancelled()}

    monkeypatch.setitem(worker.JOBS, "test.double", job)
    url = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    out = io.StringIO()
    request = worker.encode(worker.Job("test.double", {"n": 21}, url, CLERK)) + "\n"
    assert worker.serve(io.StringIO(request), out) == 0
    lines = [worker.parse_line(line) for line in out.getvalue().splitlines()]
    assert lines[0] == (worker.PROGRESS, (1, 2, "half"))
    assert lines[-1] is not None and lines[-1][0] == worker.RESULT
    assert lines[-1][1]["twice"] == 42

    out = io.StringIO()
    unknown = worker.encode(worker.Job("no.such", {}, url, CLERK)) + "\n"
    assert worker.serve(io.StringIO(unknown), out) == 1
    kind, exc = worker.parse_line(out.getvalue().splitlines()[-1])  # type: ignore[misc]
    assert kind == worker.ERROR and exc.message_ar == "عمل غير معروف: no.such"
