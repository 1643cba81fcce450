"""The XLSX summary that travels in a batch, for committee members who read spreadsheets.

A right-to-left sheet with Arabic headers: one line per application in the batch.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

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


def build_summary(
    applications: Iterable[dict[str, Any]],
    beneficiaries: dict[str, dict[str, Any]],
    programs: dict[str, dict[str, Any]],
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("الطلبات")
    ws.sheet_view.rightToLeft = True
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJ", (20, 36, 14, 16, 30, 18, 14, 14, 30, 30), strict=True):
        ws.column_dimensions[col].width = width
    from openpyxl.cell import WriteOnlyCell

    bold = Font(bold=True)
    header_cells = []
    for h in HEADERS:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        header_cells.append(c)
    ws.append(header_cells)
    for app in applications:
        ben = beneficiaries.get(str(app.get("beneficiary_id")), {})
        prog = programs.get(str(app.get("program_id")), {})
        name = " ".join(
            p for p in (ben.get("first_name"), ben.get("father_name"),
                        ben.get("grandfather_name"), ben.get("family_name")) if p
        )
        missing = app.get("missing_items") or []
        ws.append([
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
        ])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _label(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("label_ar") or item.get("id") or "")
    return str(item)
