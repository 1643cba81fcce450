"""Start-up of the interface: language, fonts, style, first-run set-up or log-in, then the
main window.

The log-in form is painted, and usable, before SQLAlchemy and the services
are imported: importing the data layer costs more than the whole empty window.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ..errors import UserError
from ..log_privacy import install_identity_mask
from ..resources import resource_path
from .dialogs import Dialogs
from .error_hook import install_exception_hook
from .fonts import register_fonts
from .i18n import apply_language, current_language
from .qt_messages import route_qt_messages

if TYPE_CHECKING:
    from ..services.actor import Actor
    from .context import AppContext
    from .main_window import MainWindow

log = logging.getLogger(__name__)
WINDOW_SIZE = (1366, 768)


def make_application(argv: list[str] | None = None, language: str = "ar") -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("Makarem Desk")
    app.setOrganizationName("Makarem")
    apply_language(app, language)
    try:
        register_fonts(app)
    except UserError as exc:
        log.error("%s", exc.message)
    try:  # the title bar and taskbar (the executables carry the .ico of the same mark)
        app.setWindowIcon(QIcon(str(resource_path("icons", "makarem-desk.png"))))
    except UserError as exc:
        log.error("%s", exc.message)
    try:
        from .style import style_sheet

        app.setStyleSheet(style_sheet())
    except UserError as exc:
        log.error("%s", exc.message)
    return app


class StartWindow(QWidget):
    """Before the main window: a starting card, then the first-run set-up or the log-in."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Makarem Desk"))
        self.stack = QStackedWidget()
        starting = QLabel(self.tr("Makarem Desk — starting…"))
        starting.setObjectName("pageTitle")
        starting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(starting)
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)
        self.resize(720, 560)

    def show_page(self, page: QWidget) -> None:
        while self.stack.count() > 1:
            old = self.stack.widget(1)
            if old is None:
                break
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.setFocus()


class Desk(QObject):
    """Drives the windows: set-up → log-in → main window, sign-out, language changes."""

    def __init__(self, app: QApplication, ctx: AppContext):
        super().__init__()
        self.app = app
        self.ctx = ctx
        self.start = StartWindow()
        self.main: MainWindow | None = None
        ctx.bus.language_changed.connect(self.change_language)

    def begin(self) -> None:
        from .login_view import LoginPage
        from .setup_view import SetupPage

        if self.ctx.setup.needs_setup():
            setup = SetupPage(self.ctx)
            setup.completed.connect(lambda _info: self.begin())
            self.start.show_page(setup)
        else:
            login = LoginPage(self.ctx)
            login.signed_in.connect(self.signed_in)
            self.start.show_page(login)
        self.start.show()

    def signed_in(self, actor: Actor) -> None:
        self.ctx.actor = actor
        language = current_language()
        if actor.user_id is not None:
            language = self.ctx.auth.get(actor, actor.user_id).language
        if language != current_language():
            apply_language(self.app, language)
        self.open_main()

    def open_main(self, page: str = "today") -> MainWindow:
        from .main_window import MainWindow

        old = self.main
        self.main = MainWindow(self.ctx, initial=page)
        self.main.signed_out.connect(self.sign_out)
        self.main.resize(*WINDOW_SIZE)
        self.main.show()
        self.start.hide()
        if old is not None:
            old.close()
            old.deleteLater()
        return self.main

    def change_language(self, language: str) -> None:
        apply_language(self.app, language)
        # Every string was translated when its widget was built: rebuild the window, on
        # the same screen.  Interview drafts are saved by the flow, so nothing is lost.
        page = self.main.current_key() if self.main else "settings"
        self.open_main(page)

    def sign_out(self) -> None:
        self.ctx.actor = None
        if self.main is not None:
            self.main.close()
            self.main.deleteLater()
            self.main = None
        self.begin()


def build_context(db_url: str | None, dialogs: Dialogs | None = None,
                  synchronous: bool = False) -> AppContext:
    from ..db import Database
    from .bus import EventBus
    from .context import AppContext
    from .tasks import TaskRunner

    db = Database(db_url)
    backup = db.upgrade()
    if backup is not None:
        log.warning("database upgraded; the previous file was kept as %s", backup)
    return AppContext(db=db, bus=EventBus(), tasks=TaskRunner(synchronous=synchronous),
                      dialogs=dialogs or Dialogs())


def run_self_test(app: QApplication, ctx: AppContext) -> int:
    """Build the main window and open every screen once; 0 when all of them open."""
    from ..services.actor import SYSTEM
    from .setup_view import SetupPage

    SetupPage(ctx).deleteLater()
    desk = Desk(app, ctx)
    ctx.actor = ctx.actor or SYSTEM  # read-only tour: nothing is written
    window = desk.open_main()
    failures = []
    for key in window.pages:
        try:
            window.show_page(key)
            app.processEvents()
        except Exception as exc:  # report every failing screen, not only the first
            failures.append(f"{key}: {exc!r}")
    failures += [f"{key}: {exc!r}" for key, exc in window.failed.items()]
    ctx.tasks.wait(10000)
    app.processEvents()
    window.close()
    worker_ok = _worker_answers(app, ctx)
    for line in failures:
        print(f"self-test: screen {line}", file=sys.stderr)
    # The last line, as the README's installation check reads it.
    print(f"self-test: {len(window.pages) - len(failures)}/{len(window.pages)} screens opened "
          f"({', '.join(window.pages)})", file=sys.stderr)
    return 1 if failures or not worker_ok else 0


