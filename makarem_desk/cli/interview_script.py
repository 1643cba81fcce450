"""Reading the JSON script of ``interview run --script``, with every wrong type named.

A script is written by hand or by another program; ``"values": ["…"]`` or ``"steps": {…}``
used to end in a Python traceback. Each entry is checked before anything runs, and a
problem is reported as ``steps[3].values must be an object ({…}), not a list``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..interview.answers import json_type

LANGUAGES = ("ar", "en")
ACTIONS = ("back", "finish")
ENTRY_KEYS = ("step", "action", "values")


def _wrong(path: Path, where: str, expected: str, value: Any) -> UserError:
    return UserError(f"The script {path}: {where} must be {expected}, not {json_type(value)}.")


def read_script(path: Path) -> tuple[list[dict[str, Any]], str]:
    """The entries (each with ``step``/``action``/``values`` of the right JSON types) and
    the interview language."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"Cannot read the script {path}: {exc}") from exc
    language: Any = "ar"
    where = ""
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"steps", "language"})
        if unknown:
            raise UserError(f"The script {path}: unknown key {unknown[0]!r} (the keys are "
                            "\"steps\" and \"language\").")
        language = data.get("language", "ar")
        if language not in LANGUAGES:
            raise _wrong(path, "language", "\"ar\" or \"en\"", language)
        data, where = data.get("steps"), "steps"
    if not isinstance(data, list):
        raise _wrong(path, where or "the script", "a list of {\"step\", \"values\"} objects",
                     data)
    for i, entry in enumerate(data):
        _check_entry(path, f"steps[{i}]", entry)
    return data, str(language)


def _check_entry(path: Path, where: str, entry: Any) -> None:
    if not isinstance(entry, dict):
        raise _wrong(path, where, "an object such as {\"step\": …, \"values\": {…}}", entry)
    unknown = sorted(set(entry) - set(ENTRY_KEYS))
    if unknown:
        raise UserError(f"The script {path}: {where} has the unknown key {unknown[0]!r} "
                        "(the keys are \"step\", \"values\" and \"action\").")
    step = entry.get("step")
    if step is not None and not isinstance(step, str):
        raise _wrong(path, f"{where}.step", "the name of a step (text)", step)
    action = entry.get("action")
    if action is not None and action not in ACTIONS:
        raise _wrong(path, f"{where}.action", "\"back\" or \"finish\"", action)
    values = entry.get("values")
    if values is not None and not isinstance(values, dict):
        raise _wrong(path, f"{where}.values", "an object ({…})", values)
    if action is None and step is None and values is None:
        raise UserError(f"The script {path}: {where} has neither \"step\"/\"values\" nor "
                        "\"action\".")
