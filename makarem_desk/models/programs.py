"""Programs and the applications made to them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..values import ApplicationStatus, ProgramCategory
from .base import Base, Travelling, enum_column
from .people import Beneficiary

# POL-H5: the committee answers "within a period of no less than two weeks".
MIN_RESPONSE_DAYS = 14


class Program(Travelling, Base):
    """A program of the association; its definition is data in forms/ (Governance)."""

    __tablename__ = "program"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_ar: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    category: Mapped[ProgramCategory] = mapped_column(enum_column(ProgramCategory))
    checklist: Mapped[str] = mapped_column(String(80), default="")
    definition_hash: Mapped[str] = mapped_column(String(64), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Application(Travelling, Base):
    __tablename__ = "application"

    # Human-readable reference printed on every paper, e.g. "RYD1-2026-000123".
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    beneficiary_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("beneficiary.id"), index=True)
    program_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("program.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"), default=None)
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_column(ApplicationStatus), default=ApplicationStatus.DRAFT, index=True
    )
    submitted_at: Mapped[datetime | None] = mapped_column(default=None)
    response_due: Mapped[datetime | None] = mapped_column(default=None, index=True)
    eligibility_answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    eligibility_outcome: Mapped[str | None] = mapped_column(String(20), default=None)
    eligibility_reasons: Mapped[list[Any]] = mapped_column(default=list)
    missing_items: Mapped[list[Any]] = mapped_column(default=list)
    form_version_hash: Mapped[str] = mapped_column(String(64), default="")
    registration_completed_at: Mapped[datetime | None] = mapped_column(default=None)
    service_delivered_at: Mapped[datetime | None] = mapped_column(default=None)
    decision_reason: Mapped[str | None] = mapped_column(Text, default=None)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    decided_by: Mapped[str | None] = mapped_column(String(200), default=None)
    created_by: Mapped[uuid.UUID | None] = mapped_column(default=None)

    beneficiary: Mapped[Beneficiary] = relationship(lazy="joined")
    program: Mapped[Program] = relationship(lazy="joined")
