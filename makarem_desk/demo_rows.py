"""The rows of the demo data: people, their contacts, applications, referrals, ratings.

Plain dicts ready for an executemany; names in the spelling variety of ``demo_names``;
times in the counter's working hours and never after "now"; statuses that follow an
application's age (POL-H5).  Seeded, so the same seed gives the same people — except the
ids, which must never repeat between runs because records travel between sites.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from . import demo_names as names
from .models import (
    ApplicationStatus,
    Channel,
    Gender,
    IdentityType,
    ProgramCategory,
    ReferralReason,
    ReferralStatus,
)
from .models.programs import MIN_RESPONSE_DAYS
from .text import name_search_key
from .validation.identity import luhn_check_digit

# Marks demo beneficiaries (in ``extra``) so that real records are never mixed with them
# by accident and demo data can be told apart later.
DEMO_MARK = "demo"

# Identity numbers: i -> (A*i + B) mod 10^8 is a bijection (A is prime to 10), so numbers
# are unique within a run and across runs that continue from the existing row count.
_ID_A, _ID_B = 61_803_399, 12_345_678
_TASHKEEL_MARKS = ("\u064e", "\u064f", "\u0650", "\u0651", "\u0652")

_S = ApplicationStatus
# An application's status follows its age: today's are still being written or just
# submitted; within the committee's period (POL-H5: no answer sooner than two weeks) they
# wait; older ones are mostly decided, a few overdue or abandoned.
_STATUS_BY_AGE: tuple[tuple[tuple[ApplicationStatus, int], ...], ...] = (
    ((_S.DRAFT, 15), (_S.INCOMPLETE, 20), (_S.SUBMITTED, 55), (_S.NOT_ELIGIBLE, 10)),
    ((_S.SUBMITTED, 72), (_S.INCOMPLETE, 12), (_S.NOT_ELIGIBLE, 9), (_S.WITHDRAWN, 3),
     (_S.DRAFT, 4)),
    ((_S.ACCEPTED, 45), (_S.REJECTED, 20), (_S.NOT_ELIGIBLE, 12), (_S.WITHDRAWN, 6),
     (_S.INCOMPLETE, 6), (_S.SUBMITTED, 6), (_S.DRAFT, 5)),
)
# The counter's hours, 08:00-15:00 Riyadh time, in UTC; Friday and Saturday closed.
_OPEN_UTC, _CLOSE_UTC = 5, 12
_WEEKEND = (4, 5)
_CHANNEL_WEIGHTS = (40, 25, 10, 5, 8, 6, 6)  # in the order of models.Channel
# POL-H3: the reason code each demo referral's words stand for.
_REASON_CODES = dict(zip(names.REFERRAL_REASONS, (
    ReferralReason.UNCLEAR_PROCEDURE, ReferralReason.SPECIAL_CIRCUMSTANCES,
    ReferralReason.DOCUMENTS, ReferralReason.ELIGIBILITY), strict=True))


def _weighted(items: Sequence[tuple[Any, int]]) -> list[Any]:
    return [item for item, weight in items for _ in range(weight)]


class RowFactory:
    def __init__(self, seed: int, today: date | None = None) -> None:
        self.rng = random.Random(seed)
        # Ids come from the system's entropy, the data itself from the seed.
        self._id_rng = random.Random()
        if today is None:
            self.now = datetime.now(UTC)
            self.today = self.now.date()
        else:  # a fixed day (tests, screenshots): its closing time is "now"
            self.today = today
            self.now = datetime.combine(today, time(_CLOSE_UTC), tzinfo=UTC)
        self._male = _weighted(names.MALE_FIRST)
        self._female = _weighted(names.FEMALE_FIRST)
        self._family = _weighted(names.FAMILY)
        self._resident_family = _weighted(names.RESIDENT_FAMILY)
        self._cities = _weighted(list(zip(names.CITIES, names.CITY_WEIGHTS, strict=True)))
        self._statuses = [_weighted(w) for w in _STATUS_BY_AGE]
        self._channels = _weighted(list(zip(list(Channel), _CHANNEL_WEIGHTS, strict=True)))
        # Program categories that have a program to apply to (set by the generator).
        self.categories: list[ProgramCategory] = list(ProgramCategory)

    def beneficiary(self, index: int) -> dict[str, Any]:
        rng = self.rng
        gender = Gender.MALE if rng.random() < 0.52 else Gender.FEMALE
        roll = rng.random()
        if roll < 0.88:
            id_type, lead = IdentityType.CITIZEN_ID, "1"
        elif roll < 0.97:
            id_type, lead = IdentityType.IQAMA, "2"
        else:
            id_type, lead = IdentityType.NONE, ""
        first = self._spell(self._male if gender is Gender.MALE else self._female)
        father = self._spell(self._male)
        grandfather = self._spell(self._male) if rng.random() < 0.93 else ""
        family_pool = self._resident_family if lead == "2" and rng.random() < 0.6 else self._family
        family = self._spell(family_pool)
        number = expiry = None
        if lead:
            body = lead + f"{(_ID_A * index + _ID_B) % 100_000_000:08d}"
            number = body + luhn_check_digit(body)
            # About one in twenty documents has already expired: the desk must catch it.
            expiry = self.today + timedelta(days=rng.randint(-400, 3650))
        age_days = rng.randint(16 * 365, 80 * 365)
        city, districts = rng.choice(self._cities)
        phone = self._phone() if rng.random() < 0.9 else None
        return {
            "id": self._new_id(),
            "first_name": first,
            "father_name": father,
            "grandfather_name": grandfather,
            "family_name": family,
            "latin_name": None,
            "identity_type": id_type,
            "identity_number": number,
            "identity_expiry": expiry,
            "gender": gender,
            "birth_date": self.today - timedelta(days=age_days),
            "nationality": "SA" if lead != "2" else rng.choice(names.RESIDENT_NATIONALITIES),
            "phone": phone,
            "phone_alt": self._phone() if phone and rng.random() < 0.1 else None,
            "email": None,
            "city": city,
            "district": rng.choice(districts),
            "notes": None if lead else "بلا هوية — يتحقق منه الشريك (POL-E3)",
            "search_key": name_search_key(first, father, grandfather, family),
            "extra": {DEMO_MARK: True},
            "_registered": self._past(730),
        }

    def _new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self._id_rng.getrandbits(128), version=4)

    def _spell(self, pool: list[tuple[str, ...]]) -> str:
        rng = self.rng
        spellings = rng.choice(pool)
        word: str = spellings[0] if rng.random() < 0.7 else rng.choice(spellings)
        if rng.random() < 0.02:  # the odd name typed with a haraka or a tatweel
            pos = rng.randint(1, len(word) - 1) if len(word) > 1 else 1
            mark = rng.choice(_TASHKEEL_MARKS + ("\u0640",))
            if word[pos - 1] != " ":
                word = word[:pos] + mark + word[pos:]
        return word

    def _phone(self) -> str:
        return f"+9665{self.rng.choice('0345689')}{self.rng.randrange(10_000_000):07d}"

    def _past(self, days: int) -> datetime:
        """A working moment in the last ``days`` days, recent ones more likely (a registry
        grows)."""
        return self._at_work(self.today - timedelta(days=int(days * self.rng.random() ** 1.5)))

    def _at_work(self, day: date, not_before: datetime | None = None) -> datetime:
        """A moment in the counter's hours on ``day`` (a weekend day: the Thursday before),
        not before ``not_before`` (then possibly a later working day), never after now."""
        while day.weekday() in _WEEKEND:
            day -= timedelta(days=1)
        start = datetime.combine(day, time(_OPEN_UTC), tzinfo=UTC)
        closing = datetime.combine(day, time(_CLOSE_UTC), tzinfo=UTC)
        if not_before is not None and not_before + timedelta(minutes=5) >= closing:
            day = not_before.date() + timedelta(days=1)
            while day.weekday() in _WEEKEND:
                day += timedelta(days=1)
            start = datetime.combine(day, time(_OPEN_UTC), tzinfo=UTC)
            closing = datetime.combine(day, time(_CLOSE_UTC), tzinfo=UTC)
        elif not_before is not None:
            start = max(start, not_before + timedelta(minutes=5))
        open_seconds = int((closing - start).total_seconds())
        moment = start + timedelta(seconds=self.rng.randrange(open_seconds))
        moment = min(moment, self.now - timedelta(minutes=self.rng.randint(1, 30)))
        return max(moment, not_before) if not_before is not None else moment

    def activity(
        self,
        ben: dict[str, Any],
        programs: dict[ProgramCategory, list[uuid.UUID]],
        apps: list[dict[str, Any]],
        contacts: list[dict[str, Any]],
        referrals: list[dict[str, Any]],
        ratings: list[dict[str, Any]],
    ) -> None:
        rng = self.rng
        registered: datetime = ben.pop("_registered")
        ben["created_at"] = ben["updated_at"] = registered
        for _ in range(rng.choice((0, 0, 1, 1, 1, 2))):
            contacts.append(self._contact(ben["id"], registered))
        if rng.random() < 1 / 150:  # today's callers and visitors (the "Today" figures)
            contacts.append(self._contact(ben["id"], registered, today=True))
        if rng.random() < 0.45:
            # POL-E3 programs serve persons with no identity; others mostly citizens.
            if ben["identity_type"] is IdentityType.NONE:
                category = ProgramCategory.SPECIAL_GROUPS
            else:
                category = rng.choice(self.categories)
            contact = self._contact(ben["id"], registered, Channel.INTERVIEW)
            contacts.append(contact)
            pool = programs[category] or programs[rng.choice(self.categories)]
            apps.append(self._application(ben, rng.choice(pool), contact))
            if rng.random() < 0.25:
                ratings.append(self._rating(ben, contact, apps[-1]))
        if rng.random() < 0.03:
            referrals.append(self._referral(ben["id"], registered))

    def _contact(
        self,
        ben_id: uuid.UUID,
        after: datetime,
        channel: Channel | None = None,
        *,
        today: bool = False,
    ) -> dict[str, Any]:
        rng = self.rng
        if today:
            day = self.today
        else:  # mostly soon after registering
            span = (self.today - after.date()).days
            day = after.date() + timedelta(days=int(span * rng.random() ** 3))
        start = self._at_work(day, not_before=after)
        ch = channel or rng.choice(self._channels)
        return {
            "id": self._new_id(),
            "beneficiary_id": ben_id,
            "channel": ch,
            "purpose": rng.choice(names.CONTACT_PURPOSES),
            "staff_user_id": None,
            "staff_name": rng.choice(names.STAFF),
            "caller_name": None,
            "started_at": start,
            "ended_at": min(start + timedelta(minutes=rng.randint(2, 45)), self.now),
            "answer": None,
            "outcome": rng.choice(("answered", "registered", "follow_up", "referred")),
            "follow_up_needed": rng.random() < 0.1,
            "created_at": start,
            "updated_at": start,
        }

    def _application(
        self, ben: dict[str, Any], program_id: uuid.UUID, contact: dict[str, Any]
    ) -> dict[str, Any]:
        rng = self.rng
        started: datetime = contact["started_at"]
        age = (self.now - started).days
        by_age = 0 if age < 1 else 1 if age < MIN_RESPONSE_DAYS + 7 else 2
        status: ApplicationStatus = rng.choice(self._statuses[by_age])
        submitted = due = decided = None
        reason = decided_by = None
        missing: list[Any] = []
        if status is ApplicationStatus.INCOMPLETE:
            missing = [{"id": "identity_copy", "label_ar": "صورة الهوية", "label_en": "ID copy"}]
        if status not in (ApplicationStatus.DRAFT, ApplicationStatus.NOT_ELIGIBLE,
                          ApplicationStatus.INCOMPLETE):
            submitted = min(started + timedelta(minutes=rng.randint(10, 60)), self.now)
            # POL-H5: the committee answers no sooner than two weeks after submission.
            due = submitted + timedelta(days=MIN_RESPONSE_DAYS + rng.randint(0, 7))
        if status in (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED):
            assert due is not None
            decided = min(due + timedelta(days=rng.randint(0, 10)), self.now)
            pool = (names.DECISION_REASONS_ACCEPTED if status is ApplicationStatus.ACCEPTED
                    else names.DECISION_REASONS_REJECTED)
            reason, decided_by = rng.choice(pool), "لجنة البحث"
        outcome = "not_eligible" if status is ApplicationStatus.NOT_ELIGIBLE else "eligible"
        return {
            "id": self._new_id(),
            "_year": started.year,
            "beneficiary_id": ben["id"],
            "program_id": program_id,
            "contact_id": contact["id"],
            "status": status,
            "submitted_at": submitted,
            "response_due": due,
            "eligibility_answers": {},
            "eligibility_outcome": None if status is ApplicationStatus.DRAFT else outcome,
            "eligibility_reasons": [],
            "missing_items": missing,
            "form_version_hash": "",
            "registration_completed_at": submitted,
            "service_delivered_at": None,
            "decision_reason": reason,
            "decided_at": decided,
            "decided_by": decided_by,
            "created_by": None,
            "created_at": started,
            "updated_at": decided or submitted or started,
        }

    def _referral(self, ben_id: uuid.UUID, after: datetime) -> dict[str, Any]:
        rng = self.rng
        span = (self.today - after.date()).days
        at = self._at_work(after.date() + timedelta(days=int(span * rng.random() ** 2)), after)
        answered_at = at + timedelta(hours=rng.randint(1, 72))
        answered = rng.random() < 0.7 and answered_at <= self.now
        reason = rng.choice(names.REFERRAL_REASONS)
        return {
            "id": self._new_id(),
            "beneficiary_id": ben_id,
            "application_id": None,
            "contact_id": None,
            "reason": reason,
            "reason_code": _REASON_CODES[reason],
            "referred_by": None,
            "assigned_to": None,
            "status": ReferralStatus.ANSWERED if answered else ReferralStatus.OPEN,
            "answer": "شُرحت الإجراءات للمستفيد" if answered else None,
            "answered_at": answered_at if answered else None,
            "answered_by": None,
            "created_at": at,
            "updated_at": at,
        }

    def _rating(
        self, ben: dict[str, Any], contact: dict[str, Any], app: dict[str, Any]
    ) -> dict[str, Any]:
        rng = self.rng
        anonymous = rng.random() < 0.6
        at: datetime = contact["ended_at"]
        return {
            "id": self._new_id(),
            "contact_id": contact["id"],
            "application_id": app["id"],
            "beneficiary_id": None if anonymous else ben["id"],
            "anonymous": anonymous,
            "channel": "interview",
            "staff_user_id": None,
            "score": rng.choices((1, 2, 3, 4, 5), weights=(3, 5, 12, 35, 45))[0],
            "answers": {},
            "comment": None,
            "created_at": at,
            "updated_at": at,
        }
