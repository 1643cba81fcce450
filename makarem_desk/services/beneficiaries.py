"""The beneficiary registry: register and update people at the counter (POL-H2, POL-E3).

Every call validates the whole record, reports all problems at once, refuses a second
record for the same identity number, keeps the search key, writes an audit event, and
updates with optimistic locking so two counters never silently overwrite each other.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import Database
from ..errors import ConcurrentChange, UserError
from ..models import Beneficiary, Gender, IdentityType
from ..permissions import COUNTER_WORK, READS, guarded, register
from ..text import name_search_key
from ..validation import ValidationError, normalize_identity_number
from ..validation.dates import TYPED_HIJRI_FIELDS, typed_hijri_fields
from ..validation.record import clean_beneficiary
from .actor import Actor

register({
    # Registering and correcting people is walk-in work at a counter (POL-H2); the
    # committee reads what the counters send and changes none of it.
    "BeneficiaryService.register": COUNTER_WORK,
    "BeneficiaryService.update": COUNTER_WORK,
    "BeneficiaryService.validate": COUNTER_WORK,  # the register/update form's own check
    "BeneficiaryService.get": READS,
    "BeneficiaryService.find_by_id": READS,
    "BeneficiaryService.find_by_identity": READS,
})

# Values kept in ``Beneficiary.extra`` rather than in columns of their own.
EXTRA_FIELDS = ("verifying_partner", "partner_reference")
# ``extra`` key of the Hijri dates as typed ({"birth_date": "1405/04/10"}): printed back as
# typed, whichever Umm al-Qura table converted them (validation/dates.py, issue 11).
TYPED_HIJRI = "typed_hijri"


@dataclass
class BeneficiaryInput:
    """What the counter form (or a spreadsheet row) holds. Text as typed; dates may be
    ``date`` objects or text in Hijri or Gregorian."""

    first_name: str = ""
    father_name: str = ""
    grandfather_name: str = ""
    family_name: str = ""
    latin_name: str | None = None
    identity_type: IdentityType | str | None = None
    identity_number: str | None = None
    identity_expiry: date | str | None = None
    gender: Gender | str | None = None
    birth_date: date | str | None = None
    nationality: str | None = None
    phone: str | None = None
    phone_alt: str | None = None
    email: str | None = None
    city: str | None = None
    district: str | None = None
    notes: str | None = None
    # POL-E3: for a person of unknown identity, who verified them and their reference.
    verifying_partner: str | None = None
    partner_reference: str | None = None


@dataclass(frozen=True)
class BeneficiaryView:
    id: uuid.UUID
    version: int
    reference: str
    full_name: str
    first_name: str
    father_name: str
    grandfather_name: str
    family_name: str
    latin_name: str | None
    identity_type: IdentityType
    identity_number: str | None
    identity_expiry: date | None
    gender: Gender | None
    birth_date: date | None
    nationality: str | None
    phone: str | None
    phone_alt: str | None
    email: str | None
    city: str | None
    district: str | None
    notes: str | None
    search_key: str
    site_id: str
    created_at: datetime
    updated_at: datetime
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def verifying_partner(self) -> str | None:
        return self.extra.get("verifying_partner")

    @property
    def partner_reference(self) -> str | None:
        return self.extra.get("partner_reference")

    def as_input(self) -> BeneficiaryInput:
        """The record as form input, e.g. to edit and pass back to ``update``."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(BeneficiaryInput)}
        return BeneficiaryInput(**values)


def beneficiary_reference(beneficiary_id: uuid.UUID) -> str:
    """A short reference staff can read out and type (the file number of a person)."""
    return "B-" + beneficiary_id.hex[:8].upper()


class InvalidBeneficiary(UserError):
    """One or more fields are wrong; ``errors`` has one entry per problem."""

    def __init__(self, errors: list[ValidationError]):
        self.errors = errors
        super().__init__(
            "; ".join(f"{e.field}: {e.message}" for e in errors),
            message_ar="\n".join(e.message_ar for e in errors),
        )

    def by_field(self) -> dict[str, list[ValidationError]]:
        out: dict[str, list[ValidationError]] = {}
        for e in self.errors:
            out.setdefault(e.field, []).append(e)
        return out


class DuplicateIdentity(ValidationError):
    def __init__(self, existing_id: uuid.UUID, existing_name: str):
        ref = beneficiary_reference(existing_id)
        super().__init__(
            "identity_number",
            "duplicate",
            f"This identity number is already registered to {existing_name} ({ref}); open "
            "that record instead of registering the person again.",
            f"رقم الهوية مسجل مسبقًا باسم {existing_name} ({ref})؛ افتح سجله بدلًا من "
            "تسجيله مرة أخرى.",
        )
        self.existing_id = existing_id


