"""Two people saving the same versioned record: the second gets the worded
"changed by someone else" message (ConcurrentChange), never StaleDataError."""

from __future__ import annotations

import uuid

import pytest
from interview_support import RECEPTIONIST, person
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from makarem_desk.checklists import load_forms
from makarem_desk.db import Database
from makarem_desk.errors import ConcurrentChange, UserError
from makarem_desk.models import Application, Beneficiary, IdentityType
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.applications import ApplicationDraft, ApplicationService
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.services.programs import ProgramService

ARABIC = "غيّر شخص آخر هذا السجل في الوقت نفسه؛ أعد فتحه وحاول مرة أخرى."


def _person(db: Database) -> uuid.UUID:
    with db.session() as s:
        b = Beneficiary(first_name="سارة", identity_type=IdentityType.NONE, city="الرياض")
        s.add(b)
    return b.id


def _city(db: Database, bid: uuid.UUID) -> tuple[str | None, int]:
    with db.reader() as s:
        b = s.get(Beneficiary, bid)
        assert b is not None
        return b.city, b.version


def test_two_sessions_editing_the_same_row(any_db: Database) -> None:
    bid = _person(any_db)
    with pytest.raises(ConcurrentChange) as err:
        with any_db.session() as mine:
            row = mine.get(Beneficiary, bid)
            assert row is not None
            mine.commit()  # the record stays open on screen; no transaction is held meanwhile
            with any_db.session() as theirs:
                other = theirs.get(Beneficiary, bid)
                assert other is not None
                other.city = "جدة"
            row.city = "مكة"
    assert not isinstance(err.value, StaleDataError)
    assert isinstance(err.value.__cause__, StaleDataError)
    assert err.value.message_ar == ARABIC
    assert "someone else" in err.value.message.lower()
    assert _city(any_db, bid) == ("جدة", 2)  # theirs is kept, mine was not half-saved


@pytest.mark.pg
def test_interleaved_units_of_work_on_postgresql(pg_db: Database) -> None:
    """On PostgreSQL reading takes no lock: both read version 1, both write."""
    bid = _person(pg_db)
    with pytest.raises(ConcurrentChange):
        with pg_db.session() as mine:
            row = mine.get(Beneficiary, bid)
            assert row is not None
            with pg_db.session() as theirs:
                other = theirs.get(Beneficiary, bid)
                assert other is not None
                other.city = "جدة"
            row.city = "مكة"
    assert _city(pg_db, bid) == ("جدة", 2)


@pytest.mark.pg
def test_a_service_racing_another_counter(pg_db: Database,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Another counter ticks an item off between this counter's read and its write."""
    forms = load_forms()
    ProgramService(pg_db).load(SYSTEM, forms)
    bid = BeneficiaryService(pg_db).register(RECEPTIONIST, BeneficiaryInput(**person()))
    missing = [{"id": "cv", "label_ar": "السيرة", "label_en": "CV"},
               {"id": "photo", "label_ar": "صورة", "label_en": "Photo"}]
    apps = ApplicationService(pg_db)
    app = apps.open(RECEPTIONIST, ApplicationDraft(
        beneficiary_id=bid, program_code="FIELD-CONF", missing_items=missing,
        form_version_hash=forms.version_hash_for("FIELD-CONF"), outcome="incomplete"))
    load = ApplicationService._load

    def load_then_other_counter_saves(s, application_id):  # type: ignore[no-untyped-def]
        a = load(s, application_id)
        monkeypatch.setattr(ApplicationService, "_load", staticmethod(load))
        apps.provide_items(RECEPTIONIST, application_id, ["photo"])  # its own unit of work
        return a

    monkeypatch.setattr(ApplicationService, "_load", staticmethod(load_then_other_counter_saves))
    with pytest.raises(ConcurrentChange) as err:
        apps.provide_items(RECEPTIONIST, app.id, ["cv"])
    assert err.value.message_ar == ARABIC
    after = apps.get(RECEPTIONIST, app.id)
    assert [m["id"] for m in after.missing_items] == ["cv"] and after.version == app.version + 1


def test_a_beneficiary_edit_keeps_its_own_wording(any_db: Database) -> None:
    svc = BeneficiaryService(any_db)
    bid = svc.register(RECEPTIONIST, BeneficiaryInput(**person()))
    view = svc.get(RECEPTIONIST, bid)
    with any_db.session() as s:
        b = s.get(Beneficiary, bid)
        assert b is not None
        b.city = "جدة"
    with pytest.raises(ConcurrentChange) as err:
        svc.update(RECEPTIONIST, bid, BeneficiaryInput(**{**person(), "city": "مكة"}),
                   expected_version=view.version)
    assert "changed by someone else" in err.value.message


class _SerializationFailure(Exception):
    sqlstate = "40001"


class _OtherFailure(Exception):
    sqlstate = "23505"


def test_postgresql_race_errors_are_worded_too(db: Database) -> None:
    with pytest.raises(ConcurrentChange):
        with db.session():
            raise DBAPIError("UPDATE application", {}, _SerializationFailure())
    with pytest.raises(DBAPIError):
        with db.session():
            raise DBAPIError("INSERT", {}, _OtherFailure())
    with pytest.raises(UserError):  # a UserError raised inside stays what it was
        with db.session():
            raise UserError("x")


def test_an_application_row_is_versioned() -> None:
    """The message only helps where the row carries a version to compare."""
    mapper_args = Application.__mapper_args__
    assert "version_id_col" in (mapper_args() if callable(mapper_args) else mapper_args)
