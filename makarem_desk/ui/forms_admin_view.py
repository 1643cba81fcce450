"""Replacing the forms folder (administrators): pick a folder, read what it changes, install
it, and see the versions installed before.  Everything goes through ``FormsAdminService``."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..checklists.changes import Change
from ..services.forms_admin import ApplyReport, FormsAdminService, FormsPreview
from .audit_view import fit_columns, riyadh_time
from .context import AppContext
from .dialogs import user_message
from .i18n import ltr
from .widgets import Table, hint, page_title

CHANGE_LABELS = {
    ("program", "added"): QT_TRANSLATE_NOOP("FormsAdmin", "Program added"),
    ("program", "removed"): QT_TRANSLATE_NOOP("FormsAdmin", "Program removed"),
    ("program", "changed"): QT_TRANSLATE_NOOP("FormsAdmin", "Program changed"),
    ("form", "added"): QT_TRANSLATE_NOOP("FormsAdmin", "Form added"),
    ("form", "removed"): QT_TRANSLATE_NOOP("FormsAdmin", "Form removed"),
    ("form", "reworded"): QT_TRANSLATE_NOOP("FormsAdmin", "Form title reworded"),
    ("item", "added"): QT_TRANSLATE_NOOP("FormsAdmin", "Item added"),
    ("item", "removed"): QT_TRANSLATE_NOOP("FormsAdmin", "Item removed"),
    ("item", "renamed"): QT_TRANSLATE_NOOP("FormsAdmin", "Item renamed"),
    ("item", "reworded"): QT_TRANSLATE_NOOP("FormsAdmin", "Item reworded"),
    ("item", "changed"): QT_TRANSLATE_NOOP("FormsAdmin", "Item changed"),
    ("wording", "added"): QT_TRANSLATE_NOOP("FormsAdmin", "Document wording added"),
    ("wording", "removed"): QT_TRANSLATE_NOOP("FormsAdmin", "Document wording removed"),
    ("wording", "changed"): QT_TRANSLATE_NOOP("FormsAdmin", "Document wording changed"),
}
PLACES = {
    "interview": QT_TRANSLATE_NOOP("FormsAdmin", "Interview"),
    "satisfaction": QT_TRANSLATE_NOOP("FormsAdmin", "Satisfaction survey"),
    "programs": QT_TRANSLATE_NOOP("FormsAdmin", "Programs"),
    "documents": QT_TRANSLATE_NOOP("FormsAdmin", "Printed documents"),
}


def isolate(text: str) -> str:
    """A label in either script inside a sentence of the other: direction of its own."""
    return f"\u2068{text}\u2069" if text else text


def _tr(text: object) -> str:
    return QCoreApplication.translate("FormsAdmin", str(text))


def change_label(c: Change) -> str:
    known = CHANGE_LABELS.get((c.area, c.kind))
    return _tr(known) if known else f"{c.area} {c.kind}"


def where_label(where: str) -> str:
    kind, _, name = where.partition(":")
    if kind == "checklist":
        return QCoreApplication.translate("FormsAdmin", "Checklist %1").replace("%1", ltr(name))
    if kind == "program":
        return QCoreApplication.translate("FormsAdmin", "Program %1").replace("%1", ltr(name))
    known = PLACES.get(kind)
    return _tr(known) if known else where


def change_sides(c: Change) -> tuple[str, str]:
    """(before, after) for the table: one text per cell, so a label in one script never
    shares a line with words in the other."""
    if c.kind == "renamed" or c.area == "wording":
        short = 12 if c.area == "wording" else 60
        return (ltr(c.before[:short]) if c.before else "—",
                ltr(c.after[:short]) if c.after else "—")
    if c.kind == "changed" and c.fields:
        return "", QCoreApplication.translate("FormsAdmin", "fields: %1").replace(
            "%1", ", ".join(c.fields))
    return c.before or "—", c.after or "—"


class FormsAdminView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = FormsAdminService(ctx.db)
        self.preview: FormsPreview | None = None
        self.folder = ""

        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a folder…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.again_button = QPushButton(self.tr("Preview again"))
        self.again_button.setEnabled(False)
        self.again_button.clicked.connect(lambda: self.load_preview(self.folder))
        self.folder_label = QLabel()
        self.folder_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.folder_label.setObjectName("hint")
        pick = QHBoxLayout()
        pick.addWidget(self.choose_button)
        pick.addWidget(self.again_button)
        pick.addWidget(self.folder_label, 1)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setObjectName("problemList")
        self.problems.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.problems.setVisible(False)
        self.changes = Table([self.tr("Change"), self.tr("Where"), self.tr("Name"),
                              self.tr("Before"), self.tr("After")])
        self.changes.set_empty_text(self.tr("Choose a forms folder to see its changes here."))
        self.apply_button = QPushButton(self.tr("Install this version"))
        self.apply_button.setObjectName("primary")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        preview_box = QGroupBox(self.tr("Preview"))
        pv = QVBoxLayout(preview_box)
        pv.addWidget(self.verdict)
        pv.addWidget(self.problems, 1)
        pv.addWidget(self.changes, 2)
        pv.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignLeading)

        self.history = Table([self.tr("Version"), self.tr("Installed (Riyadh)"), self.tr("By"),
                              self.tr("Version hash"), self.tr("Changes")])
        self.history.set_empty_text(self.tr("Only the forms shipped with the program are in "
                                            "use so far."))
        history_box = QGroupBox(self.tr("Installed versions"))
        hv = QVBoxLayout(history_box)
        hv.addWidget(self.history)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(preview_box)
        split.addWidget(history_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Forms folder")))
        lay.addWidget(hint(self.tr(
            "The checklists, the programs and the wording of printed documents. Choose a "
            "folder to see what it changes; a folder with problems cannot be installed. The "
            "previous version is kept.")))
        lay.addWidget(self.in_use)
        lay.addLayout(pick)
        lay.addWidget(split, 1)
        self.setFocusProxy(self.choose_button)

    # -- history ----------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            versions = self.service.history(self.ctx.require_actor())
        except Exception as exc:  # an unreadable history must not close the screen
            self.in_use.setText(user_message(exc))
            self.history.set_rows([])
            return
        if versions:
            v = versions[0]
            self.in_use.setText(
                self.tr("In use: version %1 (%2), installed %3 by %4.")
                .replace("%1", str(v.number)).replace("%2", ltr(v.hash[:12]))
                .replace("%3", ltr(riyadh_time(v.applied)))
                .replace("%4", isolate(v.by_name or v.by)))
        else:
            self.in_use.setText(self.tr("In use: the forms shipped with the application "
                                        "(no folder installed yet)."))
        rows = []
        for i, v in enumerate(versions):
            number = str(v.number) + (" " + self.tr("(in use)") if i == 0 else "")
            changes = ", ".join(f"{summary_label(k)} {n}" for k, n in v.summary.items())
            rows.append(([number, ltr(riyadh_time(v.applied)), v.by_name or v.by,
                          ltr(v.hash[:12]), changes or self.tr("Other files only")], v))
        self.history.set_rows(rows)
        fit_columns(self.history)

    # -- preview ----------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = self.ctx.dialogs.pick_folder(self, self.tr("Choose the forms folder"))
        if folder:
            self.load_preview(folder)

    def load_preview(self, folder: str) -> None:
        if not folder:
            return
        self.folder = folder
        self.folder_label.setText(folder)
        self.again_button.setEnabled(True)
        self.apply_button.setEnabled(False)
        actor = self.ctx.require_actor()
        self.ctx.tasks.run(lambda _p: self.service.preview(actor, folder), self.show_preview,
                           self._failed, label=self.tr("Checking the folder…"), parent=self,
                           cancellable=False)

    def show_preview(self, preview: FormsPreview) -> None:
        self.preview = preview
        if preview.problems:
            self._say(self.tr("%n problem(s): this folder cannot be installed until they are "
                              "corrected.", "", len(preview.problems)), good=False)
        elif preview.same_as_in_use:
            self._say(self.tr("This folder is identical to the forms in use."), good=True)
        else:
            self._say(self.tr("No problems. %n change(s) against the forms in use; new version "
                              "%1.", "", len(preview.changes))
                      .replace("%1", ltr(preview.version_hash[:12])), good=True)
        self.problems.setPlainText("\n".join(str(p) for p in preview.problems))
        self.problems.setVisible(bool(preview.problems))
        self.changes.set_rows([
            ([change_label(c), where_label(c.where), ltr(c.name), *change_sides(c)], c)
            for c in preview.changes])
        fit_columns(self.changes)
        self.changes.setVisible(bool(preview.changes) or not preview.problems)
        renamed = self.tr("Answers are kept by item id: a renamed item is a new question, "
                          "and the flow no longer finds answers given under the old id.")
        for row, c in enumerate(preview.changes):
            if c.kind == "renamed":
                for col in range(self.changes.columnCount()):
                    cell = self.changes.item(row, col)
                    if cell is not None:
                        cell.setToolTip(renamed)
        self.apply_button.setEnabled(preview.can_apply)

    def _failed(self, exc: BaseException) -> None:
        self._say(user_message(exc), good=False)

    def _say(self, text: str, *, good: bool) -> None:
        self.verdict.setText(text)
        self.verdict.setObjectName("statusGood" if good else "statusBad")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)

    # -- installing -------------------------------------------------------------------
    def apply(self) -> None:
        p = self.preview
        if p is None or not p.can_apply:
            return
        question = self.tr(
            "Install the forms folder %1 with %n change(s)? New interviews will use it at "
            "once; the version in use now is kept.", "", len(p.changes)).replace(
            "%1", ltr(p.folder))
        if not self.ctx.dialogs.confirm(self, self.tr("Install the forms folder"), question):
            return
        actor = self.ctx.require_actor()
        self.apply_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda _p: self.service.apply(actor, p.folder, expected_hash=p.version_hash),
            self._applied, self._apply_failed, label=self.tr("Installing the forms…"),
            parent=self, cancellable=False)

    def _applied(self, report: ApplyReport) -> None:
        self.ctx.forget_forms()
        self.ctx.bus.data_changed.emit()
        self.refresh()
        self.load_preview(self.folder)
        self.ctx.dialogs.info(self, self.tr("Install the forms folder"),
                              self.tr("Version %1 is installed and in use.")
                              .replace("%1", str(report.version.number)))

    def _apply_failed(self, exc: BaseException) -> None:
        self.ctx.dialogs.show_error(self, exc)
        self.load_preview(self.folder)


def summary_label(key: str) -> str:
    area, _, kind = key.partition("_")
    known = CHANGE_LABELS.get((area, kind))
    return _tr(known) if known else key
