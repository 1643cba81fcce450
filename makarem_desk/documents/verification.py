"""Checking any paper's code against the record: a declaration (``records.verify``), a
receipt or a decision letter.

What each verdict means per paper is said in plain English by ``explain`` (the command
line prints it; exit 0 only for a match).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from ..db import Database
from ..models import Application, ApplicationStatus
from ..services.letter_numbers import decision_time, find_letter
from . import records
from .qr import CodeKind, QrPayload, receipt_fingerprint
from .records import Verdict, Verification


@dataclass(frozen=True)
class PaperCheck:
    kind: CodeKind
    result: Verification
    letter_number: str = ""
    # For a letter: the outcome it told, and the one on record now.
    letter_outcome: str = ""
    outcome_now: str = ""

    @property
    def ok(self) -> bool:
        return self.result.ok


def verify_paper(db: Database, payload: QrPayload) -> PaperCheck:
    if payload.kind is CodeKind.RECEIPT:
        return PaperCheck(payload.kind, _verify_receipt(db, payload))
    if payload.kind is CodeKind.LETTER:
        return _verify_letter(db, payload)
    return PaperCheck(payload.kind, records.verify(db, payload))


def _verify_receipt(db: Database, payload: QrPayload) -> Verification:
    with db.reader() as s:
        known = s.scalars(select(Application.id)
                          .where(Application.reference == payload.reference)).first()
    if known is None:
        return Verification(Verdict.UNKNOWN, payload.reference)
    now = records.snapshot_of_reference(db, payload.reference)
    if receipt_fingerprint(now) == payload.fingerprint:
        return Verification(Verdict.MATCH, payload.reference, recorded=now)
    # The name, identity number or program the receipt shows is not what the record says
    # now: corrected since, or an altered paper; the member of staff compares.
    return Verification(Verdict.CHANGED, payload.reference, ("name, identity or program",),
                        recorded=now)


def _outcome(app: Application) -> str:
    if app.status is ApplicationStatus.ACCEPTED:
        return "accepted"
    if app.status is ApplicationStatus.REJECTED:
        return "rejected"
    return app.status.value


def _verify_letter(db: Database, payload: QrPayload) -> PaperCheck:
    check = PaperCheck(CodeKind.LETTER, Verification(Verdict.UNKNOWN, payload.reference),
                       payload.letter_number)
    with db.reader() as s:
        app = s.scalars(select(Application)
                        .where(Application.reference == payload.reference)).first()
        if app is None:
            return check
        issued = find_letter(s, app.id, payload.letter_number)
        outcome_now = _outcome(app)
        decided_now = decision_time(app.decided_at) if app.decided_at else ""
    if issued is None or issued.digest != payload.fingerprint:
        # No letter under this number for the application, or the code was copied onto
        # a letter that says something else.
        return replace(check, result=Verification(Verdict.NOT_RECORDED, payload.reference),
                       outcome_now=outcome_now)
    recorded = {"number": issued.number, "issued_on": issued.issued_on.isoformat(),
                "outcome": issued.outcome, "decided_at": issued.decided_at}
    same = issued.outcome == outcome_now and issued.decided_at == decided_now
    verdict = Verification(Verdict.MATCH if same else Verdict.CHANGED, payload.reference,
                           () if same else ("decision",), recorded=recorded)
    return replace(check, result=verdict, letter_outcome=issued.outcome,
                   outcome_now=outcome_now)


def explain(check: PaperCheck) -> list[str]:
    """What the command line says about a checked paper, line by line."""
    r, ref, V = check.result, check.result.reference, Verdict
    if check.kind is CodeKind.LETTER:
        what = f"decision letter {check.letter_number} of application {ref}"
        if r.verdict is V.MATCH and r.recorded:
            return [f"MATCH: the {what} was issued on {r.recorded['issued_on']} and told "
                    f"the decision on record ({check.letter_outcome})."]
        if r.verdict is V.CHANGED and r.recorded:
            return [f"CHANGED: the {what} was issued on {r.recorded['issued_on']} and told "
                    f"'{check.letter_outcome}', but the decision on record is now "
                    f"'{check.outcome_now}'."]
        if r.verdict is V.NOT_RECORDED:
            return [f"NOT RECORDED: application {ref} exists, but no letter numbered "
                    f"{check.letter_number} with this content was issued for it (an altered "
                    "or copied code)."]
        return [f"UNKNOWN: no application has the reference {ref}."]
    if check.kind is CodeKind.RECEIPT:
        lines = []
        if r.recorded is not None:
            b, p = r.recorded.get("beneficiary", {}), r.recorded.get("program", {})
            lines.append(f"  recorded: {b.get('full_name', '')} — "
                         f"{b.get('identity_number') or '-'} — {p.get('code', '')}")
        if r.verdict is V.MATCH:
            return lines + [f"MATCH: the receipt of application {ref} shows the name, "
                            "identity number and program on record."]
        if r.verdict is V.CHANGED:
            return lines + [f"CHANGED: application {ref} exists, but its name, identity "
                            "number or program differ from what this receipt was printed "
                            "with (corrected since, or an altered paper)."]
        return [f"UNKNOWN: no application has the reference {ref}."]
    return _explain_declaration(r)


def _explain_declaration(r: Verification) -> list[str]:
    V, ref, lines = Verdict, r.reference, []
    if r.recorded is not None:
        b = r.recorded.get("beneficiary", {})
        p = r.recorded.get("program", {})
        lines.append(f"  recorded: {b.get('full_name', '')} — {b.get('identity_number') or '-'}"
                     f" — {p.get('code', '')} — prepared {r.recorded.get('prepared_at', '')}")
    if r.verdict is V.MATCH:
        return lines + [f"MATCH: the paper {ref} matches the record "
                        "(compare the name and number above with the paper)."]
    if r.verdict is V.CHANGED:
        return lines + [f"CHANGED: the paper {ref} was a true declaration, but the record "
                        f"has changed since it was printed ({', '.join(r.changed_fields)})."]
    if r.verdict is V.NOT_RECORDED:
        return lines + [f"NOT RECORDED: application {ref} exists, but no declaration on "
                        "record has this data fingerprint (a preview, a replaced declaration, "
                        "or an altered paper)."]
    return [f"UNKNOWN: no application has the reference {ref}."]
