"""The identify and personal-data steps (POL-H2): a returning beneficiary is found by
identity number, phone or name; a new one is registered with the registry's checks."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date
from typing import Any

from ..checklists.model import FormSet
from ..errors import UserError
from ..search import SearchHit
from ..services.actor import Actor
from ..services.beneficiaries import BeneficiaryInput, BeneficiaryView
from ..values import IdentityType
from .answers import FieldError, StepInvalid, wrong_type
from .flow import InterviewState
from .services import InterviewServices

PERSONAL_FIELDS = tuple(f.name for f in dataclasses.fields(BeneficiaryInput))


def _invalid(item: str, en: str, ar: str) -> StepInvalid:
    return StepInvalid([FieldError(item, en, ar)])


class PersonSteps:
    """Mixed into ``InterviewSession``."""

    services: InterviewServices
    forms: FormSet
    actor: Actor
    state: InterviewState

    def _id(self, what: str) -> uuid.UUID:
        raise NotImplementedError  # InterviewSession derives it from the draft id

    def find_beneficiaries(self, query: str) -> list[BeneficiaryView | SearchHit]:
        """Identify step: an exact identity number first, then the search (identity, phone,
        name words)."""
        exact = self.services.beneficiaries.find_by_identity(self.actor, query)
        if exact is not None:
            return [exact]
        return list(self.services.search.search(self.actor, query, limit=20))

    def _complete_identify(self, values: dict[str, Any]) -> dict[str, Any]:
        new = values.get("new")
        if new is not None and not isinstance(new, bool):  # "no" must not register anyone
            raise StepInvalid([wrong_type("new", new, "true or false", "نعم أو لا")])
        if new:
            self.state.beneficiary_id, self.state.beneficiary_new = None, True
            return {"new": True}
        raw = values.get("beneficiary_id")
        try:
            bid = uuid.UUID(str(raw))
            view = self.services.beneficiaries.get(self.actor, bid)
        except (ValueError, UserError):
            raise _invalid("beneficiary_id", "choose a beneficiary found, or register a new one",
                           "اختر مستفيدًا من نتائج البحث أو سجّل مستفيدًا جديدًا") from None
        self.state.beneficiary_id, self.state.beneficiary_new = str(view.id), False
        self._set_person_facts(view.identity_type, view.identity_number, view.gender)
        return {"beneficiary_id": str(view.id)}

    def _complete_personal(self, values: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(values) - set(PERSONAL_FIELDS))
        if unknown:
            raise _invalid(unknown[0], "not a personal-data field", "ليس من حقول البيانات الشخصية")
        # Typed as text at the counter; a script's number or list would reach the checks
        # as something they cannot read.
        wrong = [wrong_type(k, v, "text", "نصًا") for k, v in values.items()
                 if isinstance(v, bool | int | float | list | dict)]
        if wrong:
            raise StepInvalid(wrong)
        svc = self.services.beneficiaries
        existing = None
        if self.state.beneficiary_id and not self.state.beneficiary_new:
            existing = svc.get(self.actor, uuid.UUID(self.state.beneficiary_id))
            data = dataclasses.replace(existing.as_input(), **values)
        else:
            data = BeneficiaryInput(**values)
            mine = self.services.beneficiaries.find_by_id(self.actor, self._id("beneficiary"))
            if mine is not None:  # this step is repeated after a crash: already registered
                return self._after_personal(mine.id, values)
        errors = [FieldError(e.field, e.message, e.message_ar)
                  for e in svc.validate(self.actor, data, exclude_id=existing.id if existing else None)]
        id_type = str(getattr(data.identity_type, "value", data.identity_type) or "")
        if id_type == IdentityType.NONE.value and self.state.category != "special_groups":
            errors.append(FieldError(
                "identity_type",
                "POL-E3: only special-groups programs accept a person without an identity number",
                "لا يُقبل مستفيد بلا رقم هوية إلا في برامج الفئات الخاصة",
            ))
        if errors:
            raise StepInvalid(errors)
        if existing is not None:
            if values:
                svc.update(self.actor, existing.id, data, expected_version=existing.version)
            bid = existing.id
        else:
            bid = svc.register(self.actor, data, beneficiary_id=self._id("beneficiary"))
        return self._after_personal(bid, values)

    def _after_personal(self, bid: uuid.UUID, values: dict[str, Any]) -> dict[str, Any]:
        self.state.beneficiary_id = str(bid)
        view = self.services.beneficiaries.get(self.actor, bid)
        self._set_person_facts(view.identity_type, view.identity_number, view.gender)
        if self.state.contact_id:
            self.services.contacts.link_beneficiary(self.actor, uuid.UUID(self.state.contact_id),
                                                    bid)
        return {k: (v.isoformat() if isinstance(v, date) else getattr(v, "value", v))
                for k, v in values.items()}

    def _set_person_facts(self, id_type: IdentityType, number: str | None, gender: Any) -> None:
        self.state.facts.update({
            "has_identity_number": bool(number),
            "identity_type": id_type.value,
            "gender": getattr(gender, "value", gender),
        })
