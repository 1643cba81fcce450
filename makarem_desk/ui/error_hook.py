"""The global exception hook: an unexpected error is logged and shown, never fatal.

Nothing a receptionist typed is lost: the hook does not close windows, and interview
drafts are saved after every step by the flow itself.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from ..errors import UserError
from .dialogs import Dialogs

log = logging.getLogger("makarem_desk.ui")


def install_exception_hook(dialogs: Callable[[], Dialogs]) -> Callable[..., None]:
    previous = sys.excepthook
    busy = [False]

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        if isinstance(exc, UserError):
            log.info("user error: %s", exc.message)
            details = ""
        else:
            log.error("unexpected error\n%s", details)
        if busy[0]:  # an error inside the error dialog: log only, no dialog storm
            return
        busy[0] = True
        try:
            dialogs().show_error(None, exc, details)
        except Exception:  # the dialog itself failed; the log has it
            log.exception("cannot show the error dialog")
        finally:
            busy[0] = False

    sys.excepthook = hook
    return hook
