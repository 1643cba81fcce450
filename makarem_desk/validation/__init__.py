"""Validation of what staff type at the counter and what spreadsheets hold (POL-H2).

Plain Python, no Qt. Every check raises :class:`ValidationError` naming the field, the rule
and the message in English and Arabic.
"""

from .errors import ValidationError

__all__ = ["ValidationError"]
