"""The command line: interview run/show/list, programs load/list."""

from __future__ import annotations

import json

from db_support import sqlite_database
from interview_support import script

from makarem_desk.cli import main


def _url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    """A set-up counter's database (administrator ``admin``, whom the commands act for)."""
    sqlite_database(tmp_path / "c.sqlite3").dispose()
    return f"sqlite:///{tmp_path / 'c.sqlite3'}"


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_interview_run_show_list(tmp_path, capsys):
    db = _url(tmp_path)
    steps = script("VOL-EVENTS")
    half = tmp_path / "half.json"
    half.write_text(json.dumps({"language": "en", "steps": steps[:4]}, ensure_ascii=False),
                    encoding="utf-8")
    assert main(["--db", db, "interview", "run", "--script", str(half),
                 "--today", "2026-11-29"]) == 0
    events = _lines(capsys.readouterr().out)
    draft = events[0]["draft"]
    assert [e.get("completed") for e in events[1:-1]] == [
        "reception", "identify", "personal", "eligibility"]
    assert events[-1]["step"] == "documents"

    assert main(["--db", db, "interview", "list"]) == 0
    assert draft in capsys.readouterr().out

    full = tmp_path / "full.json"
    full.write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", db, "interview", "run", "--script", str(full), "--resume", draft,
                 "--today", "2026-11-29"]) == 0
    end = _lines(capsys.readouterr().out)[-1]
    assert end["event"] == "end" and end["path"] == "submitted" and end["reference"]

    assert main(["--db", db, "interview", "show", draft]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "done" and shown["state"]["language"] == "en"


def test_invalid_step_exits_1_with_the_problem(tmp_path, capsys):
    db = _url(tmp_path)
    steps = script("FIELD-CONF")[:4]
    steps[3] = {"step": "eligibility", "values": {"target_group_member": "yes"}}
    f = tmp_path / "s.json"
    f.write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", db, "interview", "run", "--script", str(f)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "target_group_member" in err
    assert "Traceback" not in err


def test_script_out_of_order_and_unreadable(tmp_path, capsys):
    db = _url(tmp_path)
    f = tmp_path / "s.json"
    f.write_text(json.dumps([{"step": "identify", "values": {"new": True}}]), encoding="utf-8")
    assert main(["--db", db, "interview", "run", "--script", str(f)]) == 1
    assert "expects step 'identify'" in capsys.readouterr().err
    f.write_text("{not json", encoding="utf-8")
    assert main(["--db", db, "interview", "run", "--script", str(f)]) == 1
    assert "Cannot read the script" in capsys.readouterr().err


def test_programs_load_and_list(tmp_path, capsys):
    db = _url(tmp_path)
    assert main(["--db", db, "programs", "load"]) == 0
    assert "added: TRN-ACCOUNTING" in capsys.readouterr().out
    assert main(["--db", db, "programs", "load"]) == 0
    assert "unchanged:" in capsys.readouterr().out
    assert main(["--db", db, "programs", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {p["category"] for p in listed} == {"academic", "volunteering", "special_groups",
                                               "field"}
