"""Staff users and beneficiaries."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..values import Gender, IdentityType, Role
from .base import Base, Travelling, enum_column, utcnow


class User(Base):
    """A member of staff. Local to an installation; never exported."""

    __tablename__ = "user_account"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    password_hash: Mapped[str] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(8), default="ar")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)


class Beneficiary(Travelling, Base):
    __tablename__ = "beneficiary"

    # Four-part Arabic name; the grandfather's name may be unknown (POL-E3).
    first_name: Mapped[str] = mapped_column(String(60))
    father_name: Mapped[str] = mapped_column(String(60), default="")
    grandfather_name: Mapped[str] = mapped_column(String(60), default="")
    family_name: Mapped[str] = mapped_column(String(60), default="")
    latin_name: Mapped[str | None] = mapped_column(String(200), default=None)

    identity_type: Mapped[IdentityType] = mapped_column(enum_column(IdentityType))
    # NULL when the person has no identity number (POL-E3); unique otherwise.
    identity_number: Mapped[str | None] = mapped_column(String(20), default=None, unique=True)
    identity_expiry: Mapped[date | None] = mapped_column(Date, default=None)

    gender: Mapped[Gender | None] = mapped_column(enum_column(Gender), default=None)
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    nationality: Mapped[str | None] = mapped_column(String(2), default=None)  # ISO 3166
    phone: Mapped[str | None] = mapped_column(String(20), default=None, index=True)  # E.164
    phone_alt: Mapped[str | None] = mapped_column(String(20), default=None, index=True)
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    city: Mapped[str | None] = mapped_column(String(80), default=None)
    district: Mapped[str | None] = mapped_column(String(80), default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
    # Normalised name words (see makarem_desk.search.normalize); kept by the services.
    search_key: Mapped[str] = mapped_column(String(400), default="")
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)

    __table_args__ = (Index("ix_beneficiary_name", "family_name", "first_name"),)

    @property
    def full_name(self) -> str:
        parts = [self.first_name, self.father_name, self.grandfather_name, self.family_name]
        return " ".join(p for p in parts if p)
