"""Heavy work in a process of its own (issue 14: a window that never stalls).

An export, an import or a report allocates millions of short-lived objects; on a thread
of the window's process their garbage collections held the interpreter's lock for up to
1.7 s, and the window froze.  So the window starts this program again as a *worker*
(``makarem-desk worker``: ``python -m makarem_desk worker`` from the source tree, the
program's own executable in a PyInstaller build) and talks to it through its pipes:

* stdin, first line: the request (a ``Job`` -- what to run, for whom, on which database);
  each later line ``cancel`` asks the work to stop (end of stdin means the same);
* stdout, one line each: ``P [done, total, label]`` progress, then ``R`` and the result
  or ``E`` and the error.  Anything else on stdout is ignored.

No Qt here: the window's side is ``ui.tasks.TaskRunner.run_job``.  Jobs are plain
functions of ``JOBS``; tests and ``TaskRunner(synchronous=True)`` call ``run_job`` inline.
"""

from __future__ import annotations

import base64
import json
import pickle
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import UserError
from .services.actor import Actor

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]
JobFn = Callable[["JobContext", dict[str, Any], ProgressFn, CancelledFn], Any]

COMMAND = "worker"
PROGRESS, RESULT, ERROR = "P", "R", "E"


@dataclass(frozen=True)
class Job:
    """One piece of work for a worker: the job's name in ``JOBS``, its parameters, and
    the database, keys folder and member of staff of the window that asks for it."""

    name: str
    params: dict[str, Any]
    db_url: str
    actor: Actor
    keys_dir: Path | None = None


@dataclass
class JobContext:
    db: Any  # makarem_desk.db.Database (imported lazily: the worker starts light)
    actor: Actor
    keys_dir: Path | None = None
    _services: dict[str, Any] = field(default_factory=dict)

    def sync(self) -> Any:
        if "sync" not in self._services:
            from .sync import SyncService
            from .sync.keys import KeyStore

            self._services["sync"] = SyncService(self.db, KeyStore(self.keys_dir))
        return self._services["sync"]


class JobCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("Cancelled; nothing was changed.",
                         message_ar="أُلغي العمل؛ لم يتغيّر شيء.")


class WorkerFailed(UserError):
    """The worker could not start, stopped without an answer, or met an unexpected error."""


def worker_not_started(reason: str) -> WorkerFailed:
    return WorkerFailed(
        f"The background work could not start ({reason}). Try again; if it happens again, "
        "send the log file to support.",
        message_ar=f"تعذّر بدء العمل في الخلفية ({reason}). أعد المحاولة، وإن تكرّر ذلك "
                   "فأرسل ملف السجل إلى الدعم الفني.")


def worker_stopped(code: int, detail: str) -> WorkerFailed:
    tail = f": {detail}" if detail else ""
    return WorkerFailed(
        f"The background work stopped unexpectedly (exit code {code}){tail}. Try again; "
        "if it happens again, send the log file to support.",
        message_ar=f"توقّف العمل في الخلفية على غير المتوقّع (رمز الخروج {code}){tail}. أعد "
                   "المحاولة، وإن تكرّر ذلك فأرسل ملف السجل إلى الدعم الفني.")


def file_error(exc: OSError) -> WorkerFailed:
    """A disk that is full, a folder that cannot be written: said plainly."""
    where = f" ({exc.filename})" if exc.filename else ""
    what = exc.strerror or type(exc).__name__
    return WorkerFailed(f"Cannot read or write the file: {what}{where}.",
                        message_ar=f"تعذّرت قراءة الملف أو كتابته: {what}{where}.")


def unexpected(exc: BaseException) -> WorkerFailed:
    what = f"{type(exc).__name__}: {exc}".strip()
    return WorkerFailed(
        f"The work stopped because of an unexpected error ({what}); send the log file to "
        "support.",
        message_ar=f"توقّف العمل بسبب خطأ غير متوقّع ({what})؛ أرسل ملف السجل إلى الدعم "
                   "الفني.")


# -- the jobs -------------------------------------------------------------------------------
def _sync_export(ctx: JobContext, params: dict[str, Any], progress: ProgressFn,
                 cancelled: CancelledFn) -> Any:
    svc = ctx.sync()
    progress(0, 0, "unlock")
    identity = svc.unlock(ctx.actor, params["passphrase"])
    return svc.export(ctx.actor, identity, Path(params["folder"]), progress=progress,
                      cancelled=cancelled)


def _sync_import(ctx: JobContext, params: dict[str, Any], progress: ProgressFn,
                 cancelled: CancelledFn) -> Any:
    svc = ctx.sync()
    progress(0, 0, "unlock")
    identity = svc.unlock(ctx.actor, params["passphrase"])

    def report(done: int, total: int, label: str) -> None:
        if cancelled():  # raised inside the import's transaction: rolled back
            raise JobCancelled()
        progress(done, total, label)

    return svc.import_file(ctx.actor, identity, Path(params["path"]),
                           allow_gap=bool(params.get("allow_gap")), progress=report)


def _report_build(ctx: JobContext, params: dict[str, Any], progress: ProgressFn,
                  cancelled: CancelledFn) -> Any:
    """The report's figures, then its charts as PNG bytes (``params["charts"]``: each
    chart's size in inches; ``dpi``)."""
    from .reports.charts import CHARTS
    from .reports.figures import STEPS, ReportCancelled, ReportService

    total = len(STEPS) + len(CHARTS)
    report = ReportService(ctx.db).build(
        ctx.actor, params["start"], params["end"], period=params["period"], now=params["now"],
        progress=lambda done, _n, step: progress(done, total, step), cancel=cancelled)
    sizes: dict[str, tuple[float, float]] = params["charts"]
    pngs: dict[str, bytes] = {}
    for i, (name, draw) in enumerate(CHARTS.items()):
        if cancelled():
            raise ReportCancelled()
        progress(len(STEPS) + i, total, "charts")
        pngs[name] = draw(report, params["language"], dpi=params["dpi"],
                          size=sizes.get(name, (6.25, 3.125)))
    return report, pngs


