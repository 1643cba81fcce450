"""Every kind of audit event the services write has a readable name on the audit screen."""

from __future__ import annotations

import ast
import pathlib

import makarem_desk
from makarem_desk.ui.audit_labels import ACTIONS


def _written_actions() -> set[str]:
    root = pathlib.Path(makarem_desk.__file__).parent
    found: set[str] = set()
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and len(node.args) >= 3):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name != "record_event":
                continue
            action = node.args[2]
            options = [action.body, action.orelse] if isinstance(action, ast.IfExp) else [action]
            found |= {o.value for o in options
                      if isinstance(o, ast.Constant) and isinstance(o.value, str)}
    return found


def test_every_written_action_has_a_label() -> None:
    written = _written_actions()
    assert len(written) > 40  # the scan sees the services' events
    assert sorted(written - set(ACTIONS)) == []
