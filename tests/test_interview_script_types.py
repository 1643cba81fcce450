"""interview run --script: a value of the wrong JSON type is named with the type wanted,
exit 1, no traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from db_support import sqlite_database
from interview_support import script

from makarem_desk.cli import main


def _set_up_url(tmp_path: Path) -> str:
    """A counter set up as the first run leaves it: nothing is written before that."""
    if not (tmp_path / "c.sqlite3").exists():
        sqlite_database(tmp_path / "c.sqlite3").dispose()
    return f"sqlite:///{tmp_path / 'c.sqlite3'}"


def _fails(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: Any) -> str:
    f = tmp_path / "s.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = _set_up_url(tmp_path)
    code = main(["--db", db, "interview", "run", "--script", str(f), "--today", "2026-11-29"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith("error: ") and "Traceback" not in err
    return err


STEPS = script("FIELD-CONF")


@pytest.mark.parametrize(("data", "expected"), [
    ({"steps": {"step": "reception"}}, "steps must be a list of"),
    ({"language": 5, "steps": []}, 'language must be "ar" or "en", not the number 5'),
    ({"language": "ar", "steps": [], "lang": "en"}, "unknown key 'lang'"),
    ("reception", "the script must be a list of"),
    ([["reception", {}]], "steps[0] must be an object such as"),
    ([{"step": 1, "values": {}}], "steps[0].step must be the name of a step (text), not the "
                                  "number 1"),
    ([{"step": "reception", "values": ["purpose"]}], "steps[0].values must be an object ({…}), "
                                                     "not a list"),
    ([STEPS[0], {"action": True}], "steps[1].action must be \"back\" or \"finish\", not true"),
    ([{"step": "reception", "value": {}}], "steps[0] has the unknown key 'value'"),
    ([{}], "steps[0] has neither"),
])
def test_script_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: Any,
                      expected: str) -> None:
    assert expected in _fails(tmp_path, capsys, data)


def _with(step: int, **values: Any) -> list[dict[str, Any]]:
    steps = [dict(e, values=dict(e["values"])) for e in STEPS[:step + 1]]
    steps[step]["values"].update(values)
    return steps


@pytest.mark.parametrize(("step", "values", "expected"), [
    (0, {"program_code": ["FIELD-CONF"]}, "program_code: must be a program code (text), not a "
                                          "list"),
    (0, {"first_visit": "yes"}, "first_visit: Is this the first visit to the association?: "
                                "answer yes or no"),
    (1, {"new": "no"}, "new: must be true or false, not the text 'no'"),
    (2, {"first_name": 5}, "first_name: must be text, not the number 5"),
    (2, {"phone": 501234567, "city": ["الرياض"]}, "phone: must be text, not the number "
                                                  "501234567; city: must be text, not a list"),
    (3, {"target_group_member": "true"}, "target_group_member:"),
    (5, {"procedures_clear": 1}, "procedures_clear: Are the procedures clear to the "
                                 "beneficiary?: answer yes or no"),
    (6, {"signature_png": 12}, "signature_png: must be a base64 PNG (text), not the number 12"),
    (10, {"answers": ["time_enough"]}, "answers: must be an object of answers ({…}), not a "
                                       "list"),
    (10, {"anonymous": "no"}, "anonymous: must be true or false, not the text 'no'"),
    (10, {"comment": {"text": "x"}}, "comment: must be text, not an object"),
    (10, {"score": "5"}, "satisfaction score is a whole number"),
])
def test_wrong_value_types_name_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          step: int, values: dict[str, Any],
                                          expected: str) -> None:
    assert expected in _fails(tmp_path, capsys, _with(step, **values))


def test_bad_today_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "s.json"
    f.write_text(json.dumps(STEPS[:1]), encoding="utf-8")
    db = _set_up_url(tmp_path)
    assert main(["--db", db, "interview", "run", "--script", str(f), "--today",
                 "2026-13-01"]) == 1
    err = capsys.readouterr().err
    assert "--today '2026-13-01' is not a date" in err and "Traceback" not in err


def test_the_correct_script_still_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "s.json"
    f.write_text(json.dumps({"language": "en", "steps": STEPS}, ensure_ascii=False),
                 encoding="utf-8")
    db = _set_up_url(tmp_path)
    assert main(["--db", db, "interview", "run", "--script", str(f), "--today",
                 "2026-11-29"]) == 0
    end = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert end["event"] == "end" and end["path"] == "submitted"
