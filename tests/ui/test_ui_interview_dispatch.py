"""Every step of the interview has a page, and every page is a whole ``InterviewPage``
(issue 12): the wizard calls the protocol's methods directly, never through getattr."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from makarem_desk.interview.flow import Step
from makarem_desk.ui import interview_items, interview_pages, interview_steps
from makarem_desk.ui.interview_pages import InterviewPage
from makarem_desk.ui.interview_steps import PAGE_BUILDERS

UI = Path(interview_pages.__file__).parent
PROTOCOL_METHODS = {name for name, member in vars(InterviewPage).items()
                    if inspect.isfunction(member) and not name.startswith("_")}


def test_every_step_has_a_page() -> None:
    assert set(PAGE_BUILDERS) == set(Step)


def _page_classes() -> list[type]:
    """The classes whose objects the builders return (their return statements)."""
    names: set[str] = set()
    for builder in set(PAGE_BUILDERS.values()):
        for node in ast.walk(ast.parse(inspect.getsource(builder).strip())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id.endswith("Page"):
                names.add(node.func.id)
    modules = (interview_items, interview_pages, interview_steps)
    return [next(getattr(m, n) for m in modules if hasattr(m, n)) for n in sorted(names)]


def test_every_page_implements_the_whole_protocol() -> None:
    assert PROTOCOL_METHODS == {"widget", "first_focus", "answers", "set_answers",
                                "show_errors", "document"}
    classes = _page_classes()
    assert len(classes) >= 9, classes
    for cls in classes:
        missing = {m for m in PROTOCOL_METHODS if not callable(getattr(cls, m, None))}
        assert not missing, f"{cls.__name__} lacks {missing}"


def test_the_wizard_drives_pages_without_getattr() -> None:
    for name in ("interview_view.py", "interview_keys.py", "interview_steps.py",
                 "interview_pages.py"):
        tree = ast.parse((UI / name).read_text(encoding="utf-8"))
        calls = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr")]
        assert calls == [], f"{name}: getattr/hasattr at lines {calls}"
