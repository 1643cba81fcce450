"""The strict schema of definition files, checked by hand so every problem names its file
and item instead of surfacing as a bare exception (and so every problem is reported, not
just the first)."""

from __future__ import annotations

import re
import string
from typing import Any

from ..snapshot import sha256_of
from .conditions import check_condition
from .model import (
    FAIL_EFFECTS,
    ITEM_KINDS,
    FormDef,
    Item,
    Option,
    Problem,
    ProgramDef,
)

ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
CODE_RE = re.compile(r"^[A-Z][A-Z0-9-]{1,39}$")
POLICY_RE = re.compile(r"^POL-[A-Z0-9]+(-[A-Z0-9]+)*$")
CATEGORIES = ("academic", "volunteering", "special_groups", "field")

SECTIONS = {
    "interview": ("reception", "clarity", "documents", "declaration", "notice", "delivery"),
    "checklist": ("eligibility", "documents"),
    "satisfaction": ("questions",),
}
FORM_KEYS = {"form", "id", "title_ar", "title_en", "sections", "category", "description"}
PROGRAM_KEYS = {
    "code", "name_ar", "name_en", "category", "checklist", "active",
    "description_ar", "description_en", "items",
}
ITEM_KEYS = {
    "id", "kind", "label_ar", "label_en", "required", "shown_when", "validation", "help_ar",
    "help_en", "policy", "on_fail", "expected", "options", "text_ar", "text_en",
    "reason_ar", "reason_en",
}
VALIDATION_KEYS = {
    "text": {"min_length", "max_length", "pattern"},
    "number": {"min", "max", "integer"},
    "date": {"past_only", "future_only"},
}


# What a statement may say with {name}: filled in by the flow (POL-H5 dates).
STATEMENT_PLACEHOLDERS = ("earliest_hijri", "earliest_gregorian", "response_days")


def _placeholder_problems(text: str) -> list[str]:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        return [f"bad braces ({exc}); write {{{{ and }}}} for a literal brace"]
    return [f"unknown placeholder {{{name}}} (known: {', '.join(STATEMENT_PLACEHOLDERS)})"
            for name in names if name not in STATEMENT_PLACEHOLDERS]


class _Collector:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, item: str, message: str) -> None:
        self.problems.append(Problem(self.file, item, message))


