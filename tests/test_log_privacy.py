"""Identity numbers never appear in log files (issue 9)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from makarem_desk.log_privacy import (
    IdentityNumberFilter,
    install_identity_mask,
    mask_identity_numbers,
)
from makarem_desk.text import to_ascii_digits

CITIZEN = "1012345674"
IQAMA = "2123456789"
ARABIC_INDIC = "١٠١٢٣٤٥٦٧٤"  # the same citizen number as staff type it


def test_mask_keeps_what_is_not_an_identity_number() -> None:
    assert mask_identity_numbers(f"id {CITIZEN}, iqama {IQAMA}.") == \
        "id 1*********, iqama 2*********."
    assert mask_identity_numbers(f"رقم {ARABIC_INDIC}") == "رقم ١*********"
    # A phone, a reference, a longer number and a nine-digit one stay as they are.
    for keep in ("+966551234567", "0551234567", "RYD1-2026-000123", "10123456741",
                 "101234567", "3012345674"):
        assert mask_identity_numbers(keep) == keep


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """A file handler on the root logger, masked the way the command line masks its own."""
    path = tmp_path / "makarem-desk.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    install_identity_mask()
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()


def _no_identity_numbers(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    plain = to_ascii_digits(text)
    for number in (CITIZEN, IQAMA):
        assert number not in plain, text
    return text


def test_identity_numbers_never_appear_in_log_files(log_file: Path) -> None:
    log = logging.getLogger("makarem_desk.some.module")  # propagates to the root's handler
    log.info("registered %s", CITIZEN)
    log.warning("lookup of %(number)s failed", {"number": IQAMA})
    log.warning(f"typed in Arabic-Indic digits: {ARABIC_INDIC}")
    try:
        raise ValueError(f"the number {CITIZEN} is registered twice")
    except ValueError:
        log.exception("import failed for %s", IQAMA)
    log.info("stack", stack_info=True, extra={"unused": CITIZEN})
    text = _no_identity_numbers(log_file)
    assert "registered 1*********" in text and "ValueError: the number 1*********" in text
    assert "Traceback" in text


def test_the_command_line_and_the_window_install_the_mask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from makarem_desk.cli import main as cli
    from makarem_desk.ui.main import start_log_file

    root = logging.getLogger()
    before = list(root.handlers)
    monkeypatch.setenv("MAKAREM_DATA_DIR", str(tmp_path))
    path = start_log_file()
    assert path is not None
    added = [h for h in root.handlers if h not in before]
    try:
        # The window's log file masks...
        logging.getLogger("makarem_desk.ui").warning("opened %s", CITIZEN)
        for h in added:
            h.flush()
        assert "opened 1*********" in _no_identity_numbers(path)
        # ...and so does every handler the command line finds on the root logger.
        assert cli(["--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "forms", "check"]) == 0
        assert all(any(isinstance(f, IdentityNumberFilter) for f in h.filters)
                   for h in root.handlers)
    finally:
        for h in added:
            root.removeHandler(h)
            h.close()
    capsys.readouterr()
