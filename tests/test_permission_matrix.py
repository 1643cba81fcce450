"""Every public service entry point is in the permission matrix, and the matrix holds.

(a) Each public method of every ``*Service`` class in makarem_desk (inherited ones included)
    has a MATRIX entry and, unless PUBLIC, the ``@guarded`` check; no MATRIX key names a
    method that does not exist.
(b) Every cell of the matrix, user role x installation role: the denied ones raise
    PermissionDenied before the method body runs, the allowed ones pass the check.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import traceback
import types
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

import makarem_desk
from makarem_desk import permissions
from makarem_desk.errors import PermissionDenied
from makarem_desk.models import Role
from makarem_desk.permissions import MATRIX, PUBLIC, InstallationRole
from makarem_desk.services.actor import Actor

# Qt screens, Alembic scripts and the console entry point hold no service.
SKIPPED = ("makarem_desk.ui", "makarem_desk.migrations", "makarem_desk.__main__")


def _modules() -> Iterator[types.ModuleType]:
    """pkgutil.walk_packages, except that a skipped package is never imported (walk_packages
    imports every package to look inside it; the migrations' env.py would run Alembic)."""
    def skip(name: str) -> bool:
        return any(name == p or name.startswith(p + ".") for p in SKIPPED)

    seen = list(pkgutil.iter_modules(makarem_desk.__path__, "makarem_desk."))
    while seen:
        info = seen.pop(0)
        if skip(info.name):
            continue
        mod = importlib.import_module(info.name)
        yield mod
        if info.ispkg:
            seen.extend(pkgutil.iter_modules(mod.__path__, info.name + "."))


def _public_methods(cls: type) -> dict[str, Any]:
    """Public callables defined on ``cls`` or on a makarem_desk class it inherits from."""
    found: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        if not base.__module__.startswith("makarem_desk"):
            continue
        for name, attr in vars(base).items():
            if name.startswith("_"):
                continue
            if isinstance(attr, (staticmethod, classmethod)) or inspect.isfunction(attr):
                found[name] = attr
    return found


def _is_guarded(attr: Any) -> bool:
    return bool(getattr(attr, "__guarded__", False))


def _service_classes() -> dict[str, type]:
    """``*Service`` classes, and any other class whose methods carry ``@guarded`` (the
    spreadsheet importer): a guarded method is in the matrix whatever its class is called."""
    classes: dict[str, type] = {}
    for mod in _modules():
        for name, obj in vars(mod).items():
            if not isinstance(obj, type) or obj.__module__ != mod.__name__:
                continue
            methods = _public_methods(obj)
            if name.endswith("Service") or any(_is_guarded(m) for m in methods.values()):
                assert name not in classes or classes[name] is obj, f"two classes named {name}"
                classes[name] = obj
    return classes


CLASSES = _service_classes()
ENTRY_POINTS = {f"{cls_name}.{m}": (cls, attr) for cls_name, cls in CLASSES.items()
                for m, attr in _public_methods(cls).items()}


def test_every_public_service_method_is_in_the_matrix_and_guarded() -> None:
    missing = sorted(k for k in ENTRY_POINTS if k not in MATRIX)
    unguarded = sorted(k for k, (_cls, attr) in ENTRY_POINTS.items()
                       if k in MATRIX and MATRIX[k] is not PUBLIC and not _is_guarded(attr))
    public_but_guarded = sorted(k for k, (_cls, attr) in ENTRY_POINTS.items()
                                if MATRIX.get(k) is PUBLIC and _is_guarded(attr))
    stale = sorted(k for k in MATRIX if k not in ENTRY_POINTS)
    problems = []
    if missing:
        problems.append("missing from MATRIX:\n  " + "\n  ".join(missing))
    if unguarded:
        problems.append("in MATRIX but not @guarded:\n  " + "\n  ".join(unguarded))
    if public_but_guarded:
        problems.append("PUBLIC yet @guarded (it would refuse a caller with no actor):\n  "
                        + "\n  ".join(public_but_guarded))
    if stale:
        problems.append("MATRIX keys naming no public method:\n  " + "\n  ".join(stale))
    assert not problems, "\n".join(problems)


def test_the_enumeration_finds_the_services() -> None:
    """The walk above must see the services (an empty walk would make the test vacuous)."""
    for known in ("AuthService", "BeneficiaryService", "SyncService", "SearchService",
                  "AuditService", "CommitteeService"):
        assert known in CLASSES
    assert "AuditService.verify" in ENTRY_POINTS


def _call(cls: type, attr: Any, role: Role, installation: InstallationRole) -> BaseException | None:
    """Call the method on a service whose database says ``installation``, with dummy
    arguments: the check runs before the body, and the body fails on the stand-in database
    (which has nothing but its installation role and no file) before it could do anything."""
    service = cls.__new__(cls)
    # ``sqlite_path``: the restore's guard first asks whether the database answers (it may
    # be damaged); this one answers, and is no SQLite file.
    service.db = types.SimpleNamespace(installation_role=installation, sqlite_path=None)
    fn = inspect.unwrap(attr)
    params = list(inspect.signature(fn).parameters.values())[2:]  # self, actor
    args = [None for p in params
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty]
    kwargs = {p.name: None for p in params if p.kind is p.KEYWORD_ONLY and p.default is p.empty}
    actor = Actor(user_id=uuid.uuid4(), username="tester", full_name="مختبر", role=role)
    try:
        getattr(service, attr.__name__)(actor, *args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - anything but the matrix's refusal is fine
        return exc
    return None


def _refused_by_matrix(exc: BaseException | None) -> bool:
    if not isinstance(exc, PermissionDenied):
        return False
    return any(frame.name == "authorize" and frame.filename == permissions.__file__
               for frame in traceback.extract_tb(exc.__traceback__))


GUARDED_KEYS = sorted(k for k in ENTRY_POINTS if k in MATRIX and MATRIX[k] is not PUBLIC)


@pytest.mark.parametrize("key", GUARDED_KEYS)
def test_each_cell_of_the_matrix_holds(key: str) -> None:
    cls, attr = ENTRY_POINTS[key]
    wrong = []
    for installation in InstallationRole:
        for role in Role:
            exc = _call(cls, attr, role, installation)
            refused = _refused_by_matrix(exc)
            if permissions.allowed(key, role, installation) == refused:
                wrong.append(f"{role.value}@{installation.value}: "
                             f"{'refused' if refused else 'not refused'} ({exc!r})")
    assert not wrong, f"{key}:\n  " + "\n  ".join(wrong)


def test_matrix_size(capsys: pytest.CaptureFixture[str]) -> None:
    public = [k for k, v in MATRIX.items() if v is PUBLIC]
    guarded = [k for k, v in MATRIX.items() if v is not PUBLIC]
    cells = len(guarded) * len(InstallationRole) * len(Role)
    allowed = sum(permissions.allowed(k, r, i) for k in guarded
                  for i in InstallationRole for r in Role)
    with capsys.disabled():
        print(f"\npermission matrix: {len(MATRIX)} entry points ({len(public)} public, "
              f"{len(guarded)} guarded) x {len(InstallationRole)} installation roles x "
              f"{len(Role)} user roles = {cells} cells: {allowed} allowed, "
              f"{cells - allowed} denied")
    assert cells and allowed < cells


def test_rule_modules_name_every_module_that_registers_rules() -> None:
    """``allowed`` loads ``RULE_MODULES`` when it meets an unknown permission; a module
    that registers rules and is missing from the list would answer "denied" until some
    screen happened to import it (the Satisfaction screen once went missing that way)."""
    import re
    from pathlib import Path

    root = Path(makarem_desk.__file__).parent
    registering = {
        "makarem_desk." + ".".join(p.relative_to(root).with_suffix("").parts)
        for p in root.rglob("*.py")
        if re.search(r"^register\(\{", p.read_text(encoding="utf-8"), re.M)
    }
    assert registering == set(permissions.RULE_MODULES)
