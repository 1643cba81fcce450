"""Who may do what, where: one matrix for every public service entry point.

Two roles decide each permission: the signed-in user's (receptionist, social researcher,
committee member, administrator) and this installation's (a counter, ``site``, or the
research committee, ``committee``).  The installation role comes from the database's own
site row, never from the caller, so a counter cannot grant itself the committee's powers
(the committee alone decides applications, POL-H5).

``MATRIX`` names every public method of every ``*Service`` class as "Class.method"; a test
enumerates the services and fails on a method missing here, and a second test calls every
denied cell and expects ``PermissionDenied``.  Service methods apply it with ``@guarded``.
"""

from __future__ import annotations

import enum
import functools
import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar, cast

from .errors import PermissionDenied
from .models import Role


class InstallationRole(enum.StrEnum):
    SITE = "site"  # a reception counter
    COMMITTEE = "committee"  # the research committee (لجنة البحث)


INSTALLATION_LABELS_AR = {
    InstallationRole.SITE: "نقطة استقبال (فرع)",
    InstallationRole.COMMITTEE: "لجنة البحث",
}

ROLE_LABELS_AR = {
    Role.RECEPTIONIST: "موظف علاقات المستفيدين",
    Role.SOCIAL_RESEARCHER: "مسؤول البحث الاجتماعي",
    Role.COMMITTEE_MEMBER: "عضو لجنة البحث",
    Role.ADMINISTRATOR: "مدير النظام",
}

Rule = Mapping[InstallationRole, frozenset[Role]]


class _Public:
    """Marker: the entry point needs no signed-in person (log-in, first-run set-up)."""

    def __repr__(self) -> str:
        return "PUBLIC"


PUBLIC = _Public()

R, SR, CM, AD = (Role.RECEPTIONIST, Role.SOCIAL_RESEARCHER, Role.COMMITTEE_MEMBER,
                 Role.ADMINISTRATOR)
SITE, COMMITTEE = InstallationRole.SITE, InstallationRole.COMMITTEE
ALL_ROLES = frozenset(Role)


def rule(*, site: Iterable[Role] = (), committee: Iterable[Role] = ()) -> Rule:
    return {SITE: frozenset(site), COMMITTEE: frozenset(committee)}


def everywhere(*roles: Role) -> Rule:
    return rule(site=roles, committee=roles)


STAFF = everywhere(*ALL_ROLES)
ADMIN_ONLY = everywhere(AD)
COUNTER_WORK = rule(site=(R, SR, AD))  # the walk-in path happens at a counter only
RESEARCH = rule(site=(SR, AD), committee=(CM, AD))
COMMITTEE_ONLY = rule(committee=(CM, AD))
# Reading records: every member of staff at a counter; at the committee its members and
# administrator (a counter account kept on the committee's machine reads nothing there).
READS = rule(site=ALL_ROLES, committee=(CM, AD))

# Filled by the service modules' own entries (``register``) so that each rule sits beside
# the code it guards in review, yet one table answers "who may do what" (``describe``).
MATRIX: dict[str, Rule | _Public] = {}


def register(entries: Mapping[str, Rule | _Public]) -> None:
    for key, value in entries.items():
        if key in MATRIX and MATRIX[key] != value:
            raise RuntimeError(f"permission {key} defined twice")
        MATRIX[key] = value


# The modules whose ``register`` fills the matrix (tests/test_permission_matrix.py keeps
# the list whole).  ``allowed`` loads them when it meets a permission not yet registered,
# so that its answer never depends on what happened to be imported before.
RULE_MODULES = tuple(f"makarem_desk.{name}" for name in (
    "backups", "documents.service", "importer.beneficiaries", "reports.export",
    "reports.figures", "search", "services.applications", "services.audit_trail",
    "services.auth", "services.beneficiaries", "services.channel_figures",
    "services.contacts", "services.dashboard", "services.declarations", "services.drafts",
    "services.follow_up", "services.forms_admin", "services.library", "services.profile",
    "services.programs", "services.referrals", "services.satisfaction", "services.setup",
    "services.site_settings", "sync.committee", "sync.key_service", "sync.service",
))


def load_rules() -> None:
    for name in RULE_MODULES:
        importlib.import_module(name)


def allowed(permission: str, role: Role, installation: InstallationRole) -> bool:
    entry = MATRIX.get(permission)
    if entry is None:
        load_rules()
        entry = MATRIX.get(permission)
    if entry is None:
        return False  # not in the matrix: denied, and a test names it
    if isinstance(entry, _Public):
        return True
    return role in entry.get(installation, frozenset())


class _HasRole(Protocol):
    @property
    def role(self) -> Role: ...


def authorize(actor: _HasRole | None, installation: InstallationRole, permission: str) -> None:
    """Refuse unless the matrix lets ``actor`` do ``permission`` at this installation."""
    if isinstance(MATRIX.get(permission), _Public):
        return
    if actor is None:
        raise PermissionDenied("Sign in first.", message_ar="سجّل الدخول أولًا.")
    if allowed(permission, actor.role, installation):
        return
    where_en = "the research committee" if installation is COMMITTEE else "a counter"
    raise PermissionDenied(
        f"Your role ({actor.role.value}) may not do this at {where_en} ({permission}).",
        message_ar=f"صلاحيتك ({ROLE_LABELS_AR[actor.role]}) لا تسمح بهذا الإجراء في "
        f"{INSTALLATION_LABELS_AR[installation]}.",
    )


class _HasInstallation(Protocol):
    @property
    def installation_role(self) -> InstallationRole: ...


class _Guardable(Protocol):
    db: Any


S = TypeVar("S", bound=_Guardable)
A = TypeVar("A")
P = ParamSpec("P")
T = TypeVar("T")


def guarded(fn: Callable[Concatenate[S, A, P], T]) -> Callable[Concatenate[S, A, P], T]:
    """Check the matrix before the method body runs; the first argument is the actor."""
    name = fn.__name__

    @functools.wraps(fn)
    def wrapper(self: S, actor: A, *args: P.args, **kwargs: P.kwargs) -> T:
        key = f"{type(self).__name__}.{name}"
        authorize(actor, self.db.installation_role, key)  # type: ignore[arg-type]
        return fn(self, actor, *args, **kwargs)

    wrapper.__guarded__ = True  # type: ignore[attr-defined]
    return cast("Callable[Concatenate[S, A, P], T]", wrapper)  # what functools.wraps made


def describe() -> list[tuple[str, str, str]]:
    """(permission, installation, roles) rows, for the README and the administrator."""
    rows = []
    for key in sorted(MATRIX):
        entry = MATRIX[key]
        if isinstance(entry, _Public):
            rows.append((key, "*", "anyone (before sign-in)"))
            continue
        for inst in InstallationRole:
            roles = sorted(r.value for r in entry.get(inst, frozenset()))
            rows.append((key, inst.value, ", ".join(roles) or "-"))
    return rows
