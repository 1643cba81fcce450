"""Programs: defined in forms/ (Governance), mirrored into the ``program`` table."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..checklists.model import FormSet
from ..db import Database
from ..errors import UserError
from ..models import Program, ProgramCategory, Role
from .actor import Actor


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

    def load(self, actor: Actor, forms: FormSet) -> LoadReport:
        """Idempotent, by code: new programs are added, changed ones updated, programs no
        longer in the files deactivated (never deleted: applications refer to them)."""
        actor.require(Role.ADMINISTRATOR, Role.RECEPTIONIST, action="load the programs")
        try:
            return self._load(forms)
        except IntegrityError:
            # Another counter sharing the database loaded the same new programs at the same
            # moment; its rows are there now, so a second pass only compares.
            return self._load(forms)

    def _load(self, forms: FormSet) -> LoadReport:
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
                elif any(getattr(row, k) != v for k, v in values.items()):
                    for k, v in values.items():
                        setattr(row, k, v)
                    updated.append(code)
                else:
                    unchanged.append(code)
            for code, row in existing.items():
                if code not in forms.programs and row.active:
                    row.active = False
                    deactivated.append(code)
        return LoadReport(tuple(added), tuple(updated), tuple(unchanged), tuple(deactivated))

    def list(self, *, active_only: bool = True) -> list[ProgramView]:
        with self.db.reader() as s:
            stmt = select(Program).order_by(Program.category, Program.code)
            if active_only:
                stmt = stmt.where(Program.active.is_(True))
            return [_view(p) for p in s.scalars(stmt)]

    def get_by_code(self, code: str) -> ProgramView:
        with self.db.reader() as s:
            p = s.scalars(select(Program).where(Program.code == code)).first()
            view = _view(p) if p is not None else None
        if view is None:
            raise UserError(
                f"No program with code {code!r}; load the programs first (makarem-desk programs load).",
                message_ar=f"لا يوجد برنامج بالرمز «{code}».",
            )
        return view
