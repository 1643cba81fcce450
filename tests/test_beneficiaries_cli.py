"""``beneficiary register`` / ``beneficiary show``: the counter's service from the command line."""

from __future__ import annotations

import json

import pytest

from makarem_desk.cli import main
from makarem_desk.db import Database


def test_register_then_show(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    url = db.url.render_as_string(hide_password=False)
    assert main(["--db", url, "beneficiary", "register", "--first-name", "عبدالله",
                 "--father-name", "محمد", "--family-name", "الغامدي", "--identity-number",
                 "1000000008", "--gender", "ذكر", "--phone", "0551234567",
                 "--birth-date", "1410/03/15 هـ"]) == 0
    assert "Registered عبدالله محمد الغامدي as B-" in capsys.readouterr().out
    assert main(["--db", url, "beneficiary", "show", "١٠٠٠٠٠٠٠٠٨", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["phone"] == "+966551234567" and shown["birth_date"] == "1989-10-14"
    assert main(["--db", url, "beneficiary", "show", "1000000008"]) == 0
    assert "Rabi al-Awwal 1410 AH" in capsys.readouterr().out


def test_problems_listed_per_option(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    url = db.url.render_as_string(hide_password=False)
    assert main(["--db", url, "beneficiary", "register", "--identity-number", "1000000009",
                 "--phone", "12"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for option in ("--identity-number", "--first-name", "--family-name", "--gender", "--phone"):
        assert option in err
    assert main(["--db", url, "beneficiary", "show", "2000000000"]) == 1
    with pytest.raises(SystemExit) as exc:
        main(["--db", url, "beneficiary"])
    assert exc.value.code == 2
