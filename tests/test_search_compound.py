"""Issue 11: the second half of a compound name typed alone, identity numbers in full-width
digits or pasted from a spreadsheet, and `search … | head` without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_search import _id, add, names

import makarem_desk
from makarem_desk.db import Database
from makarem_desk.search import SearchService
from makarem_desk.search_query import SearchQueryError, parse_query
from makarem_desk.services.actor import SYSTEM

COMPOUNDS = [
    # (first, father, family, the half typed alone)
    ("أسامة", "محمد", "بن لادن", "لادن"),
    ("أبو بكر", "سالم", "العتيبي", "بكر"),
    ("عبد الرحمن", "فهد", "الشهري", "الرحمن"),
    ("نورة", "عبد الله", "القحطاني", "الله"),
]


@pytest.fixture
def people(any_db: Database) -> Database:
    for first, father, family, _half in COMPOUNDS:
        add(any_db, first, father, "", family)
    # Decoys: the half as a word of its own name, and names holding none of the halves.
    add(any_db, "بكر", "علي", "", "الزهراني")
    add(any_db, "سارة", "خالد", "", "الدوسري")
    add(any_db, "لادنة", "سعد", "", "المطيري")  # a prefix of the half, not the half
    return any_db


@pytest.mark.parametrize(("first", "father", "family", "half"), COMPOUNDS)
def test_the_second_half_of_a_compound_typed_alone_finds_it(
    people: Database, first: str, father: str, family: str, half: str
) -> None:
    hits = names(SearchService(people).search(SYSTEM, half))
    assert " ".join(p for p in (first, father, family) if p) in hits
    assert not any(n.startswith("سارة") for n in hits)


def test_the_half_with_other_words_finds_the_person_first(people: Database) -> None:
    hits = names(SearchService(people).search(SYSTEM, "أسامة لادن"))
    assert hits[0] == "أسامة محمد بن لادن"
    # "بكر" alone: the person named بكر and أبو بكر both; the whole word first.
    hits = names(SearchService(people).search(SYSTEM, "بكر"))
    assert set(hits) == {"بكر علي الزهراني", "أبو بكر سالم العتيبي"}


def test_the_half_typed_partly_is_a_prefix(people: Database) -> None:
    hits = names(SearchService(people).search(SYSTEM, "لاد"))
    assert {"أسامة محمد بن لادن", "لادنة سعد المطيري"} <= set(hits)


def test_the_joined_and_the_spaced_compound_still_match(people: Database) -> None:
    for query in ("بن لادن", "بنلادن", "عبدالرحمن", "عبد الرحمن", "ابو بكر"):
        assert SearchService(people).search(SYSTEM, query), query


def test_identity_numbers_in_full_width_digits_and_from_a_spreadsheet(
    any_db: Database,
) -> None:
    number = _id("100000000")
    add(any_db, "هند", "ناصر", "", "السبيعي", identity=number)
    full_width = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for typed in (full_width, f"{number}.0", f"{number}.00", f" {number}.0 ",
                  f"{full_width}．０"):
        assert parse_query(typed).kind == "identity", typed
        hits = SearchService(any_db).search(SYSTEM, typed)
        assert [(h.full_name, h.matched_by) for h in hits] == [("هند ناصر السبيعي", "identity")]
    # A decimal that is not a whole number is not an identity number: said, not guessed.
    with pytest.raises(SearchQueryError):
        parse_query(f"{number}.5")


def test_search_piped_into_head_ends_without_a_traceback(db: Database, tmp_path: Path) -> None:
    for i in range(30):
        add(db, "محمد", f"سعد{i}", "", "الحربي")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(makarem_desk.__file__).resolve().parent.parent)
    proc = subprocess.Popen(
        [sys.executable, "-m", "makarem_desk", "--db", str(db.url), "search", "محمد",
         "--limit", "30"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head` that has already read what it wanted
    err = proc.stderr.read().decode("utf-8", "replace")
    status = proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert status == 1
