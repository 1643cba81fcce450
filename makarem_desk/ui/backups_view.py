"""Backups and restore (administrators): the copies kept beside the database, a copy now,
the automatic schedule, and restoring a copy after the service has checked it.

Everything goes through ``BackupService``; copying, checking and restoring run on the task
pool.  A restore replaces the database file under every service of the window, so the
screen then emits ``restored`` and the window signs everyone out to the log-in screen
(``MainWindow``), whose services are built again on the restored file.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..backups import AUTO, BackupInfo, BackupService, BackupSettings, pg_commands
from ..errors import UserError
from ..restore import RestoreResult
from ..sqlite_files import FileFacts
from .audit_view import fit_columns, riyadh_time
from .context import AppContext
from .dialogs import user_message
from .i18n import current_language, ltr
from .widgets import Table, hint, page_title

BACKUP_FILES = "Makarem Desk (*.sqlite3 *.db);;*"


class BackupsView(QWidget):
    restored = Signal()  # the database file was replaced: nothing of the old one may be used

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 service: BackupService | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = service or BackupService(ctx.db)
        self.backups: list[BackupInfo] = []
        self.checked: dict[Path, str] = {}  # what a full check said about a listed copy
        self.facts: FileFacts | None = None
        self.loaded: BackupSettings | None = None  # the schedule as last read or saved

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.pg_help = QPlainTextEdit()
        self.pg_help.setReadOnly(True)
        self.pg_help.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.pg_help.setVisible(False)

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("primary")
        self.backup_button.clicked.connect(lambda: self.back_up())
        self.copy_button = QPushButton(self.tr("Back up to a folder…"))
        self.copy_button.clicked.connect(self.back_up_to_folder)
        self.restore_selected_button = QPushButton(self.tr("Restore the selected backup…"))
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_file_button.clicked.connect(self.restore_from_file)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.copy_button, self.restore_selected_button,
                  self.restore_file_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("hint")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons.addWidget(self.folder_label)
        self.table = Table([self.tr("Made (Riyadh time)"), self.tr("Kind"), self.tr("Size"),
                            self.tr("Checked"), self.tr("File")])
        # Three rows at least; in the Administration tab it takes the height that is left.
        self.table.setMinimumHeight(150)
        self.table.set_empty_text(self.tr("No backup in this folder yet: make one with "
                                          "Back up now."))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        self.files_box = QGroupBox(self.tr("Backups of this desk"))
        fv = QVBoxLayout(self.files_box)
        fv.addLayout(buttons)
        fv.addWidget(self.table, 1)

        self.interval = QSpinBox()
        self.interval.setRange(1, 168)
        self.interval.setSuffix(" " + self.tr("hours"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        for spin in (self.interval, self.keep):
            spin.setLocale(QLocale.c())  # the digits of the times beside them
            spin.setMinimumWidth(140)
        self.save_button = QPushButton(self.tr("Save the schedule"))
        self.save_button.clicked.connect(self.save_settings)
        self.schedule_state = QLabel()
        self.schedule_state.setWordWrap(True)
        self.schedule_box = QGroupBox(self.tr("Automatic backups"))
        form = QFormLayout(self.schedule_box)
        every_row = QHBoxLayout()
        every_row.addWidget(self.interval)
        every_row.addStretch(1)
        form.addRow(self.tr("Back up every"), every_row)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep)
        keep_row.addWidget(self.save_button)
        keep_row.addStretch(1)
        form.addRow(self.tr("Automatic copies kept"), keep_row)
        form.addRow(self.schedule_state)

        self.check_state = QLabel(self.tr(
            "A backup is checked before anything changes: that it is whole (SQLite's "
            "integrity check), that it is a Makarem Desk database this version knows, and "
            "which installation it belongs to."))
        self.check_state.setWordWrap(True)
        self.check_state.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.check_box = QGroupBox(self.tr("Restore"))
        cv = QVBoxLayout(self.check_box)
        cv.addWidget(self.check_state, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(self.schedule_box, 2)
        bottom.addWidget(self.check_box, 3)

        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Backups")))
        self.about = hint(self.tr(
            "The desk copies its database when it starts and every few hours while it runs, "
            "and keeps the newest automatic copies. Each copy passes SQLite's check before it "
            "gets its name. Keep a copy away from this PC too (Back up to a folder…)."))
        lay.addWidget(self.about)
        lay.addWidget(self.notice)
        lay.addWidget(self.pg_help, 1)
        lay.addWidget(self.files_box, 1)
        lay.addLayout(bottom)
        self.setFocusProxy(self.backup_button)
        self._selection_changed()

    # -- the list ---------------------------------------------------------------------
    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        try:
            self.backups = self.service.list_backups(actor)
            settings = self.service.settings(actor)
        except UserError as exc:  # PostgreSQL: its own tools (the service says which)
            self._no_file_backups(exc)
            return
        self.folder_label.setText(self.tr("Folder: %1").replace(
            "%1", ltr(str(self.service.folder))))
        when_written = self.tr("Yes, when written")
        selected = self.table.row_data()
        self.table.set_rows([
            ([ltr(riyadh_time(b.made_at)), self.kind_label(b.kind), size_text(b.size),
              self.checked.get(b.path, when_written), ltr(b.path.name)], b)
            for b in self.backups])
        fit_columns(self.table)
        if isinstance(selected, BackupInfo):  # the same copy stays selected
            row = next((i for i, b in enumerate(self.backups) if b.path == selected.path), -1)
            if row >= 0:
                self.table.selectRow(row)
        self._load_settings(settings)
        self._show_schedule(settings)
        self._selection_changed()

    def _load_settings(self, settings: BackupSettings) -> None:
        """Into the spin boxes, unless the administrator has changed them and not saved."""
        shown = (self.interval.value(), self.keep.value())
        if self.loaded is None or shown == (self.loaded.interval_hours, self.loaded.keep):
            self.interval.setValue(settings.interval_hours)
            self.keep.setValue(settings.keep)
        self.loaded = settings

    def _no_file_backups(self, exc: UserError) -> None:
        for box in (self.about, self.files_box, self.schedule_box, self.check_box):
            box.setVisible(False)
        self.notice.setText(user_message(exc))
        self.notice.setVisible(True)
        if self.ctx.db.sqlite_path is None:  # the commands, with this database's address
            self.pg_help.setPlainText(pg_commands(self.ctx.db))
            self.pg_help.setVisible(True)

    def _show_schedule(self, settings: BackupSettings) -> None:
        autos = [b for b in self.backups if b.kind == AUTO]
        if autos:
            due = autos[0].made_at + timedelta(hours=settings.interval_hours)
            self.schedule_state.setText(self.tr("Newest automatic copy: %1. Next one due at "
                                                "about %2 while the desk is open.")
                                        .replace("%1", when(autos[0].made_at))
                                        .replace("%2", when(due)))
        else:
            self.schedule_state.setText(self.tr("No automatic copy yet: the next start of "
                                                "the desk makes one."))

    def kind_label(self, kind: str) -> str:
        return self.tr("Automatic") if kind == AUTO else self.tr("Manual")

    def _selection_changed(self) -> None:
        self.restore_selected_button.setEnabled(self.table.row_data() is not None)

    # -- backing up ---------------------------------------------------------------------
    def back_up(self, out: Path | None = None) -> None:
        actor = self.ctx.require_actor()
        self._busy(True)
        self.ctx.tasks.run(lambda _p: self.service.backup_now(actor, out), self._backed_up,
                           self._failed, label=self.tr("Copying the database…"), parent=self,
                           cancellable=False)

    def back_up_to_folder(self) -> None:
        folder = self.ctx.dialogs.pick_folder(self, self.tr("Where to put the copy"))
        if folder:
            self.back_up(Path(folder))

    def _backed_up(self, info: BackupInfo) -> None:
        self._busy(False)
        self.refresh()
        self.ctx.dialogs.info(self, self.tr("Back up now"), self.tr(
            "The copy is written and checked: %1 (%2).").replace("%1", ltr(str(info.path)))
            .replace("%2", size_text(info.size)))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.refresh()
        self.ctx.dialogs.show_error(self, exc)

    def _busy(self, busy: bool) -> None:
        for b in (self.backup_button, self.copy_button, self.restore_file_button,
                  self.save_button):
            b.setEnabled(not busy)
        self.restore_selected_button.setEnabled(not busy and self.table.row_data() is not None)

    # -- the schedule -------------------------------------------------------------------
    def save_settings(self) -> None:
        try:
            settings = self.service.update_settings(
                self.ctx.require_actor(), interval_hours=self.interval.value(),
                keep=self.keep.value())
        except UserError as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        self.loaded = settings
        self._show_schedule(settings)
        self.schedule_state.setText(self.tr("Saved.") + " " + self.schedule_state.text())

    # -- restoring ----------------------------------------------------------------------
    def restore_selected(self) -> None:
        chosen = self.table.row_data()
        if isinstance(chosen, BackupInfo):
            self.check_then_restore(chosen.path)

    def restore_from_file(self) -> None:
        path = self.ctx.dialogs.pick_open_path(self, self.tr("Choose the backup to restore"),
                                               BACKUP_FILES)
        if path:
            self.check_then_restore(Path(path))

    def check_then_restore(self, path: Path) -> None:
        """The service checks the file first (nothing changes); only a sound file is
        offered for restoring, with what it holds and what a restore does."""
        from ..migrate import head_revision

        actor = self.ctx.require_actor()
        self.facts = None
        self._say(self.tr("Checking %1…").replace("%1", ltr(str(path))), good=True)
        self._busy(True)
        self.ctx.tasks.run(
            lambda _p: (self.service.check_file(actor, path), head_revision()),
            lambda result: self._checked(path, *result),
            lambda exc: self._check_failed(path, exc),
            label=self.tr("Checking the backup…"), parent=self, cancellable=False)

    def _check_failed(self, path: Path, exc: BaseException) -> None:
        """Refused: the reason stays on the screen, in red (the service's message says
        that nothing was changed, and why)."""
        self._busy(False)
        if path in {b.path for b in self.backups}:
            self.checked[path] = self.tr("No: refused")
            self.refresh()
        self._say(user_message(exc), good=False)

    def _checked(self, path: Path, facts: FileFacts, head: str | None) -> None:
        self._busy(False)
        self.facts = facts
        if path in {b.path for b in self.backups}:
            self.checked[path] = self.tr("Yes, full check")
            self.refresh()
        self._say(self.facts_text(path, facts, head), good=True)
        question = self.tr(
            "Restore %1?\n\nThe database in use now is not deleted: it is kept beside it as a "
            "replaced copy. Anything recorded since this backup was made stays only in that "
            "replaced copy.\n\nWhen the restore is done everyone is signed out and the desk "
            "returns to the log-in screen. Close every other Makarem Desk window on this PC "
            "first.").replace("%1", ltr(path.name))
        if not self.ctx.dialogs.confirm(self, self.tr("Restore a backup"), question):
            return
        self._restore(path)

    def facts_text(self, path: Path, facts: FileFacts, head: str | None) -> str:
        installation = (f"{ltr(facts.site_id)} — {self.installation_label(facts.site_role)}"
                        if facts.site_id else self.tr("never set up"))
        schema = (self.tr("revision %1, this version's").replace("%1", ltr(facts.revision))
                  if facts.revision == head else
                  self.tr("revision %1, older: brought up to date when restored")
                  .replace("%1", ltr(facts.revision)))
        return "\n".join([
            self.tr("%1 passed the check:").replace("%1", ltr(path.name)),
            "• " + self.tr("Integrity: whole (SQLite integrity check)"),
            "• " + self.tr("Schema: %1").replace("%1", schema),
            "• " + self.tr("Installation: %1").replace("%1", installation),
        ])

    def installation_label(self, role: str | None) -> str:
        if role == "committee":
            return self.tr("the research committee")
        return self.tr("a counter")

    def _restore(self, path: Path) -> None:
        actor = self.ctx.require_actor()
        top = self.window()
        top.setEnabled(False)  # no screen may read the database while it is swapped
        self._say(self.tr("Restoring %1…").replace("%1", ltr(path.name)), good=True)

        def failed(exc: BaseException) -> None:
            top.setEnabled(True)
            self._busy(False)
            self._say(user_message(exc), good=False)
            self.refresh()
            self.ctx.dialogs.show_error(self, exc)

        self._busy(True)
        self.ctx.tasks.run(lambda _p: self.service.restore(actor, path),
                           lambda result: self._restored(top, result), failed,
                           label=self.tr("Restoring the backup…"), parent=self,
                           cancellable=False)

    def _restored(self, top: QWidget, result: RestoreResult) -> None:
        top.setEnabled(True)
        self._busy(False)
        lines = [self.tr("The database was restored from %1.").replace(
            "%1", ltr(str(result.source)))]
        if result.replaced is not None:
            lines.append(self.tr("The one it replaced is kept as %1.").replace(
                "%1", ltr(str(result.replaced))))
        if result.upgraded_from is not None:
            lines.append(self.tr("Its schema was brought up to date."))
        lines.append(self.tr("Sign in again."))
        self.ctx.dialogs.info(self, self.tr("Restore a backup"), "\n".join(lines))
        self.restored.emit()

    def _say(self, text: str, *, good: bool) -> None:
        if current_language() == "ar":
            # A line of English detail (the file's path first) keeps its own direction.
            text = "\n".join(line if _has_arabic(line) else ltr(line)
                              for line in text.splitlines())
        self.check_state.setText(text)
        self.check_state.setObjectName("" if good else "statusBad")
        self.check_state.style().unpolish(self.check_state)
        self.check_state.style().polish(self.check_state)


def when(at: datetime) -> str:
    """A Riyadh time inside a sentence: one unbreakable left-to-right run."""
    return ltr(riyadh_time(at).replace(" ", "\u00a0"))


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def size_text(size: int) -> str:
    if size >= 1 << 20:
        return QCoreApplication.translate("BackupsView", "%1 MB").replace(
            "%1", f"{size / (1 << 20):.1f}")
    return QCoreApplication.translate("BackupsView", "%1 KB").replace(
        "%1", str(max(1, round(size / 1024))))
