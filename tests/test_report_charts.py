"""The report's charts: PNG bytes from one function per chart, in both languages, at the
resolution asked, without pyplot's global state."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from PIL import Image
from report_seed import END, NOW, START, seed

from makarem_desk.db import Database
from makarem_desk.reports.charts import CHARTS
from makarem_desk.reports.figures import ReportService
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
    assert "matplotlib.pyplot" not in sys.modules


def test_an_empty_range_still_draws_every_chart(db: Database) -> None:
    report = ReportService(db).build(SYSTEM, START, START, period="month", now=NOW)
    for draw in CHARTS.values():
        assert draw(report, "ar", dpi=50).startswith(PNG)


def test_charts_never_touch_pyplot() -> None:
    """pyplot keeps global figures (not thread-safe); the charts use Figure + Agg only."""
    code = ("import sys, datetime as d; from makarem_desk.reports import charts; "
            "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
