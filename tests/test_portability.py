"""Nothing in the application needs a POSIX system: the counter PCs run Windows.

What can be run here runs with the POSIX-only modules blocked (every module imported, the
self-test); what cannot (Windows itself) is held by reading the source: no top-level import
of a POSIX-only module, no outside program, every text file opened as UTF-8, every binary
``os.open`` in binary mode, no hard-coded Unix folder.  The round trip of a batch with fcntl
blocked is in tests/sync/test_sync_without_posix.py."""

from __future__ import annotations

import ast
import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from db_support import sqlite_database
from portability_support import POSIX_ONLY, ROOT, cli_without_posix, run_without_posix

from makarem_desk import sqlite_files

PACKAGE = ROOT / "makarem_desk"
# Scripts that run when loaded rather than modules to import: alembic's environment
# (imported by alembic inside a migration) and ``python -m makarem_desk`` (starts the app).
NOT_IMPORTABLE = {"makarem_desk.migrations.env", "makarem_desk.__main__"}
# Modules that may start an outside program, with the reason.  None in the shipped app:
# a Windows PC has none of the programs a Linux desk might (pdftoppm, lp, xdg-open).
MAY_RUN_PROGRAMS: dict[str, str] = {
    # The worker process is this program started again (worker.command(): the same
    # interpreter with -m makarem_desk, or the built executable itself), never another one.
    "makarem_desk.ui.tasks": "QProcess of worker.command()",
}


