"""SQLite writes a batch's JSON lines itself (``lines.sqlite_line``); the lines are byte
for byte those of the first exporter (``json.dumps(TableCodec.encode(row))`` over rows read
with their column types), whatever the stored text holds: quotes, backslashes, control
characters, letters outside the BMP, JSON with escapes, times written by other tools.  A
row SQLite cannot write comes back marked and its line is made in Python; a table whose
rows SQLite would mostly mark has all its lines made in Python."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import select, text
from sync_support import add_case, export1

from makarem_desk.sync import container
from makarem_desk.sync.lines import sqlite_line
from makarem_desk.sync.records import CODECS, TABLES
from makarem_desk.sync.stream_batch import BatchStream

ODD_TEXT = 'a "quoted" \\ back\\slash\n\t\r\b\f \x00\x01\x1f\x7f \u2028 / ﷺ 😀 \'single\''


def _first_lines(db) -> dict[str, list[bytes]]:  # type: ignore[no-untyped-def]
    """The lines the first (in-memory) exporter wrote for every row."""
    out = {}
    with db.reader() as s:
        for t in TABLES:
            codec = CODECS[t.name]
            rows = s.execute(select(*codec.columns).order_by(t.c.change_seq, t.c.id)).all()
            out[t.name] = [json.dumps(codec.encode(r, {}), ensure_ascii=False,
                                      separators=(",", ":")).encode("utf-8") + b"\n"
                           for r in rows]
    return out


def _marked(db, table: str) -> list[bool]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return [line.startswith("\x00") for (line,) in conn.execute(text(
            f"SELECT {sqlite_line(CODECS[table])} FROM {table} ORDER BY change_seq, id"))]


@pytest.mark.parametrize("python_writes", [None, False, True],
                         ids=["as-judged", "sqlite-with-marked-rows", "python-all"])
def test_sqlite_lines_are_the_first_exporters_lines(counter_and_committee, tmp_path, monkeypatch,  # type: ignore[no-untyped-def]
                                                     python_writes: bool | None) -> None:
    """Whichever writes a table's lines (SQLite, with Python for the rows it marks, or
    Python for all when most are marked), the bytes are the same."""
    if python_writes is not None:
        monkeypatch.setattr(BatchStream, "_mostly_marked", lambda *_a: python_writes)
    counter, committee = counter_and_committee
    for name in ("محمد", "فاطمة", "خالد", "سارة"):
        add_case(counter.db, first_name=name)
    with counter.db.engine.begin() as conn:
        ids = [r[0] for r in conn.execute(text(
            "SELECT id FROM beneficiary ORDER BY change_seq"))]
        conn.execute(text("UPDATE beneficiary SET notes = :t, latin_name = :e, "
                          "extra = :j WHERE id = :i"),
                     {"t": ODD_TEXT, "e": "", "i": ids[0],
                      "j": json.dumps({"n": [1, 2.5, -0.0, 1e-07, 10**20, None, True],
                                       "s": "plain", "o": {"x": {}}})})
        # Written by other tools: a time without fraction, one with a 'T' and one with an
        # offset; JSON with non-ASCII text as is; a fraction of zero.
        conn.execute(text("UPDATE beneficiary SET created_at = '2026-11-29 09:00:00', "
                          "extra = :j WHERE id = :i"),
                     {"i": ids[1], "j": '{"note": "اختبار", "k": "v"}'})
        conn.execute(text("UPDATE beneficiary SET updated_at = '2026-11-29T09:00:00.250000', "
                          "extra = '{\"a\": [1, {\"b\": null}]}' WHERE id = :i"), {"i": ids[2]})
        conn.execute(text("UPDATE beneficiary SET updated_at = '2026-11-29 12:00:00+03:00', "
                          "extra = '{}' WHERE id = :i"), {"i": ids[3]})
        conn.execute(text("UPDATE contact SET answer = :t, follow_up_needed = 1"), {"t": ODD_TEXT})

    # Which rows SQLite writes and which come marked for Python: the 19-character time
    # and the time with an offset are Python's, so is JSON holding escapes (json.dumps'
    # default for Arabic, as the services store it: the rest of add_case's people).
    assert _marked(counter.db, "beneficiary") == [False, True, False, True]
    assert _marked(counter.db, "contact") == [False] * 4
    assert _marked(counter.db, "satisfaction_response") == [False] * 4
    expected = _first_lines(counter.db)
    assert ODD_TEXT.encode() not in b"".join(expected["beneficiary"])  # escaped, as json does

    result = export1(counter, tmp_path)
    env = container.open_envelope(result.path.read_bytes())
    plaintext = committee.identity.decrypt(env.ciphertext)
    zf = zipfile.ZipFile(io.BytesIO(plaintext))
    for t in TABLES:
        assert zf.read(f"records/{t.name}.jsonl") == b"".join(expected[t.name]), t.name
    assert result.counts["beneficiary"] == 4
