"""Each step of the interview and of a contact is completed by a method named in a table
(issue 12): a step the state machine can reach but no table lists would be a KeyError at
the counter, so these tests walk the state machine and hold the tables to it."""

from __future__ import annotations

import itertools

import pytest

from makarem_desk.checklists.flow_items import PROCEDURES_CLEAR
from makarem_desk.errors import UserError
from makarem_desk.interview import flow
from makarem_desk.interview.answers import ELIGIBLE, NEEDS_REFERRAL, NOT_ELIGIBLE
from makarem_desk.interview.contact_flow import (
    CONTACT_HANDLERS,
    ContactSession,
    ContactState,
    ContactStep,
)
from makarem_desk.interview.flow import InterviewState, Step
from makarem_desk.interview.session import STEP_HANDLERS


def reachable_steps() -> set[Step]:
    """Every step ``flow.next_step`` leads to from reception, over every outcome and every
    clarity answer it branches on."""
    seen, todo = {Step.RECEPTION}, [Step.RECEPTION]
    while todo:
        step = todo.pop()
        for status, clear in itertools.product((ELIGIBLE, NEEDS_REFERRAL, NOT_ELIGIBLE, None),
                                               (True, False, None)):
            state = InterviewState(step=step.value,
                                   outcome=None if status is None else {"status": status})
            if clear is not None:
                state.values[Step.CLARITY.value] = {PROCEDURES_CLEAR: clear}
            nxt = flow.next_step(state)
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_the_walk_reaches_every_step() -> None:
    assert reachable_steps() == set(Step)


def test_every_step_but_the_end_has_a_handler() -> None:
    terminal = {s for s in Step if flow.next_step(InterviewState(step=s.value)) is s}
    assert terminal == {Step.DONE}
    assert set(STEP_HANDLERS) == reachable_steps() - terminal


def test_each_handler_is_its_steps_method() -> None:
    for step, handler in STEP_HANDLERS.items():
        assert handler.__name__ == f"_complete_{step.value}", (step, handler)


def test_every_contact_step_but_the_end_has_a_handler() -> None:
    assert set(CONTACT_HANDLERS) == set(ContactStep) - {ContactStep.DONE}
    for step, handler in CONTACT_HANDLERS.items():
        assert handler.__name__ == f"_{step.value}", (step, handler)


def test_a_recorded_contact_takes_no_more_values() -> None:
    session = ContactSession(services=None, actor=None,  # type: ignore[arg-type]
                             state=ContactState(step=ContactStep.DONE.value),
                             draft_id=None)  # type: ignore[arg-type]
    with pytest.raises(UserError):
        session.complete({"answer": "again"})
