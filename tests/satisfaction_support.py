"""A database whose suggestions are known, served by staff with names found nowhere else
(POL-G6: no satisfaction output may name them)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from db_support import add_user
from interview_support import person
from sqlalchemy import select, update

from makarem_desk.checklists import load_forms
from makarem_desk.db import Database
from makarem_desk.models import Role, SatisfactionResponse, User
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.services.applications import ApplicationDraft, ApplicationService
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.services.programs import ProgramService
from makarem_desk.services.satisfaction import SatisfactionInput, SatisfactionService

FORMS = load_forms()
# Names and user names that appear in no form, label or suggestion.
STAFF = {
    "zumurrud_x9": ("زمرد القهرماني", Role.RECEPTIONIST),
    "quillon_k4": ("Quillon Vexmarsh", Role.SOCIAL_RESEARCHER),
}
STAFF_WORDS = [w for username, (name, _r) in STAFF.items() for w in (username, name)]


def staff_actor(db: Database, username: str) -> Actor:
    with db.reader() as s:
        u = s.scalars(select(User).where(User.username == username)).one()
        return Actor(u.id, u.username, u.full_name, u.role)


@dataclass
class Seeded:
    ids: dict[str, uuid.UUID]
    beneficiary_id: uuid.UUID
    beneficiary_name: str
    application_id: uuid.UUID


def at(day: int) -> datetime:
    """10:00 in Riyadh on that day of November 2026."""
    return datetime(2026, 11, day, 7, 0, tzinfo=UTC)


def seed(db: Database) -> Seeded:
    """Seven ratings, five with a suggestion: on 2, 10, 20 (x2) and 25 November; two
    linked to the beneficiary's file, the rest anonymous; three about FIELD-CONF (one only
    through its application), one by phone about no program; two without a suggestion
    (one has a blank one)."""
    for username, (name, role) in STAFF.items():
        add_user(db, username, name, role)
    reem = staff_actor(db, "zumurrud_x9")
    ProgramService(db).load(SYSTEM, FORMS)
    who = person(first_name="هند", father_name="سالم", family_name="العمري")
    bid = BeneficiaryService(db).register(reem, BeneficiaryInput(**who))
    app = ApplicationService(db).open(reem, ApplicationDraft(
        beneficiary_id=bid, program_code="FIELD-CONF",
        form_version_hash=FORMS.version_hash_for("FIELD-CONF"), outcome="eligible"))
    svc = SatisfactionService(db, FORMS.satisfaction)
    rows = {
        # name: (day, input)
        "conf_anon": (2, SatisfactionInput(score=4, answers={"suggestion": "ساعات أطول"},
                                           application_id=app.id, beneficiary_id=bid)),
        "conf_linked": (10, SatisfactionInput(score=2, anonymous=False, beneficiary_id=bid,
                                              application_id=app.id,
                                              answers={"suggestion": "مقاعد للانتظار"})),
        "phone_comment": (20, SatisfactionInput(score=5, channel="phone",
                                                comment="رسالة نصية عند القرار")),
        "vol_anon": (20, SatisfactionInput(score=3, program_code="VOL-EVENTS",
                                           answers={"suggestion": "لوحة إرشادية",
                                                    "time_enough": True})),
        "conf_code": (25, SatisfactionInput(score=5, program_code="FIELD-CONF", anonymous=False,
                                            answers={"suggestion": "استبيان بالإنجليزية"})),
        "no_text": (25, SatisfactionInput(score=4, answers={"time_enough": True})),
        "blank_text": (25, SatisfactionInput(score=1, comment="   ",
                                             answers={"suggestion": "  "})),
    }
    ids = {}
    for name, (day, data) in rows.items():
        rid = svc.record(reem, data)
        with db.session() as s:
            s.execute(update(SatisfactionResponse).where(SatisfactionResponse.id == rid)
                      .values(created_at=at(day)))
        ids[name] = rid
    return Seeded(ids, bid, " ".join(p for p in (who["first_name"], who["father_name"],
                                                 who["grandfather_name"], who["family_name"])),
                  app.id)