def _worker_answers(app: QApplication, ctx: AppContext) -> bool:
    """Export, import and reports run in a worker process (this program started again,
    ``worker``): check once, at installation, that it starts and answers here."""
    answer: list[Any] = []
    ctx.tasks.run_job(ctx.job("ping"), answer.append, answer.append, db=ctx.db)
    deadline = time.perf_counter() + 120
    while not answer and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)
    ok = bool(answer) and answer[0] == "pong"
    ctx.tasks.wait(10000)  # and has ended
    print(f"self-test: worker process {'answered' if ok else 'FAILED: ' + repr(answer)}",
          file=sys.stderr)
    return ok


def run(db_url: str | None = None, *, self_test: bool = False) -> int:
    t0 = time.perf_counter()
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    route_qt_messages()
    app = make_application(language=os.environ.get("MAKAREM_LANG", "ar"))
    if self_test:
        # No modal dialog may wait for a click offscreen: errors are collected instead,
        # and any of them fails the self-test.
        from .dialogs import RecordingDialogs

        recorder = RecordingDialogs()
        install_exception_hook(lambda: recorder)
        status = run_self_test(app, build_context(db_url, recorder))
        for error in recorder.raised:
            print(f"self-test: error: {error!r}", file=sys.stderr)
        return 1 if recorder.raised else status
    log_file = start_log_file()
    if log_file is not None:
        log.info("logging to %s", log_file)
    dialogs = Dialogs()
    install_exception_hook(lambda: dialogs)
    from .login_view import LoginPage

    # The log-in form is painted and usable at once; SQLAlchemy is imported and the
    # database opened (and upgraded) on a worker thread while the receptionist types.
    start = StartWindow()
    login = LoginPage(None)
    start.show_page(login)
    start.show()
    app.processEvents()
    log.info("log-in form painted after %.0f ms", (time.perf_counter() - t0) * 1000)
    opener = DatabaseOpener(db_url)
    held: dict[str, Any] = {}

    def opened(db: Any) -> None:
        from .backup_schedule import BackupSchedule
        from .bus import EventBus
        from .context import AppContext
        from .tasks import TaskRunner

        ctx = AppContext(db=db, bus=EventBus(), tasks=TaskRunner(), dialogs=dialogs)
        held["backups"] = BackupSchedule(ctx)
        held["backups"].start()  # the start-up copy, on the task pool
        desk = Desk(app, ctx)
        desk.start.deleteLater()
        desk.start = start
        held["desk"] = desk
        log.info("database ready after %.0f ms", (time.perf_counter() - t0) * 1000)
        if ctx.setup.needs_setup():
            desk.begin()  # first run: the set-up replaces the log-in form
        else:
            login.signed_in.connect(desk.signed_in)
            login.attach(ctx)

    def failed(exc: BaseException) -> None:
        dialogs.show_error(start, exc, "" if isinstance(exc, UserError) else repr(exc))
        app.exit(1)

    opener.opened.connect(opened, Qt.ConnectionType.QueuedConnection)
    opener.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    opener.start()
    return int(app.exec())


def start_log_file() -> Path | None:
    """The windowed application has no console: errors also go to a rotating file in the
    user data folder (what the exception dialog's details point support to)."""
    import logging.handlers

    folder = os.environ.get("MAKAREM_DATA_DIR")
    if not folder:
        from platformdirs import user_data_dir

        folder = user_data_dir("makarem-desk", appauthor=False)
    path = Path(folder) / "logs" / "makarem-desk.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000,
                                                       backupCount=3, encoding="utf-8")
    except OSError as exc:
        log.warning("no log file: %s", exc)
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if root.level > logging.INFO or root.level == logging.NOTSET:
        for existing in root.handlers:  # the console keeps the level it was given
            if existing.level == logging.NOTSET:
                existing.setLevel(root.level or logging.WARNING)
        root.setLevel(logging.INFO)
    root.addHandler(handler)
    install_identity_mask(root)
    return path


class DatabaseOpener(QObject):
    """Opens (and upgrades) the database on a worker thread; answers on the GUI thread."""

    opened = Signal(object)
    failed = Signal(object)

    def __init__(self, db_url: str | None):
        super().__init__()
        self.db_url = db_url
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="open-database", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            from ..backups import startup_check
            from ..db import Database

            db = Database(self.db_url)
            startup_check(db)  # a damaged file: the message names the backup to restore
            backup = db.upgrade()
            if backup is not None:
                log.warning("database upgraded; the previous file was kept as %s", backup)
        except Exception as exc:  # shown on the GUI thread
            self.failed.emit(exc)
        else:
            self.opened.emit(db)
