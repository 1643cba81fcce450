"""Rows of a CSV (UTF-8, with or without BOM) or XLSX file, as text.

Spreadsheet cells come back as text the validators understand: whole numbers without a
trailing ".0" (identity numbers and phones typed into numeric cells), dates as ISO text.
What the text cannot say travels with the row: the columns of XLSX formulas saved
without their computed value (the importer refuses such a row rather than read "").
"""

from __future__ import annotations

import codecs
import csv
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..errors import UserError

_XLSX_MAGIC = b"PK\x03\x04"


class SheetRow(NamedTuple):
    number: int  # the row number as the user sees it
    cells: list[str]
    uncomputed: tuple[int, ...] = ()  # columns holding a formula without a cached value


@dataclass
class Sheet:
    headings: list[str]
    rows: Iterator[SheetRow]
    kind: str
    close: Callable[[], None]


def open_sheet(path: Path) -> Sheet:
    if not path.exists():
        raise UserError(f"File not found: {path}")
    if not path.is_file():
        raise UserError(f"Not a file: {path}")
    with path.open("rb") as f:
        head = f.read(4096)
    suffix = path.suffix.lower()
    if head.startswith(_XLSX_MAGIC) or suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(path)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UserError(f"{path.name} is UTF-16 text; save it from the spreadsheet as "
                        "\"CSV UTF-8\" and try again.")
    # A stray NUL byte in a text file is that row's problem (the importer names the row);
    # a file of many NULs is UTF-16/32 text or binary.
    if (suffix == ".csv" and not _mostly_nul(head)) or (
        suffix in (".txt", "") and _looks_like_text(head)
    ):
        return _open_csv(path)
    raise UserError(f"{path.name} is neither a CSV nor an XLSX file.")


def _mostly_nul(head: bytes) -> bool:
    return head.count(0) * 8 > len(head)


def _looks_like_text(head: bytes) -> bool:
    if _mostly_nul(head):
        return False
    try:
        # Incremental: a multi-byte character cut at the end of the sample is still text.
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _open_xlsx(path: Path) -> Sheet:
    from .xlsx import XlsxError, XlsxSheet

    try:
        zf = zipfile.ZipFile(path)
        sheet = XlsxSheet(zf)
        rows = sheet.rows()
        first = next(rows, None)
    except (zipfile.BadZipFile, KeyError, OSError, XlsxError) as exc:
        raise UserError(f"{path.name} is not a readable XLSX file ({exc}).") from exc
    if first is None:
        zf.close()
        raise UserError(f"{path.name} is empty.")
    if first[0] != 1:
        zf.close()
        raise UserError(f"{path.name}: the first row must hold the column headings.")
    if first[2]:
        zf.close()
        raise UserError(f"{path.name}: the column headings are formulas never calculated; "
                        "open the file in a spreadsheet program, save it and try again.")

    def body() -> Iterator[SheetRow]:
        try:
            for number, cells, uncomputed in rows:
                yield SheetRow(number, cells, uncomputed)
        except XlsxError as exc:
            raise UserError(f"{path.name} is not a readable XLSX file ({exc}).") from exc
        finally:
            zf.close()

    return Sheet(first[1], body(), "xlsx", zf.close)


def _not_utf8(path: Path) -> UserError:
    return UserError(
        f"{path.name} is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\" "
        "and try again."
    )


def _open_csv(path: Path) -> Sheet:
    # Streamed, not read whole: a million-row file stays a few rows in memory.
    f = path.open(encoding="utf-8-sig", newline="")
    try:
        first_line = f.readline()
        f.seek(0)
        # Excel in an Arabic or European locale separates with ";"; exports may use tabs.
        delimiter = max(",;\t", key=first_line.count)
        reader = csv.reader(f, delimiter=delimiter)
        headings = next(reader, None)
    except UnicodeDecodeError as exc:
        f.close()
        raise _not_utf8(path) from exc
    except csv.Error as exc:
        f.close()
        raise UserError(f"{path.name} line 1: {exc}") from exc
    if headings is None:
        f.close()
        raise UserError(f"{path.name} is empty.")

    def body() -> Iterator[SheetRow]:
        try:
            for number, cells in enumerate(reader, start=2):
                yield SheetRow(number, cells)
        except UnicodeDecodeError as exc:
            raise _not_utf8(path) from exc
        except csv.Error as exc:
            raise UserError(f"{path.name} line {reader.line_num}: {exc}") from exc
        finally:
            f.close()

    return Sheet([h.strip() for h in headings], body(), "csv", f.close)
