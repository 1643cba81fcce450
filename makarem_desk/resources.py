"""One resolver for bundled files, from the source tree and from a PyInstaller bundle alike.

The installer's ``datas`` mirror the source layout under ``sys._MEIPASS``, so the same
relative path works in both cases and no other module needs a frozen-mode branch.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import UserError


def bundle_root() -> Path:
    """The folder holding ``resources/``, ``forms/`` and the package."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str, must_exist: bool = True) -> Path:
    """A file under ``resources/``; a missing one is an installation problem, said plainly."""
    path = bundle_root().joinpath("resources", *parts)
    if must_exist and not path.exists():
        raise UserError(
            f"The file {path} is missing; reinstall the application.",
            message_ar=f"الملف {path} غير موجود؛ أعد تثبيت البرنامج.",
        )
    return path


def forms_path(*parts: str) -> Path:
    return bundle_root().joinpath("forms", *parts)
