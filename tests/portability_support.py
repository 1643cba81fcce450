"""Running Python code as on Windows, as far as this machine can: in a subprocess where
the POSIX-only modules cannot be imported (``sys.modules[name] = None`` makes ``import``
raise ImportError, as a missing module does)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The modules of the standard library that Windows does not have.
POSIX_ONLY = ("fcntl", "termios", "pwd", "grp", "resource", "posix", "tty", "pty", "syslog")
# Those the subprocess blocks.  ``posix`` is left in: ``os`` is built on it here, as it is
# built on ``nt`` on Windows; the static test keeps it out of our own imports instead.
BLOCKED = tuple(m for m in POSIX_ONLY if m != "posix")
# Run with ``-X warn_default_encoding``: a text file our code opens without naming its
# encoding is an error (libraries' own are theirs: openpyxl opens an empty temporary file
# so, then writes it as bytes).
PRELUDE = (f"import sys, warnings\nfor _name in {BLOCKED!r}:\n    sys.modules[_name] = None\n"
           "warnings.filterwarnings('error', category=EncodingWarning, "
           "module=r'makarem_desk(\\.|$)')\n")


def run_without_posix(code: str, *args: str, timeout: float = 300,
                      env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``code`` run by a fresh interpreter with the POSIX-only modules blocked, and a text
    file opened by our code without its encoding an error (Windows would use the ANSI
    code page)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                **(env or {})}
    argv = [sys.executable, "-X", "warn_default_encoding", "-c", PRELUDE + code, *args]
    return subprocess.run(argv, cwd=ROOT, env=full_env, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)


def cli_without_posix(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """``makarem-desk ARGV`` with the POSIX-only modules blocked."""
    code = "from makarem_desk.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    return run_without_posix(code, *argv, **kwargs)  # type: ignore[arg-type]
