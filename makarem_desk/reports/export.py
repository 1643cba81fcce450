"""Saving a report as a file, with its audit event (an export is an act, POL-G6 figures or
not): ``.pdf`` or ``.xlsx`` by the name's extension, written whole or not at all."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from ..audit import record_event
from ..db import Database
from ..documents.records import association_info
from ..errors import UserError
from ..permissions import READS, guarded, register
from ..services.actor import Actor
from .model import Report

register({
    "ReportExportService.export": READS,
})

FORMATS = (".pdf", ".xlsx")
LANGUAGES = ("ar", "en")


def check_output(path: str | os.PathLike[str], language: str = "ar") -> Path:
    """The file a report will be written to, refused before any work if it cannot be."""
    out = Path(path)
    if out.suffix.lower() not in FORMATS:
        raise UserError(f"The report is written as a .pdf or .xlsx file, not {out.name!r}.",
                        message_ar="يُحفظ التقرير بصيغة ‎.pdf‎ أو ‎.xlsx‎.")
    if language not in LANGUAGES:
        raise UserError("The report's language is ar or en.",
                        message_ar="لغة التقرير العربية أو الإنجليزية.")
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist.",
                        message_ar=f"المجلد غير موجود: {out.parent}")
    return out


class ReportExportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def export(self, actor: Actor, report: Report, path: str | os.PathLike[str],
               language: str = "ar", *,
               progress: Callable[[int, int, str], None] | None = None) -> Path:
        """Write ``report`` to ``path`` and record ``report_exported``; returns the path.
        ``progress``: the PDF's sections as they are drawn (an XLSX takes well under 1 s)."""
        out = check_output(path, language)
        if out.suffix.lower() == ".pdf":
            from .pdf import report_pdf

            data = report_pdf(report, association_info(self.db), language, progress=progress)
        else:
            from .xlsx import report_xlsx

            data = report_xlsx(report, language)
        partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
        try:
            with self.db.session() as s:
                with open(partial, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(partial, out)
                record_event(s, actor, "report_exported", entity="report",
                             details={"from": report.start.isoformat(),
                                      "to": report.end.isoformat(), "period": report.period,
                                      "format": out.suffix.lower().lstrip("."),
                                      "language": language, "file": out.name,
                                      "bytes": len(data)})
        except OSError as exc:
            raise UserError(f"The report could not be written to {out}: {exc.strerror or exc}",
                            message_ar=f"تعذر حفظ التقرير في {out}") from exc
        finally:
            partial.unlink(missing_ok=True)
        return out
