"""`makarem-desk search` and `makarem-desk demo` on the command line."""

from __future__ import annotations

import json

import pytest

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.models import Beneficiary, IdentityType
from makarem_desk.text import name_search_key


@pytest.fixture
def url(db: Database) -> str:
    with db.session() as s:
        for first, family, phone in [
            ("عبدالله", "القحطاني", "+966551234567"),
            ("عبد الله", "القحطاني", None),
            ("نورة", "الغامدي", "+966509876543"),
        ]:
            s.add(
                Beneficiary(
                    first_name=first, father_name="محمد", family_name=family,
                    identity_type=IdentityType.CITIZEN_ID if phone else IdentityType.NONE,
                    identity_number="1000000008" if first == "نورة" else None,
                    phone=phone, city="الرياض",
                    search_key=name_search_key(first, "محمد", family),
                )
            )
    return str(db.url)


def test_search_prints_a_table(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "search", "عبد", "الله"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["Name", "Identity", "number", "Phone", "City"]
    assert sum("القحطاني" in line for line in lines) == 2
    assert "+966551234567" in out and "2 found" in out


def test_search_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "search", "٠٥٠ ٩٨٧ ٦٥٤٣", "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["full_name"] == "نورة محمد الغامدي"
    assert hit["identity_number"] == "1000000008"
    assert hit["matched_by"] == "phone"


def test_search_limit(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "search", "محمد", "--limit", "1", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_nothing_found_is_not_an_error(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "search", "زكريا"]) == 0
    assert capsys.readouterr().out.strip() == "No beneficiary found."
    assert main(["--db", url, "search", "زكريا", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_too_short_query_exits_1_with_a_message(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "search", "ع"]) == 1
    err = capsys.readouterr().err
    assert "at least 2 letters" in err and "Traceback" not in err


def test_wrong_usage_exits_2(url: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", url, "search", "x", "--limit", "0"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["--db", url, "demo"])
    assert info.value.code == 2


def test_demo_command(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["--db", url, "demo", "--beneficiaries", "250", "--seed", "4"]) == 0
    captured = capsys.readouterr()
    assert "Added 250 beneficiary" in captured.out
    assert "250/250 (100%)" in captured.err  # progress goes to stderr
    assert main(["--db", url, "search", "محمد", "--json", "--limit", "3"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_demo_refuses_a_database_with_real_people(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "demo", "--beneficiaries", "5"]) == 1
    err = capsys.readouterr().err
    assert "real beneficiaries" in err and "Traceback" not in err
    assert main(["--db", url, "demo", "--beneficiaries", "5", "--force"]) == 0
