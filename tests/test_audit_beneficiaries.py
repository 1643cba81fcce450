"""The registry's acts in the audit trail, and none of it at the committee."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from audit_support import audit_events, chain_ok
from db_support import become_committee
from test_beneficiaries import TODAY, nid, person

from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied
from makarem_desk.models import Role
from makarem_desk.services.actor import Actor
from makarem_desk.services.beneficiaries import BeneficiaryService

CLERK = Actor(uuid.uuid4(), "sara", "سارة", Role.RECEPTIONIST)
ADMIN = Actor(uuid.uuid4(), "admin", "المدير", Role.ADMINISTRATOR)


def test_register_and_update_are_audited_with_before_and_after(db: Database) -> None:
    svc = BeneficiaryService(db, today=TODAY)
    bid = svc.register(CLERK, person())
    (reg,) = audit_events(db, "beneficiary_registered")
    assert (reg.username, reg.user_id, reg.entity, reg.entity_id) == \
        ("sara", CLERK.user_id, "beneficiary", str(bid))

    edited = dataclasses.replace(svc.get(CLERK, bid).as_input(), phone="0501234567",
                                 family_name="الشهري")
    svc.update(CLERK, bid, edited, expected_version=1)
    (upd,) = audit_events(db, "beneficiary_updated")
    assert upd.entity_id == str(bid) and upd.username == "sara"
    assert upd.details["before"] == {"phone": "+966551234567", "family_name": "القحطاني"}
    assert upd.details["after"] == {"phone": "+966501234567", "family_name": "الشهري"}
    assert chain_ok(db)


def test_the_committee_registers_and_changes_nobody(db: Database) -> None:
    svc = BeneficiaryService(db, today=TODAY)
    bid = svc.register(CLERK, person())
    become_committee(db)
    with pytest.raises(PermissionDenied):
        svc.register(ADMIN, person(identity_number=nid("109876543")))
    with pytest.raises(PermissionDenied):
        svc.update(ADMIN, bid, person(city="جدة"), 1)
    with pytest.raises(PermissionDenied):  # a counter's account has nothing to read here
        svc.get(CLERK, bid)
    member = Actor(uuid.uuid4(), "mona", "منى", Role.COMMITTEE_MEMBER)
    assert svc.get(member, bid).city == "الرياض"
    assert len(audit_events(db, "beneficiary_registered")) == 1
    assert audit_events(db, "beneficiary_updated") == []
