"""The interface is the outer layer (house style 1): it reaches the data through services and
names roles, statuses and channels through ``makarem_desk.values``, never through the ORM
models (issue 12, "Typed boundaries")."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import makarem_desk.models as models
import makarem_desk.values as values

UI = Path(__file__).resolve().parents[2] / "makarem_desk" / "ui"
PACKAGE = "makarem_desk.ui"


def _absolute(node: ast.ImportFrom, package: str) -> str:
    """The module an ``from … import`` names, relative levels resolved against ``package``."""
    if node.level == 0:
        return node.module or ""
    parts = package.split(".")
    base = parts[: len(parts) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imported_modules(source: str, package: str = PACKAGE) -> list[tuple[int, str]]:
    """Every module ``source`` imports (at any depth of the file, functions included), as
    absolute names; ``from pkg import name`` counts as ``pkg.name`` too, since the name may
    be a module."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, package)
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{a.name}") for a in node.names]
    return found


def model_imports(source: str, name: str) -> list[str]:
    lines = sorted({line for line, module in imported_modules(source)
                    if module == "makarem_desk.models" or module.startswith("makarem_desk.models.")})
    return [f"{name}:{line}: imports the models" for line in lines]


def test_the_interface_never_imports_the_models() -> None:
    found = [problem for path in sorted(UI.glob("*.py"))
             for problem in model_imports(path.read_text(encoding="utf-8"), path.name)]
    assert found == [], "import the value enums from makarem_desk.values:\n" + "\n".join(found)


def test_the_interface_never_imports_sqlalchemy() -> None:
    """No session, query or column in a view: the services own them."""
    found = [f"{path.name}:{line}" for path in sorted(UI.glob("*.py"))
             for line, module in imported_modules(path.read_text(encoding="utf-8"))
             if module.split(".")[0] == "sqlalchemy"]
    assert found == []


def test_the_check_sees_every_spelling() -> None:
    sample = """
from ..models import Role
from ..models.enums import Gender
from .. import models
import makarem_desk.models.people
def later():
    from makarem_desk.models import Beneficiary
from ..values import Role
from ..modelsish import x
from .models_view import y
"""
    assert [p.split(": ", 1)[0] for p in model_imports(sample, "s.py")] == [
        "s.py:2", "s.py:3", "s.py:4", "s.py:5", "s.py:7"]


def test_the_models_use_the_same_enum_classes() -> None:
    """One class per vocabulary: the columns store exactly what the interface offers."""
    for name in ("Role", "Gender", "IdentityType", "Channel", "ApplicationStatus",
                 "ReferralStatus", "ReferralReason", "SuggestionStatus", "ProgramCategory",
                 "SignatureMode", "BatchDirection"):
        assert getattr(models, name) is getattr(values, name), name


def test_the_values_module_needs_no_orm() -> None:
    """Importing the enums loads neither SQLAlchemy nor Qt nor any other module of the
    application (a fresh interpreter: this one has loaded everything already)."""
    code = ("import sys, makarem_desk.values; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('sqlalchemy', 'PySide6', 'makarem_desk')))")
    root = str(UI.parents[1])
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         encoding="utf-8", env=env, check=True).stdout.strip()
    assert out == "['makarem_desk', 'makarem_desk.values']"
