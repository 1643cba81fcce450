"""The Sync screen (POL-H5): export a batch for the committee, import a batch, the history
of batches, and the conflicts a person must settle.

All work goes through ``ctx.sync`` (``SyncService``); export and import run in a worker
process (``worker.JOBS``) with progress and cancel; every question goes through
``ctx.dialogs``.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..sync import BatchView, ConflictView, ImportResult
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .i18n import current_language, ltr
from .sync_labels import entity_label, field_label, list_separator, step_words, value_text
from .tasks import Task
from .widgets import Table, hint, page_title


def _code(text: str) -> str:
    """A value with no Arabic letters (a phone, a site code, a file name) reads left to
    right in a table cell; a name in Arabic keeps the direction of its words."""
    return text if any("\u0600" <= ch <= "\u06ff" for ch in text) else ltr(text)


def _values(values: list[str]) -> str:
    """Several values in one cell, in the order of the interface's reading: each kept whole
    (a date beside an Arabic name would otherwise change places with it), the line set to
    the interface's direction."""
    if len(values) == 1:
        return _code(values[0])
    mark = "\u200f" if current_language() == "ar" else "\u200e"
    return mark + list_separator().join(f"\u2068{v}\u2069" for v in values)


def compact(table: Table) -> Table:
    """Columns as wide as their content: the header's own minimum (about 130 px with the
    interface font) would push the eight columns of these tables past 1366×768."""
    table.horizontalHeader().setMinimumSectionSize(48)
    return table


def show_or_say(table: Table, empty: QLabel, rows: bool) -> None:
    """An empty list is a sentence saying what to do next, not a blank grid."""
    table.setVisible(rows)
    empty.setVisible(not rows)


def selected_payload(table: Table) -> Any:
    """The row a person selected (never the current cell Qt keeps after a refresh)."""
    rows = table.selectionModel().selectedRows()
    return table.row_data(rows[0].row()) if len(rows) == 1 else None


