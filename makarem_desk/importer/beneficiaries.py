"""Moving an association's existing beneficiary spreadsheets in.

``prepare`` reads and validates every row and returns a plan (what would be imported, and
every problem with row, column and message); ``run`` writes the plan in ONE transaction,
with bulk Core inserts. A dry run is ``prepare`` alone.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError

from ..audit import record_event
from ..db import Database, next_change_seq
from ..errors import UserError
from ..models import Beneficiary, IdentityType
from ..permissions import AD, guarded, register, rule
from ..services.actor import Actor
from ..services.beneficiaries import EXTRA_FIELDS, beneficiary_reference, search_key_of
from ..spreadsheet_cells import csv_text
from ..validation import normalize_identity_number
from ..validation.record import clean_beneficiary
from .columns import LABELS_AR, REQUIRED, match_headings
from .reader import Sheet, open_sheet
from .row_shape import heading_count, shape_problems

register({
    # A whole sheet of people at once is a data migration, not walk-in work: the
    # administrator's, at a counter (the committee receives people in the counters' batches).
    # The dry run reads the registry too (it reports numbers already registered).
    "BeneficiaryImporter.prepare": rule(site=(AD,)),
    "BeneficiaryImporter.run": rule(site=(AD,)),
})

CHUNK = 5000
# The record's field a problem is reported against -> the spreadsheet column.
_FIELD_TO_COLUMN = {"identity_number": "national_id", "identity_type": "national_id"}
_VALUE_COLUMNS = (
    "first_name", "father_name", "grandfather_name", "family_name", "latin_name",
    "identity_type", "identity_number", "identity_expiry", "gender", "birth_date",
    "nationality", "phone", "phone_alt", "email", "city", "district", "notes",
)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Problem:
    row: int
    column: str  # the heading as written in the file
    code: str
    message: str
    message_ar: str
    national_id: str = ""


@dataclass
class ImportPlan:
    source: Path
    kind: str
    rows_read: int = 0
    # One tuple per row to import: row number, the values in the order of _VALUE_COLUMNS,
    # the ``extra`` dict (POL-E3 partner) and the search key.
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rejected_rows: set[int] = field(default_factory=set)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return len(self.rows)

    @property
    def rejected(self) -> int:
        return len(self.rejected_rows)

    def write_report(self, path: Path) -> None:
        """Every problem of every rejected row; UTF-8 with BOM so Excel shows Arabic."""
        try:
            with path.open("w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f)
                w.writerow(["row", "column", "national_id", "code", "problem", "problem_ar"])
                for p in self.problems:
                    # The heading and the identity number come from the imported file:
                    # opened in Excel, "=…" there must stay text (spreadsheet_cells).
                    w.writerow([p.row, *map(csv_text, (p.column, p.national_id, p.code,
                                                        p.message, p.message_ar))])
        except OSError as exc:
            raise UserError(f"Cannot write the report {path}: {exc.strerror or exc}") from exc


class BeneficiaryImporter:
    def __init__(self, db: Database, today: date | None = None):
        self.db = db
        self.today = today or date.today()

    # -- validate ---------------------------------------------------------------------
    @guarded
    def prepare(self, actor: Actor, path: Path, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportPlan:
        """Read and check every row; nothing is written. ``progress(done, 0, label)`` is
        called every 1,000 rows; ``cancelled()`` returning True stops with a UserError."""
        sheet = open_sheet(path)
        try:
            return self._prepare(path, sheet, progress, cancelled)
        finally:
            sheet.close()

    def _prepare(self, path: Path, sheet: Sheet, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> ImportPlan:
        columns, unknown = match_headings(sheet.headings)
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            names = ", ".join(f"{c} ({LABELS_AR.get(c, c)})" for c in missing)
            raise UserError(
                f"{path.name} lacks the required column(s): {names}. The first row must hold "
                "the column headings.",
                message_ar=f"الملف ينقصه العمود/الأعمدة: {names}.",
            )
        plan = ImportPlan(path, sheet.kind, ignored_columns=unknown)
        headings = {c: (sheet.headings[i] or c).strip() for c, i in columns.items()}
        first_row_of: dict[str, int] = {}
        width = heading_count(sheet.headings)
        id_index = columns["national_id"]
        for row in sheet.rows:
            row_no, cells = row.number, row.cells
            if not any(c.strip() for c in cells) and not row.uncomputed:
                continue  # blank lines between blocks of a spreadsheet are not rows
            plan.rows_read += 1
            shape = shape_problems(row, sheet.headings, width)
            if shape:
                # The cells cannot be trusted to be in their columns: no field is checked.
                number = cells[id_index] if id_index < len(cells) else ""
                number = "" if "\x00" in number else normalize_identity_number(number)
                plan.problems.extend(Problem(row_no, p.column, p.code, p.message, p.message_ar,
                                             number) for p in shape)
                plan.rejected_rows.add(row_no)
            else:
                data = {c: (cells[i] if i < len(cells) else "") for c, i in columns.items()}
                self._check_row(plan, row_no, data, headings, first_row_of)
            if plan.rows_read % 1000 == 0:
                _tick(plan.rows_read, 0, "validating", progress, cancelled)
        self._check_database(plan, headings)
        return plan

    def _check_row(self, plan: ImportPlan, row_no: int, data: dict[str, str],
                   headings: dict[str, str], first_row_of: dict[str, int]) -> None:
        raw_id = data.pop("national_id", "")
        number = normalize_identity_number(raw_id)
        data["identity_number"] = raw_id
        if not data.get("identity_type"):
            # The national_id column holds Saudi numbers: 2… is an iqama, anything else is
            # checked as a national ID (so a wrong first digit is reported as such).
            data["identity_type"] = (
                IdentityType.IQAMA.value if number.startswith("2") else IdentityType.CITIZEN_ID.value
            )
        values, errors = clean_beneficiary(data, self.today)
        problems = [
            Problem(row_no, headings.get(_FIELD_TO_COLUMN.get(e.field, e.field), e.field),
                    e.code, e.message, e.message_ar, number)
            for e in errors
        ]
        number = values.get("identity_number") or ""
        if number and not any(e.field == "identity_number" for e in errors):
            earlier = first_row_of.get(number)
            if earlier is not None:
                problems.append(Problem(
                    row_no, headings["national_id"], "duplicate_in_file",
                    f"The same identity number is already on row {earlier} of this file.",
                    f"رقم الهوية نفسه موجود في السطر {earlier} من الملف.", number))
            else:
                first_row_of[number] = row_no
        if problems:
            plan.problems.extend(problems)
            plan.rejected_rows.add(row_no)
            return
        plan.rows.append((row_no, *(values.get(c) for c in _VALUE_COLUMNS),
                          {k: values[k] for k in EXTRA_FIELDS if values.get(k)},
                          search_key_of(values)))

    def _check_database(self, plan: ImportPlan, headings: dict[str, str]) -> None:
        """Drop rows whose identity number is already registered."""
        taken = self._existing(r[_ID_POS] for r in plan.rows if r[_ID_POS])
        if not taken:
            return
        kept: list[tuple[Any, ...]] = []
        for r in plan.rows:
            existing = taken.get(r[_ID_POS]) if r[_ID_POS] else None
            if existing is None:
                kept.append(r)
                continue
            ref, name = existing
            plan.problems.append(Problem(
                r[0], headings["national_id"], "duplicate",
                f"This identity number is already registered to {name} ({ref}).",
                f"رقم الهوية مسجل مسبقًا باسم {name} ({ref}).", r[_ID_POS]))
            plan.rejected_rows.add(r[0])
        plan.rows = kept

    def _existing(self, numbers: Iterable[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        batch: list[str] = []
        with self.db.reader() as s:
            def flush() -> None:
                q = select(Beneficiary.identity_number, Beneficiary.id, Beneficiary.first_name,
                           Beneficiary.father_name, Beneficiary.grandfather_name,
                           Beneficiary.family_name).where(Beneficiary.identity_number.in_(batch))
                for num, bid, *parts in s.execute(q):
                    found[str(num)] = (beneficiary_reference(bid), " ".join(p for p in parts if p))
                batch.clear()

            for n in numbers:
                batch.append(n)
                if len(batch) >= 900:  # under SQLite's default bound-parameter limit
                    flush()
            if batch:
                flush()
        return found

    # -- write ------------------------------------------------------------------------
    @guarded
    def run(self, actor: Actor, plan: ImportPlan, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> int:
        """Insert every accepted row in one transaction; returns how many. Cancelling
        rolls the whole import back; a refusal (people registered meanwhile) is audited."""
        if not plan.rows:
            return 0
        table = cast(Table, Beneficiary.__table__)
        now = datetime.now(UTC)
        site = self.db.site_id
        total = len(plan.rows)
        try:
            with self.db.session() as s:
                # Re-check inside the writing transaction: another counter may have
                # registered one of these people since the plan was made.
                again = self._existing_in(s, [r[_ID_POS] for r in plan.rows if r[_ID_POS]])
                if again:
                    raise _RegisteredMeanwhile(
                        f"{len(again)} of these identity numbers were registered meanwhile "
                        f"(e.g. {next(iter(again))}); nothing was imported. Run the import again.",
                        message_ar="سُجّل بعض أرقام الهوية أثناء الاستيراد؛ لم يُستورد شيء. أعد المحاولة.",
                    )
                seq = next_change_seq(s, total)
                # Ids in ascending order: the primary-key index then grows by appending
                # instead of splitting pages at random (SQLite stores the UUID as text).
                ids = sorted(uuid.uuid4() for _ in range(total))
                conn = s.connection()
                for start in range(0, total, CHUNK):
                    chunk = plan.rows[start:start + CHUNK]
                    dicts = []
                    for offset, r in enumerate(chunk):
                        d = dict(zip(_VALUE_COLUMNS, r[1:-2], strict=True))
                        d.update(id=ids[start + offset], site_id=site, version=1, created_at=now,
                                 updated_at=now, change_seq=seq + start + offset,
                                 extra=r[-2], search_key=r[-1])
                        dicts.append(d)
                    # Core executemany on the session's connection: no ORM bookkeeping.
                    conn.execute(insert(table), dicts)
                    _tick(start + len(chunk), total, "importing", progress, cancelled)
                record_event(s, actor, "beneficiaries_imported", entity="beneficiary",
                             details={"file": plan.source.name, "read": plan.rows_read,
                                      "imported": total, "rejected": plan.rejected})
        except _RegisteredMeanwhile:
            self._refused(actor, plan)
            raise
        except IntegrityError as exc:
            self._refused(actor, plan)
            raise _RegisteredMeanwhile(
                "Some identity numbers were registered by another counter during the import; "
                "nothing was imported. Run the import again.",
                message_ar="سُجّل بعض أرقام الهوية من جهاز آخر أثناء الاستيراد؛ لم يُستورد شيء.",
            ) from exc
        return total

    def _refused(self, actor: Actor, plan: ImportPlan) -> None:
        """The refusal is an act too (issue 9): its own unit of work, the import's rolled
        back.  No identity number in it: which ones collided is the message's business."""
        with self.db.session() as s:
            record_event(s, actor, "beneficiaries_import_refused", entity="beneficiary",
                         details={"file": plan.source.name, "rows": len(plan.rows),
                                  "reason": "registered_meanwhile"})

    @staticmethod
    def _existing_in(s: Any, numbers: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(numbers), 900):
            q = select(Beneficiary.identity_number).where(
                Beneficiary.identity_number.in_(numbers[i:i + 900]))
            found.update(x for x in s.scalars(q) if x)
        return found


_ID_POS = 1 + _VALUE_COLUMNS.index("identity_number")


def _tick(done: int, total: int, label: str, progress: Progress | None,
          cancelled: Callable[[], bool] | None) -> None:
    if progress is not None:
        progress(done, total, label)
    if cancelled is not None and cancelled():
        raise ImportCancelled()


class _RegisteredMeanwhile(UserError):
    """Someone registered one of the plan's people after it was made; nothing imported."""


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was written.",
                         message_ar="أُلغي الاستيراد؛ لم يُحفظ شيء.")
