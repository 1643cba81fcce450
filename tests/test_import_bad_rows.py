"""import-beneficiaries: rows whose cells cannot be taken at face value are refused, each
with its row named; the other rows are imported as before."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from test_import_beneficiaries import EN, TODAY, count, db_url, good_rows, write_csv

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.errors import UserError
from makarem_desk.importer import BeneficiaryImporter
from makarem_desk.services.actor import SYSTEM

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _xlsx(path: Path, rows: list[str]) -> Path:
    """A minimal workbook whose sheet rows are given as raw <c> XML."""
    heading = "".join(_inline(f"{chr(65 + i)}1", h) for i, h in enumerate(EN))
    body = "".join(f'<row r="{n}">{cells}</row>' for n, cells in enumerate(rows, start=2))
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN_NS}"/>')
        zf.writestr("xl/worksheets/sheet1.xml",
                    f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">{heading}</row>'
                    f"{body}</sheetData></worksheet>")
    return path


def _cells(values: list[str], start: int = 0, row: int = 2) -> str:
    return "".join(_inline(f"{chr(65 + start + i)}{row}", v) for i, v in enumerate(values))


def test_csv_row_with_more_cells_than_headings_is_refused(db: Database, tmp_path: Path) -> None:
    rows = good_rows(4)
    # An unquoted comma in the first name: every later value moves one column right.
    rows[1] = [rows[1][0], "محمد", "علي", *rows[1][2:]]
    path = write_csv(tmp_path / "in.csv", EN, rows, bom=False)
    imp = BeneficiaryImporter(db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    assert (plan.rows_read, plan.accepted, plan.rejected) == (4, 3, 1)
    [p] = plan.problems
    assert (p.row, p.code, p.column) == (3, "more_cells_than_headings", "J")
    assert "10 columns" in p.message and "9 column headings" in p.message
    assert p.national_id == rows[1][0] and p.message_ar
    assert imp.run(SYSTEM, plan) == 3 and count(db) == 3


def test_trailing_empty_cells_are_not_extra_values(db: Database, tmp_path: Path) -> None:
    rows = [r + ["", " "] for r in good_rows(3)]  # "…,الرياض,, " as some exports write
    path = write_csv(tmp_path / "in.csv", EN + [""], rows, bom=True)
    plan = BeneficiaryImporter(db, today=TODAY).prepare(SYSTEM, path)
    assert (plan.accepted, plan.rejected) == (3, 0)


def test_xlsx_row_with_more_cells_than_headings_is_refused(db: Database, tmp_path: Path) -> None:
    good = good_rows(2)
    shifted = [good[1][0], "محمد", *good[1][1:]]
    path = _xlsx(tmp_path / "in.xlsx", [_cells(good[0]), _cells(shifted, row=3)])
    plan = BeneficiaryImporter(db, today=TODAY).prepare(SYSTEM, path)
    assert (plan.accepted, plan.rejected) == (1, 1)
    assert [(p.row, p.code) for p in plan.problems] == [(3, "more_cells_than_headings")]


def test_xlsx_formula_without_a_cached_value_is_refused(db: Database, tmp_path: Path) -> None:
    """openpyxl (like many scripts) saves formulas without their value."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(EN)
    rows = good_rows(3)
    rows[1][7] = '=CONCATENATE("05","51234567")'  # the phone
    rows[2][1] = "=B2"  # an empty-looking first name
    for r in rows:
        ws.append(r)
    path = tmp_path / "script.xlsx"
    wb.save(path)
    imp = BeneficiaryImporter(db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    assert (plan.rows_read, plan.accepted, plan.rejected) == (3, 1, 2)
    got = sorted((p.row, p.column, p.code) for p in plan.problems)
    assert got == [(3, "phone", "formula_without_value"), (4, "first_name", "formula_without_value")]
    assert imp.run(SYSTEM, plan) == 1 and count(db) == 1


def test_xlsx_formula_with_its_cached_value_is_read(db: Database, tmp_path: Path) -> None:
    r = good_rows(1)[0]
    cells = (_cells(r[:7]) + '<c r="H2"><f>CONCATENATE("05","51234567")</f><v>551234567</v></c>'
             + '<c r="I2" t="str"><f>IF(1,"الرياض","")</f><v>الرياض</v></c>')
    plan = BeneficiaryImporter(db, today=TODAY).prepare(SYSTEM, _xlsx(tmp_path / "in.xlsx", [cells]))
    assert (plan.accepted, plan.rejected) == (1, 0)


def test_a_row_of_uncomputed_formulas_only_is_not_skipped_as_blank(db: Database,
                                                                   tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "in.xlsx", [_cells(good_rows(1)[0]), '<c r="A3"><f>A2</f></c>'])
    plan = BeneficiaryImporter(db, today=TODAY).prepare(SYSTEM, path)
    assert (plan.rows_read, plan.accepted, plan.rejected) == (2, 1, 1)
    assert [(p.row, p.column) for p in plan.problems] == [(3, "national_id")]


def test_uncomputed_headings_refuse_the_whole_file(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN_NS}"/>')
        zf.writestr("xl/worksheets/sheet1.xml",
                    f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">'
                    '<c r="A1"><f>Sheet2!A1</f></c></row></sheetData></worksheet>')
    with pytest.raises(UserError, match="headings are formulas"):
        BeneficiaryImporter(db, today=TODAY).prepare(SYSTEM, path)


def test_nul_byte_in_a_csv_cell_refuses_that_row(db: Database, tmp_path: Path) -> None:
    rows = good_rows(3)
    rows[1][4] = "القحطاني\x00"
    path = write_csv(tmp_path / "in.csv", EN, rows, bom=True)
    imp = BeneficiaryImporter(db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    assert (plan.rows_read, plan.accepted, plan.rejected) == (3, 2, 1)
    [p] = plan.problems
    assert (p.row, p.column, p.code) == (3, "family_name", "nul_character")
    assert imp.run(SYSTEM, plan) == 2 and count(db) == 2


def test_nul_in_an_xlsx_cell_refuses_that_row(db: Database, tmp_path: Path) -> None:
    """Excel writes control characters as _xHHHH_; they are decoded, and a NUL refused."""
    r1, r2 = good_rows(2)
    r1[8] = "الرياض_x000D_"  # a carriage return typed into the city: decoded, then trimmed
    r2[1] = "نورة_x0000_"
    path = _xlsx(tmp_path / "in.xlsx", [_cells(r1), _cells(r2, row=3)])
    imp = BeneficiaryImporter(db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    assert [(p.row, p.column, p.code) for p in plan.problems] == [(3, "first_name",
                                                                   "nul_character")]
    assert imp.run(SYSTEM, plan) == 1


def test_utf16_csv_is_named_as_such(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(",".join(EN).encode("utf-16"))
    with pytest.raises(UserError, match="UTF-16"):
        BeneficiaryImporter(db, today=TODAY).prepare(SYSTEM, path)
    assert count(db) == 0


def test_cli_names_the_rows(db: Database, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    rows = good_rows(4)
    rows[1] = [rows[1][0], "محمد", *rows[1][1:]]
    rows[2][1] = "سارة\x00"
    path = write_csv(tmp_path / "in.csv", EN, rows, bom=False)
    report = tmp_path / "report.csv"
    assert main(["--db", db_url(db), "import-beneficiaries", str(path)]) == 0
    out = capsys.readouterr()
    assert "4 rows read, 2 imported, 2 rejected" in out.out
    assert "row 3, J: the row has values in 10 columns" in out.err
    assert "row 4, first_name: contains a NUL character" in out.err
    assert "Traceback" not in out.err
    assert main(["--db", db_url(db), "import-beneficiaries", str(path), "--dry-run",
                 "--report", str(report)]) == 0
    with report.open(encoding="utf-8-sig", newline="") as f:
        listed = {(r["row"], r["code"]) for r in csv.DictReader(f)}
    assert {("3", "more_cells_than_headings"), ("4", "nul_character")} <= listed
