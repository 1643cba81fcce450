"""forms/examples/interview-run.example.json — the script the README documents for
``makarem-desk interview run`` — runs whole on a fresh counter database: a new applicant
registered to VOL-EVENTS, the declaration signed on screen (its PNG given as base64) and
on record, and the satisfaction answer saved."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

from db_support import sqlite_database
from PIL import Image
from sqlalchemy import select

from makarem_desk.cli import main
from makarem_desk.models import Application, Beneficiary, Declaration

EXAMPLE = Path(__file__).resolve().parent.parent / "forms" / "examples" / "interview-run.example.json"


def test_the_documented_example_script_runs_to_a_submitted_application(tmp_path, capsys):  # type: ignore[no-untyped-def]
    db = sqlite_database(tmp_path / "c.sqlite3", "RYD1")
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    script = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert [s["step"] for s in script["steps"]] == [
        "reception", "identify", "personal", "eligibility", "documents", "clarity",
        "declaration", "notice", "registration", "delivery", "satisfaction"]
    signature = base64.b64decode(script["steps"][6]["values"]["signature_png"], validate=True)
    assert Image.open(io.BytesIO(signature)).format == "PNG"

    assert main(["--db", url, "interview", "run", "--script", str(EXAMPLE)]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e.get("completed") for e in events[1:-1]] == [s["step"] for s in script["steps"]]
    end = events[-1]
    assert end["path"] == "submitted" and end["reference"].startswith("RYD1-")

    identity = script["steps"][2]["values"]["identity_number"]
    with db.reader() as s:
        person = s.scalars(select(Beneficiary).where(
            Beneficiary.identity_number == identity)).one()
        application = s.scalars(select(Application).where(
            Application.reference == end["reference"])).one()
        assert application.beneficiary_id == person.id
        declaration = s.scalars(select(Declaration).where(
            Declaration.application_id == application.id)).one()
        assert declaration.signature_png == signature
    db.dispose()
