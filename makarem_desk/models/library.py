"""The reference library at the counter (POL-TOOLS): documents and their searchable passages.

Local to each installation (nothing here travels in sync batches): every counter and the
committee keep the same shipped policy and whatever their administrator loads.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class LibraryDocument(Base):
    __tablename__ = "library_document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))  # bylaws | guide | policy | other
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)  # the original file, to open it
    is_placeholder: Mapped[bool] = mapped_column(Boolean, default=False)
    added_by: Mapped[str] = mapped_column(String(64), default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    passages: Mapped[list[LibraryPassage]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True)


class LibraryPassage(Base):
    __tablename__ = "library_passage"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("library_document.id", ondelete="CASCADE"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text)  # folded words, as name search folds them

    document: Mapped[LibraryDocument] = relationship(back_populates="passages")
