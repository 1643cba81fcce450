"""Who is acting, and what their role allows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..errors import PermissionDenied
from ..models import Role
from ..permissions import ROLE_LABELS_AR


@dataclass(frozen=True)
class Actor:
    """The signed-in member of staff (or the system, for imports and the command line)."""

    user_id: uuid.UUID | None
    username: str
    full_name: str
    role: Role

    def require(self, *roles: Role, action: str = "") -> None:
        """Refuse unless the actor holds one of ``roles`` (administrators hold every role)."""
        if self.role is Role.ADMINISTRATOR or self.role in roles:
            return
        what = f" to {action}" if action else ""
        raise PermissionDenied(
            f"Your role ({self.role.value}) is not allowed{what}.",
            message_ar=f"صلاحيتك ({ROLE_LABELS_AR[self.role]}) لا تسمح بهذا الإجراء.",
        )


SYSTEM = Actor(user_id=None, username="system", full_name="النظام", role=Role.ADMINISTRATOR)
