"""The main window reaches its screens through the protocols of ``ui.screens`` (issue 12):
each screen that has a protocol's methods takes the protocol's call, and the screens the
keys are for still take part (a renamed method would otherwise make a key do nothing)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from PySide6.QtWidgets import QWidget

import makarem_desk.ui as ui
from makarem_desk.ui import screens

PROTOCOLS = [obj for obj in vars(screens).values()
             if inspect.isclass(obj) and getattr(obj, "_is_protocol", False)
             and obj.__module__ == screens.__name__]


def _methods(protocol: type) -> dict[str, inspect.Signature]:
    return {name: inspect.signature(member) for name, member in vars(protocol).items()
            if inspect.isfunction(member) and not name.startswith("_")}


def _screen_classes() -> list[type]:
    found = {}
    for info in pkgutil.iter_modules(ui.__path__):
        module = importlib.import_module(f"makarem_desk.ui.{info.name}")
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, QWidget) \
                    and obj.__module__ == module.__name__:
                found[obj.__qualname__ + obj.__module__] = obj
    return list(found.values())


def test_each_screen_takes_the_calls_of_its_protocols() -> None:
    assert len(PROTOCOLS) >= 6
    bad = []
    for cls in _screen_classes():
        for protocol in PROTOCOLS:
            methods = _methods(protocol)
            if not all(callable(getattr(cls, m, None)) for m in methods):
                continue
            for name, wanted in methods.items():
                args = [object()] * (len(wanted.parameters) - 1)  # without self
                try:
                    inspect.signature(getattr(cls, name)).bind(object(), *args)
                except TypeError as exc:
                    bad.append(f"{cls.__name__}.{name} as {protocol.__name__}: {exc}")
    assert bad == []


def test_the_screens_the_keys_are_for_take_part() -> None:
    from makarem_desk.ui.contact_view import ContactView
    from makarem_desk.ui.interview_view import InterviewView
    from makarem_desk.ui.profile_view import ProfileView
    from makarem_desk.ui.search_view import SearchView
    from makarem_desk.ui.today_view import TodayView

    def takes(cls: type, protocol: type) -> bool:
        return all(callable(getattr(cls, m, None)) for m in _methods(protocol))

    expected: dict[type, list[type]] = {
        screens.SavesWork: [InterviewView, ContactView],
        screens.PrintsCurrent: [InterviewView, ProfileView],
        screens.StartsForBeneficiary: [InterviewView, ContactView],
        screens.OffersNewWork: [ProfileView, SearchView, TodayView],
        screens.HoldsTyping: [ContactView],
        screens.Refreshes: [InterviewView, TodayView],
    }
    assert set(expected) == set(PROTOCOLS)
    missing = [(p.__name__, c.__name__) for p, classes in expected.items() for c in classes
               if not takes(c, p)]
    assert missing == []


def test_the_protocols_are_runtime_checkable() -> None:
    for protocol in PROTOCOLS:
        assert getattr(protocol, "_is_runtime_protocol", False), protocol
