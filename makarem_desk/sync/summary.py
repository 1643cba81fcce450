"""The XLSX summary that travels in a batch, for committee members who read spreadsheets.

A right-to-left sheet with Arabic headers: one line per application in the batch.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from ..spreadsheet_cells import sheet_bytes, write_sheet

PIECE = 1 << 16  # what the batch's zip takes at a time

STATUS_AR = {
    "draft": "قيد المقابلة",
    "incomplete": "ناقص المتطلبات",
    "submitted": "لدى لجنة البحث",
    "accepted": "مقبول",
    "rejected": "مرفوض",
    "not_eligible": "غير مستوفٍ للشروط",
    "withdrawn": "منسحب",
}

HEADERS = (
    "رقم الطلب",
    "اسم المستفيد",
    "رقم الهوية",
    "الجوال",
    "البرنامج",
    "الحالة",
    "تاريخ التقديم",
    "موعد الرد",
    "المتطلبات الناقصة",
    "سبب القرار",
)
WIDTHS = (20, 36, 14, 16, 30, 18, 14, 14, 30, 30)


def build_summary(
    applications: Iterable[dict[str, Any]],
    beneficiaries: dict[str, dict[str, Any]],
    programs: dict[str, dict[str, Any]],
) -> bytes:
    # Names, reasons and missing items are text typed by people: written through
    # spreadsheet_cells, a reason starting with "=" stays text (never a live formula).
    return sheet_bytes("الطلبات", HEADERS, _rows(applications, beneficiaries, programs),
                       widths=WIDTHS, right_to_left=True)


def summary_pieces(applications: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """The same sheet from applications that carry their own ``person`` (names,
    identity number, phone) and ``program_name_ar``, as pieces of a temporary file: at a
    registry's first export the sheet is tens of MB, and held whole it was copied again
    at each stage of the stream (issue 14: the export's peak grew with the registry)."""
    def rows() -> Iterator[list[Any]]:
        for app in applications:
            yield from _rows([app], {str(app.get("beneficiary_id")): app["person"]},
                             {str(app.get("program_id")): {"name_ar": app["program_name_ar"]}})

    with tempfile.TemporaryFile() as fh:
        write_sheet(fh, "الطلبات", HEADERS, rows(), widths=WIDTHS, right_to_left=True)
        fh.seek(0)
        yield from iter(lambda: fh.read(PIECE), b"")


def _rows(
    applications: Iterable[dict[str, Any]],
    beneficiaries: dict[str, dict[str, Any]],
    programs: dict[str, dict[str, Any]],
) -> Iterator[list[Any]]:
    for app in applications:
        ben = beneficiaries.get(str(app.get("beneficiary_id")), {})
        prog = programs.get(str(app.get("program_id")), {})
        name = " ".join(
            p for p in (ben.get("first_name"), ben.get("father_name"),
                        ben.get("grandfather_name"), ben.get("family_name")) if p
        )
        missing = app.get("missing_items") or []
        yield [
            app.get("reference"),
            name,
            ben.get("identity_number"),
            ben.get("phone"),
            prog.get("name_ar"),
            STATUS_AR.get(str(app.get("status")), app.get("status")),
            (app.get("submitted_at") or "")[:10],
            (app.get("response_due") or "")[:10],
            "، ".join(_label(m) for m in missing),
            app.get("decision_reason"),
        ]


def _label(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("label_ar") or item.get("id") or "")
    return str(item)
