"""The spreadsheet import leaves one event when it lands and one when it is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from audit_support import audit_events, chain_ok
from test_import_beneficiaries import EN, TODAY, good_rows, write_csv

from makarem_desk.db import Database
from makarem_desk.errors import UserError
from makarem_desk.importer import BeneficiaryImporter
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService


def test_import_and_refused_import_are_audited(db: Database, tmp_path: Path) -> None:
    rows = good_rows(4)
    imp = BeneficiaryImporter(db, today=TODAY)
    plan = imp.prepare(SYSTEM, write_csv(tmp_path / "first.csv", EN, rows[:2], bom=False))
    assert imp.run(SYSTEM, plan) == 2
    (done,) = audit_events(db, "beneficiaries_imported")
    assert done.username == "system" and done.details["file"] == "first.csv"
    assert (done.details["imported"], done.details["rejected"]) == (2, 0)

    # A person of the second sheet registered at the counter after its dry run.
    plan = imp.prepare(SYSTEM, write_csv(tmp_path / "second.csv", EN, rows[2:], bom=False))
    number, first, father, grandfather, family = rows[2][:5]
    BeneficiaryService(db, today=TODAY).register(SYSTEM, BeneficiaryInput(
        first_name=first, father_name=father, grandfather_name=grandfather,
        family_name=family, identity_number=number, gender="male", phone="0551234567",
        city="الرياض", identity_expiry="1450/01/01", birth_date="1410/03/15"))
    with pytest.raises(UserError, match="registered meanwhile"):
        imp.run(SYSTEM, plan)
    (refused,) = audit_events(db, "beneficiaries_import_refused")
    assert refused.details == {"file": "second.csv", "rows": 2,
                               "reason": "registered_meanwhile"}
    assert number not in str(refused.details)
    assert len(audit_events(db, "beneficiaries_imported")) == 1
    assert chain_ok(db)
