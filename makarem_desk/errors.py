"""Errors a person can act on. Their message is shown as it is, with no traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; the command line exits 1 with this message."""

    def __init__(self, message: str, *, message_ar: str | None = None):
        super().__init__(message)
        self.message = message
        self.message_ar = message_ar or message


class PermissionDenied(UserError):
    pass


class PolicyViolation(UserError):
    """An action the association's policy does not allow (cites the POL id)."""


class ConcurrentChange(UserError):
    """Someone else saved the same record between this reading and this saving it (the
    record's version moved on): nothing of this change was saved."""

    def __init__(self, message: str | None = None, *, message_ar: str | None = None):
        super().__init__(
            message or "Someone else changed this record at the same time; open it again "
                       "and try once more.",
            message_ar=message_ar or "غيّر شخص آخر هذا السجل في الوقت نفسه؛ أعد فتحه وحاول "
                                     "مرة أخرى.",
        )
