"""Conditions ("shown only when …") as small data, checked at load and evaluated safely.

Forms (never ``eval``):
    {item: ID, equals: V} | {item: ID, not_equals: V} | {item: ID, in: [V, …]}
    {item: ID, answered: true|false}
    {fact: NAME, equals: V} | {fact: NAME, not_equals: V} | {fact: NAME, in: [V, …]}
    {all: [C, …]} | {any: [C, …]} | {not: C}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import FACTS

_TESTS = ("equals", "not_equals", "in", "answered")


def check_condition(cond: Any, known_items: set[str], path: str = "shown_when") -> list[str]:
    """Problems with a condition; item references must name ``known_items``."""
    if not isinstance(cond, Mapping) or not cond:
        return [f"{path} must be a mapping such as {{item: ID, equals: VALUE}}"]
    keys = set(cond)
    if keys in ({"all"}, {"any"}):
        (key,) = keys
        parts = cond[key]
        if not isinstance(parts, list) or not parts:
            return [f"{path}.{key} must be a non-empty list of conditions"]
        out: list[str] = []
        for i, part in enumerate(parts):
            out += check_condition(part, known_items, f"{path}.{key}[{i}]")
        return out
    if keys == {"not"}:
        return check_condition(cond["not"], known_items, f"{path}.not")
    subject = keys & {"item", "fact"}
    tests = keys & set(_TESTS)
    extra = keys - {"item", "fact"} - set(_TESTS)
    if len(subject) != 1 or len(tests) != 1 or extra:
        return [
            f"{path} must have one of item/fact and one of {', '.join(_TESTS)}"
            + (f" (unknown keys: {', '.join(sorted(map(str, extra)))})" if extra else "")
        ]
    (kind,) = subject
    (test,) = tests
    name = cond[kind]
    if not isinstance(name, str):
        return [f"{path}.{kind} must be a name, not {name!r}"]
    problems: list[str] = []
    if kind == "item" and name not in known_items:
        problems.append(f"{path} refers to unknown item {name!r}")
    if kind == "fact" and name not in FACTS:
        problems.append(f"{path} refers to unknown fact {name!r} (known: {', '.join(FACTS)})")
    if kind == "fact" and test == "answered":
        problems.append(f"{path}: 'answered' applies to items, not facts")
    if test == "in" and not isinstance(cond["in"], list):
        problems.append(f"{path}.in must be a list")
    if test == "answered" and not isinstance(cond["answered"], bool):
        problems.append(f"{path}.answered must be true or false")
    return problems


def referenced_items(cond: Any) -> set[str]:
    if not isinstance(cond, Mapping):
        return set()
    if "all" in cond or "any" in cond:
        return set().union(*(referenced_items(c) for c in cond.get("all", cond.get("any", []))))
    if "not" in cond:
        return referenced_items(cond["not"])
    return {cond["item"]} if "item" in cond else set()


def evaluate(cond: Mapping[str, Any] | None, answers: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
    """True when an item with this condition is shown (no condition: always)."""
    if cond is None:
        return True
    if "all" in cond:
        return all(evaluate(c, answers, facts) for c in cond["all"])
    if "any" in cond:
        return any(evaluate(c, answers, facts) for c in cond["any"])
    if "not" in cond:
        return not evaluate(cond["not"], answers, facts)
    if "item" in cond:
        present = cond["item"] in answers and answers[cond["item"]] not in (None, "")
        value = answers.get(cond["item"])
    else:
        present = cond["fact"] in facts
        value = facts.get(cond["fact"])
    if "answered" in cond:
        return present is bool(cond["answered"])
    if not present:
        return False
    if "equals" in cond:
        return bool(value == cond["equals"])
    if "not_equals" in cond:
        return bool(value != cond["not_equals"])
    return value in cond["in"]
