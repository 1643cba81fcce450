"""Rows whose cells cannot be taken at face value, refused before any field is checked.

- More cells than headings: a value with an unquoted separator (``محمد, علي`` in a CSV)
  or a shifted block in a sheet moves every later value into the wrong column; the row
  would pass with a phone in the city column, so it is refused whole.
- A formula saved without its value (a sheet written by a program and never opened in a
  spreadsheet): reading it as "" would import a person with a blank field.
- A NUL character: not text anyone typed; the file is damaged or not what it claims.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from .reader import SheetRow


@dataclass(frozen=True)
class ShapeProblem:
    column: str  # the heading as written, or the column letter where there is none
    code: str
    message: str
    message_ar: str


def heading_count(headings: list[str]) -> int:
    """Columns up to the last one with a heading (blank headings after it do not count)."""
    for i in range(len(headings) - 1, -1, -1):
        if (headings[i] or "").strip():
            return i + 1
    return 0


def _column_name(headings: list[str], index: int) -> str:
    heading = (headings[index] or "").strip() if index < len(headings) else ""
    return heading or get_column_letter(index + 1)


def shape_problems(row: SheetRow, headings: list[str], width: int) -> list[ShapeProblem]:
    """Everything structurally wrong with one row; ``width`` is :func:`heading_count`."""
    problems: list[ShapeProblem] = []
    extra = [i for i in range(width, len(row.cells)) if row.cells[i].strip()]
    if extra:
        used = extra[-1] + 1
        problems.append(ShapeProblem(
            get_column_letter(extra[0] + 1), "more_cells_than_headings",
            f"the row has values in {used} columns but the file has only {width} column "
            "headings; a value probably holds an unquoted separator (such as a comma) that "
            "shifts the values after it. Correct the row and import it again.",
            f"في السطر قيم في {used} عمودًا وليس في الملف إلا {width} عنوانًا؛ غالبًا في إحدى "
            "القيم فاصلة تزيح ما بعدها. صحّح السطر ثم أعد استيراده.",
        ))
    for i in row.uncomputed:
        problems.append(ShapeProblem(
            _column_name(headings, i), "formula_without_value",
            "a formula whose value was never calculated (the file was not saved by a "
            "spreadsheet program); open it in Excel or LibreOffice, save it and import again.",
            "صيغة لم تُحسب قيمتها (لم يُحفظ الملف من برنامج جداول)؛ افتحه في Excel أو "
            "LibreOffice واحفظه ثم أعد الاستيراد.",
        ))
    for i, cell in enumerate(row.cells):
        if "\x00" in cell:
            problems.append(ShapeProblem(
                _column_name(headings, i), "nul_character",
                "contains a NUL character (byte 0), which is not text: the file may be "
                "damaged. Correct the cell and import again.",
                "تحوي الخلية محرف NUL (البايت 0) وهو ليس نصًا؛ قد يكون الملف تالفًا. صحّح "
                "الخلية ثم أعد الاستيراد.",
            ))
    return problems
