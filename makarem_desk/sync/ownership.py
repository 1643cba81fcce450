"""Who may change what through a batch (POL-H5: only the research committee decides).

``site_id`` names the installation that last wrote a row.  A batch may change a row only
where its sender wrote it last; at the committee also an application that began at the
sending counter (its reference starts with the counter's code) and that the committee
has since decided.  A row of a third installation is never changed by an import, so a
batch can never pass a record to another owner.

A counter never decides: the status values and fields below are the committee's.  An
application whose decision fields a counter changed is kept out of the committee's
database and listed for review; a decisions batch carries those fields and nothing else.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..models import ApplicationStatus
from .errors import BatchRefused

S = ApplicationStatus
# What the committee answers; nobody else writes these.
COMMITTEE_DECISIONS = frozenset({S.ACCEPTED, S.REJECTED})
# The decision fields of an application.  ``decision_reason`` is also where a counter
# records why an applicant withdrew, so a counter may write it for a withdrawal only.
DECISION_FIELDS = ("status", "decision_reason", "decided_at", "decided_by")
WRITTEN_BY_COMMITTEE_ONLY = ("decided_at", "decided_by")
# The columns a decisions batch may carry: the decision fields and what identifies and
# orders a version of the row.
DECISIONS_BATCH_COLUMNS = frozenset(
    {"id", "site_id", "version", "updated_at", "reference", *DECISION_FIELDS}
)
# The statuses a committee may send: the part of the procedure that is its own
# (awaiting it, its answers, a withdrawal while with it).  Others only as the counter has them.
COMMITTEE_STATUSES = frozenset({S.SUBMITTED, S.ACCEPTED, S.REJECTED, S.WITHDRAWN})


# Definitions every installation loads from the same forms folder: a program's id follows
# from its code, so each counter sends its own copy of the program another counter sent
# first.  An identical copy changes nothing and is passed over; a different one is refused.
SHARED_DEFINITIONS: dict[str, tuple[str, ...]] = {
    "program": ("code", "name_ar", "name_en", "category", "checklist", "definition_hash",
                "active"),
}


def is_shared_copy(table: str, here: dict[str, Any] | None, incoming: dict[str, Any], *,
                   my_site: str, from_site: str) -> bool:
    """``incoming`` is the sender's copy of a definition a third installation sent, the
    same in every column that defines it."""
    columns = SHARED_DEFINITIONS.get(table)
    if columns is None or here is None or here["site_id"] in (my_site, from_site):
        return False
    return all(here.get(c) == incoming.get(c) for c in columns)


def reference_site(reference: Any) -> str:
    """The site code an application reference begins with (``RYD1-2026-000123``)."""
    return str(reference or "").split("-", 1)[0]


def record_name(table: str, values: dict[str, Any]) -> str:
    """How a refusal names a record: table, id and, for an application, its reference."""
    ref = values.get("reference")
    return f"{table} {values.get('id')}" + (f" ({ref})" if ref else "")


def check_owner(table: str, here: dict[str, Any], incoming: dict[str, Any], *,
                my_site: str, from_site: str) -> None:
    """Refuse a batch changing a row its sender does not own.  A row last written here is
    left to the conflict rules, except an application of another counter."""
    owner = here["site_id"]
    if owner == my_site and table == "application":
        owner = reference_site(here.get("reference"))
    if owner in (from_site, my_site):
        _same_reference(table, here, incoming, from_site)
        return
    name = record_name(table, {**incoming, "reference": here.get("reference")})
    if table in SHARED_DEFINITIONS:
        raise BatchRefused(
            f"The batch from {from_site} defines {name} otherwise than {owner} did; "
            "every installation must load the same forms folder. Nothing was imported.",
            message_ar=f"تعريف البرنامج في الدفعة من {from_site} يختلف عن تعريفه لدى {owner}؛ "
            "يجب أن تحمّل كل الأجهزة مجلد النماذج نفسه. لم يُستورد شيء.",
        )
    raise BatchRefused(
        f"The batch from {from_site} changes {name}, a record of {owner}; a batch may "
        "change only its sender's own records. Nothing was imported.",
        message_ar=f"تحاول الدفعة من {from_site} تعديل سجل يخص {owner} ({table}); "
        "لا تعدّل الدفعة إلا سجلات مرسلها. لم يُستورد شيء.",
    )


def _same_reference(table: str, here: dict[str, Any], incoming: dict[str, Any],
                    from_site: str) -> None:
    """An application keeps its reference: it says which counter the decision goes to."""
    if table == "application" and incoming.get("reference") != here.get("reference"):
        raise BatchRefused(
            f"The batch from {from_site} changes the reference of application {here['id']} "
            f"from {here.get('reference')} to {incoming.get('reference')}; a reference never "
            "changes. Nothing was imported.",
            message_ar="تحاول الدفعة تغيير رقم طلب؛ رقم الطلب لا يتغير. لم يُستورد شيء.",
        )


def check_new_application(values: dict[str, Any], from_site: str) -> None:
    """A counter makes applications under its own code only."""
    if reference_site(values.get("reference")) != from_site:
        raise BatchRefused(
            f"The batch from {from_site} brings {record_name('application', values)}, whose "
            f"reference is not one of {from_site}'s. Nothing was imported.",
            message_ar=f"تحتوي الدفعة من {from_site} طلباً برقم لا يخص مرسلها "
            f"({values.get('reference')}); لم يُستورد شيء.",
        )


@dataclass(frozen=True)
class Wording:
    en: str
    ar: str


def counter_decision_problem(here: dict[str, Any] | None,
                             incoming: dict[str, Any]) -> Wording | None:
    """Why an application sent by a counter changes what only the committee decides, or
    None.  ``here`` is the committee's row (None when the application is new to it)."""
    mine = here or {}
    status = _status(incoming.get("status"))
    held = _status(mine.get("status"))
    if status in COMMITTEE_DECISIONS and status != held:
        return Wording(
            f"the counter sent the status '{status.value}', which only the committee sets "
            f"(the committee holds '{held.value if held else 'nothing'}')",
            "أرسل الموقع حالة لا تقررها إلا لجنة البحث",
        )
    if held in COMMITTEE_DECISIONS and status != held:
        return Wording(
            f"the counter changed the committee's decision '{held.value}' to "
            f"'{status.value if status else ''}'",
            "غيّر الموقع قرار لجنة البحث",
        )
    for name in WRITTEN_BY_COMMITTEE_ONLY:
        if comparable(incoming.get(name)) != comparable(mine.get(name)):
            return Wording(f"the counter changed {name}, which only the committee writes",
                           "غيّر الموقع بيانات القرار التي لا تكتبها إلا لجنة البحث")
    reason_changed = comparable(incoming.get("decision_reason")) != comparable(mine.get("decision_reason"))
    if reason_changed and (held in COMMITTEE_DECISIONS or status is not S.WITHDRAWN):
        return Wording("the counter changed the decision reason without a withdrawal",
                       "غيّر الموقع سبب القرار دون انسحاب المتقدم")
    return None


def committee_status_problem(incoming: dict[str, Any],
                             here: dict[str, Any]) -> Wording | None:
    """Why a decisions batch's status is not the committee's to set, or None: drafts,
    missing items and eligibility are the counter's part of the procedure."""
    status = _status(incoming.get("status"))
    if status is None or status in COMMITTEE_STATUSES or status == _status(here.get("status")):
        return None
    return Wording(
        f"the committee sent the status '{status.value}', which only the counter sets",
        "أرسلت لجنة البحث حالة لا يضعها إلا الموقع",
    )


def _status(v: Any) -> ApplicationStatus | None:
    if v is None or isinstance(v, ApplicationStatus):
        return v
    try:
        return ApplicationStatus(v)
    except ValueError:
        return None


def comparable(v: Any) -> Any:
    """A decoded or JSON value in the form both compare equal in."""
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, uuid.UUID):
        return str(v)
    return v
