"""The Sync screen: export a batch for the committee, import a batch, the history of
batches, and the conflicts a person must settle.

Self-contained: built from the database and the signed-in actor (the main window passes
its task runner, dialogs and bus when it has them).  All work goes through
``SyncService``; export and import run on the task runner with progress and cancel.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..db import Database
from ..errors import UserError
from ..services.actor import Actor
from ..sync import BatchView, ConflictView, KeyStore, SyncService
from .dialogs import Dialogs
from .i18n import current_language
from .tasks import Progress, TaskRunner

ENTITY_AR = {
    "beneficiary": "مستفيد", "application": "طلب", "contact": "تواصل", "declaration": "إقرار",
    "referral": "إحالة", "satisfaction_response": "استبانة رضا", "program": "برنامج",
}
FIELD_AR = {
    "phone": "الجوال", "phone_alt": "جوال آخر", "status": "الحالة", "city": "المدينة",
    "district": "الحي", "first_name": "الاسم الأول", "family_name": "اسم العائلة",
    "decision_reason": "سبب القرار", "identity_number": "رقم الهوية", "email": "البريد",
}


def t(ar: str, en: str) -> str:
    """Arabic first; the English wording when the interface is switched to English."""
    return en if current_language() == "en" else ar


class SyncPrompts:
    """The three questions this screen asks; tests replace them."""

    def passphrase(self, parent: QWidget) -> str | None:
        text, ok = QInputDialog.getText(
            parent, t("عبارة المرور", "Passphrase"),
            t("عبارة مرور مفاتيح هذا الجهاز:", "Passphrase of this installation's keys:"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def export_folder(self, parent: QWidget) -> str | None:
        return QFileDialog.getExistingDirectory(
            parent, t("اختر مجلد الحفظ (مثل ذاكرة USB)", "Folder to write the batch to")) or None

    def batch_file(self, parent: QWidget) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, t("اختر ملف الدفعة", "Batch file"), "",
            t("دفعات مكتب مكارم (*.mkb)", "Makarem batches (*.mkb)"))
        return path or None


class ImportCancelled(UserError):
    pass


class SyncView(QWidget):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        service: SyncService | None = None,
        tasks: TaskRunner | None = None,
        dialogs: Dialogs | None = None,
        prompts: SyncPrompts | None = None,
        bus: Any = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("syncView")
        self.actor = actor
        self.svc = service or SyncService(db, KeyStore())
        self.tasks = tasks or TaskRunner(parent=self)
        self.dialogs = dialogs or Dialogs()
        self.prompts = prompts or SyncPrompts()
        self.bus = bus
        self.last_message = ""

        self.identity_label = QLabel()
        self.identity_label.setObjectName("hint")
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(t("تصدير دفعة للجنة…", "Export a batch…"))
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.start_export)
        self.import_button = QPushButton(t("استيراد دفعة…", "Import a batch…"))
        self.import_button.clicked.connect(self.start_import)
        self.refresh_button = QPushButton(t("تحديث", "Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        actions = QHBoxLayout()
        for b in (self.export_button, self.import_button, self.refresh_button):
            actions.addWidget(b)
        actions.addStretch(1)

        self.history = _table([
            t("الاتجاه", "Direction"), t("الجهة", "Peer"), t("الرقم", "No."),
            t("النوع", "Kind"), t("السجلات", "Records"), t("الحالة", "State"),
            t("التاريخ", "Date"), t("الملف", "File"),
        ])
        history_box = QGroupBox(t("سجل الدفعات", "Batches"))
        QVBoxLayout(history_box).addWidget(self.history)

        self.conflicts = _table([
            t("السجل", "Record"), t("المعرّف", "Id"), t("من", "From"),
            t("الحقول المختلفة", "Fields that differ"), t("محلياً", "Here"),
            t("الوارد", "Incoming"), t("السبب", "Reason"),
        ])
        self.conflicts.itemSelectionChanged.connect(self._update_buttons)
        self.take_button = QPushButton(t("اعتماد الوارد", "Take the incoming version"))
        self.take_button.clicked.connect(lambda: self.resolve(take_incoming=True))
        self.keep_button = QPushButton(t("إبقاء المحلي", "Keep the local version"))
        self.keep_button.clicked.connect(lambda: self.resolve(take_incoming=False))
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.take_button)
        resolve_row.addWidget(self.keep_button)
        resolve_row.addStretch(1)
        conflicts_box = QGroupBox(t("تعارضات بانتظار القرار", "Conflicts to settle"))
        cl = QVBoxLayout(conflicts_box)
        cl.addWidget(self.conflicts)
        cl.addLayout(resolve_row)

        self.status = QLabel()
        self.status.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.identity_label)
        lay.addLayout(actions)
        lay.addWidget(history_box, 3)
        lay.addWidget(conflicts_box, 2)
        lay.addWidget(self.status)
        self._conflict_rows: list[ConflictView] = []
        if bus is not None:
            from .bus import track

            # A batch imported or a decision recorded elsewhere in the window shows here.
            track(self, bus.data_changed, self.refresh)
        self.refresh()

    # -- display ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            me = self.svc.public_identity(self.actor) if self.svc.keys.exists() else None
            peers = self.svc.peers(self.actor)
            batches = self.svc.history(self.actor)
            conflicts = self.svc.conflicts(self.actor)
        except UserError as exc:
            self._say(exc)
            return
        if me is None:
            self.identity_label.setText(t(
                "لم تُنشأ مفاتيح هذا الجهاز بعد؛ ينشئها مدير النظام من شاشة الإدارة "
                "(المفاتيح والجهات الموثوقة).",
                "This installation has no keys yet; the administrator creates them on the "
                "Administration screen (Keys and trusted installations)."))
        else:
            names = "، ".join(f"{p.site_id}" for p in peers) or t("لا أحد بعد", "none yet")
            self.identity_label.setText(t(
                f"هذا الجهاز: {me.site_id} — البصمة {me.fingerprint} — الجهات الموثوقة: {names}",
                f"This installation: {me.site_id} — fingerprint {me.fingerprint} — "
                f"trusted: {names}"))
        held = self.svc.held_batches(self.actor)
        if held:
            self.identity_label.setText(self.identity_label.text() + "\n" + t(
                f"دفعات محفوظة بانتظار دفعة سابقة: {'، '.join(held)}",
                f"Kept aside until an earlier batch arrives: {', '.join(held)}"))
        self.export_button.setEnabled(me is not None and bool(peers))
        self.import_button.setEnabled(me is not None and bool(peers))
        self._fill_history(batches)
        self._fill_conflicts(conflicts)

    def _fill_history(self, batches: list[BatchView]) -> None:
        self.history.setRowCount(len(batches))
        for row, b in enumerate(batches):
            direction = t("صادرة", "sent") if b.direction == "export" else t("واردة", "received")
            kind = t("قرارات", "decisions") if b.kind == "decisions" else t("سجلات", "records")
            state = (t("مكتملة", "done") if b.state == "done"
                     else t("معلّقة: يكملها التصدير التالي", "pending: the next export finishes it")
                     if b.state == "pending" else b.state)
            if b.gap_before:
                state += t(" (قبلها دفعة لم تصل)", " (after a missing batch)")
            values = [direction, b.peer_site_id, str(b.sequence), kind, str(b.total), state,
                      b.created_at.astimezone().strftime("%Y-%m-%d %H:%M"), b.file_name]
            for col, v in enumerate(values):
                self.history.setItem(row, col, QTableWidgetItem(v))

    def _fill_conflicts(self, conflicts: list[ConflictView]) -> None:
        self._conflict_rows = conflicts
        self.conflicts.setRowCount(len(conflicts))
        for row, c in enumerate(conflicts):
            fields = c.differing_fields()
            shown = fields[:3]
            here = "، ".join(f"{_value(c.local.get(f))}" for f in shown)
            there = "، ".join(f"{_value(c.incoming.get(f))}" for f in shown)
            reason = t(c.reason_text_ar, c.reason_text_en)
            values = [ENTITY_AR.get(c.entity, c.entity), str(c.entity_id)[:8], c.from_site_id,
                      "، ".join(FIELD_AR.get(f, f) for f in fields), here, there, reason]
            for col, v in enumerate(values):
                self.conflicts.setItem(row, col, QTableWidgetItem(v))
        self._update_buttons()

    def _update_buttons(self) -> None:
        c = self.selected_conflict()
        self.take_button.setEnabled(c is not None and c.reason == "concurrent_edit")
        self.keep_button.setEnabled(c is not None)

    def selected_conflict(self) -> ConflictView | None:
        rows = {i.row() for i in self.conflicts.selectedIndexes()}
        if len(rows) != 1:
            return None
        return self._conflict_rows[rows.pop()]

    def _say(self, message: BaseException | str) -> None:
        text = message if isinstance(message, str) else (
            message.message_ar if current_language() == "ar" else message.message
        ) if isinstance(message, UserError) else t("حدث خطأ غير متوقع.", "Unexpected error.")
        self.last_message = text
        self.status.setText(text)

    # -- export -------------------------------------------------------------------------
    def start_export(self) -> None:
        passphrase = self.prompts.passphrase(self)
        if passphrase is None:
            return
        folder = self.prompts.export_folder(self)
        if folder is None:
            return
        svc, actor = self.svc, self.actor

        def work(progress: Progress) -> list[Any]:
            progress(0, 0, t("فتح المفاتيح…", "Unlocking the keys…"))
            identity = svc.unlock(actor, passphrase)
            return svc.export(actor, identity, Path(folder), progress=_labelled(progress),
                              cancelled=lambda: progress.cancelled)

        self._busy(True)
        task = self.tasks.run(work, self._exported, self._failed,
                              label=t("جارٍ تصدير الدفعة…", "Exporting…"), parent=self)
        self._settle_when_done(task)

    def _exported(self, results: list[Any]) -> None:
        self._busy(False)
        written = [r for r in results if r.path is not None]
        if not written:
            self._say(t("لا جديد منذ آخر دفعة؛ لم يُكتب ملف.",
                        "Nothing changed since the last batch; no file written."))
        else:
            lines = [f"{r.path.name}: {r.total} {t('سجلاً', 'records')}" for r in written]
            self._say(t("كُتبت الدفعة: ", "Written: ") + " | ".join(lines))
            self.dialogs.info(self, t("تم التصدير", "Exported"), "\n".join(
                [t("احفظ الملف وسلّمه للجنة البحث:", "Hand this file to the committee:")]
                + [str(r.path) for r in written]))
            if self.bus is not None:
                for r in written:
                    self.bus.batch_exported.emit(str(r.path))
        self.refresh()

    # -- import -------------------------------------------------------------------------
    def start_import(self, *, allow_gap: bool = False, path: str | None = None) -> None:
        path = path or self.prompts.batch_file(self)
        if path is None:
            return
        passphrase = self.prompts.passphrase(self)
        if passphrase is None:
            return
        svc, actor = self.svc, self.actor

        def work(progress: Progress) -> Any:
            progress(0, 0, t("فتح المفاتيح والتحقق من التوقيع…", "Checking the batch…"))
            identity = svc.unlock(actor, passphrase)

            def report(done: int, total: int, label: str) -> None:
                if progress.cancelled:  # raised inside the transaction: rolled back
                    raise ImportCancelled("Import cancelled; nothing was changed.",
                                          message_ar="أُلغي الاستيراد ولم يتغير شيء.")
                _labelled(progress)(done, total, label)

            return svc.import_file(actor, identity, Path(path), allow_gap=allow_gap,
                                   progress=report)

        self._busy(True)
        task = self.tasks.run(work, self._imported, lambda e: self._import_failed(e, path),
                              label=t("جارٍ استيراد الدفعة…", "Importing…"), parent=self)
        self._settle_when_done(task)

    def _imported(self, result: Any) -> None:
        self._busy(False)
        if result.already_imported:
            self._say(t(f"الدفعة {result.sequence} من {result.site_id} مستوردة من قبل؛ لم يتغير شيء.",
                        f"Batch {result.sequence} from {result.site_id} was already imported."))
        else:
            self._say(t(
                f"استُوردت الدفعة {result.sequence} من {result.site_id}: "
                f"{result.total('inserted')} جديد، {result.total('updated')} محدّث، "
                f"{result.total('conflicts')} تعارض.",
                f"Imported batch {result.sequence} from {result.site_id}: "
                f"{result.total('inserted')} new, {result.total('updated')} updated, "
                f"{result.total('conflicts')} conflicts."))
            if result.released:
                numbers = "، ".join(str(r.sequence) for r in result.released)
                self._say(self.last_message + t(
                    f" واستُوردت معها الدفعات المحفوظة جانباً: {numbers}.",
                    f" Batches kept aside imported too: {numbers}."))
            if self.bus is not None:
                if result.kind == "decisions":
                    self.bus.decisions_imported.emit(result.total("updated"))
                self.bus.data_changed.emit()
        self.refresh()

    def _import_failed(self, error: BaseException, path: str) -> None:
        from ..sync import BatchHeld

        self._busy(False)
        self._say(error)
        if isinstance(error, BatchHeld):
            self.refresh()  # it is now listed as kept aside
            self._say(error)
            missing = "، ".join(map(str, error.missing))
            if self.dialogs.confirm(self, t("دفعة سابقة لم تصل", "An earlier batch is missing"), t(
                    f"لم تصل الدفعة {missing} بعد. استيراد هذه الدفعة الآن وتسجيل النقص؟",
                    f"Batch {missing} has not arrived. Import this one now and record the gap?")):
                self.start_import(allow_gap=True, path=path)
            return
        self.dialogs.show_error(self, error)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self._say(error)
        self.dialogs.show_error(self, error)

    def _settle_when_done(self, task: Any) -> None:
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
        question = (t("اعتماد النسخة الواردة بدل المحلية؟", "Replace the local version?")
                    if take_incoming else t("إبقاء النسخة المحلية؟", "Keep the local version?"))
        if not self.dialogs.confirm(self, t("حل التعارض", "Settle the conflict"), question):
            return
        try:
            self.svc.resolve_conflict(self.actor, c.id, take_incoming=take_incoming)
        except UserError as exc:
            self._say(exc)
            self.dialogs.show_error(self, exc)
            return
        if self.bus is not None:
            self.bus.data_changed.emit()
        self.refresh()

    def select_conflict(self, conflict_id: uuid.UUID) -> None:
        for row, c in enumerate(self._conflict_rows):
            if c.id == conflict_id:
                select_row(self.conflicts, row)


STEP_AR = {"beneficiary": "المستفيدون", "application": "الطلبات", "declaration": "الإقرارات",
           "contact": "التواصل", "referral": "الإحالات", "program": "البرامج",
           "satisfaction_response": "استبانات الرضا", "summary": "ملخص الجدول",
           "encrypt": "التشفير والتوقيع", "write": "الكتابة على القرص", "commit": "الحفظ",
           "done": "تم"}


def _labelled(progress: Progress) -> Callable[[int, int, str], None]:
    def report(done: int, total: int, label: str) -> None:
        progress(done, total, t(STEP_AR.get(label, label), label))

    return report


def _value(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, dict):
        return t("ملف", "file")
    return str(v)[:40]


def select_row(table: QTableWidget, row: int) -> None:
    """Select a whole row reliably (``selectRow`` does nothing in single-selection mode
    when the row already holds the focus cell)."""
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)
    table.setCurrentCell(row, 0, flags)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
