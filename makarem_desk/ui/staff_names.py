"""How the interface names a member of staff: the role's title and the person.

One rule for every screen: a person is named by their full name, else by their role; never
by the user name, which is a log-in, not a name a receptionist would know."""

from __future__ import annotations

from ..permissions import ROLE_LABELS_AR
from ..values import Role
from .i18n import current_language

# The Arabic titles are the policy's (permissions.ROLE_LABELS_AR); these are their English.
ROLE_LABELS_EN = {
    Role.RECEPTIONIST: "Beneficiary relations officer",
    Role.SOCIAL_RESEARCHER: "Social research officer",
    Role.COMMITTEE_MEMBER: "Research committee member",
    Role.ADMINISTRATOR: "Administrator",
}


def role_label(role: Role) -> str:
    return ROLE_LABELS_AR[role] if current_language() == "ar" else ROLE_LABELS_EN[role]


def staff_label(full_name: str, role: Role | None) -> str:
    """The person as the screens name them; "—" for someone this installation does not
    know (no name and no role to show)."""
    name = " ".join(full_name.split())
    if name:
        return name
    return role_label(role) if role is not None else "—"
