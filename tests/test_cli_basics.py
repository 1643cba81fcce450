"""The command line's contract: exit statuses and no traceback for user errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from makarem_desk import __version__
from makarem_desk.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2
    assert "usage" in capsys.readouterr().err


def test_bad_database_url_is_a_plain_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "nosuchdb://x", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err


def test_upgrade_creates_a_fresh_database(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'fresh' / 'desk.sqlite3'}"
    assert main(["--db", url, "upgrade"]) == 0
    assert "revision" in capsys.readouterr().out
    assert (tmp_path / "fresh" / "desk.sqlite3").exists()


def test_module_entry_point_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "makarem_desk", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and __version__ in out.stdout


def test_the_window_starts_without_the_data_layer() -> None:
    """A start of the window reads its options without the command modules, and the log-in
    form's modules do not load SQLAlchemy: the data layer is imported on a worker thread
    after the form is painted (3.5 s and 3.8 s of a busy PC's start went there, issue 13)."""
    from makarem_desk.cli import window_arguments

    args = window_arguments(["--db", "sqlite:///x.sqlite3", "-v"])
    assert args is not None and args.command is None and args.db == "sqlite:///x.sqlite3"
    assert args.verbose and not args.self_test
    assert window_arguments(["search", "x"]) is None
    assert window_arguments(["--help"]) is None
    assert window_arguments(["--db", "u", "report", "--from", "2026-01-01"]) is None
    code = ("import sys; from makarem_desk.cli import window_arguments; "
            "window_arguments(['--db', 'sqlite://']); import makarem_desk.ui.main, "
            "makarem_desk.ui.login_view; "
            "loaded = [m for m in ('sqlalchemy', 'makarem_desk.models', 'makarem_desk.db') "
            "if m in sys.modules]; assert not loaded, loaded")
    subprocess.run([sys.executable, "-c", code], check=True)
