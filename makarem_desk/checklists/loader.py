"""Reading a forms folder: every file parsed and checked, cross-file references resolved,
and either a complete ``FormSet`` or every problem — never half of it."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from ..resources import forms_path
from .flow_items import check_flow_items
from .installed import FormsStore
from .model import DefinitionError, FormDef, FormSet, Problem, ProgramDef
from .schema import SECTIONS, parse_form, parse_programs

ENV_FORMS_DIR = "MAKAREM_FORMS_DIR"
# forms/documents/ holds the wording of printed documents, checked by the documents code.
SKIP_DIRS = {"documents"}


def shipped_forms_dir() -> Path:
    return forms_path()


def default_forms_dir() -> Path:
    """The folder in use: ``$MAKAREM_FORMS_DIR``, else the one an administrator installed
    (``forms apply``), else the one shipped with the application."""
    override = os.environ.get(ENV_FORMS_DIR)
    if override:
        return Path(override)
    return FormsStore().current_dir() or shipped_forms_dir()


def definition_files(folder: Path) -> list[Path]:
    files = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if rel.parts and rel.parts[0] in SKIP_DIRS:
            continue
        if path.is_file() and path.suffix in (".yaml", ".yml"):
            files.append(path)
    return files


def _read_yaml(path: Path, name: str) -> tuple[Any, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(name, "", f"cannot read the file: {exc}")]
    try:
        return yaml.safe_load(text), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        start = getattr(exc, "context_mark", None) or mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        if context and start is not None:
            problem += f" ({context} started on line {start.line + 1})"
        item = _item_near(text, start.line if start is not None else None)
        return None, [Problem(name, item, f"bad YAML syntax at {where}{problem}")]


_ID_LINE = re.compile(r"^\s*(?:-\s+)?(?:id|code):\s*['\"]?([A-Za-z0-9_-]+)")


def _item_near(text: str, line: int | None) -> str:
    """The id of the item a syntax error falls in: the last ``id:`` at or above the line."""
    if line is None:
        return ""
    for raw in reversed(text.splitlines()[: line + 1]):
        m = _ID_LINE.match(raw)
        if m:
            return m.group(1)
    return ""


def scan(folder: Path) -> tuple[FormSet | None, list[Problem]]:
    """Parse and check everything in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        return None, [Problem(str(folder), "", "no such folder")]
    problems: list[Problem] = []
    forms: list[FormDef] = []
    programs: list[ProgramDef] = []
    program_file = ""
    for path in definition_files(folder):
        name = str(path.relative_to(folder))
        data, errs = _read_yaml(path, name)
        problems += errs
        if errs:
            continue
        kind = data.get("form") if isinstance(data, dict) else None
        if kind == "programs":
            found, errs = parse_programs(name, data)
            programs += found
            program_file = program_file or name
        elif kind in SECTIONS:
            form, errs = parse_form(name, data)
            if form is not None:
                forms.append(form)
        else:
            allowed = ", ".join((*SECTIONS, "programs"))
            errs = [Problem(name, "", f"'form' must be one of {allowed}, not {kind!r}")]
        problems += errs
    files = definition_files(folder)
    if not files:
        problems.append(Problem(str(folder), "", "no definition files (*.yaml) found"))
    elif not problems:
        problems += _cross_check(folder, forms, programs, program_file)
    if problems:
        return None, problems
    by_kind = {f.form: f for f in forms if f.form != "checklist"}
    return FormSet(
        folder=str(folder),
        interview=by_kind["interview"],
        checklists={f.id: f for f in forms if f.form == "checklist"},
        programs={p.code: p for p in programs},
        satisfaction=by_kind["satisfaction"],
    ), []


def _cross_check(
    folder: Path, forms: list[FormDef], programs: list[ProgramDef], program_file: str
) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}
    for f in forms:
        key = (f.form, f.id)
        if key in seen:
            problems.append(Problem(f.file, f.id, f"the same {f.form} id is also in {seen[key]}"))
        seen[key] = f.file
    for single in ("interview", "satisfaction"):
        found = [f for f in forms if f.form == single]
        if len(found) > 1:
            problems.append(Problem(found[1].file, "", f"more than one {single} definition"))
    checklists = {f.id: f for f in forms if f.form == "checklist"}
    codes: dict[str, str] = {}
    for p in programs:
        if p.code in codes:
            problems.append(Problem(program_file, p.code, "duplicate program code"))
        codes[p.code] = program_file
        target = checklists.get(p.checklist)
        if target is None:
            problems.append(Problem(program_file, p.code, f"unknown checklist {p.checklist!r}"))
        elif target.category != p.category:
            problems.append(Problem(
                program_file, p.code,
                f"checklist {p.checklist!r} is for {target.category}, not {p.category}",
            ))
        else:
            clash = {i.id for i in p.items} & {i.id for i in target.section("eligibility")}
            for item_id in sorted(clash):
                problems.append(Problem(program_file, f"{p.code}.{item_id}",
                                        f"item id already used by checklist {target.file}"))
    for f in forms:
        if f.form == "interview":
            problems += check_flow_items(f)  # the ids the interview's code reads
    if not any(f.form == "interview" for f in forms) and not problems:
        problems.append(Problem(str(folder), "", "no interview definition (form: interview)"))
    elif not any(f.form == "satisfaction" for f in forms) and not problems:
        problems.append(Problem(str(folder), "", "no satisfaction definition (form: satisfaction)"))
    elif not programs and not problems:
        problems.append(Problem(str(folder), "", "no programs definition (form: programs)"))
    return problems


def definition_files_count(folder: Path | str) -> int:
    return len(definition_files(Path(folder)))


def check_folder(folder: Path | str) -> list[Problem]:
    return scan(Path(folder))[1]


def load_forms(folder: Path | str | None = None) -> FormSet:
    """The definitions, checked; raises ``DefinitionError`` listing every problem."""
    forms, problems = scan(Path(folder) if folder is not None else default_forms_dir())
    if problems or forms is None:
        raise DefinitionError(problems)
    return forms
