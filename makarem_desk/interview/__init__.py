"""The walk-in interview and the short contact flow, without Qt.

``InterviewSession`` is what the interface and the command line drive: ``items()`` says
what to show, ``complete(values)`` checks, applies and saves a step (raising
``StepInvalid`` with every problem), ``back()``/``finish()`` move, and ``resume`` picks an
interrupted interview up from its draft.
"""

from .answers import FieldError, Outcome, StepInvalid
from .contact_flow import ContactSession, ContactStep
from .flow import InterviewState, Step
from .services import InterviewServices
from .session import InterviewSession

__all__ = [
    "ContactSession",
    "ContactStep",
    "FieldError",
    "InterviewServices",
    "InterviewSession",
    "InterviewState",
    "Outcome",
    "Step",
    "StepInvalid",
]