def _report_save(ctx: JobContext, params: dict[str, Any], progress: ProgressFn,
                 _cancelled: CancelledFn) -> Any:
    """The report on screen written as a PDF or an Excel workbook (and audited)."""
    from .reports.export import ReportExportService

    return ReportExportService(ctx.db).export(
        ctx.actor, params["report"], params["path"], params["language"],
        progress=lambda done, total, _section: progress(done, total, ""))


def _ping(_ctx: JobContext, _params: dict[str, Any], _progress: ProgressFn,
          _cancelled: CancelledFn) -> Any:
    """The self-test's check that a worker starts and answers."""
    return "pong"


JOBS: dict[str, JobFn] = {
    "ping": _ping,
    "sync.export": _sync_export,
    "sync.import": _sync_import,
    "report.build": _report_build,
    "report.save": _report_save,
}


def run_job(job: Job, progress: ProgressFn, cancelled: CancelledFn, db: Any = None) -> Any:
    """Run ``job`` here (the worker, or inline for tests); ``db`` reuses an open database."""
    fn = JOBS.get(job.name)
    if fn is None:
        raise WorkerFailed(f"Unknown background job {job.name!r}.",
                           message_ar=f"عمل غير معروف: {job.name}")
    if db is None:
        from .db import Database

        db = Database(job.db_url)
    return fn(JobContext(db, job.actor, job.keys_dir), job.params, progress, cancelled)


def reachable(job: Job) -> bool:
    """Whether another process can open the job's database (an in-memory SQLite database
    lives only in this one)."""
    from sqlalchemy.engine import make_url

    url = make_url(job.db_url)
    return not (url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"))


# -- the wire -------------------------------------------------------------------------------
def command() -> list[str]:
    """The program and arguments that start a worker: the frozen executable is the whole
    program (its ``__main__`` is the command line), the source tree runs the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, COMMAND]
    return [sys.executable, "-m", "makarem_desk", COMMAND]


def environment(base: dict[str, str]) -> dict[str, str]:
    """The worker's environment: the window's, and from the source tree the folder that
    holds this package first on ``PYTHONPATH`` (wherever the window was started from)."""
    env = dict(base)
    if not getattr(sys, "frozen", False):
        import os

        root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


def encode(obj: Any) -> str:
    return base64.b64encode(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)).decode("ascii")


def decode(text: str) -> Any:
    # Only ever what this program's other half wrote into its own pipe.
    return pickle.loads(base64.b64decode(text))  # noqa: S301


def error_payload(exc: BaseException) -> str:
    """A ``UserError`` travels whole (its class, message and fields such as ``missing``):
    the screen words it as it would in-process; anything else becomes ``unexpected``."""
    if isinstance(exc, OSError):
        exc = file_error(exc)
    elif not isinstance(exc, UserError):
        exc = unexpected(exc)
    try:
        state = (type(exc), exc.args, dict(vars(exc)))
        rebuild(decode(encode(state)))
    except Exception:  # a field that does not travel: the words still do
        state = (WorkerFailed, exc.args, {"message": exc.message, "message_ar": exc.message_ar})
    return encode(state)


def rebuild(state: tuple[type[BaseException], tuple[Any, ...], dict[str, Any]]) -> BaseException:
    """The error as raised in the worker, without calling its ``__init__`` again (some
    take keyword-only fields)."""
    cls, args, fields = state
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(fields)
    return exc


def parse_line(line: str) -> tuple[str, Any] | None:
    """One line of a worker's stdout: (``P``, (done, total, label)), (``R``, result) or
    (``E``, exception); ``None`` for anything else."""
    kind, _, rest = line.strip().partition(" ")
    if kind == PROGRESS:
        done, total, label = json.loads(rest)
        return kind, (int(done), int(total), str(label))
    if kind == RESULT:
        return kind, decode(rest)
    if kind == ERROR:
        return kind, rebuild(decode(rest))
    return None


def serve(stdin: IO[str], out: IO[str]) -> int:
    """The worker's side: read the job, run it, answer; ``cancel`` on stdin stops it."""
    job = decode(stdin.readline())
    stop = threading.Event()

    def listen() -> None:
        for line in stdin:
            if line.strip() == "cancel":
                break
        stop.set()  # "cancel", or the window went away (end of input)

    threading.Thread(target=listen, daemon=True).start()
    lock = threading.Lock()

    def send(kind: str, text: str) -> None:
        with lock:
            out.write(f"{kind} {text}\n")
            out.flush()

    def progress(done: int, total: int, label: str) -> None:
        send(PROGRESS, json.dumps([done, total, label]))

    try:
        result = run_job(job, progress, stop.is_set)
    except BaseException as exc:  # every failure is answered, worded, never lost
        if not isinstance(exc, UserError):
            traceback.print_exc(file=sys.stderr)
        send(ERROR, error_payload(exc))
        return 1
    send(RESULT, encode(result))
    return 0


def main() -> int:
    """``makarem-desk worker``: the protocol lines go to the real stdout; anything a
    library prints goes to stderr instead, so it cannot break a line."""
    import logging

    from .log_privacy import install_identity_mask

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    install_identity_mask()
    out = sys.stdout
    if out is None or sys.stdin is None:  # a windowed build started without pipes
        print("makarem-desk worker: needs its standard input and output", file=sys.stderr)
        return 2
    sys.stdout = sys.stderr
    try:
        return serve(sys.stdin, out)
    finally:
        sys.stdout = out
