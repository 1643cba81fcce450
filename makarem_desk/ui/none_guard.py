"""Keeps ``None`` alive under PySide6 6.12 on CPython 3.11.

That pairing drops one reference to ``None`` on every call of a Qt method that returns
nothing (``setText``, ``setItem``, a delegate's ``initStyleOption`` …).  None is never
freed while something refers to it, but once its count reaches zero the interpreter aborts
("none_dealloc: deallocating None"): a few tens of thousands of such calls — a morning at
the counter, or the Follow-up lists of a real database — and the desk dies.  CPython 3.12
made None immortal (PEP 683); on older versions its count is raised here so far that no
session can drain it, which is what 3.12 does."""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > _HEADROOM // 2:
        return  # immortal already, or raised by an earlier call
    # ob_refcnt is the first field of every object in CPython's (non-debug) layout.
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
