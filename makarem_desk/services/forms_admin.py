"""Replacing the forms folder: preview what a candidate changes, install it, list versions.

Governance (policy-requirements.md): checklists, program definitions and the wording of
printed documents are data an administrator changes without a new release.  A candidate
folder is checked as a whole (the ``forms check`` rules plus every document wording); a
folder with any problem is never installed.  Installing copies it into the data folder
(``checklists/installed.py``: copy, rename, one atomic switch), loads its programs through
``ProgramService`` and leaves a ``forms_applied`` event in the audit trail.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from ..audit import record_event
from ..checklists.changes import (
    Change,
    compare_forms,
    compare_wording,
    summary,
    wording_versions,
)
from ..checklists.installed import (
    FormsStore,
    InstalledVersion,
    folder_hash,
    folder_size_problem,
)
from ..checklists.loader import ENV_FORMS_DIR, load_forms, scan, shipped_forms_dir
from ..checklists.model import FormSet, Problem
from ..db import Database
from ..errors import UserError
from ..models import utcnow
from ..permissions import ADMIN_ONLY, guarded, register
from .actor import Actor
from .programs import LoadReport, ProgramService

log = logging.getLogger(__name__)

register({
    # Forms decide who is eligible and what beneficiaries sign: administrators only, at a
    # counter and at the committee alike (each installation keeps its own copy).
    "FormsAdminService.preview": ADMIN_ONLY,
    "FormsAdminService.apply": ADMIN_ONLY,
    "FormsAdminService.history": ADMIN_ONLY,
})


@dataclass(frozen=True)
class FormsPreview:
    folder: str
    version_hash: str  # of the candidate folder ("" when it cannot be read)
    in_use_hash: str
    in_use_version: int | None  # None: the forms shipped with the application
    problems: tuple[Problem, ...]
    changes: tuple[Change, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def same_as_in_use(self) -> bool:
        return self.version_hash == self.in_use_hash

    @property
    def can_apply(self) -> bool:
        return self.ok and not self.same_as_in_use

    @property
    def summary(self) -> dict[str, int]:
        return summary(list(self.changes))


@dataclass(frozen=True)
class ApplyReport:
    version: InstalledVersion
    programs: LoadReport
    changes: tuple[Change, ...]


def _document_problems(folder: Path) -> list[Problem]:
    from ..documents.wording import wording_problems

    docs = folder / "documents"
    if not docs.is_dir():
        return [Problem("documents", "", "no documents/ folder: the wording of the printed "
                        "documents is part of the forms folder")]
    return wording_problems(docs)


class FormsAdminService:
    def __init__(self, db: Database, *, store: FormsStore | None = None,
                 programs: ProgramService | None = None):
        self.db = db
        self.store = store or FormsStore()
        self.programs = programs or ProgramService(db)

    # -- reading ----------------------------------------------------------------------
    def _in_use(self) -> tuple[Path, int | None]:
        override = os.environ.get(ENV_FORMS_DIR)
        if override:
            return Path(override), None
        current = self.store.current()
        if current is None:
            return shipped_forms_dir(), None
        return self.store.current_dir() or shipped_forms_dir(), current.number

    def _check(self, folder: Path) -> tuple[FormSet | None, list[Problem]]:
        if not folder.is_dir():
            return None, [Problem(str(folder), "", "no such folder")]
        too_big = folder_size_problem(folder)
        if too_big:
            return None, [Problem(str(folder), "", too_big)]
        forms, problems = scan(folder)
        return forms, problems + _document_problems(folder)

    def _preview(self, folder: Path) -> tuple[FormsPreview, FormSet | None]:
        folder = Path(folder).resolve()
        candidate, problems = self._check(folder)
        in_use_dir, in_use_number = self._in_use()
        current, _ = scan(in_use_dir)
        changes: list[Change] = []
        if candidate is not None:
            changes = compare_forms(current, candidate)
        old_docs = in_use_dir / "documents"
        changes += compare_wording(
            wording_versions(old_docs if old_docs.is_dir() else shipped_forms_dir() / "documents"),
            wording_versions(folder / "documents"),
        )
        readable = folder.is_dir() and not folder_size_problem(folder)
        digest = folder_hash(folder) if readable else ""
        preview = FormsPreview(
            folder=str(folder), version_hash=digest, in_use_hash=folder_hash(in_use_dir),
            in_use_version=in_use_number, problems=tuple(problems), changes=tuple(changes),
        )
        return preview, current

    @guarded
    def preview(self, actor: Actor, folder: Path | str) -> FormsPreview:
        """Check ``folder`` and list what installing it would change; writes nothing."""
        return self._preview(Path(folder))[0]

    @guarded
    def history(self, actor: Actor) -> list[InstalledVersion]:
        """Every installed version, newest (the one in use) first."""
        return list(reversed(self.store.history()))

    # -- installing -------------------------------------------------------------------
    @guarded
    def apply(self, actor: Actor, folder: Path | str, *,
              expected_hash: str | None = None) -> ApplyReport:
        """Install ``folder`` (checked again here) as the forms in use.

        ``expected_hash`` is the version the administrator previewed: a folder edited since
        is refused rather than installed unseen.
        """
        preview, current = self._preview(Path(folder))
        if not preview.ok:
            with self.db.session() as s:
                record_event(s, actor, "forms_apply_refused", entity="forms",
                             details={"source": preview.folder,
                                      "problems": [str(p) for p in preview.problems[:50]]})
            raise UserError(
                f"The forms folder has {len(preview.problems)} problem(s) and was not "
                "installed:\n" + "\n".join(str(p) for p in preview.problems),
                message_ar=f"في مجلد النماذج {len(preview.problems)} خطأ، ولم يُثبَّت:\n"
                + "\n".join(str(p) for p in preview.problems),
            )
        if expected_hash is not None and expected_hash != preview.version_hash:
            raise UserError(
                "The folder changed after it was previewed; preview it again.",
                message_ar="تغيّر المجلد بعد معاينته؛ عاينه من جديد قبل التثبيت.",
            )
        if preview.same_as_in_use:
            raise UserError(
                "This folder is identical to the forms in use; nothing to install.",
                message_ar="هذا المجلد مطابق للنماذج المستخدمة حاليًا؛ لا جديد لتثبيته.",
            )
        history = self.store.history()
        final, number = self.store.stage(Path(preview.folder), len(history))
        try:
            forms = self._staged(final, preview.version_hash)
            programs = self.programs.load(actor, forms)
        except BaseException:
            self.store.discard(final)
            raise
        entry = InstalledVersion(
            number=number, hash=preview.version_hash, applied_at=utcnow().isoformat(),
            by=actor.username, by_name=actor.full_name, source=preview.folder,
            folder=final.relative_to(self.store.root).as_posix(), summary=preview.summary,
        )
        switched = False
        try:
            with self.db.session() as s:
                record_event(
                    s, actor, "forms_applied", entity="forms", entity_id=str(number),
                    before={"version": preview.in_use_version, "hash": preview.in_use_hash},
                    after={"version": number, "hash": preview.version_hash},
                    details={"source": preview.folder, "summary": preview.summary,
                             "changes": [c.describe() for c in preview.changes[:200]],
                             "programs": {"added": list(programs.added),
                                          "updated": list(programs.updated),
                                          "deactivated": list(programs.deactivated)}},
                )
                s.flush()
                # The switch happens inside the unit of work: if it fails, no event is
                # committed; if the commit fails, the switch is undone below.
                self.store.write_history([*history, entry])
                switched = True
        except BaseException:
            self._undo(history if switched else None, current, final, actor)
            raise
        log.info("forms version %d (%s) installed by %s", number, entry.hash[:12],
                 actor.username)
        return ApplyReport(entry, programs, preview.changes)

    def _staged(self, final: Path, expected: str) -> FormSet:
        # What is installed is the copy: check the copy, not the folder it came from.
        if folder_hash(final) != expected:
            raise UserError(
                "The folder changed while it was being copied; preview it again.",
                message_ar="تغيّر المجلد أثناء نسخه؛ عاينه من جديد قبل التثبيت.",
            )
        return load_forms(final)

    def _undo(self, history: list[InstalledVersion] | None, current: FormSet | None,
              final: Path, actor: Actor) -> None:
        """Put the previous version back after a failure half-way (best effort, logged)."""
        try:
            if history is not None:
                self.store.write_history(history)
            if current is not None:
                self.programs.load(actor, current)
            self.store.discard(final)
        except Exception:
            log.exception("could not fully undo a failed forms install (%s)", final)
