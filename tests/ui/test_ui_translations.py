"""No English left in the Arabic interface: every string of ui/ is in the Arabic .ts, all
of them translated, and the committed .qm is the compiled .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "makarem_ar.ts"
QM = REPO / "resources" / "translations" / "makarem_ar.qm"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> list[ET.Element]:
    return [m for m in ET.parse(ts).iter("message")
            if m.find("translation").get("type") not in ("vanished", "obsolete")]  # type: ignore[union-attr]


def _arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_every_string_is_translated_to_arabic() -> None:
    msgs = _messages(TS)
    assert len(msgs) > 200
    for m in msgs:
        tr = m.find("translation")
        assert tr is not None and tr.get("type") != "unfinished", m.findtext("source")
        texts = [tr.text or ""] + [f.text or "" for f in tr.findall("numerusform")]
        assert any(_arabic(t) for t in texts), m.findtext("source")


def test_sources_have_no_string_missing_from_the_ts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (REPO / "makarem_desk" / "ui").glob("*.py"))
    before = {(m.findtext("source")) for m in _messages(copy)}
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(copy)],
                   check=True, capture_output=True)
    after = {(m.findtext("source")) for m in _messages(copy)}
    assert after - before == set(), "run `make lupdate` and translate the new strings"


def test_committed_qm_matches_the_ts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "check.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_pseudo_strings_switch_lengthens_the_arabic(monkeypatch, desk_app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from makarem_desk.ui.i18n import apply_language

    monkeypatch.setenv("MAKAREM_PSEUDO_STRINGS", "1")
    apply_language(desk_app, "ar")
    try:
        text = QCoreApplication.translate("MainWindow", "Today")
        assert text.startswith("⟦اليوم") and text.endswith("~⟧")
        assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&نعم"  # Qt's own
        from PySide6.QtGui import QPixmap

        logo = QPixmap()  # Qt's image readers translate too, and must keep working
        assert logo.loadFromData((REPO / "resources" / "images" /
                                  "association-logo.png").read_bytes())
    finally:
        monkeypatch.delenv("MAKAREM_PSEUDO_STRINGS")
        apply_language(desk_app, "ar")
    assert QCoreApplication.translate("MainWindow", "Today") == "اليوم"