def _text(c: _Collector, raw: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            c.add(where, f"missing {key}")
        return ""
    if not isinstance(value, str):
        c.add(where, f"{key} must be text")
        return ""
    return value.strip()


def _items(c: _Collector, raw_items: Any, where: str, known: set[str], policy_required: bool) -> list[Item]:
    if not isinstance(raw_items, list):
        c.add(where, "items must be a list")
        return []
    items: list[Item] = []
    for index, raw in enumerate(raw_items):
        item = _item(c, raw, f"{where}[{index}]", known, policy_required)
        if item is not None:
            items.append(item)
    return items


def _item(c: _Collector, raw: Any, where: str, known: set[str], policy_required: bool) -> Item | None:
    if not isinstance(raw, dict):
        c.add(where, "an item must be a mapping with id, kind, label_ar, label_en")
        return None
    item_id = raw.get("id")
    if not isinstance(item_id, str) or not ID_RE.match(item_id):
        c.add(where, f"invalid or missing id {item_id!r} (lower-case letters, digits, _)")
        return None
    before = len(c.problems)
    for key in sorted(set(raw) - ITEM_KEYS):
        c.add(item_id, f"unknown key {key!r}")
    kind = raw.get("kind")
    if kind not in ITEM_KINDS:
        c.add(item_id, f"unknown kind {kind!r} (allowed: {', '.join(ITEM_KINDS)})")
    label_ar = _text(c, raw, "label_ar", item_id)
    label_en = _text(c, raw, "label_en", item_id)
    required = raw.get("required", True)
    if not isinstance(required, bool):
        c.add(item_id, "required must be true or false")
    policy = _text(c, raw, "policy", item_id, required=policy_required)
    if policy and not POLICY_RE.match(policy):
        c.add(item_id, f"policy {policy!r} is not a clause id such as POL-E1")
    on_fail = raw.get("on_fail")
    if on_fail is not None and on_fail not in FAIL_EFFECTS:
        c.add(item_id, f"on_fail {on_fail!r} must be one of {', '.join(FAIL_EFFECTS)}")
    if kind == "document" and on_fail is None:
        on_fail = "missing"
    expected = raw.get("expected", True)
    if not isinstance(expected, bool):
        c.add(item_id, "expected must be true or false")
    options: list[Option] = []
    if kind == "choice":
        raw_opts = raw.get("options")
        if not isinstance(raw_opts, list) or not raw_opts:
            c.add(item_id, "a choice needs a non-empty list of options")
        else:
            seen: set[str] = set()
            for o in raw_opts:
                if not isinstance(o, dict) or not isinstance(o.get("value"), str):
                    c.add(item_id, "each option needs value, label_ar, label_en")
                    continue
                if o["value"] in seen:
                    c.add(item_id, f"duplicate option {o['value']!r}")
                seen.add(o["value"])
                extra = set(o) - {"value", "label_ar", "label_en", "fails"}
                if extra:
                    c.add(item_id, f"unknown option key(s) {', '.join(sorted(extra))}")
                options.append(Option(
                    o["value"],
                    _text(c, o, "label_ar", item_id),
                    _text(c, o, "label_en", item_id),
                    bool(o.get("fails", False)),
                ))
    elif "options" in raw:
        c.add(item_id, "options are only for kind choice")
    text_ar = _text(c, raw, "text_ar", item_id, required=kind == "statement")
    text_en = _text(c, raw, "text_en", item_id, required=kind == "statement")
    for key, text in (("text_ar", text_ar), ("text_en", text_en)):
        for msg in _placeholder_problems(text):
            c.add(item_id, f"{key}: {msg}")
    validation = raw.get("validation") or {}
    if not isinstance(validation, dict):
        c.add(item_id, "validation must be a mapping")
        validation = {}
    allowed = VALIDATION_KEYS.get(str(kind), set())
    for key in sorted(set(validation) - allowed):
        c.add(item_id, f"validation {key!r} does not apply to kind {kind}")
    if "pattern" in validation:
        try:
            re.compile(str(validation["pattern"]))
        except re.error as exc:
            c.add(item_id, f"validation pattern is not a valid expression: {exc}")
    shown_when = raw.get("shown_when")
    if shown_when is not None:
        for msg in check_condition(shown_when, known - {item_id}):
            c.add(item_id, msg)
    if len(c.problems) > before:
        return None
    return Item(
        id=item_id, kind=str(kind), label_ar=label_ar, label_en=label_en, required=required,
        shown_when=shown_when, validation=dict(validation),
        help_ar=_text(c, raw, "help_ar", item_id, False),
        help_en=_text(c, raw, "help_en", item_id, False),
        policy=policy, on_fail=on_fail, expected=expected, options=tuple(options),
        text_ar=text_ar, text_en=text_en,
        reason_ar=_text(c, raw, "reason_ar", item_id, False),
        reason_en=_text(c, raw, "reason_en", item_id, False),
    )


def _item_ids(c: _Collector, lists: list[Any]) -> set[str]:
    """All item ids of one file; duplicates are a problem (answers are keyed by id)."""
    seen: set[str] = set()
    for raw_items in lists:
        for raw in raw_items if isinstance(raw_items, list) else []:
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                if raw["id"] in seen:
                    c.add(raw["id"], "duplicate item id")
                seen.add(raw["id"])
    return seen


def parse_form(file: str, data: Any) -> tuple[FormDef | None, list[Problem]]:
    c = _Collector(file)
    if not isinstance(data, dict):
        c.add("", "the file must hold a mapping with form, id, title_ar, title_en, sections")
        return None, c.problems
    form = data.get("form")
    for key in sorted(set(data) - FORM_KEYS):
        c.add("", f"unknown key {key!r}")
    form_id = data.get("id")
    if not isinstance(form_id, str) or not ID_RE.match(form_id):
        c.add("", f"invalid or missing id {form_id!r}")
    title_ar = _text(c, data, "title_ar", str(form_id or ""))
    title_en = _text(c, data, "title_en", str(form_id or ""))
    category = data.get("category")
    if form == "checklist" and category not in CATEGORIES:
        c.add(str(form_id), f"category {category!r} must be one of {', '.join(CATEGORIES)}")
    sections_raw = data.get("sections")
    if not isinstance(sections_raw, dict) or not sections_raw:
        c.add(str(form_id), "sections must be a mapping of section name to a list of items")
        return None, c.problems
    if form not in SECTIONS:
        c.add("", f"'form' must be one of {', '.join(SECTIONS)}, not {form!r}")
        return None, c.problems
    allowed = SECTIONS[str(form)]
    for name in sections_raw:
        if name not in allowed:
            c.add(str(name), f"unknown section (allowed: {', '.join(allowed)})")
    known = _item_ids(c, list(sections_raw.values()))
    sections = {
        name: tuple(_items(c, raw, name, known, policy_required=form != "satisfaction"))
        for name, raw in sections_raw.items()
        if name in allowed
    }
    if c.problems:
        return None, c.problems
    return FormDef(
        form=str(form), id=str(form_id), file=file, title_ar=title_ar, title_en=title_en,
        sections=sections, version_hash=sha256_of(data),
        category=category if isinstance(category, str) else None,
    ), []


def parse_programs(file: str, data: Any) -> tuple[list[ProgramDef], list[Problem]]:
    c = _Collector(file)
    raw_list = data.get("programs") if isinstance(data, dict) else None
    if not isinstance(raw_list, list) or not raw_list:
        c.add("", "the file must hold 'programs:' with a list of programs")
        return [], c.problems
    for key in sorted(set(data) - {"form", "programs"}):
        c.add("", f"unknown key {key!r}")
    programs: list[ProgramDef] = []
    codes: set[str] = set()
    for index, raw in enumerate(raw_list):
        where = f"programs[{index}]"
        if not isinstance(raw, dict):
            c.add(where, "a program must be a mapping")
            continue
        code = raw.get("code")
        if not isinstance(code, str) or not CODE_RE.match(code):
            c.add(where, f"invalid or missing code {code!r} (upper-case letters, digits, -)")
            continue
        if code in codes:
            c.add(code, "duplicate program code")
        codes.add(code)
        before = len(c.problems)
        for key in sorted(set(raw) - PROGRAM_KEYS):
            c.add(code, f"unknown key {key!r}")
        if raw.get("category") not in CATEGORIES:
            c.add(code, f"category {raw.get('category')!r} must be one of {', '.join(CATEGORIES)}")
        if not isinstance(raw.get("active", True), bool):
            c.add(code, "active must be true or false")
        checklist = raw.get("checklist", raw.get("category"))
        raw_items = raw.get("items") or []
        known = _item_ids(c, [raw_items])
        items = _items(c, raw_items, code, known, policy_required=True)
        name_ar = _text(c, raw, "name_ar", code)
        name_en = _text(c, raw, "name_en", code)
        if len(c.problems) > before:
            continue
        programs.append(ProgramDef(
            code=code, name_ar=name_ar, name_en=name_en, category=str(raw["category"]),
            checklist=str(checklist), active=bool(raw.get("active", True)),
            description_ar=_text(c, raw, "description_ar", code, False),
            description_en=_text(c, raw, "description_en", code, False),
            items=tuple(items), version_hash=sha256_of(raw),
        ))
    return programs, c.problems
