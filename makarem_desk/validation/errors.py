"""The error every validator raises: which field, which rule, and what to tell the user."""

from __future__ import annotations

from ..errors import UserError


class ValidationError(UserError):
    """A value a person typed (or a spreadsheet held) breaks one rule.

    ``field`` names the input it belongs to (the interface shows the message beside that
    field), ``code`` names the rule in a stable, machine-readable way (tests and the import
    report use it), ``message`` is plain English and ``message_ar`` is the Arabic wording.
    """

    def __init__(self, field: str, code: str, message: str, message_ar: str):
        super().__init__(message, message_ar=message_ar)
        self.field = field
        self.code = code

    def with_field(self, field: str) -> ValidationError:
        """The same problem reported against another input (e.g. ``phone_alt``)."""
        return ValidationError(field, self.code, self.message, self.message_ar)

    def __repr__(self) -> str:
        return f"ValidationError(field={self.field!r}, code={self.code!r}, {self.message!r})"
