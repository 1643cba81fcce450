"""The forms folder an administrator installed, kept in the data folder beside the database.

Governance: checklists, programs and the wording of printed documents change without a new
release.  An administrator's folder is copied here and, once installed, takes precedence
over the one shipped with the application::

    <data folder>/forms/
        history.json             every installed version, oldest first; the last is in use
        versions/0001-<hash>/    each installed folder, kept (the previous one stays usable)
        .incoming-<random>/      a copy being made; never read

Installing is copy, then rename, then one ``os.replace`` of ``history.json``: until that
last step the previous version is in use, after it the new one is, and a crash in between
leaves at most an unused folder.  No step needs POSIX-only calls (the counters run Windows).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import UserError

HISTORY_FILE = "history.json"
VERSIONS_DIR = "versions"
# A forms folder is a few dozen small text files; anything far larger was picked by mistake.
MAX_FILES = 500
MAX_BYTES = 20_000_000


def installed_forms_root() -> Path:
    from ..db import default_data_dir  # late: the loader must not pull in SQLAlchemy

    return default_data_dir() / "forms"


def _skipped(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__"


def folder_files(folder: Path) -> Iterator[Path]:
    """The files a forms folder consists of (hidden files and caches are not part of it)."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not _skipped(d))
        for name in sorted(filenames):
            if not _skipped(name):
                yield Path(dirpath) / name


def folder_size_problem(folder: Path) -> str:
    """Why ``folder`` cannot be a forms folder by its size alone ("" when it can)."""
    count = total = 0
    for path in folder_files(folder):
        count += 1
        total += path.stat().st_size
        if count > MAX_FILES or total > MAX_BYTES:
            return (f"more than {MAX_FILES} files or {MAX_BYTES // 1_000_000} MB: "
                    "this is not a forms folder")
    return ""


def folder_hash(folder: Path) -> str:
    """The version of a whole folder: SHA-256 over every file's path and bytes."""
    digest = hashlib.sha256()
    for path in folder_files(folder):
        rel = path.relative_to(folder).as_posix()
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode("ascii") + b"\n")
    return digest.hexdigest()


@dataclass(frozen=True)
class InstalledVersion:
    number: int
    hash: str
    applied_at: str  # ISO 8601, UTC
    by: str  # user name
    by_name: str
    source: str  # the folder it was installed from
    folder: str  # under versions/, relative to the root
    summary: dict[str, int] = field(default_factory=dict)

    @property
    def applied(self) -> datetime:
        return datetime.fromisoformat(self.applied_at)


class FormsStore:
    """The installed versions under ``root`` (default: the data folder's ``forms``)."""

    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else installed_forms_root()

    @property
    def history_path(self) -> Path:
        return self.root / HISTORY_FILE

    def history(self) -> list[InstalledVersion]:
        path = self.history_path
        if not path.exists():
            return []
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
            return [InstalledVersion(**row) for row in rows]
        except (OSError, ValueError, TypeError) as exc:
            raise UserError(
                f"The list of installed forms versions ({path}) cannot be read: {exc}. "
                "Restore it from a backup, or remove the folder to use the forms shipped "
                "with the application.",
                message_ar=f"تعذّرت قراءة سجل إصدارات النماذج المثبّتة ({path}). استرجعه من "
                "نسخة احتياطية، أو احذف المجلد لاستخدام النماذج المرفقة بالبرنامج.",
            ) from exc

    def current(self) -> InstalledVersion | None:
        versions = self.history()
        return versions[-1] if versions else None

    def current_dir(self) -> Path | None:
        """The folder in use, or None when nothing was installed (the shipped one is used)."""
        version = self.current()
        if version is None:
            return None
        folder = self.root / version.folder
        if not folder.is_dir():
            raise UserError(
                f"The installed forms folder {folder} is missing. Install a forms folder "
                "again (makarem-desk forms apply DIR).",
                message_ar=f"مجلد النماذج المثبّت غير موجود: {folder}. ثبّت مجلد النماذج من جديد.",
            )
        return folder

    # -- installing -------------------------------------------------------------------
    def stage(self, source: Path, number_hint: int) -> tuple[Path, int]:
        """Copy ``source`` to a new version folder (copy to a hidden name, then rename)."""
        versions = self.root / VERSIONS_DIR
        versions.mkdir(parents=True, exist_ok=True)
        incoming = self.root / f".incoming-{uuid.uuid4().hex}"
        try:
            shutil.copytree(source, incoming,
                            ignore=lambda _d, names: [n for n in names if _skipped(n)])
            digest = folder_hash(incoming)
            number = max([number_hint, *self._numbers_on_disk()]) + 1
            final = versions / f"{number:04d}-{digest[:12]}"
            incoming.rename(final)
        except OSError as exc:
            shutil.rmtree(incoming, ignore_errors=True)
            raise UserError(
                f"Cannot copy the forms folder into {versions}: {exc}",
                message_ar=f"تعذّر نسخ مجلد النماذج إلى {versions}: {exc}",
            ) from exc
        return final, number

    def _numbers_on_disk(self) -> list[int]:
        # A folder left by an install that stopped before history.json was replaced keeps
        # its number: the next install takes the one after it.
        numbers = []
        for path in (self.root / VERSIONS_DIR).iterdir():
            head = path.name.split("-", 1)[0]
            if head.isdigit():
                numbers.append(int(head))
        return numbers

    def discard(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)

    def write_history(self, versions: list[InstalledVersion]) -> None:
        """Replace ``history.json`` in one step (the switch to the new version)."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".history-{uuid.uuid4().hex}.json"
        data: list[dict[str, Any]] = [asdict(v) for v in versions]
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.replace(tmp, self.history_path)
        except OSError:
            tmp.unlink(missing_ok=True)
            raise