def _modules() -> Iterator[tuple[str, Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        yield ".".join(parts), path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _run_at_import(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every node executed when the module is imported: the module body, into ``if``/``try``
    /``with`` blocks and class bodies, not into functions (they run only when called)."""
    for stmt in body:  # (an ``except`` clause is reached through ``handlers``)
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        yield stmt
        for field in ("body", "orelse", "finalbody", "handlers"):
            inner = getattr(stmt, field, None)
            if isinstance(inner, list):
                yield from _run_at_import(inner)


def _top_level_posix_imports(tree: ast.Module) -> list[str]:
    found = []
    for node in _run_at_import(tree.body):
        names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0
                 else [])
        found += [f"line {node.lineno}: {n}" for n in names  # type: ignore[attr-defined]
                  if n.split(".")[0] in POSIX_ONLY]
    return found


def test_the_posix_import_check_sees_conditional_imports_only_at_top_level() -> None:
    tree = ast.parse("import sys\nif sys.platform != 'win32':\n    import fcntl\n"
                     "try:\n    from termios import tcgetattr\nexcept ImportError:\n"
                     "    import pwd\n"
                     "def later():\n    import resource\n")
    assert _top_level_posix_imports(tree) == ["line 3: fcntl", "line 5: termios",
                                              "line 7: pwd"]


def test_no_module_imports_a_posix_only_module_at_top_level() -> None:
    found = {name: hits for name, _, tree in _modules() if (hits := _top_level_posix_imports(tree))}
    assert found == {}


def test_every_module_imports_with_the_posix_modules_blocked() -> None:
    expected = sorted(name for name, _, _ in _modules() if name not in NOT_IMPORTABLE)
    code = f"""
import importlib, json, pkgutil
import makarem_desk
names, failed = [], {{}}
for info in pkgutil.walk_packages(makarem_desk.__path__, "makarem_desk."):
    if info.name in {sorted(NOT_IMPORTABLE)!r}:
        continue
    names.append(info.name)
    try:
        importlib.import_module(info.name)
    except BaseException as exc:
        failed[info.name] = repr(exc)
# the migration scripts are loaded by file, as alembic loads them
import importlib.util, pathlib
for path in sorted(pathlib.Path(makarem_desk.__file__).parent.glob("migrations/versions/*.py")):
    name = "makarem_desk.migrations.versions." + path.stem
    names.append(name)
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        spec.loader.exec_module(importlib.util.module_from_spec(spec))
    except BaseException as exc:
        failed[name] = repr(exc)
print(json.dumps({{"names": ["makarem_desk", *names], "failed": failed}}))
"""
    done = run_without_posix(code)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["failed"] == {}
    assert sorted(result["names"]) == expected  # every module was tried, the UI's too
    assert any(n.startswith("makarem_desk.ui.") for n in expected)


def test_self_test_opens_every_screen_with_the_posix_modules_blocked(tmp_path: Path) -> None:
    sqlite_database(tmp_path / "desk.sqlite3", "RYD1").dispose()
    done = cli_without_posix("--db", f"sqlite:///{tmp_path / 'desk.sqlite3'}", "--self-test")
    assert done.returncode == 0, done.stderr
    [summary] = [line for line in done.stderr.splitlines() if "screens opened" in line]
    opened, total = summary.split()[1].split("/")
    assert opened == total and int(total) >= 9 and "sync" in summary and "committee" in summary


_PROGRAM_RUNNERS = {
    ("os", "system"), ("os", "popen"), ("os", "startfile"), ("shutil", "which"),
    *(("os", f) for f in ("execv", "execve", "execvp", "execl", "execlp", "spawnv", "spawnl",
                           "posix_spawn", "posix_spawnp")),
}


def _program_runs(tree: ast.Module) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            mods = ([a.name for a in node.names] if isinstance(node, ast.Import)
                    else [node.module or ""])
            found += [f"line {node.lineno}: import {m}" for m in mods
                      if m.split(".")[0] in ("subprocess", "multiprocessing")]
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
              and (node.value.id, node.attr) in _PROGRAM_RUNNERS):
            found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
        elif isinstance(node, ast.Name) and node.id in {"QProcess", "startDetached"}:
            found.append(f"line {node.lineno}: {node.id}")
    return found


def test_no_module_runs_an_outside_program() -> None:
    assert _program_runs(ast.parse("import subprocess\nimport shutil\nshutil.which('x')\n")) \
        == ["line 1: import subprocess", "line 3: shutil.which"]
    found = {name: hits for name, _, tree in _modules()
             if name not in MAY_RUN_PROGRAMS and (hits := _program_runs(tree))}
    assert found == {}


# Calls that open a file in text mode unless told otherwise; each must name its encoding,
# or Windows reads and writes in the ANSI code page (cp1256 on an Arabic PC).
_TEXT_OPENERS = {"read_text", "write_text", "FileHandler", "RotatingFileHandler",
                 "TimedRotatingFileHandler", "TextIOWrapper"}


def _mode(call: ast.Call, builtin: bool) -> str | None:
    for kw in call.keywords:
        if kw.arg == "mode":
            return kw.value.value if isinstance(kw.value, ast.Constant) else "?"
    args = call.args[1:] if builtin else call.args
    if not args:
        return "r"
    return args[0].value if isinstance(args[0], ast.Constant) else "?"


def _unnamed_encodings(tree: ast.Module) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or any(k.arg == "encoding" for k in node.keywords):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in _TEXT_OPENERS:
            found.append(f"line {node.lineno}: {name}")
        elif name in {"open", "fdopen", "NamedTemporaryFile", "TemporaryFile"}:
            builtin = isinstance(func, ast.Name) or (
                isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                and func.value.id in {"io", "os", "builtins", "tempfile"})
            mode = _mode(node, builtin)
            # ``x.open(...)`` of a zip member, a Qt buffer or an image is not a text file;
            # a path's is when given a mode (or nothing but keywords).
            plain_path = builtin or (isinstance(mode, str) and set(mode) <= set("rwxabt+")
                                     and (bool(node.args) or bool(node.keywords)))
            if name in {"NamedTemporaryFile", "TemporaryFile"} and mode == "r":
                mode = "w+b"  # their default mode is binary
            if plain_path and isinstance(mode, str) and "?" not in mode and "b" not in mode:
                found.append(f"line {node.lineno}: {name}({mode!r})")
    return found


def test_the_encoding_check_sees_text_opens() -> None:
    tree = ast.parse("open(p)\nopen(p, 'rb')\np.open('w')\np.open('rb')\np.read_text()\n"
                     "zf.open(name)\nImage.open(path)\nopen(p, 'w', encoding='utf-8')\n"
                     "os.fdopen(fd, 'w')\nlogging.FileHandler(p)\n")
    assert _unnamed_encodings(tree) == ["line 1: open('r')", "line 3: open('w')",
                                        "line 5: read_text", "line 9: fdopen('w')",
                                        "line 10: FileHandler"]


def test_every_text_file_is_opened_with_its_encoding() -> None:
    found = {name: hits for name, _, tree in _modules() if (hits := _unnamed_encodings(tree))}
    assert found == {}


def _unbinary_os_opens(tree: ast.Module) -> list[str]:
    """``os.open`` for writing without O_BINARY: on Windows the descriptor is then in text
    mode and every newline byte written through it becomes CR LF."""
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "open" and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "os" and len(node.args) > 1):
            flags = ast.unparse(node.args[1])
            if ("O_WRONLY" in flags or "O_RDWR" in flags) and "O_BINARY" not in flags:
                found.append(f"line {node.lineno}: {flags}")
    return found


def test_files_written_through_os_open_are_binary_on_windows() -> None:
    assert _unbinary_os_opens(ast.parse("os.open(p, os.O_WRONLY | os.O_CREAT)")) != []
    found = {name: hits for name, _, tree in _modules() if (hits := _unbinary_os_opens(tree))}
    assert found == {}


_UNIX_FOLDERS = ("/tmp", "/var/", "/home/", "/etc/", "/usr/", "~/", "/root", "/opt/")


def test_no_hard_coded_unix_folders() -> None:
    """Folders come from platformdirs (or the user's choice), never a Unix path."""
    found = {}
    for name, _, tree in _modules():
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        hits = [f"line {n.lineno}: {n.value!r}" for n in ast.walk(tree)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
                and id(n) not in docstrings and n.value.startswith(_UNIX_FOLDERS)]
        if hits:
            found[name] = hits
    assert found == {}


def test_folder_sync_where_the_system_has_it(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    sqlite_files.fsync_dir(tmp_path)  # a real folder here: synced

    def no_folder(*_a: object, **_k: object) -> int:
        raise PermissionError(errno.EACCES, "Access is denied")  # what Windows answers

    monkeypatch.setattr(os, "open", no_folder)
    monkeypatch.setattr(os, "name", "nt")
    sqlite_files.fsync_dir(tmp_path)  # Windows: not even tried
    monkeypatch.setattr(os, "name", "posix")
    sqlite_files.fsync_dir(tmp_path)  # a folder that cannot be opened: left to the system


@pytest.mark.parametrize(("code", "raised"), [(errno.EINVAL, False), (errno.EIO, True)])
def test_folder_sync_refused_or_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       code: int, raised: bool) -> None:
    def refuse(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", refuse)
    if raised:  # a write error is a real failure
        with pytest.raises(OSError):
            sqlite_files.fsync_dir(tmp_path)
    else:  # a share or a USB stick that cannot sync a folder
        sqlite_files.fsync_dir(tmp_path)


def test_the_only_program_started_is_this_one(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What MAY_RUN_PROGRAMS lets ui.tasks start: the running interpreter (or the frozen
    executable) and this package, nothing a Windows PC might lack."""
    import sys

    from makarem_desk import worker

    assert worker.command() == [sys.executable, "-m", "makarem_desk", worker.COMMAND]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker.command() == [sys.executable, worker.COMMAND]
