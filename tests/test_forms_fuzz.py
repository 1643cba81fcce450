"""Whatever an administrator types, the loader answers with problems, never a crash."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from makarem_desk.checklists.model import Problem
from makarem_desk.checklists.schema import parse_form, parse_programs

FORMS = Path(__file__).resolve().parents[1] / "forms"
BASE = yaml.safe_load((FORMS / "checklists" / "academic.yaml").read_text(encoding="utf-8"))
PROGRAMS = yaml.safe_load((FORMS / "programs.yaml").read_text(encoding="utf-8"))

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=8))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=8)
conditions = st.recursive(
    st.fixed_dictionaries({"item": st.sampled_from(["qualification", "seriousness", "x"])
                           | values, "equals": values})
    | st.fixed_dictionaries({"fact": st.sampled_from(["has_identity_number", "y"]) | values,
                             "in": values})
    | st.dictionaries(
        st.sampled_from(["item", "fact", "equals", "in", "answered", "not_equals"]), values,
        max_size=3),
    lambda inner: st.fixed_dictionaries({"all": st.lists(inner, max_size=3)})
    | st.fixed_dictionaries({"any": inner}) | st.fixed_dictionaries({"not": inner}),
    max_leaves=6)
documents = st.fixed_dictionaries({
    "form": st.sampled_from(["interview", "checklist", "satisfaction", "programs", "other"]),
    "id": values, "title_ar": values, "title_en": values, "category": values,
    "sections": st.dictionaries(
        st.sampled_from(["eligibility", "documents", "reception", "questions", "x"]),
        st.lists(st.dictionaries(st.sampled_from(
            ["id", "kind", "label_ar", "label_en", "policy", "shown_when", "options",
             "validation", "on_fail"]), values, max_size=6), max_size=3), max_size=3),
})
keys = st.sampled_from(["id", "kind", "label_ar", "label_en", "required", "shown_when",
                        "validation", "policy", "on_fail", "options", "expected", "text_ar"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, 9), key=keys, value=values, drop=st.booleans())
def test_mutated_item_gives_problems_not_exceptions(index, key, value, drop):
    data = copy.deepcopy(BASE)
    items = data["sections"]["eligibility"]
    item = items[index % len(items)]
    if drop:
        item.pop(key, None)
    else:
        item[key] = value
    form, problems = parse_form("checklists/academic.yaml", data)
    assert (form is None) == bool(problems)
    assert all(isinstance(p, Problem) and p.file == "checklists/academic.yaml" for p in problems)


@settings(max_examples=150, deadline=None)
@given(index=st.integers(0, 9), cond=conditions)
def test_any_condition_gives_problems_not_exceptions(index, cond):
    data = copy.deepcopy(BASE)
    items = data["sections"]["eligibility"]
    items[index % len(items)]["shown_when"] = cond
    form, problems = parse_form("checklists/academic.yaml", data)
    assert (form is None) == bool(problems)


@settings(max_examples=150, deadline=None)
@given(data=st.one_of(values, documents))
def test_any_document_shape_gives_problems_not_exceptions(data):
    form, problems = parse_form("x.yaml", data)
    assert form is None or not problems
    programs, problems = parse_programs("programs.yaml", data)
    assert all(isinstance(p, Problem) for p in problems)


@settings(max_examples=100, deadline=None)
@given(index=st.integers(0, 8), key=st.sampled_from(
    ["code", "name_ar", "category", "active", "items", "checklist"]), value=values)
def test_mutated_program_gives_problems_not_exceptions(index, key, value):
    data = copy.deepcopy(PROGRAMS)
    data["programs"][index][key] = value
    programs, problems = parse_programs("programs.yaml", data)
    assert all(isinstance(p, Problem) for p in problems)


def _all_items():
    from makarem_desk.checklists import load_forms

    forms = load_forms(FORMS)
    items = list(forms.interview.section("reception"))
    for code in forms.programs:
        items += forms.eligibility_items(code) + forms.document_items(code)
    return forms, {i.id: i for i in items}


SHIPPED, ITEMS = _all_items()


@settings(max_examples=200, deadline=None)
@given(answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), values, max_size=8))
def test_any_typed_answers_give_field_errors_not_exceptions(answers):
    from datetime import date

    from makarem_desk.interview.answers import check_answers, outcome

    items = list(ITEMS.values())
    clean, errors = check_answers(items, answers, {"has_identity_number": True}, date(2026, 11, 29))
    assert all(e.item in ITEMS and e.message and e.message_ar for e in errors)
    result = outcome(items, clean, {"has_identity_number": True})
    assert result.status in ("eligible", "not_eligible", "needs_referral", "incomplete")


@pytest.mark.parametrize("bad", [float("inf"), float("-inf"), float("nan")])
def test_infinite_numbers_are_field_errors(bad):
    """A scripted or imported answer of inf/nan is refused by field, never an OverflowError."""
    from datetime import date

    from makarem_desk.interview.answers import check_answers

    numbers = [i for i in ITEMS.values() if i.kind == "number"]
    assert numbers
    _, errors = check_answers(numbers, {numbers[0].id: bad}, {"has_identity_number": True},
                              date(2026, 11, 29))
    mine = [e for e in errors if e.item == numbers[0].id]
    assert len(mine) == 1 and "finite" in mine[0].message
