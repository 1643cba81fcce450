"""New rows arrive with the values the sender wrote, on SQLite (executemany) and
PostgreSQL (COPY, each value turned into COPY's text by the importer); a value neither
path can take refuses the whole batch.  Issue 14: the PostgreSQL import writes COPY text
itself, so these pin what the column types' own conversions did before."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sync_support import BACKENDS, add_case, export1, jsonl, repack, rows_of, snapshot

from makarem_desk.models import Beneficiary, Gender, IdentityType
from makarem_desk.services.actor import SYSTEM
from makarem_desk.sync import BatchRefused

# Every character COPY's text format escapes, a quote, and Arabic.
AWKWARD = 'Mo\t"Ali"\\n\nback\\slash\r محمد'


def _forged(counter, committee, tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    add_case(counter.db)
    path = export1(counter, tmp_path).path

    def forge(members: dict[str, bytes], _manifest: dict[str, Any]) -> None:
        [row] = rows_of(members["records/beneficiary.jsonl"])
        change(row, members)
        if row:  # else change() wrote the member itself
            members["records/beneficiary.jsonl"] = jsonl([row])

    return repack(path, counter, committee, tmp_path / "forged.mkb", forge)


@pytest.mark.parametrize("counter_and_committee", BACKENDS, indirect=True)
def test_new_rows_keep_every_value(counter_and_committee, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter, committee = counter_and_committee

    def change(row: dict[str, Any], _members: dict[str, bytes]) -> None:
        row["latin_name"] = AWKWARD
        row["notes"] = "\\N"  # COPY's NULL marker, as text
        row["updated_at"] = "2026-11-29T12:30:00.250000+03:00"  # another offset, same instant
        row["extra"] = {"ملاحظة": AWKWARD, "list": [1, None, True], "n": 1.5}

    path = _forged(counter, committee, tmp_path, change)
    res = committee.svc.import_file(SYSTEM, committee.identity, path)
    assert res.counts["beneficiary"] == {"inserted": 1}
    with committee.db.reader() as s:
        b = s.scalars(select(Beneficiary)).one()
        assert b.latin_name == AWKWARD and b.notes == "\\N"
        assert b.updated_at == datetime(2026, 11, 29, 9, 30, 0, 250000, tzinfo=UTC)
        assert b.extra == {"ملاحظة": AWKWARD, "list": [1, None, True], "n": 1.5}
        assert b.identity_type is IdentityType.CITIZEN_ID and b.gender is Gender.MALE
        # Enums are stored as their value, as the application writes them itself.
        assert s.execute(text("SELECT identity_type, gender FROM beneficiary")).one() == (
            "citizen_id", "male")
        assert b.site_id == "RYD1" and b.version == 1 and b.change_seq > 0


@pytest.mark.parametrize("counter_and_committee", BACKENDS, indirect=True)
@pytest.mark.parametrize(("case", "match"), [
    ("naive_time", "cannot be read"),
    ("unknown_enum", "cannot be read"),
    ("bad_uuid", "cannot be read"),
    ("two_on_a_line", "cannot be read"),
    ("not_an_object", "cannot be read"),
])
def test_unreadable_values_refuse_the_batch(counter_and_committee, tmp_path, case: str,  # type: ignore[no-untyped-def]
                                            match: str) -> None:
    counter, committee = counter_and_committee

    def change(row: dict[str, Any], members: dict[str, bytes]) -> None:
        if case == "naive_time":
            row["created_at"] = "2026-11-29T09:00:00"
        elif case == "unknown_enum":
            row["identity_type"] = "citizen"
        elif case == "bad_uuid":
            row["id"] = "not-a-uuid"
        else:
            line = jsonl([row]).rstrip(b"\n")
            twice = line + b"," + line.replace(row["id"].encode(), b"0" * 8 + row["id"][8:].encode())
            members["records/beneficiary.jsonl"] = (
                twice if case == "two_on_a_line" else b"[" + line + b"]") + b"\n"
            row.clear()

    path = _forged(counter, committee, tmp_path, change)
    before = snapshot(committee.db)
    with pytest.raises(BatchRefused, match=match):
        committee.svc.import_file(SYSTEM, committee.identity, path)
    assert snapshot(committee.db) == before
