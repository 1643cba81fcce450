"""A basic e-mail check: one @, a dotted domain, no spaces; the domain lower-cased."""

from __future__ import annotations

import re

from .errors import ValidationError
from .names import strip_invisible

EMAIL_MAX = 254
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def validate_email(raw: str | None, field: str = "email") -> str:
    """The address with its domain lower-cased, or "" when nothing was entered."""
    text = strip_invisible(raw or "").strip()
    if not text:
        return ""
    local, at, domain = text.rpartition("@")
    domain = domain.lower()
    labels = domain.split(".")
    ok = (
        bool(at)
        and len(text) <= EMAIL_MAX
        and 0 < len(local) <= 64
        and _LOCAL.fullmatch(local) is not None
        and not local.startswith(".")
        and not local.endswith(".")
        and ".." not in local
        and len(labels) >= 2
        and all(_LABEL.fullmatch(label) for label in labels)
        and not labels[-1].isdigit()
    )
    if not ok:
        raise ValidationError(
            field,
            "invalid",
            "The e-mail address is not valid (expected name@example.com).",
            "البريد الإلكتروني غير صحيح (مثال: name@example.com).",
        )
    return f"{local}@{domain}"
