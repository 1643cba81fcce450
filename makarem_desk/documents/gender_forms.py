"""The placeholder syntax of document wording, with words that follow the person's gender.

A line of wording is text with three kinds of braces::

    {full_name}                  a value filled from the record (wording.PLACEHOLDERS)
    {m:صاحب|f:صاحبة}             the form for a man, the form for a woman
    {m:وأنني مسؤول|f:وأنني مسؤولة|n:وأن عليّ}
                                 … and the form when the gender is not recorded
    {{  }}                       a brace itself

``m:`` and ``f:`` are required and not empty; ``n:`` is optional and may be empty (a word
the neutral wording drops). Without ``n:`` a person whose gender is not recorded gets the
``m:`` form: Arabic grammar speaks of a person of unknown sex in the masculine (تغليب
المذكر), so the sentence stays grammatical; the shipped wording gives ``n:`` wherever a
wording free of gender reads naturally (the declaration, the letters' opening line).

A choice or a value never spans two lines of the file, so every problem has a line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MALE, FEMALE = "male", "female"
_KEYS = {"m": "male", "f": "female", "n": "neutral"}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


@dataclass(frozen=True)
class Field:
    name: str


@dataclass(frozen=True)
class Choice:
    male: str
    female: str
    neutral: str | None = None

    def pick(self, gender: str | None) -> str:
        if gender == MALE:
            return self.male
        if gender == FEMALE:
            return self.female
        return self.male if self.neutral is None else self.neutral


Segment = str | Field | Choice


class TemplateSyntaxError(ValueError):
    """A malformed brace; ``column`` counts from 1."""

    def __init__(self, column: int, problem: str):
        super().__init__(f"column {column}: {problem}")
        self.column = column
        self.problem = problem


def gender_of(value: Any) -> str | None:
    """``"male"``, ``"female"`` or None (not recorded, or anything else)."""
    text = str(getattr(value, "value", value) or "").strip().lower()
    return text if text in (MALE, FEMALE) else None


def parse(line: str) -> list[Segment]:
    """The segments of one line (or of a paragraph made of such lines)."""
    out: list[Segment] = []
    text: list[str] = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch in "{}" and line[i:i + 2] == ch * 2:
            text.append(ch)
            i += 2
            continue
        if ch == "}":
            raise TemplateSyntaxError(i + 1, "a '}' without its '{' (write a brace itself as }})")
        if ch != "{":
            text.append(ch)
            i += 1
            continue
        end = line.find("}", i + 1)
        inner = line[i + 1:end] if end >= 0 else line[i + 1:]
        if "{" in inner:
            raise TemplateSyntaxError(
                i + 1 + inner.index("{") + 1,
                "a '{' inside a placeholder (placeholders do not nest; a brace itself is {{)")
        if end < 0:
            raise TemplateSyntaxError(
                i + 1, "a '{' that is never closed on this line (a brace itself is {{)")
        if text:
            out.append("".join(text))
            text = []
        out.append(_placeholder(inner, i + 1))
        i = end + 1
    if text:
        out.append("".join(text))
    return out


def _placeholder(inner: str, column: int) -> Field | Choice:
    body = inner.strip()
    if not body:
        raise TemplateSyntaxError(column, "an empty placeholder {}")
    if "|" not in body and ":" not in body:
        if not _NAME.match(body):
            raise TemplateSyntaxError(
                column, f"{{{body}}} is not a placeholder name (names are Latin letters, "
                "digits and _) nor a gender choice {m:…|f:…}")
        return Field(body)
    forms: dict[str, str] = {}
    for part in body.split("|"):
        key, sep, word = part.partition(":")
        key = key.strip()
        if not sep:
            raise TemplateSyntaxError(
                column, f"'{part.strip()}' in {{{body}}} has no m:, f: or n: before it")
        if key not in _KEYS:
            raise TemplateSyntaxError(
                column, f"unknown gender key '{key}:' in {{{body}}} (use m:, f: and "
                "optionally n:)")
        if key in forms:
            raise TemplateSyntaxError(column, f"'{key}:' is given twice in {{{body}}}")
        forms[key] = word.strip()
    for key in ("m", "f"):
        if not forms.get(key):
            raise TemplateSyntaxError(
                column, f"{{{body}}} has no {_KEYS[key]} form ('{key}:' with a word)")
    return Choice(forms["m"], forms["f"], forms.get("n"))


def names(segments: list[Segment]) -> list[str]:
    return [s.name for s in segments if isinstance(s, Field)]


def render(segments: list[Segment], values: dict[str, str], gender: str | None) -> str:
    """The text for this person; a value is inserted as it is (never read as wording)."""
    parts = []
    for s in segments:
        if isinstance(s, Field):
            parts.append(values[s.name])
        elif isinstance(s, Choice):
            parts.append(s.pick(gender) or _DROPPED)
        else:
            parts.append(s)
    # A form left empty (``n:``) takes one space with it, not a word of the values.
    text = _DROPPED_GAP.sub("", "".join(parts))
    return text.replace(_DROPPED, "").strip()


_DROPPED = "\ue000"  # private use: never in wording an administrator types
_DROPPED_GAP = re.compile(" ?\ue000(?=[ ،,.:؛]|$)")
