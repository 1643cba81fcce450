"""Programs: defined in forms/ (Governance), mirrored into the ``program`` table."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..audit import record_event
from ..checklists.model import FormSet
from ..db import Database
from ..errors import UserError
from ..models import Program, ProgramCategory
from ..permissions import ADMIN_ONLY, READS, guarded, register
from .actor import Actor

register({
    # Which programs exist is governance (forms/), so loading them is the administrator's,
    # at the committee as at a counter.
    "ProgramService.load": ADMIN_ONLY,
    "ProgramService.list": READS,
    "ProgramService.get_by_code": READS,
})


@dataclass(frozen=True)
class ProgramView:
    id: uuid.UUID
    code: str
    name_ar: str
    name_en: str
    category: ProgramCategory
    checklist: str
    definition_hash: str
    active: bool


@dataclass(frozen=True)
class LoadReport:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    deactivated: tuple[str, ...]


# Every site loads the same forms/; a program's id follows from its code so that the
# records of two counters (and the committee) name the same program with the same id when
# they meet in a sync batch.
PROGRAM_NAMESPACE = uuid.UUID("5d0c7c55-3f7e-4c1e-9a57-6d616b617265")


def program_id(code: str) -> uuid.UUID:
    return uuid.uuid5(PROGRAM_NAMESPACE, code)


def _view(p: Program) -> ProgramView:
    return ProgramView(p.id, p.code, p.name_ar, p.name_en, p.category, p.checklist,
                       p.definition_hash, p.active)


class ProgramService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def load(self, actor: Actor, forms: FormSet) -> LoadReport:
        """Idempotent, by code: new programs are added, changed ones updated, programs no
        longer in the files deactivated (never deleted: applications refer to them).
        Each program added, changed or deactivated is one audit event; a load that finds
        everything as it was (every interview start makes sure) records nothing."""
        try:
            return self._load(actor, forms)
        except IntegrityError:
            # Another counter sharing the database loaded the same new programs at the same
            # moment; its rows are there now, so a second pass only compares.
            return self._load(actor, forms)

    def _load(self, actor: Actor, forms: FormSet) -> LoadReport:
        added: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        deactivated: list[str] = []
        with self.db.session() as s:
            existing = {p.code: p for p in s.scalars(select(Program))}
            for code, d in forms.programs.items():
                digest = forms.version_hash_for(code)
                row = existing.get(code)
                values = {
                    "name_ar": d.name_ar, "name_en": d.name_en,
                    "category": ProgramCategory(d.category), "checklist": d.checklist,
                    "definition_hash": digest, "active": d.active,
                }
                if row is None:
                    s.add(Program(id=program_id(code), code=code, **values))
                    added.append(code)
                    record_event(s, actor, "program_added", entity="program",
                                 entity_id=program_id(code), details={"code": code, **values})
                elif any(getattr(row, k) != v for k, v in values.items()):
                    before = {k: getattr(row, k) for k in values}
                    for k, v in values.items():
                        setattr(row, k, v)
                    updated.append(code)
                    record_event(s, actor, "program_updated", entity="program",
                                 entity_id=row.id, details={"code": code},
                                 before=before, after=values)
                else:
                    unchanged.append(code)
            for code, row in existing.items():
                if code not in forms.programs and row.active:
                    row.active = False
                    deactivated.append(code)
                    record_event(s, actor, "program_deactivated", entity="program",
                                 entity_id=row.id, details={"code": code},
                                 before={"active": True}, after={"active": False})
        return LoadReport(tuple(added), tuple(updated), tuple(unchanged), tuple(deactivated))

    @guarded
    def list(self, actor: Actor, *, active_only: bool = True) -> list[ProgramView]:
        with self.db.reader() as s:
            stmt = select(Program).order_by(Program.category, Program.code)
            if active_only:
                stmt = stmt.where(Program.active.is_(True))
            return [_view(p) for p in s.scalars(stmt)]

    @guarded
    def get_by_code(self, actor: Actor, code: str) -> ProgramView:
        with self.db.reader() as s:
            p = s.scalars(select(Program).where(Program.code == code)).first()
            view = _view(p) if p is not None else None
        if view is None:
            raise UserError(
                f"No program with code {code!r}; load the programs first (makarem-desk programs load).",
                message_ar=f"لا يوجد برنامج بالرمز «{code}».",
            )
        return view
