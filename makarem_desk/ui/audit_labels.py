"""Readable names for the audit trail's actions and records, and its details as text.

An action the table does not know keeps its raw name: a new kind of event is shown at once,
just less prettily, until it is named here.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AuditLabels"

ACTIONS = {
    # signing in and out
    "login": QT_TRANSLATE_NOOP("AuditLabels", "Signed in"),
    "login_failed": QT_TRANSLATE_NOOP("AuditLabels", "Sign-in failed"),
    "logout": QT_TRANSLATE_NOOP("AuditLabels", "Signed out"),
    "session_locked": QT_TRANSLATE_NOOP("AuditLabels", "Screen locked"),
    "session_unlocked": QT_TRANSLATE_NOOP("AuditLabels", "Screen unlocked"),
    "locked_session_ended": QT_TRANSLATE_NOOP("AuditLabels", "Locked session ended"),
    "locked_session_ended_refused": QT_TRANSLATE_NOOP("AuditLabels",
                                                      "Ending a locked session refused"),
    # administration
    "setup": QT_TRANSLATE_NOOP("AuditLabels", "Installation set up"),
    "user_created": QT_TRANSLATE_NOOP("AuditLabels", "User created"),
    "user_disabled": QT_TRANSLATE_NOOP("AuditLabels", "User disabled"),
    "user_enabled": QT_TRANSLATE_NOOP("AuditLabels", "User enabled"),
    "user_role_changed": QT_TRANSLATE_NOOP("AuditLabels", "User's role changed"),
    "user_language_changed": QT_TRANSLATE_NOOP("AuditLabels", "Language changed"),
    "password_changed": QT_TRANSLATE_NOOP("AuditLabels", "Password changed"),
    "password_reset": QT_TRANSLATE_NOOP("AuditLabels", "Password reset"),
    "password_hash_upgraded": QT_TRANSLATE_NOOP("AuditLabels", "Password protection upgraded"),
    "association_updated": QT_TRANSLATE_NOOP("AuditLabels", "Association details changed"),
    "settings_changed": QT_TRANSLATE_NOOP("AuditLabels", "Settings changed"),
    "keys_created": QT_TRANSLATE_NOOP("AuditLabels", "Keys created"),
    "public_key_exported": QT_TRANSLATE_NOOP("AuditLabels", "Public key exported"),
    "peer_trusted": QT_TRANSLATE_NOOP("AuditLabels", "Installation trusted"),
    "peer_untrusted": QT_TRANSLATE_NOOP("AuditLabels", "Trust withdrawn"),
    "program_added": QT_TRANSLATE_NOOP("AuditLabels", "Program added"),
    "program_updated": QT_TRANSLATE_NOOP("AuditLabels", "Program changed"),
    "program_deactivated": QT_TRANSLATE_NOOP("AuditLabels", "Program withdrawn"),
    "forms_applied": QT_TRANSLATE_NOOP("AuditLabels", "Forms folder installed"),
    "forms_apply_refused": QT_TRANSLATE_NOOP("AuditLabels", "Forms folder refused"),
    "backup_created": QT_TRANSLATE_NOOP("AuditLabels", "Backup made"),
    "backup_made": QT_TRANSLATE_NOOP("AuditLabels", "Backup made"),  # what BackupService records
    "backup_failed": QT_TRANSLATE_NOOP("AuditLabels", "Backup failed"),
    "backup_settings_changed": QT_TRANSLATE_NOOP("AuditLabels", "Backup settings changed"),
    "database_restored": QT_TRANSLATE_NOOP("AuditLabels", "Database restored"),
    "restore_refused": QT_TRANSLATE_NOOP("AuditLabels", "Restore refused"),
    "library_document_added": QT_TRANSLATE_NOOP("AuditLabels", "Library document added"),
    "library_document_removed": QT_TRANSLATE_NOOP("AuditLabels",
                                                  "Library document removed"),
    # beneficiaries and the walk-in path
    "beneficiary.register": QT_TRANSLATE_NOOP("AuditLabels", "Beneficiary registered"),
    "beneficiary_registered": QT_TRANSLATE_NOOP("AuditLabels", "Beneficiary registered"),
    "beneficiary.update": QT_TRANSLATE_NOOP("AuditLabels", "Beneficiary's data changed"),
    "beneficiary_updated": QT_TRANSLATE_NOOP("AuditLabels", "Beneficiary's data changed"),
    "beneficiary.import": QT_TRANSLATE_NOOP("AuditLabels", "Beneficiaries imported"),
    "beneficiaries_imported": QT_TRANSLATE_NOOP("AuditLabels", "Beneficiaries imported"),
    "beneficiaries_import_refused": QT_TRANSLATE_NOOP("AuditLabels",
                                                      "Beneficiaries import refused"),
    "draft_started": QT_TRANSLATE_NOOP("AuditLabels", "Interview started"),
    "draft_finished": QT_TRANSLATE_NOOP("AuditLabels", "Interview finished"),
    "draft_abandoned": QT_TRANSLATE_NOOP("AuditLabels", "Interview abandoned"),
    "application_opened": QT_TRANSLATE_NOOP("AuditLabels", "Application opened"),
    "application_updated": QT_TRANSLATE_NOOP("AuditLabels", "Application changed"),
    "application_items_provided": QT_TRANSLATE_NOOP("AuditLabels", "Missing items provided"),
    "application_submitted": QT_TRANSLATE_NOOP("AuditLabels", "Application submitted"),
    "application_closed_not_eligible": QT_TRANSLATE_NOOP("AuditLabels",
                                                         "Application closed: not eligible"),
    "application_marked_incomplete": QT_TRANSLATE_NOOP("AuditLabels",
                                                       "Registration waiting for items"),
    "application_withdrawn": QT_TRANSLATE_NOOP("AuditLabels", "Application withdrawn"),
    "application_decided": QT_TRANSLATE_NOOP("AuditLabels", "Application decided"),
    "application_completed": QT_TRANSLATE_NOOP("AuditLabels", "Application completed"),
    "service_delivered": QT_TRANSLATE_NOOP("AuditLabels", "Service delivered"),
    "declaration_prepared": QT_TRANSLATE_NOOP("AuditLabels", "Declaration prepared"),
    "declaration_signed": QT_TRANSLATE_NOOP("AuditLabels", "Declaration signed"),
    "declaration_printed": QT_TRANSLATE_NOOP("AuditLabels", "Declaration printed"),
    "declaration_preview_printed": QT_TRANSLATE_NOOP("AuditLabels",
                                                     "Unsigned declaration printed"),
    "declaration_reprinted": QT_TRANSLATE_NOOP("AuditLabels", "Declaration reprinted"),
    "declaration_translation_printed": QT_TRANSLATE_NOOP("AuditLabels",
                                                         "Declaration translation printed"),
    "receipt_printed": QT_TRANSLATE_NOOP("AuditLabels", "Receipt printed"),
    "decision_letter_printed": QT_TRANSLATE_NOOP("AuditLabels", "Decision letter printed"),
    "decision_letter_numbered": QT_TRANSLATE_NOOP("AuditLabels",
                                                  "Decision letter given its outgoing number"),
    "decision_told": QT_TRANSLATE_NOOP("AuditLabels", "Beneficiary told of the decision"),
    "items_followed_up": QT_TRANSLATE_NOOP("AuditLabels", "Missing items followed up"),
    "contact_recorded": QT_TRANSLATE_NOOP("AuditLabels", "Contact recorded"),
    "contact_linked": QT_TRANSLATE_NOOP("AuditLabels", "Contact linked to a beneficiary"),
    "contact_finished": QT_TRANSLATE_NOOP("AuditLabels", "Contact finished"),
    "referral_made": QT_TRANSLATE_NOOP("AuditLabels", "Referred to the social researcher"),
    "referral_answered": QT_TRANSLATE_NOOP("AuditLabels", "Referral answered"),
    "satisfaction_recorded": QT_TRANSLATE_NOOP("AuditLabels", "Satisfaction recorded"),
    "suggestion_followed_up": QT_TRANSLATE_NOOP("AuditLabels", "Suggestion followed up"),
    "report_exported": QT_TRANSLATE_NOOP("AuditLabels", "Report exported"),
    # the exchange with the committee
    "sync_export": QT_TRANSLATE_NOOP("AuditLabels", "Batch exported"),
    "sync_import": QT_TRANSLATE_NOOP("AuditLabels", "Batch imported"),
    "sync_import_refused": QT_TRANSLATE_NOOP("AuditLabels", "Batch refused"),
    "sync_import_held": QT_TRANSLATE_NOOP("AuditLabels", "Batch kept aside"),
    "sync_recreate": QT_TRANSLATE_NOOP("AuditLabels", "Batch re-created"),
    "sync_conflict_resolved": QT_TRANSLATE_NOOP("AuditLabels", "Conflict settled"),
    "sync_counter_decision_refused": QT_TRANSLATE_NOOP("AuditLabels",
                                                       "Decision from a counter refused"),
}

ENTITIES = {
    "application": QT_TRANSLATE_NOOP("AuditLabels", "Application"),
    "beneficiary": QT_TRANSLATE_NOOP("AuditLabels", "Beneficiary"),
    "person": QT_TRANSLATE_NOOP("AuditLabels", "Person"),
    "contact": QT_TRANSLATE_NOOP("AuditLabels", "Contact"),
    "declaration": QT_TRANSLATE_NOOP("AuditLabels", "Declaration"),
    "referral": QT_TRANSLATE_NOOP("AuditLabels", "Referral"),
    "satisfaction": QT_TRANSLATE_NOOP("AuditLabels", "Satisfaction response"),
    "interview_draft": QT_TRANSLATE_NOOP("AuditLabels", "Interview in progress"),
    "user": QT_TRANSLATE_NOOP("AuditLabels", "User"),
    "site": QT_TRANSLATE_NOOP("AuditLabels", "Installation"),
    "program": QT_TRANSLATE_NOOP("AuditLabels", "Program"),
    "forms": QT_TRANSLATE_NOOP("AuditLabels", "Forms folder"),
    "sync_batch": QT_TRANSLATE_NOOP("AuditLabels", "Batch"),
    "conflict": QT_TRANSLATE_NOOP("AuditLabels", "Conflict"),
    "database": QT_TRANSLATE_NOOP("AuditLabels", "Database"),
    "keys": QT_TRANSLATE_NOOP("AuditLabels", "Keys"),
    "settings": QT_TRANSLATE_NOOP("AuditLabels", "Settings"),
    "report": QT_TRANSLATE_NOOP("AuditLabels", "Report"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_label(action: str) -> str:
    known = ACTIONS.get(action)
    return _tr(str(known)) if known else action


def entity_label(entity: str) -> str:
    known = ENTITIES.get(entity)
    return _tr(str(known)) if known else entity


def value_text(value: Any) -> str:
    """One value of an event's details, as a person reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("AuditLabels", "yes")
        return QCoreApplication.translate("AuditLabels", "no")
    if isinstance(value, list):
        return "، ".join(value_text(v) for v in value) if value else "—"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(v)}" for k, v in value.items())
    return str(value)


