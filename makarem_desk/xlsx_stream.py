"""A one-sheet XLSX written as its XML, a row at a time, without openpyxl.

The batch summary is the one workbook every export writes: through openpyxl it cost the
library's import (about 0.17 s of a 100k export, with Pillow and the MIME table it
loads) and about 0.5 ms an application, most of a first export's time (issue 14).  A
sheet of text, numbers and dates with bold headers, a frozen first row and column widths
needs only five small parts and the cells; strings are written inline, so nothing of the
sheet is held while its rows stream.  The cell rules are those of ``spreadsheet_cells``
(text is always a string cell, with ``quotePrefix`` when it looks like a formula).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import IO, Any

from .spreadsheet_cells import ERROR_CODES, clean_text, looks_like_formula

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CONTENT_TYPES = _HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = _HEAD + (
    f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/officeDocument"'
    ' Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK_RELS = _HEAD + (
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
)

# Number formats of date cells (those openpyxl gives), after the built-in ids (< 164).
_DATE_FORMATS = {date: (164, "yyyy-mm-dd"), datetime: (165, "yyyy-mm-dd h:mm:ss"),
                 time: (166, "h:mm:ss")}
# Cell styles: (bold?, kind) -> index in cellXfs; kinds: plain, text kept as text, dates.
_KINDS = ("plain", "quote", date, datetime, time)
_STYLE = {(bold, kind): 2 * i + bold for i, kind in enumerate(_KINDS) for bold in (0, 1)}


def _styles() -> str:
    xfs = []
    for kind in _KINDS:
        for bold in (0, 1):
            fmt = _DATE_FORMATS[kind][0] if isinstance(kind, type) else 0
            applied = ((' applyNumberFormat="1"' if fmt else "")
                       + (' applyFont="1"' if bold else "")
                       + (' quotePrefix="1"' if kind == "quote" else ""))
            xfs.append(f'<xf numFmtId="{fmt}" fontId="{bold}" fillId="0" borderId="0" '
                       f'xfId="0"{applied}/>')
    formats = "".join(f'<numFmt numFmtId="{i}" formatCode="{code}"/>'
                      for i, code in _DATE_FORMATS.values())
    return _HEAD + (
        f'<styleSheet xmlns="{_MAIN}"><numFmts count="{len(_DATE_FORMATS)}">{formats}</numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b val="1"/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def _escape(text: str) -> str:
    # A carriage return as a reference: XML would fold it into a line feed.
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\r", "&#13;"))


def _column(n: int) -> str:
    """The letters of the 1-based column ``n`` (1 -> A, 27 -> AA)."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_EPOCH = datetime(1899, 12, 30)  # day 0 of Excel's 1900 date system, as openpyxl writes it


def _serial(value: date | time) -> str:
    if isinstance(value, time):
        return repr((value.hour * 3600 + value.minute * 60 + value.second
                     + value.microsecond / 1e6) / 86400)
    if isinstance(value, datetime):
        if value.tzinfo is not None:  # XLSX has no time zones
            value = value.astimezone(UTC).replace(tzinfo=None)
        delta = value - _EPOCH
        return repr(delta.days + delta.seconds / 86400 + delta.microseconds / 864e8)
    return str((value - _EPOCH.date()).days)


def _cell(ref: str, value: Any, bold: int) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b" s="{_STYLE[bold, "plain"]}"><v>{int(value)}</v></c>'
    if isinstance(value, int | float | Decimal):
        number = repr(value) if isinstance(value, float) else str(value)
        return f'<c r="{ref}" s="{_STYLE[bold, "plain"]}"><v>{number}</v></c>'
    if isinstance(value, date | time):
        kind = next(k for k in (datetime, date, time) if isinstance(value, k))
        return f'<c r="{ref}" s="{_STYLE[bold, kind]}"><v>{_serial(value)}</v></c>'
    text = clean_text(value if isinstance(value, str) else str(value))
    quoted = looks_like_formula(text) or text in ERROR_CODES
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return (f'<c r="{ref}" t="inlineStr" s="{_STYLE[bold, "quote" if quoted else "plain"]}">'
            f"<is><t{space}>{_escape(text)}</t></is></c>")


def _row(number: int, values: Sequence[Any], bold: int, columns: list[str]) -> str:
    while len(columns) < len(values):
        columns.append(_column(len(columns) + 1))
    cells = "".join(_cell(f"{columns[i]}{number}", v, bold) for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def write_one_sheet(fh: IO[bytes], title: str, headers: Sequence[Any],
                    rows: Iterable[Sequence[Any]], *, widths: Sequence[float] = (),
                    right_to_left: bool = False, batch: int = 500) -> None:
    """The workbook: ``headers`` bold on a frozen first row, then ``rows``, passed through
    ``batch`` at a time."""
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(widths, start=1))
    rtl = ' rightToLeft="1"' if right_to_left else ""
    start = _HEAD + (
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews><sheetView{rtl}'
        ' workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{cols}</cols>" if cols else "")
        + "<sheetData>"
    )
    workbook = _HEAD + (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
        f'<sheets><sheet name="{_escape(title)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    columns: list[str] = []
    with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", workbook)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        zf.writestr("xl/styles.xml", _styles())
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(start.encode("utf-8"))
            part = [_row(1, headers, 1, columns)]
            for number, values in enumerate(rows, start=2):
                part.append(_row(number, values, 0, columns))
                if len(part) >= batch:
                    sheet.write("".join(part).encode("utf-8"))
                    part.clear()
            part.append("</sheetData></worksheet>")
            sheet.write("".join(part).encode("utf-8"))