class StaleRecord(ConcurrentChange):
    def __init__(self) -> None:
        super().__init__(
            "This record was changed by someone else since you opened it; reload it and "
            "make your changes again.",
            message_ar="عدّل مستخدم آخر هذا السجل بعد أن فتحته؛ أعد تحميله ثم أدخل تعديلاتك مرة أخرى.",
        )


class BeneficiaryNotFound(UserError):
    def __init__(self) -> None:
        super().__init__("No such beneficiary.", message_ar="المستفيد غير موجود.")


def view_of(b: Beneficiary) -> BeneficiaryView:
    return BeneficiaryView(
        id=b.id, version=b.version, reference=beneficiary_reference(b.id),
        full_name=b.full_name, first_name=b.first_name, father_name=b.father_name,
        grandfather_name=b.grandfather_name, family_name=b.family_name,
        latin_name=b.latin_name, identity_type=b.identity_type,
        identity_number=b.identity_number, identity_expiry=b.identity_expiry,
        gender=b.gender, birth_date=b.birth_date, nationality=b.nationality, phone=b.phone,
        phone_alt=b.phone_alt, email=b.email, city=b.city, district=b.district,
        notes=b.notes, search_key=b.search_key, site_id=b.site_id, created_at=b.created_at,
        updated_at=b.updated_at, extra=dict(b.extra or {}),
    )


def _fields(b: Beneficiary) -> dict[str, Any]:
    """The editable fields as the audit trail keeps an update's before and after."""
    out: dict[str, Any] = {k: getattr(b, k) for k in _COLUMNS}
    out.update({k: (b.extra or {}).get(k) for k in EXTRA_FIELDS})
    return out


_COLUMNS = tuple(f.name for f in dataclasses.fields(BeneficiaryInput) if f.name not in EXTRA_FIELDS)


def search_key_of(values: dict[str, Any]) -> str:
    return name_search_key(values["first_name"], values["father_name"],
                           values["grandfather_name"], values["family_name"],
                           values.get("latin_name"))