def changed_fields(details: dict[str, Any]) -> list[str]:
    before, after = details.get("before"), details.get("after")
    keys: list[str] = []
    for side in (before, after):
        if isinstance(side, dict):
            keys += [k for k in side if k not in keys]
    return keys


def details_line(details: dict[str, Any], limit: int = 140) -> str:
    """The details in one line for the table (the pane below shows them whole)."""
    parts = []
    fields = changed_fields(details)
    if fields:
        changed = QCoreApplication.translate("AuditLabels", "changed: %1")
        parts.append(changed.replace("%1", ", ".join(fields)))
    for key, value in details.items():
        if key in ("before", "after") and fields:
            continue
        parts.append(f"{key}: {value_text(value)}")
    text = " · ".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def details_html(details: dict[str, Any], rtl: bool) -> str:
    """Before/after as a table, the other details as labelled lines (never raw JSON)."""
    direction = "rtl" if rtl else "ltr"
    out = []
    fields = changed_fields(details)
    if fields:
        before = details.get("before") if isinstance(details.get("before"), dict) else {}
        after = details.get("after") if isinstance(details.get("after"), dict) else {}
        rows = "".join(
            f"<tr><td><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(value_text(before.get(k)))}</td>"  # type: ignore[union-attr]
            f"<td>{html.escape(value_text(after.get(k)))}</td></tr>"  # type: ignore[union-attr]
            for k in fields)
        heads = "".join(f"<th>{html.escape(h)}</th>" for h in (
            QCoreApplication.translate("AuditLabels", "Field"),
            QCoreApplication.translate("AuditLabels", "Before"),
            QCoreApplication.translate("AuditLabels", "After")))
        out.append(
            f'<table dir="{direction}" border="1" cellspacing="0" cellpadding="4" width="100%">'
            f"<tr>{heads}</tr>{rows}</table>")
    for key, value in details.items():
        if key in ("before", "after") and fields:
            continue
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            items = "".join(f"<li>{html.escape(v)}</li>" for v in value)
            out.append(f'<p dir="{direction}"><b>{html.escape(key)}</b>:</p><ul>{items}</ul>')
            continue
        if isinstance(value, dict | list):
            shown = value_text(value) if _flat(value) else json.dumps(
                value, ensure_ascii=False, indent=1, default=str)
        else:
            shown = value_text(value)
        out.append(f'<p dir="{direction}"><b>{html.escape(key)}</b>: '
                   f"{html.escape(shown)}</p>")
    none = QCoreApplication.translate("AuditLabels", "No details.")
    return "".join(out) or f"<p>{html.escape(none)}</p>"


def _flat(value: dict[str, Any] | list[Any]) -> bool:
    items = value.values() if isinstance(value, dict) else value
    return all(not isinstance(v, dict | list) or (isinstance(v, list) and _flat(v))
               for v in items)
