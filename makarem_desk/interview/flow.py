"""The walk-in interview as a state machine (POL-H1..H7), without Qt or a database.

The state is plain JSON so it can be saved as a draft after every completed step and
loaded back after a crash.  The navigation map says, for each step, where "next" leads
(from the answers so far), whether "back" is allowed and whether the interview may end
there.  Effects on the database (registering, the application, the declaration) are the
``InterviewSession``'s job; this module only decides.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any

from ..checklists.flow_items import PROCEDURES_CLEAR
from .answers import ELIGIBLE, NEEDS_REFERRAL, NOT_ELIGIBLE


class Step(enum.StrEnum):
    RECEPTION = "reception"  # POL-H1: channel, purpose, program
    IDENTIFY = "identify"  # returning beneficiary, or a new one
    PERSONAL = "personal"  # POL-H2: the data, checked at the counter
    ELIGIBILITY = "eligibility"  # POL-E1..E4
    DOCUMENTS = "documents"  # required documents: provided / missing
    CLARITY = "clarity"  # POL-H3: unclear → referral to the social-research officer
    DECLARATION = "declaration"  # POL-H4: review and data-accuracy declaration
    NOTICE = "notice"  # POL-H5: committee notice with the earliest answer date
    REGISTRATION = "registration"  # POL-H6: completed, or pending with missing items
    DELIVERY = "delivery"  # POL-H7
    SATISFACTION = "satisfaction"  # POL-G5: optional, may be anonymous
    DONE = "done"


ORDER = tuple(Step)
# Once the declaration is signed the declared data is frozen: no way back past it.
BACK_ALLOWED = {Step.IDENTIFY, Step.PERSONAL, Step.ELIGIBILITY, Step.DOCUMENTS, Step.CLARITY,
                Step.DECLARATION}
FINISH_ALLOWED = {Step.SATISFACTION}  # satisfaction is optional (POL-G5)

# How the interview ended.
PATH_SUBMITTED, PATH_INCOMPLETE, PATH_NOT_ELIGIBLE, PATH_REFERRED = (
    "submitted", "incomplete", "not_eligible", "referred",
)


@dataclass
class InterviewState:
    step: str = Step.RECEPTION.value
    history: list[str] = field(default_factory=list)  # the back-stack of completed steps
    values: dict[str, dict[str, Any]] = field(default_factory=dict)  # per completed step
    language: str = "ar"
    program_code: str | None = None
    category: str | None = None
    form_version_hash: str | None = None
    beneficiary_id: str | None = None
    beneficiary_new: bool = False
    # Started from a profile or a search result: the person is already identified, so the
    # identify step answers itself the first time it is reached (no second search).
    known_beneficiary: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    outcome: dict[str, Any] | None = None
    path: str | None = None
    contact_id: str | None = None
    application_id: str | None = None
    declaration_id: str | None = None
    referral_id: str | None = None
    satisfaction_id: str | None = None
    reference: str | None = None
    started_at: str | None = None  # ISO UTC
    application_round: int = 0  # applications withdrawn by going back, then referring

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InterviewState:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})

    @property
    def current(self) -> Step:
        return Step(self.step)

    def answers(self, step: Step) -> dict[str, Any]:
        return dict(self.values.get(step.value, {}))


def clarity_refers(state: InterviewState) -> bool:
    return state.values.get(Step.CLARITY.value, {}).get(PROCEDURES_CLEAR) is False


def next_step(state: InterviewState) -> Step:
    """Where "next" leads from the current step, given the answers so far."""
    step = state.current
    if step is Step.CLARITY:
        status = (state.outcome or {}).get("status", ELIGIBLE)
        if clarity_refers(state) or status == NEEDS_REFERRAL:
            return Step.SATISFACTION
        if status == NOT_ELIGIBLE:
            return Step.SATISFACTION
        return Step.DECLARATION
    if step is Step.DONE:
        return Step.DONE
    return ORDER[ORDER.index(step) + 1]


def can_back(state: InterviewState) -> bool:
    return state.current in BACK_ALLOWED and bool(state.history)


def can_finish(state: InterviewState) -> bool:
    return state.current in FINISH_ALLOWED


def advance(state: InterviewState, values: dict[str, Any]) -> Step:
    """Record the values of the completed current step and move on."""
    step = state.current
    state.values[step.value] = values
    nxt = next_step(state)
    state.history.append(step.value)
    state.step = nxt.value
    return nxt


def preset_answers(state: InterviewState) -> dict[str, Any] | None:
    """The answers a step gives itself: the identify step of an interview started for a
    known beneficiary, the first time it is reached. Going back to it later shows it."""
    if (state.current is Step.IDENTIFY and state.known_beneficiary
            and Step.IDENTIFY.value not in state.values):
        return {"beneficiary_id": state.known_beneficiary}
    return None


def go_back(state: InterviewState) -> Step:
    """Pop the back-stack. The answers stay, so going forward again shows them."""
    if not can_back(state):
        raise ValueError(f"cannot go back from {state.step}")
    state.step = state.history.pop()
    return state.current
