"""A streaming reader for the first worksheet of an XLSX file.

openpyxl's read-only mode costs about 250 µs a row on this machine kind, half a minute for
a 100,000-row spreadsheet before any checking; parsing the sheet XML with ``iterparse``
needs a fraction of that. Cells come back as text: shared and inline strings (with the
``_xHHHH_`` escapes Excel writes for control characters decoded), whole numbers without
".0", and date-formatted numbers as ISO dates. A formula cell gives its cached value; one
saved without a value (a sheet written by a program, never opened in a spreadsheet) is
listed in the row's ``uncomputed`` columns instead of passing for an empty cell.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from xml.etree.ElementTree import Element, ParseError, iterparse

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_COLUMN = re.compile(r"[A-Z]+")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # ECMA-376 ST_Xstring: "_x000D_" is a CR


class XlsxError(Exception):
    """The file is not a workbook this reader understands."""


def _column_index(ref: str) -> int:
    m = _COLUMN.match(ref)
    if not m:
        raise XlsxError(f"bad cell reference {ref!r}")
    n = 0
    for ch in m.group():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _text_of(el: Element) -> str:
    """All <t> text of a shared or inline string, rich-text runs joined, phonetic
    guides (<rPh>) left out."""
    parts: list[str] = []
    for child in el:
        if child.tag == NS + "t":
            parts.append(child.text or "")
        elif child.tag == NS + "r":
            t = child.find(NS + "t")
            if t is not None:
                parts.append(t.text or "")
    text = "".join(parts)
    if "_x" in text:
        # One pass, left to right: "_x005F_x0041_" is the literal text "_x0041_".
        text = _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


class XlsxSheet:
    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self.names = set(zf.namelist())
        self.sheet_path, self.epoch = self._first_sheet()
        self.strings = self._shared_strings()
        self.date_styles = self._date_styles()

    def _xml_root(self, name: str) -> Element | None:
        if name not in self.names:
            return None
        from xml.etree.ElementTree import fromstring

        try:
            return fromstring(self.zf.read(name))
        except ParseError as exc:
            raise XlsxError(f"{name}: {exc}") from exc

    def _first_sheet(self) -> tuple[str, date]:
        wb = self._xml_root("xl/workbook.xml")
        if wb is None:
            raise XlsxError("no xl/workbook.xml")
        pr = wb.find(NS + "workbookPr")
        date1904 = pr is not None and pr.get("date1904") in ("1", "true")
        epoch = date(1904, 1, 1) if date1904 else date(1899, 12, 30)
        sheet = wb.find(f"{NS}sheets/{NS}sheet")
        rels = self._xml_root("xl/_rels/workbook.xml.rels")
        if sheet is not None and rels is not None:
            rid = sheet.get(REL_NS + "id")
            for rel in rels.iter(PKG_REL_NS + "Relationship"):
                if rel.get("Id") == rid:
                    target = rel.get("Target", "")
                    path = (target.lstrip("/") if target.startswith("/")
                            else posixpath.normpath(posixpath.join("xl", target)))
                    if path in self.names:
                        return path, epoch
        if "xl/worksheets/sheet1.xml" in self.names:
            return "xl/worksheets/sheet1.xml", epoch
        raise XlsxError("the workbook has no worksheet")

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.names:
            return []
        out: list[str] = []
        with self.zf.open("xl/sharedStrings.xml") as f:
            for _event, el in iterparse(f):
                if el.tag == NS + "si":
                    out.append(_text_of(el))
                    el.clear()
        return out

    def _date_styles(self) -> set[int]:
        root = self._xml_root("xl/styles.xml")
        if root is None:
            return set()
        custom = {int(n.get("numFmtId", "-1")): n.get("formatCode", "")
                  for n in root.iter(NS + "numFmt")}
        xfs = root.find(NS + "cellXfs")
        dates: set[int] = set()
        if xfs is None:
            return dates
        for i, xf in enumerate(xfs.findall(NS + "xf")):
            fmt_id = int(xf.get("numFmtId", "0"))
            code = custom.get(fmt_id) or BUILTIN_FORMATS.get(fmt_id, "")
            if code and is_date_format(code):
                dates.add(i)
        return dates

    def _value(self, c: Element) -> str:
        kind = c.get("t", "n")
        if kind == "inlineStr":
            is_ = c.find(NS + "is")
            return _text_of(is_).strip() if is_ is not None else ""
        v = c.find(NS + "v")
        raw = (v.text or "") if v is not None else ""
        if kind == "s":
            try:
                return self.strings[int(raw)].strip()
            except (ValueError, IndexError):
                raise XlsxError(f"cell {c.get('r')}: bad shared-string index") from None
        if kind == "b":
            return "TRUE" if raw == "1" else "FALSE"
        if kind in ("str", "e", "d"):
            return raw.strip()
        if not raw:
            return ""
        try:
            number = float(raw)
        except ValueError:
            return raw.strip()
        if int(c.get("s", "0")) in self.date_styles:
            try:
                return (self.epoch + timedelta(days=int(number))).isoformat()
            except OverflowError:
                return raw
        if number.is_integer() and abs(number) < 1e16:
            return str(int(number))
        return raw

    @staticmethod
    def _uncomputed(c: Element) -> bool:
        if c.find(NS + "f") is None:
            return False
        v = c.find(NS + "v")
        # openpyxl and other writers put an empty <v/> on a number formula; an empty
        # cached *string* (t="str") is a real result, e.g. of =IF(A1="","",A1).
        return v is None or (not (v.text or "") and c.get("t", "n") != "str")

    def rows(self) -> Iterator[tuple[int, list[str], tuple[int, ...]]]:
        """(row number, cells, columns of uncomputed formulas) for every row with a cell,
        gaps filled with ""."""
        next_row = 1
        with self.zf.open(self.sheet_path) as f:
            try:
                for _event, el in iterparse(f):
                    if el.tag != NS + "row":
                        continue
                    row_no = int(el.get("r") or next_row)
                    next_row = row_no + 1
                    cells: list[str] = []
                    uncomputed: list[int] = []
                    for c in el.iter(NS + "c"):
                        ref = c.get("r")
                        if ref:
                            idx = _column_index(ref)
                            if idx > 16383:
                                raise XlsxError(f"cell {ref} is outside a worksheet")
                            if idx > len(cells):
                                cells.extend([""] * (idx - len(cells)))
                        if self._uncomputed(c):
                            uncomputed.append(len(cells))
                            cells.append("")
                        else:
                            cells.append(self._value(c))
                    el.clear()
                    yield row_no, cells, tuple(uncomputed)
            except ParseError as exc:
                raise XlsxError(f"{self.sheet_path}: {exc}") from exc
