"""import-beneficiaries: CSV/XLSX spreadsheets moved in, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import random
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied, UserError
from makarem_desk.importer import BeneficiaryImporter
from makarem_desk.models import AuditEvent, Beneficiary, Gender, IdentityType, Role
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.text import name_search_key
from makarem_desk.validation import luhn_check_digit

EN = ["national_id", "first_name", "father_name", "grandfather_name", "family_name", "gender",
      "birth_date", "phone", "city"]
AR = ["رقم الهوية", "الاسم الأول", "اسم الأب", "اسم الجد", "اسم العائلة", "الجنس",
      "تاريخ الميلاد", "الجوال", "المدينة"]
TODAY = date(2026, 11, 29)


def nid(nine: str) -> str:
    return nine + luhn_check_digit(nine)


def good_rows(n: int, seed: int = 1) -> list[list[str]]:
    rnd = random.Random(seed)
    names = ["محمد", "عبدالله", "فهد", "نورة", "سارة", "خالد"]
    rows = []
    for i in range(n):
        rows.append([
            nid(f"1{i:08d}") if i % 3 else nid(f"2{i:08d}"),
            rnd.choice(names), "علي", "سعد", "القحطاني",
            rnd.choice(["ذكر", "أنثى", "male", "female"]),
            rnd.choice(["1410/03/15", "1415/07/01 هـ", "1990-05-17", "17/05/1990"]),
            rnd.choice(["0551234567", "+966 50 123 4567", "٠٥٦٧٦٥٤٣٢١"]),
            "الرياض",
        ])
    return rows


def bad_rows() -> list[list[str]]:
    return [
        ["1000000009", "محمد", "علي", "سعد", "القحطاني", "ذكر", "1990-01-01", "0551234567", "جدة"],
        [nid("155555555"), "", "علي", "", "القحطاني", "ذكر", "2030-01-01", "123", "جدة"],
        [nid("155555556"), "محمد", "علي", "", "القحطاني", "؟", "1990-01-01", "0551234567", ""],
        ["", "محمد", "علي", "", "القحطاني", "ذكر", "1990-01-01", "0551234567", ""],
    ]


def write_csv(path: Path, headings: list[str], rows: list[list[str]], *, bom: bool,
              delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(headings)
        w.writerows(rows)
    return path


def write_xlsx(path: Path, headings: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(headings)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def db_url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def count(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Beneficiary)) or 0)


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("headings", [EN, AR], ids=["en", "ar"])
def test_csv_mixed_rows(any_db: Database, tmp_path: Path, bom: bool,
                        headings: list[str]) -> None:
    rows = good_rows(20) + bad_rows()
    rows.insert(5, list(rows[2]))  # the same person twice in the file
    path = write_csv(tmp_path / "in.csv", headings, rows, bom=bom)
    imp = BeneficiaryImporter(any_db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    assert (plan.rows_read, plan.accepted, plan.rejected) == (25, 20, 5)
    assert imp.run(SYSTEM, plan) == 20
    assert count(any_db) == 20
    got = {(p.row, p.code) for p in plan.problems}
    assert (7, "duplicate_in_file") in got  # file row 7 repeats file row 4
    assert (23, "checksum") in got
    assert {(24, "required"), (24, "future"), (24, "invalid")} <= got
    assert (25, "invalid") in got and (26, "required") in got
    columns = {p.column for p in plan.problems}
    assert columns <= set(headings)  # problems named by the file's own headings
    with any_db.reader() as s:
        b = s.scalars(select(Beneficiary).where(Beneficiary.identity_number == rows[1][0])).one()
        assert b.version == 1 and b.site_id == "TST1" and b.change_seq > 0
        assert b.search_key == name_search_key(b.first_name, "علي", "سعد", "القحطاني")
        assert b.phone is not None and b.phone.startswith("+9665")
        assert b.identity_type is IdentityType.CITIZEN_ID
        iqama = s.scalars(select(Beneficiary).where(Beneficiary.identity_number == rows[0][0])).one()
        assert iqama.identity_type is IdentityType.IQAMA
        seqs = list(s.scalars(select(Beneficiary.change_seq)))
        assert len(set(seqs)) == len(seqs)
        assert s.scalars(select(AuditEvent.action)).all() == ["beneficiaries_imported"]
    # The imported people are found like any other.
    assert BeneficiaryService(any_db, today=TODAY).find_by_identity(SYSTEM, rows[1][0]) is not None


def test_second_import_skips_people_already_registered(any_db: Database, tmp_path: Path) -> None:
    BeneficiaryService(any_db, today=TODAY).register(SYSTEM, BeneficiaryInput(
        first_name="فهد", father_name="علي", family_name="القحطاني",
        identity_type=IdentityType.CITIZEN_ID, identity_number=nid("100000004"),
        gender=Gender.MALE, phone="0551234567"))
    rows = good_rows(10)
    path = write_csv(tmp_path / "in.csv", EN, rows, bom=False)
    imp = BeneficiaryImporter(any_db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    assert [(p.row, p.code) for p in plan.problems] == [(6, "duplicate")]
    assert "B-" in plan.problems[0].message
    imp.run(SYSTEM, plan)
    assert count(any_db) == 10
    again = imp.prepare(SYSTEM, path)
    assert (again.accepted, again.rejected) == (0, 10)
    assert imp.run(SYSTEM, again) == 0
    assert count(any_db) == 10


def test_xlsx_with_numeric_and_date_cells(any_db: Database, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        [int(nid("123456789")), "نورة", "سعد", "", "الدوسري", "أنثى", date(1995, 2, 3),
         551234567, "الدمام"],
        [nid("212345678"), "Ali", "Omar", "", "Hassan", "male", "1420/01/01هـ", "0501234567", ""],
        [nid("223456789"), "سعيد", "سالم", "", "اليامي", "ذكر", "bad date", "0501234567", ""],
    ]
    path = write_xlsx(tmp_path / "in.xlsx", AR, rows)
    imp = BeneficiaryImporter(any_db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    assert plan.kind == "xlsx"
    assert (plan.accepted, plan.rejected) == (2, 1)
    assert [(p.row, p.column, p.code) for p in plan.problems] == [(4, "تاريخ الميلاد", "invalid")]
    imp.run(SYSTEM, plan)
    found = BeneficiaryService(any_db, today=TODAY).find_by_identity(SYSTEM, nid("123456789"))
    assert found is not None
    assert found.birth_date == date(1995, 2, 3) and found.phone == "+966551234567"


def test_semicolon_csv_and_blank_lines(db: Database, tmp_path: Path) -> None:
    rows = good_rows(3) + [["", "", "", "", "", "", "", "", ""]] + good_rows(6)[3:]
    path = write_csv(tmp_path / "in.csv", EN, rows, bom=True, delimiter=";")
    plan = BeneficiaryImporter(db, today=TODAY).prepare(SYSTEM, path)
    assert (plan.rows_read, plan.accepted) == (6, 6)


def test_bad_files(db: Database, tmp_path: Path) -> None:
    imp = BeneficiaryImporter(db, today=TODAY)
    with pytest.raises(UserError, match="not found"):
        imp.prepare(SYSTEM, tmp_path / "missing.csv")
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n\x00\x01binary")
    with pytest.raises(UserError, match="neither a CSV nor an XLSX"):
        imp.prepare(SYSTEM, pdf)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    with pytest.raises(UserError, match="XLSX"):
        imp.prepare(SYSTEM, fake)
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(",".join(EN).encode() + b"\n1000000008,Jos\xe9\n")
    with pytest.raises(UserError, match="UTF-8"):
        imp.prepare(SYSTEM, latin1)
    short = write_csv(tmp_path / "short.csv", ["national_id", "first_name", "city"], [], bom=False)
    with pytest.raises(UserError) as err:
        imp.prepare(SYSTEM, short)
    assert "father_name" in err.value.message and "phone" in err.value.message
    assert "city" not in err.value.message.split("column(s):")[1]


def test_only_an_administrator_imports(db: Database, tmp_path: Path) -> None:
    # A whole sheet of people is a data migration (the permission matrix, issue 9).
    path = write_csv(tmp_path / "in.csv", EN, good_rows(2), bom=False)
    imp = BeneficiaryImporter(db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    for role in (Role.COMMITTEE_MEMBER, Role.RECEPTIONIST):
        with pytest.raises(PermissionDenied):
            imp.run(Actor(uuid.uuid4(), "c", "عضو", role), plan)
        with pytest.raises(PermissionDenied):
            imp.prepare(Actor(uuid.uuid4(), "c", "عضو", role), path)
    assert count(db) == 0


def test_cli_dry_run_report_and_import(any_db: Database, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    url = db_url(any_db)
    path = write_csv(tmp_path / "in.csv", AR, good_rows(8) + bad_rows(), bom=True)
    report = tmp_path / "report.csv"
    assert main(["--db", url, "import-beneficiaries", str(path), "--dry-run",
                 "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "12 rows read, 8 would be imported, 4 rejected" in out and "nothing was written" in out
    assert count(any_db) == 0
    with report.open(encoding="utf-8-sig") as f:
        lines = list(csv.DictReader(f))
    assert {int(r["row"]) for r in lines} == {10, 11, 12, 13}
    assert all(r["column"] and r["problem"] and r["problem_ar"] for r in lines)
    assert main(["--db", url, "import-beneficiaries", str(path)]) == 0
    out = capsys.readouterr()
    assert "12 rows read, 8 imported, 4 rejected" in out.out
    assert "row 10" in out.err
    assert count(any_db) == 8


def test_cli_errors_exit_1_without_traceback(db: Database, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    url = db_url(db)
    assert main(["--db", url, "import-beneficiaries", str(tmp_path / "nope.csv")]) == 1
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"\x00\x01\x02")
    assert main(["--db", url, "import-beneficiaries", str(bad)]) == 1
    short = write_csv(tmp_path / "s.csv", ["a", "b"], [["1", "2"]], bom=False)
    assert main(["--db", url, "import-beneficiaries", str(short)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "File not found" in err and "neither a CSV nor an XLSX" in err
    assert "required column" in err
    with pytest.raises(SystemExit) as exc:
        main(["--db", url, "import-beneficiaries"])
    assert exc.value.code == 2


def _hand_made_xlsx(path: Path, *, date1904: bool) -> Path:
    """A workbook as Excel writes it: shared strings (one rich-text), a custom date
    style, a sparse row, relative relationship targets."""
    import zipfile

    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    strings = AR + ["نورة", "سعد", "الدوسري", "أنثى", "الخبر"]
    sst = "".join(f"<si><t>{s}</t></si>" for s in strings[:-1])
    sst += "<si><r><t>ال</t></r><r><t>خبر</t></r><rPh><t>x</t></rPh></si>"
    heading_cells = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(9))
    serial = (date(1995, 2, 3) - (date(1904, 1, 1) if date1904 else date(1899, 12, 30))).days
    row2 = (f'<c r="A2"><v>{nid("123456789")}</v></c>'
            '<c r="B2" t="s"><v>9</v></c><c r="C2" t="s"><v>10</v></c>'
            # D2 (grandfather) absent: a sparse row
            '<c r="E2" t="s"><v>11</v></c><c r="F2" t="s"><v>12</v></c>'
            f'<c r="G2" s="1"><v>{serial}</v></c><c r="H2"><v>551234567</v></c>'
            '<c r="I2" t="s"><v>13</v></c>')
    pr_attr = ' date1904="1"' if date1904 else ""
    files = {
        "[Content_Types].xml": "<Types/>",
        "xl/workbook.xml": (
            f'<workbook xmlns="{main_ns}" xmlns:r="{rel_ns}">'
            f"<workbookPr{pr_attr}/>"
            '<sheets><sheet name="المستفيدون" sheetId="1" r:id="rId7"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId7" Type="ws" Target="worksheets/data.xml"/></Relationships>'),
        "xl/sharedStrings.xml": f'<sst xmlns="{main_ns}">{sst}</sst>',
        "xl/styles.xml": (
            f'<styleSheet xmlns="{main_ns}"><numFmts><numFmt numFmtId="164" '
            'formatCode="[$-ar-SA]dd/mm/yyyy"/></numFmts>'
            '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>'),
        "xl/worksheets/data.xml": (
            f'<worksheet xmlns="{main_ns}"><sheetData><row r="1">{heading_cells}</row>'
            f'<row r="2">{row2}</row><row r="4"><c r="A4"><v>1000000009</v></c></row>'
            '</sheetData></worksheet>'),
    }
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return path


@pytest.mark.parametrize("date1904", [False, True])
def test_excel_style_workbook(db: Database, tmp_path: Path, date1904: bool) -> None:
    path = _hand_made_xlsx(tmp_path / "excel.xlsx", date1904=date1904)
    imp = BeneficiaryImporter(db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    assert (plan.rows_read, plan.accepted, plan.rejected) == (2, 1, 1)
    assert {p.row for p in plan.problems} == {4}
    imp.run(SYSTEM, plan)
    v = BeneficiaryService(db, today=TODAY).find_by_identity(SYSTEM, nid("123456789"))
    assert v is not None
    assert (v.first_name, v.grandfather_name, v.family_name, v.city) == (
        "نورة", "", "الدوسري", "الخبر")
    assert v.birth_date == date(1995, 2, 3) and v.gender is Gender.FEMALE
    assert v.phone == "+966551234567"


def test_broken_workbook(db: Database, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook")
    with pytest.raises(UserError, match="not a readable XLSX"):
        BeneficiaryImporter(db, today=TODAY).prepare(SYSTEM, path)


def test_progress_and_cancel_leave_nothing_written(db: Database, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import makarem_desk.importer.beneficiaries as module

    monkeypatch.setattr(module, "CHUNK", 1000)
    path = write_csv(tmp_path / "in.csv", EN, good_rows(2400), bom=False)
    imp = BeneficiaryImporter(db, today=TODAY)
    seen: list[tuple[int, int, str]] = []
    plan = imp.prepare(SYSTEM, path, lambda d, t, label: seen.append((d, t, label)))
    assert seen == [(1000, 0, "validating"), (2000, 0, "validating")]
    with pytest.raises(UserError, match="cancelled"):
        imp.run(SYSTEM, plan, cancelled=lambda: True)
    assert count(db) == 0
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == 0
    with pytest.raises(UserError, match="cancelled"):
        imp.prepare(SYSTEM, path, cancelled=lambda: True)
    done: list[int] = []
    assert imp.run(SYSTEM, plan, lambda d, t, label: done.append(d)) == 2400
    assert done == [1000, 2000, 2400]
    assert count(db) == 2400


def test_optional_columns_and_unknown_identity(db: Database, tmp_path: Path) -> None:
    headings = EN + ["identity_type", "الجهة الشريكة", "مرجع الجهة الشريكة", "nationality",
                     "Remarks"]
    rows = [
        ["", "مجهول", "", "", "", "ذكر", "", "", "", "none", "دار الرعاية", "DR-1", "", "x"],
        ["", "مجهولة", "", "", "", "أنثى", "", "", "", "none", "", "", "", ""],
        ["A1234567", "John", "Paul", "", "Smith", "male", "1980-01-01", "0551234567", "", "passport",
         "", "", "gb", ""],
    ]
    path = write_csv(tmp_path / "in.csv", headings, rows, bom=False)
    imp = BeneficiaryImporter(db, today=TODAY)
    plan = imp.prepare(SYSTEM, path)
    assert plan.ignored_columns == ["Remarks"]
    assert (plan.accepted, plan.rejected) == (2, 1)
    assert {(p.row, p.column) for p in plan.problems} == {
        (3, "الجهة الشريكة"), (3, "مرجع الجهة الشريكة")}
    imp.run(SYSTEM, plan)
    with db.reader() as s:
        kinds = sorted(str(k) for k in s.scalars(select(Beneficiary.identity_type)))
        passport = s.scalars(select(Beneficiary).where(
            Beneficiary.identity_type == IdentityType.PASSPORT)).one()
        assert passport.nationality == "GB" and passport.identity_number == "A1234567"
        unknown = s.scalars(select(Beneficiary).where(
            Beneficiary.identity_type == IdentityType.NONE)).one()
        assert unknown.identity_number is None
        assert unknown.extra == {"verifying_partner": "دار الرعاية", "partner_reference": "DR-1"}
    assert kinds == ["none", "passport"]


def test_benchmark_script_runs(tmp_path: Path) -> None:
    """bench/import_bench.py stays runnable (a tiny run; the figures come from real runs)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, str(root / "bench" / "import_bench.py"), "--rows", "300"],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "rows/s" in out.stdout and "300 read" in out.stdout


