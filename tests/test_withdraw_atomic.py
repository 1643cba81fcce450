"""Withdrawing an application is one unit of work: status and reason, or nothing."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from interview_support import RECEPTIONIST, person
from sqlalchemy import event, select

from makarem_desk.checklists import load_forms
from makarem_desk.db import Database
from makarem_desk.errors import PolicyViolation
from makarem_desk.models import Application, ApplicationStatus
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.applications import ApplicationDraft, ApplicationService
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.services.programs import ProgramService

FORMS = load_forms()


def _draft(db: Database) -> uuid.UUID:
    ProgramService(db).load(SYSTEM, FORMS)
    bid = BeneficiaryService(db).register(RECEPTIONIST, BeneficiaryInput(**person()))
    return ApplicationService(db).open(RECEPTIONIST, ApplicationDraft(
        beneficiary_id=bid, program_code="FIELD-CONF",
        form_version_hash=FORMS.version_hash_for("FIELD-CONF"), outcome="eligible")).id


def _row(db: Database, app_id: uuid.UUID) -> tuple[Any, ...]:
    with db.reader() as s:
        a = s.scalars(select(Application).where(Application.id == app_id)).one()
        return a.status, a.decision_reason, a.version, a.change_seq


class Boom(RuntimeError):
    pass


def test_a_failure_between_status_and_reason_leaves_nothing_changed(any_db: Database) -> None:
    app_id = _draft(any_db)
    before = _row(any_db, app_id)

    def fail_on_reason(_target: Any, _value: Any, _old: Any, _initiator: Any) -> None:
        raise Boom("the program stopped half-way")

    event.listen(Application.decision_reason, "set", fail_on_reason)
    try:
        with pytest.raises(Boom):
            ApplicationService(any_db).withdraw(RECEPTIONIST, app_id, "غادر المستفيد")
    finally:
        event.remove(Application.decision_reason, "set", fail_on_reason)
    assert _row(any_db, app_id) == before  # still a draft: no status without its reason
    assert before[0] is ApplicationStatus.DRAFT


def test_withdrawing_is_one_version_with_its_reason(any_db: Database) -> None:
    app_id = _draft(any_db)
    _status, _reason, version, seq = _row(any_db, app_id)
    apps = ApplicationService(any_db)
    view = apps.withdraw(RECEPTIONIST, app_id, "  غادر المستفيد  ")
    assert view.status is ApplicationStatus.WITHDRAWN
    assert view.decision_reason == "غادر المستفيد"  # the view returned shows the reason too
    status, reason, version_after, seq_after = _row(any_db, app_id)
    assert (status, reason) == (ApplicationStatus.WITHDRAWN, "غادر المستفيد")
    assert version_after == version + 1 and seq_after > seq  # one change, one version
    again = apps.withdraw(RECEPTIONIST, app_id, "غادر المستفيد")  # repeated after a crash
    assert again.version == version_after


def test_a_refused_withdrawal_changes_nothing(any_db: Database) -> None:
    app_id = _draft(any_db)
    apps = ApplicationService(any_db)
    apps.close_not_eligible(RECEPTIONIST, app_id)
    before = _row(any_db, app_id)
    with pytest.raises(PolicyViolation):  # not eligible: nothing left to withdraw
        apps.withdraw(RECEPTIONIST, app_id, "سبب")
    assert _row(any_db, app_id) == before
