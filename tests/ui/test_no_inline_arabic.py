"""Every interface string goes through Qt Linguist (issue 12, point 9): no Arabic written in
the code of ``ui/`` and no two-language ``t(ar, en)`` helper, which Qt Linguist, the
pseudo-string run and the translation test cannot see. The Arabic lives in the .ts."""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "makarem_desk" / "ui"

# Modules whose Arabic is data, not interface text.
DATA_MODULES = {
    # `make screenshots`' sample records (names, addresses, a guide's text): what a
    # receptionist would type, not what the interface says.
    "screenshots.py",
    "sync_screenshots.py",
}
# Single values that are data.
DATA_VALUES = {
    # The name of a language is written in that language in both interfaces (it is how a
    # person who cannot read the current one finds theirs).
    ("settings_view.py", "العربية"),
    ("survey_view.py", "العربية"),
}



def _arabic_letters(text: str) -> bool:
    # Letters only: the Arabic comma "،" between list items is punctuation chosen by
    # language, and Arabic-Indic digits are digits.
    return any(unicodedata.category(ch).startswith("L") and unicodedata.name(ch, "")
               .startswith("ARABIC") for ch in text)


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)):
            ids.add(id(body[0].value))
    return ids


def problems(source: str, name: str) -> list[str]:
    """What in ``source`` bypasses Qt Linguist: Arabic string literals (outside
    docstrings) and two-language helpers (a ``t`` defined with, or called with, two
    texts)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        # As typed in the file: "\u06ff" as a bound of a range is no Arabic text.
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in skip and _arabic_letters(node.value)
                and _arabic_letters(ast.get_source_segment(source, node) or node.value)):
            found.append(f"{name}:{node.lineno}: Arabic in the code: {node.value!r}")
        elif isinstance(node, ast.FunctionDef) and node.name == "t":
            params = [a.arg for a in node.args.args if a.arg not in ("self", "cls")]
            if len(params) >= 2:
                found.append(f"{name}:{node.lineno}: a two-language helper t({', '.join(params)})")
        elif isinstance(node, ast.Call) and len(node.args) >= 2 and (
                (isinstance(node.func, ast.Name) and node.func.id == "t")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "t")):
            found.append(f"{name}:{node.lineno}: a call of a two-language t()")
    return found


def _ui_problems() -> tuple[list[str], set[tuple[str, str]]]:
    allowed = DATA_VALUES
    seen: set[tuple[str, str]] = set()
    found = []
    for path in sorted(UI.glob("*.py")):
        if path.name in DATA_MODULES:
            continue
        for problem in problems(path.read_text(encoding="utf-8"), path.name):
            literal = problem.split("Arabic in the code: ", 1)
            key = (path.name, ast.literal_eval(literal[1])) if len(literal) == 2 else None
            if key in allowed:
                seen.add(key)
            else:
                found.append(problem)
    return found, seen


def test_no_arabic_or_two_language_helper_in_the_interface_code() -> None:
    found, _ = _ui_problems()
    assert found == [], "put the English in tr() and the Arabic in the .ts:\n" + "\n".join(found)


def test_every_allowed_value_is_still_there() -> None:
    _, seen = _ui_problems()
    listed = {e for e in DATA_VALUES if (UI / e[0]).exists()}
    stale = listed - seen
    assert not stale, f"no longer in the code, take them off the list: {stale}"


def test_the_check_finds_what_it_is_for() -> None:
    sample = '''
"""A docstring may quote Arabic: «نعم»."""
def t(ar, en):
    return ar
label = t("نعم", "Yes")
sep = "، "
last = "\\u06ff"
title = self.tr("Yes")
entity = {"beneficiary": "مستفيد"}
'''
    found = problems(sample, "sample.py")
    assert [f.split(": ", 1)[1] for f in found] == [
        "a two-language helper t(ar, en)",
        "a call of a two-language t()",
        "Arabic in the code: 'نعم'",
        "Arabic in the code: 'مستفيد'",
    ]
