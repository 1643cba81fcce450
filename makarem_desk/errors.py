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
