"""Identity numbers never reach a log file or the console log.

A Saudi national ID or iqama number is ten digits beginning with 1 or 2; staff type them
in Arabic-Indic digits as often as in Latin ones.  The filter masks every such number in a
log record's message, its arguments, its exception text and stack, whichever module wrote
it (an error message quoting the number, a traceback of a failed import).  It sits on the
handlers, not on a logger: a logger's filter does not see records propagated from its
children, a handler's sees every record it writes.
"""

from __future__ import annotations

import logging
import re

# Latin, Arabic-Indic and Eastern Arabic-Indic (Persian) digits, as text.py accepts them.
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_IDENTITY_NUMBER = re.compile(
    rf"(?<![{_DIGIT}])([12\u0661\u0662\u06f1\u06f2])[{_DIGIT}]{{9}}(?![{_DIGIT}])"
)
MASK_TAIL = "*" * 9


def mask_identity_numbers(text: str) -> str:
    """Keep the first digit (national ID or iqama, useful to support), hide the rest."""
    return _IDENTITY_NUMBER.sub(lambda m: m.group(1) + MASK_TAIL, text)


class IdentityNumberFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record: logging reports it itself
            return True
        record.msg, record.args = mask_identity_numbers(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_identity_numbers(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_identity_numbers(record.stack_info)
        return True


def install_identity_mask(logger: logging.Logger | None = None) -> None:
    """Put the filter on every handler of ``logger`` (the root logger by default); call it
    again after adding a handler.  Installing twice adds nothing."""
    for handler in (logger or logging.getLogger()).handlers:
        if not any(isinstance(f, IdentityNumberFilter) for f in handler.filters):
            handler.addFilter(IdentityNumberFilter())