class SyncView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncView")
        self.ctx = ctx
        self.actor = ctx.require_actor()
        self.svc = ctx.sync
        self.last_message = ""

        self.identity_label = hint("")
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export a batch for the committee…"))
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.start_export)
        self.import_button = QPushButton(self.tr("Import a batch…"))
        self.import_button.clicked.connect(lambda: self.start_import())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        actions = QHBoxLayout()
        for b in (self.export_button, self.import_button, self.refresh_button):
            actions.addWidget(b)
        actions.addStretch(1)

        self.history = compact(Table([
            self.tr("Direction"), self.tr("Installation"), self.tr("No."), self.tr("Kind"),
            self.tr("Records"), self.tr("State"), self.tr("Date"), self.tr("File"),
        ]))
        self.history_empty = hint(self.tr(
            "No batch has been sent or received yet. Export a batch to send the new records "
            "to the committee, or import the batch you were handed."))
        self.history_box = history_box = QGroupBox(self.tr("Batches"))
        hl = QVBoxLayout(history_box)
        hl.addWidget(self.history, 1)
        hl.addWidget(self.history_empty)

        self.conflicts = compact(Table([
            self.tr("Record"), self.tr("Identifier"), self.tr("From"),
            self.tr("Fields that differ"), self.tr("Here"), self.tr("Incoming"),
            self.tr("Reason"),
        ]))
        self.conflicts.itemSelectionChanged.connect(self._update_buttons)
        self.conflicts_empty = hint(self.tr(
            "No conflict to settle. A conflict appears here when a record that arrives was "
            "also changed here since the last exchange."))
        self.take_button = QPushButton(self.tr("Take the incoming version"))
        self.take_button.clicked.connect(lambda: self.resolve(take_incoming=True))
        self.keep_button = QPushButton(self.tr("Keep the local version"))
        self.keep_button.clicked.connect(lambda: self.resolve(take_incoming=False))
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.take_button)
        resolve_row.addWidget(self.keep_button)
        resolve_row.addStretch(1)
        self.conflicts_box = conflicts_box = QGroupBox(self.tr("Conflicts to settle"))
        cl = QVBoxLayout(conflicts_box)
        cl.addWidget(self.conflicts, 1)
        cl.addWidget(self.conflicts_empty)
        cl.addLayout(resolve_row)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.lay = lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Exchange with the committee")))
        lay.addWidget(hint(self.tr(
            "Batches travel on a USB stick: new records go to the research committee, and "
            "its decisions come back to the branch.")))
        lay.addWidget(self.identity_label)
        lay.addLayout(actions)
        lay.addWidget(history_box, 3)
        lay.addWidget(conflicts_box, 2)
        lay.addWidget(self.status)
        lay.addStretch(0)  # takes the height the lists leave when they are empty
        # A batch imported or a decision recorded elsewhere in the window shows here.
        track(self, ctx.bus.data_changed, self.refresh)
        self.setFocusProxy(self.export_button)
        self.refresh()

    # -- display ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            me = self.svc.public_identity(self.actor) if self.svc.keys.exists() else None
            peers = self.svc.peers(self.actor)
            batches = self.svc.history(self.actor)
            conflicts = self.svc.conflicts(self.actor)
            held = self.svc.held_batches(self.actor)
        except UserError as exc:
            self._say(exc)
            return
        lines = []
        if me is None:
            lines.append(self.tr(
                "This installation has no keys yet; the administrator creates them on the "
                "Administration screen (Keys and trusted installations)."))
        else:
            sep = list_separator()
            lines.append(self.tr("This installation: %1 — fingerprint %2 — trusted: %3")
                         .replace("%1", ltr(me.site_id)).replace("%2", ltr(me.fingerprint))
                         .replace("%3", sep.join(ltr(p.site_id) for p in peers)
                                  or self.tr("none yet")))
            if not peers:
                lines.append(self.tr(
                    "Nothing can be exchanged until the administrator trusts the other side's "
                    "public key on the Administration screen (Keys and trusted "
                    "installations)."))
        if held:
            lines.append(self.tr("Kept aside until an earlier batch arrives: %1")
                         .replace("%1", list_separator().join(ltr(h) for h in held)))
        self.identity_label.setText("\n".join(lines))
        self.export_button.setEnabled(me is not None and bool(peers))
        self.import_button.setEnabled(me is not None and bool(peers))
        self._fill_history(batches)
        self._fill_conflicts(conflicts)
        # A list with rows takes the height; an empty one is just its sentence.
        self.lay.setStretchFactor(self.history_box, 3 if batches else 0)
        self.lay.setStretchFactor(self.conflicts_box, 2 if conflicts else 0)
        self.lay.setStretch(self.lay.count() - 1, 0 if batches or conflicts else 1)

    def _fill_history(self, batches: list[BatchView]) -> None:
        self.history.set_rows([(self._history_cells(b), b) for b in batches])
        show_or_say(self.history, self.history_empty, bool(batches))

    def _history_cells(self, b: BatchView) -> list[str]:
        direction = self.tr("Sent") if b.direction == "export" else self.tr("Received")
        kind = (self.tr("Decisions") if b.kind == "decisions"
                else self.tr("Records", "the kind of a batch"))
        state = (self.tr("Done") if b.state == "done"
                 else self.tr("Pending: the next export finishes it")
                 if b.state == "pending" else b.state)
        if b.gap_before:
            state += " " + self.tr("(after a batch that has not arrived)")
        return [direction, ltr(b.peer_site_id), str(b.sequence), kind, str(b.total), state,
                ltr(b.created_at.astimezone().strftime("%Y-%m-%d %H:%M")), ltr(b.file_name)]

    def _fill_conflicts(self, conflicts: list[ConflictView]) -> None:
        self.conflicts.set_rows([(self._conflict_cells(c), c) for c in conflicts])
        for row in range(self.conflicts.rowCount()):  # long values and reasons, whole
            for col in range(self.conflicts.columnCount()):
                cell = self.conflicts.item(row, col)
                if cell is not None:
                    cell.setToolTip(cell.text())
        show_or_say(self.conflicts, self.conflicts_empty, bool(conflicts))
        for b in (self.take_button, self.keep_button):
            b.setVisible(bool(conflicts))
        self._update_buttons()

    def _conflict_cells(self, c: ConflictView) -> list[str]:
        sep = list_separator()
        fields = c.differing_fields()
        shown = fields[:3]
        here = _values([value_text(c.local.get(f)) for f in shown])
        there = _values([value_text(c.incoming.get(f)) for f in shown])
        reason = c.reason_text_ar if current_language() == "ar" else c.reason_text_en
        return [entity_label(c.entity), ltr(str(c.entity_id)[:8]), ltr(c.from_site_id),
                sep.join(field_label(f) for f in fields), here, there, reason]

    def _update_buttons(self) -> None:
        c = self.selected_conflict()
        self.take_button.setEnabled(c is not None and c.reason == "concurrent_edit")
        self.keep_button.setEnabled(c is not None)

    def selected_conflict(self) -> ConflictView | None:
        c = selected_payload(self.conflicts)
        return c if isinstance(c, ConflictView) else None

    def _say(self, message: BaseException | str) -> None:
        self.last_message = user_message(message)
        self.status.setText(self.last_message)

    # -- export -------------------------------------------------------------------------
    def _passphrase(self) -> str | None:
        return self.ctx.dialogs.ask_secret(self, self.tr("Passphrase"),
                                           self.tr("Passphrase of this installation's keys:"))

    def start_export(self) -> None:
        passphrase = self._passphrase()
        if not passphrase:
            return
        folder = self.ctx.dialogs.pick_folder(
            self, self.tr("Choose the folder to save the batch in (a USB stick, say)"))
        if not folder:
            return
        unlocking = self.tr("Unlocking the keys…")
        self._busy(True)
        # In a worker process: the window keeps answering however large the batch.
        task = self.ctx.tasks.run_job(
            self.ctx.job("sync.export", passphrase=passphrase, folder=folder),
            self._exported, self._failed, label=self.tr("Exporting the batch…"), parent=self,
            relabel=step_words(unlocking),
            db=self.ctx.db)
        self._settle_when_done(task)

    def _exported(self, results: list[Any]) -> None:
        self._busy(False)
        written = [r for r in results if r.path is not None]
        if not written:
            self._say(self.tr("Nothing changed since the last batch; no file was written."))
        else:
            lines = [self.tr("%1 (records: %2)").replace("%1", r.path.name)
                     .replace("%2", str(r.total)) for r in written]
            self._say(self.tr("Written: %1").replace("%1", " | ".join(lines)))
            self.ctx.dialogs.info(self, self.tr("Exported"), "\n".join(
                [self.tr("Save the file and hand it to the research committee:")]
                + [str(r.path) for r in written]))
            for r in written:
                self.ctx.bus.batch_exported.emit(str(r.path))
        self.refresh()

    # -- import -------------------------------------------------------------------------
    def start_import(self, *, path: str | None = None) -> None:
        path = path or self.ctx.dialogs.pick_open_path(
            self, self.tr("Choose the batch file"), self.tr("Makarem batches (*.mkb)"))
        if not path:
            return
        passphrase = self._passphrase()
        if passphrase:
            self._import(path, passphrase, allow_gap=False)

    def _import(self, chosen: str, passphrase: str, *, allow_gap: bool) -> None:
        checking = self.tr("Unlocking the keys and checking the signature…")
        self._busy(True)
        # In a worker process; a cancel stops it inside the import's transaction.
        task = self.ctx.tasks.run_job(
            self.ctx.job("sync.import", passphrase=passphrase, path=chosen,
                         allow_gap=allow_gap),
            self._imported, lambda e: self._import_failed(e, chosen, passphrase),
            label=self.tr("Importing the batch…"), parent=self,
            relabel=step_words(checking),
            db=self.ctx.db)
        self._settle_when_done(task)

    def _imported(self, result: ImportResult) -> None:
        self._busy(False)
        if result.already_imported:
            self._say(self.tr("Batch %1 from %2 was already imported; nothing changed.")
                      .replace("%1", str(result.sequence)).replace("%2", ltr(result.site_id)))
        else:
            text = (self.tr("Imported batch %1 from %2: %3 new, %4 updated, %5 conflicts.")
                    .replace("%1", str(result.sequence)).replace("%2", ltr(result.site_id))
                    .replace("%3", str(result.total("inserted")))
                    .replace("%4", str(result.total("updated")))
                    .replace("%5", str(result.total("conflicts"))))
            if result.released:
                numbers = list_separator().join(str(r.sequence) for r in result.released)
                text += " " + self.tr("Batches kept aside were imported with it: %1.").replace(
                    "%1", numbers)
            self._say(text)
            if result.kind == "decisions":
                self.ctx.bus.decisions_imported.emit(result.total("updated"))
            self.ctx.bus.data_changed.emit()
        self.refresh()

    def _import_failed(self, error: BaseException, path: str, passphrase: str) -> None:
        from ..sync import BatchHeld

        self._busy(False)
        self._say(error)
        if isinstance(error, BatchHeld):
            self.refresh()  # it is now listed as kept aside
            self._say(error)
            missing = list_separator().join(map(str, error.missing))
            if self.ctx.dialogs.confirm(
                    self, self.tr("An earlier batch is missing"),
                    self.tr("Batch %1 has not arrived. Import this one now and record the "
                            "gap?").replace("%1", missing)):
                # The same file and passphrase: nothing is asked twice.
                self._import(path, passphrase, allow_gap=True)
            return
        self.ctx.dialogs.show_error(self, error)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self._say(error)
        self.ctx.dialogs.show_error(self, error)

    def _settle_when_done(self, task: Task) -> None:
        """A cancelled task calls neither callback: give the buttons back regardless."""
        if task.done:
            return
        task.signals.finished.connect(lambda _r: self._busy(False))
        task.signals.failed.connect(lambda _e: self._busy(False))

    def _busy(self, on: bool) -> None:
        for b in (self.export_button, self.import_button):
            b.setEnabled(not on)

    # -- conflicts ----------------------------------------------------------------------
    def resolve(self, *, take_incoming: bool) -> None:
        c = self.selected_conflict()
        if c is None:
            return
        question = (self.tr("Replace the local version with the incoming one?")
                    if take_incoming else self.tr("Keep the local version?"))
        if not self.ctx.dialogs.confirm(self, self.tr("Settle the conflict"), question):
            return
        try:
            self.svc.resolve_conflict(self.actor, c.id, take_incoming=take_incoming)
        except UserError as exc:
            self._say(exc)
            self.ctx.dialogs.show_error(self, exc)
            return
        self.ctx.bus.data_changed.emit()

    def select_conflict(self, conflict_id: uuid.UUID) -> None:
        for row in range(self.conflicts.rowCount()):
            c = self.conflicts.row_data(row)
            if isinstance(c, ConflictView) and c.id == conflict_id:
                self.conflicts.selectRow(row)
