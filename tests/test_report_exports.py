"""The report as PDF and XLSX, and the ``report`` command (issue 10): searchable Arabic text
with both calendars and page numbers, real cells and native charts with no formula, no
staff anywhere (POL-G6), Hijri dates on the command line, plain refusals, the audit."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_seed import END, NOW, STAFF_NAME, STAFF_USERNAME, START, seed
from sqlalchemy import select

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.documents.page import AssociationInfo
from makarem_desk.models import AuditEvent
from makarem_desk.reports.export import ReportExportService
from makarem_desk.reports.figures import ReportService
from makarem_desk.reports.model import Report
from makarem_desk.reports.pdf import report_pdf
from makarem_desk.reports.xlsx import report_xlsx
from makarem_desk.services.actor import SYSTEM

# pdftotext marks right-to-left and left-to-right runs with embedding controls; the text
# layer puts a right-to-left mark before a number after Arabic (text_layer.for_poppler).
EMBEDDINGS = {c: None for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200F)}
ASSOCIATION = AssociationInfo("جمعية مكارم الأخلاق", "Makarem Al-Akhlaq Association")


def _report(db: Database, period: str = "week") -> Report:
    seed(db)
    return ReportService(db).build(SYSTEM, START, END, period=period, now=NOW)


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    """pdftotext gives Arabic presentation forms in logical order: NFKC folds them back."""
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed"
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return unicodedata.normalize("NFKC", out.translate(EMBEDDINGS))


def _has(text: str, words: str) -> bool:
    """poppler moves the space at the edge of a number run next to Arabic: compare the
    text without its spaces."""
    return "".join(words.split()) in "".join(text.split())


def _pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def test_arabic_pdf_text_is_searchable_with_both_calendars_and_page_numbers(
        db: Database, tmp_path: Path) -> None:
    data = report_pdf(_report(db), ASSOCIATION, "ar")
    assert data.startswith(b"%PDF")
    text = _pdf_text(data, tmp_path)
    for words in ("تقرير خدمة المستفيدين", "التواصل حسب القناة", "الطلبات حسب الحالة",
                  "مدة رد لجنة البحث", "رضا المستفيدين", "الموقع الإلكتروني للجمعية",
                  "21 جمادى الأولى 1448 هـ", "19 جمادى الآخرة 1448 هـ", "1 نوفمبر 2026م",
                  "أقل من 5", "برنامج التدريب"):
        assert _has(text, words), words
    pages = _pages(data)
    assert pages >= 3
    for n in range(1, pages + 1):
        assert _has(text, f"صفحة {n}")
    assert STAFF_NAME not in text and STAFF_USERNAME not in text


def test_english_pdf_names_every_channel_and_hides_small_groups(db: Database,
                                                                tmp_path: Path) -> None:
    data = report_pdf(_report(db, "month"), ASSOCIATION, "en")
    text = _pdf_text(data, tmp_path)
    for words in ("Beneficiary service report", "Interview", "Telephone", "Social media",
                  "Letters", "Assistance-request services", "Volunteering service",
                  "The association's website", "21 Jumada al-Ula 1448 AH",
                  "1 November 2026", "fewer than 5", "Median days to decision",
                  "Page 1"):
        assert _has(text, words), words
    assert STAFF_NAME not in text and STAFF_USERNAME not in text
    assert " 4.40 " in text  # the interview group of five has its average


def _cells(data: bytes) -> list:  # type: ignore[type-arg]
    wb = load_workbook(io.BytesIO(data))
    return [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]


def test_xlsx_has_rtl_sheets_real_cells_native_charts_and_no_formula(db: Database) -> None:
    data = report_xlsx(_report(db), "ar")
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["التقرير", "القنوات", "اتجاه القنوات", "الطلبات", "لجنة البحث",
                             "الإحالات", "الرضا", "الاقتراحات"]
    assert all(ws.sheet_view.rightToLeft for ws in wb)
    channels = wb["القنوات"]
    assert [c.value for c in channels[1]] == ["القناة", "عدد مرات التواصل"]
    assert (channels["A8"].value, channels["B8"].value) == ("الموقع الإلكتروني للجمعية", 1)
    assert channels["B2"].data_type == "n" and channels["B9"].value == 13
    cover = wb["التقرير"]
    assert cover["B2"].is_date and cover["B2"].value.date() == START
    assert cover["B3"].is_date and cover["B3"].value.date() == END
    trend = wb["اتجاه القنوات"]
    assert trend["A2"].is_date and trend["A2"].value.date() == START
    sat = [[c.value for c in row] for row in wb["الرضا"].iter_rows()]
    assert ["المقابلة", 5, 4.4, 0, 0, 1, 1, 3] in sat
    assert ["الاتصالات الهاتفية", "أقل من 5", None, None, None, None, None, None] in sat
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        xml = "".join(zf.read(n).decode("utf-8") for n in names
                      if n.startswith("xl/worksheets/sheet"))
        charts = [zf.read(n).decode("utf-8") for n in names
                  if n.startswith("xl/charts/chart")]
    assert len(charts) == 7  # bar, line, bar + column, bar, column, bar
    # Right to left: every category axis reads from the right (horizontal bars: the first
    # category on top and the bars growing leftwards, so both axes are reversed).
    assert all('orientation val="maxMin"' in c for c in charts)
    assert sum(c.count('orientation val="maxMin"') == 2 for c in charts) == 4
    assert "<f>" not in xml and "<f " not in xml
    cells = _cells(data)
    assert not any(c.data_type == "f" for c in cells)
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for c in cells)
    dumped = " ".join(str(c.value) for c in cells)
    assert STAFF_NAME not in dumped and STAFF_USERNAME not in dumped


def test_english_xlsx_is_left_to_right(db: Database) -> None:
    wb = load_workbook(io.BytesIO(report_xlsx(_report(db, "month"), "en")))
    assert wb.sheetnames[1] == "Channels"
    assert not any(ws.sheet_view.rightToLeft for ws in wb)
    assert wb["Channel trend"]["A2"].number_format == "mmm yyyy"


def test_export_writes_the_file_and_records_it(db: Database, tmp_path: Path) -> None:
    report = _report(db)
    out = ReportExportService(db).export(SYSTEM, report, tmp_path / "r.xlsx", "en")
    assert out.read_bytes()[:2] == b"PK"
    assert not list(tmp_path.glob(".*partial"))
    steps: list[tuple[int, int, str]] = []
    pdf = ReportExportService(db).export(SYSTEM, report, tmp_path / "r.pdf", "ar",
                                         progress=lambda d, t, s: steps.append((d, t, s)))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert [s for _d, _t, s in steps] == ["channels", "applications", "committee",
                                          "referrals", "satisfaction", "done"]
    with db.reader() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "report_exported")
                           .order_by(AuditEvent.seq)).all()
        assert [(e.details["format"], e.details["from"], e.details["file"]) for e in events] == [
            ("xlsx", "2026-11-01", "r.xlsx"), ("pdf", "2026-11-01", "r.pdf")]


def test_cli_report_with_hijri_dates_writes_pdf_and_audits(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db)
    url = db.url.render_as_string(hide_password=False)
    out = tmp_path / "november.pdf"
    assert main(["--db", url, "report", "--from", "1448/05/21", "--to", "1448/06/19",
                 "--out", str(out), "--period", "week", "--by", "admin"]) == 0
    said = capsys.readouterr().out
    assert "2026-11-01 to 2026-11-29" in said and str(out) in said
    text = _pdf_text(out.read_bytes(), tmp_path)
    assert "الخطابات" in text and STAFF_NAME not in text
    with db.reader() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "report_exported")).one()
        assert (ev.username, ev.details["to"], ev.details["period"]) == (
            "admin", "2026-11-29", "week")


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-13-01", "--to", "2026-11-29"], "is not a date"),
    (["--from", "2026-11-29", "--to", "2026-11-01"], "end date is before the start date"),
    (["--from", "1448/01/31", "--to", "2026-11-29"], "Umm al-Qura"),
    (["--from", "2026-11-01", "--to", "2026-11-29", "--out", "r.docx"], ".pdf or .xlsx"),
    (["--from", "2026-11-01", "--to", "2026-11-29", "--out", "/no/such/dir/r.pdf"],
     "does not exist"),
])
def test_cli_refuses_bad_input_in_one_plain_line(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        message: str) -> None:
    url = db.url.render_as_string(hide_password=False)
    if "--out" not in args:
        args = [*args, "--out", str(tmp_path / "r.pdf")]
    assert main(["--db", url, "report", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx", ".partial")]


def test_cli_refuses_an_unknown_period_as_usage(db: Database,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    url = db.url.render_as_string(hide_password=False)
    with pytest.raises(SystemExit) as exit_:
        main(["--db", url, "report", "--from", "2026-11-01", "--to", "2026-11-29",
              "--out", "r.pdf", "--period", "day"])
    assert exit_.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
