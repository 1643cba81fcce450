"""The report's charts: PNG bytes from one function per chart, in both languages, at the
resolution asked, drawn without a plotting library; on paper the same scenes as vectors
whose words are in the PDF's text layer."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from PIL import Image
from pypdf import PdfReader
from report_seed import END, NOW, START, seed

from makarem_desk.db import Database
from makarem_desk.documents.association import AssociationInfo
from makarem_desk.documents.layout import single_line
from makarem_desk.reports.chart_scene import Label, Line, Rect
from makarem_desk.reports.charts import CHARTS, SCENES
from makarem_desk.reports.figures import ReportService
from makarem_desk.reports.labels import CHANNEL_NAMES, pick
from makarem_desk.reports.pdf import report_pdf
from makarem_desk.services.actor import SYSTEM

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_chart_draws_in_both_languages_at_the_dpi_asked(db: Database,
                                                               language: str) -> None:
    seed(db)
    report = ReportService(db).build(SYSTEM, START, END, period="week", now=NOW)
    for name, draw in CHARTS.items():
        low, high = draw(report, language, dpi=60), draw(report, language, dpi=120)
        assert low.startswith(PNG) and high.startswith(PNG), name
        w1, h1 = Image.open(io.BytesIO(low)).size
        w2, h2 = Image.open(io.BytesIO(high)).size
        assert 1.8 < w2 / w1 < 2.2 and 1.8 < h2 / h1 < 2.2, name  # print resolution scales
        assert draw(report, language, dpi=60) == low, name  # the same figures, same bytes


def test_an_empty_range_still_draws_every_chart(db: Database) -> None:
    report = ReportService(db).build(SYSTEM, START, START, period="month", now=NOW)
    for draw in CHARTS.values():
        assert draw(report, "ar", dpi=50).startswith(PNG)


def test_charts_need_no_plotting_library() -> None:
    """matplotlib and numpy made the one-folder build 70 MB larger (issue 13): the charts
    are drawn from reportlab and Pillow, which the papers need anyway."""
    code = ("import sys, datetime as d; from makarem_desk.reports import charts, pdf; "
            "bad = [m for m in ('matplotlib', 'numpy') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_arabic_chart_reads_from_the_right(db: Database) -> None:
    """Categories on the right with the bars growing leftwards; time from the right."""
    seed(db)
    report = ReportService(db).build(SYSTEM, START, END, period="week", now=NOW)
    scenes = {lang: SCENES["channels"](report, lang, 500, 260) for lang in ("ar", "en")}
    for lang, scene in scenes.items():
        bars = [i for i in scene.items if isinstance(i, Rect) and i.fill and i.w > 0]
        wanted = {single_line(pick(CHANNEL_NAMES, s.key, lang), lang == "ar")
                  for s in report.channels.by_channel}
        names = [i for i in scene.items if isinstance(i, Label) and i.shown in wanted]
        assert len(names) == 7 and bars
        if lang == "ar":  # every bar ends at the plot's right edge, names to its right
            assert len({round(b.x + b.w, 3) for b in bars}) == 1
            assert min(n.x for n in names) >= max(b.x + b.w for b in bars)
        else:
            assert len({round(b.x, 3) for b in bars}) == 1
            assert max(n.x for n in names) <= min(b.x for b in bars)
    trend = SCENES["channel_trend"](report, "ar", 700, 260)
    first = [i for i in trend.items if isinstance(i, Line) and len(i.points) > 2][0]
    assert first.points[0][0] > first.points[-1][0]  # the first week is on the right


def test_the_paper_draws_the_charts_as_text_and_vectors(db: Database) -> None:
    seed(db)
    report = ReportService(db).build(SYSTEM, START, END, period="week", now=NOW)
    pdf = report_pdf(report, AssociationInfo("جمعية"), "en")
    pages = PdfReader(io.BytesIO(pdf)).pages
    words = " ".join(p.extract_text() for p in pages)
    assert "Volunteering service" in words and "fewer than 5" in words  # chart labels
    assert [len(page.images) for page in pages] == [1] * len(pages)  # the logo, no chart