def test_unwritable_report_stops_before_anything_is_written(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", EN, good_rows(3), bom=False)
    url = db_url(db)
    assert main(["--db", url, "import-beneficiaries", str(path), "--report",
                 str(tmp_path / "no" / "such" / "dir" / "r.csv")]) == 1
    assert count(db) == 0
    assert main(["--db", url, "import-beneficiaries", str(path), "--report", str(path)]) == 1


@st.composite
def sheets(draw: Any) -> tuple[list[list[str]], set[int]]:
    """Rows mixing valid people, broken fields and repeats; the 0-based indexes of the rows
    that must be accepted (valid and the first of their number)."""
    rows: list[list[str]] = []
    accepted: set[int] = set()
    seen: set[str] = set()
    for i in range(draw(st.integers(1, 25))):
        if seen and draw(st.integers(0, 4)) == 0:
            number = draw(st.sampled_from(sorted(seen)))  # a repeat
        else:
            number = nid(draw(st.sampled_from("12")) + draw(
                st.text(alphabet="0123456789", min_size=8, max_size=8)))
        row = [number, "محمد", "علي", "", "القحطاني", "ذكر", "1990-01-01", "0551234567", ""]
        broken = draw(st.sampled_from([None, None, 0, 1, 5, 6, 7]))
        if broken is not None:
            row[broken] = {0: number[:-1] + str((int(number[-1]) + 1) % 10), 1: "", 5: "؟",
                           6: "2099-01-01", 7: "12"}[broken]
        if broken is None and number not in seen:
            accepted.add(i)
        if broken != 0:
            seen.add(number)
        rows.append(row)
    return rows, accepted


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheets())
def test_every_row_is_either_imported_once_or_reported(db: Database, tmp_path: Path,
                                                       sheet: tuple[list[list[str]], set[int]]
                                                       ) -> None:
    rows, accepted = sheet
    path = write_csv(tmp_path / f"{uuid.uuid4().hex}.csv", EN, rows, bom=True)
    plan = BeneficiaryImporter(db, today=TODAY).prepare(SYSTEM, path)
    assert plan.rows_read == len(rows)
    assert plan.accepted + plan.rejected == len(rows)
    assert {r[0] - 2 for r in plan.rows} == accepted
    assert plan.rejected_rows == {i + 2 for i in range(len(rows))} - {i + 2 for i in accepted}
    numbers = [r[7] for r in plan.rows]  # the row number, then identity_number 7th
    assert len(numbers) == len(set(numbers))
    assert {p.row for p in plan.problems} == plan.rejected_rows


def test_heading_spellings() -> None:
    from makarem_desk.importer.columns import match_headings

    found, unknown = match_headings([
        "\ufeffرقم الهويه", "الإسم الأوّل", "اسم_الاب", "اسم الجد ", "اسم العائلة", "الجنس",
        "تاريخ الميلاد", "رقم الجوال", "المدينة", "Comments", "",
    ])
    assert found == {"national_id": 0, "first_name": 1, "father_name": 2, "grandfather_name": 3,
                     "family_name": 4, "gender": 5, "birth_date": 6, "phone": 7, "city": 8}
    assert unknown == ["Comments"]
    with pytest.raises(UserError, match="Two columns hold the national_id"):
        match_headings(["رقم الهوية", "first_name", "National ID"])