class BeneficiaryService:
    def __init__(self, db: Database, today: date | Callable[[], date] | None = None):
        self.db = db
        self._today = today

    def _date(self) -> date:
        if self._today is None:
            return date.today()
        if isinstance(self._today, date):
            return self._today
        return self._today()

    # -- checks -----------------------------------------------------------------------
    @guarded
    def validate(self, actor: Actor, data: BeneficiaryInput,
                 exclude_id: uuid.UUID | None = None) -> list[ValidationError]:
        """Every problem with ``data``, the duplicate identity number included."""
        values, errors = clean_beneficiary(dataclasses.asdict(data), self._date())
        number = values.get("identity_number")
        if number and not any(e.field == "identity_number" for e in errors):
            with self.db.reader() as s:
                dup = self._duplicate(s, number, exclude_id)
            if dup is not None:
                errors.append(dup)
        return errors

    def _clean(self, data: BeneficiaryInput) -> dict[str, Any]:
        raw = dataclasses.asdict(data)
        values, errors = clean_beneficiary(raw, self._date())
        if errors:
            raise InvalidBeneficiary(errors)
        values[TYPED_HIJRI] = typed_hijri_fields(raw)
        return values

    @staticmethod
    def _duplicate(s: Session, number: str,
                   exclude_id: uuid.UUID | None) -> DuplicateIdentity | None:
        q = select(Beneficiary.id, Beneficiary.first_name, Beneficiary.father_name,
                   Beneficiary.grandfather_name, Beneficiary.family_name).where(
            Beneficiary.identity_number == number)
        if exclude_id is not None:
            q = q.where(Beneficiary.id != exclude_id)
        row = s.execute(q).first()
        if row is None:
            return None
        name = " ".join(p for p in row[1:] if p)
        return DuplicateIdentity(row[0], name)

    @staticmethod
    def _apply(b: Beneficiary, values: dict[str, Any]) -> list[str]:
        """Copy cleaned values onto ``b``; the names of the fields that changed."""
        changed: list[str] = []
        extra = dict(b.extra or {})
        old_typed = dict(extra.get(TYPED_HIJRI) or {})
        typed = dict(old_typed)
        for f in TYPED_HIJRI_FIELDS:
            # A Hijri day typed now is kept as typed; the one typed before stays as long
            # as the date is the same day (an edit that shows it back as a date).
            if f in values.get(TYPED_HIJRI, {}):
                typed[f] = values[TYPED_HIJRI][f]
            elif values.get(f) != getattr(b, f):
                typed.pop(f, None)
        if typed != old_typed:
            changed += [f for f in TYPED_HIJRI_FIELDS if typed.get(f) != old_typed.get(f)]
            if typed:
                extra[TYPED_HIJRI] = typed
            else:
                extra.pop(TYPED_HIJRI, None)
        for key, value in values.items():
            if key == TYPED_HIJRI:
                continue
            if key in EXTRA_FIELDS:
                if extra.get(key) != value:
                    extra[key] = value
                    changed.append(key)
            elif getattr(b, key) != value:
                setattr(b, key, value)
                if key not in changed:
                    changed.append(key)
        if values.get("identity_type") is not IdentityType.NONE:
            for key in EXTRA_FIELDS:
                if extra.pop(key, None) is not None:
                    changed.append(key)
        if extra != (b.extra or {}):
            b.extra = extra
        key = search_key_of(values)
        if b.search_key != key:
            b.search_key = key
        return changed

    # -- writes -----------------------------------------------------------------------
    @guarded
    def register(self, actor: Actor, data: BeneficiaryInput,
                 beneficiary_id: uuid.UUID | None = None) -> uuid.UUID:
        """Register a new beneficiary.

        A caller that may repeat the call after a crash (the interview) passes the id it
        wants: when a beneficiary with that id already exists, the earlier registration is
        returned instead of a second person — the only guard for someone with no identity
        number (POL-E3), who has no unique number to collide on.
        """
        values = self._clean(data)
        try:
            with self.db.session() as s:
                if beneficiary_id is not None and s.get(Beneficiary, beneficiary_id) is not None:
                    return beneficiary_id
                number = values.get("identity_number")
                if number:
                    dup = self._duplicate(s, number, None)
                    if dup is not None:
                        raise InvalidBeneficiary([dup])
                b = Beneficiary(id=beneficiary_id or uuid.uuid4(), first_name="",
                                identity_type=values["identity_type"])
                b.extra = {}
                self._apply(b, values)
                s.add(b)
                record_event(s, actor, "beneficiary_registered", entity="beneficiary",
                             entity_id=b.id, details={"identity_type": b.identity_type.value})
                new_id = b.id
        except IntegrityError as exc:
            # Another counter registered the same number between our check and commit.
            raise self._integrity(values) from exc
        return new_id

    @guarded
    def update(self, actor: Actor, beneficiary_id: uuid.UUID, data: BeneficiaryInput,
               expected_version: int) -> None:
        values = self._clean(data)
        try:
            with self.db.session() as s:
                b = s.get(Beneficiary, beneficiary_id)
                if b is None:
                    raise BeneficiaryNotFound()
                if b.version != expected_version:
                    raise StaleRecord()
                number = values.get("identity_number")
                if number:
                    dup = self._duplicate(s, number, beneficiary_id)
                    if dup is not None:
                        raise InvalidBeneficiary([dup])
                before = _fields(b)
                changed = self._apply(b, values)
                if not changed:
                    return
                record_event(s, actor, "beneficiary_updated", entity="beneficiary",
                             entity_id=b.id,
                             details={"fields": changed, "from_version": expected_version},
                             before=before, after=_fields(b))
        except StaleRecord:
            raise
        except ConcurrentChange as exc:  # the version moved on between reading and saving
            raise StaleRecord() from exc
        except IntegrityError as exc:
            raise self._integrity(values, exclude_id=beneficiary_id) from exc

    def _integrity(self, values: dict[str, Any],
                   exclude_id: uuid.UUID | None = None) -> UserError:
        number = values.get("identity_number")
        if number:
            with self.db.reader() as s:
                dup = self._duplicate(s, number, exclude_id)
            if dup is not None:
                return InvalidBeneficiary([dup])
        return UserError("The record could not be saved; please try again.",
                         message_ar="تعذّر حفظ السجل؛ حاول مرة أخرى.")

    # -- reads ------------------------------------------------------------------------
    @guarded
    def get(self, actor: Actor, beneficiary_id: uuid.UUID) -> BeneficiaryView:
        with self.db.reader() as s:
            b = s.get(Beneficiary, beneficiary_id)
            if b is None:
                raise BeneficiaryNotFound()
            return view_of(b)

    @guarded
    def find_by_id(self, actor: Actor, beneficiary_id: uuid.UUID) -> BeneficiaryView | None:
        with self.db.reader() as s:
            b = s.get(Beneficiary, beneficiary_id)
            return view_of(b) if b is not None else None

    @guarded
    def find_by_identity(self, actor: Actor, number: str) -> BeneficiaryView | None:
        """The person holding ``number`` (any accepted spelling), or None."""
        key = normalize_identity_number(number or "").upper()
        if not key:
            return None
        with self.db.reader() as s:
            b = s.scalars(select(Beneficiary).where(Beneficiary.identity_number == key)).first()
            return view_of(b) if b is not None else None
