"""The items of the interview definition that the interview's own code reads by id.

Definitions are data the association edits; most items only need to be answered. A few
answers steer the flow or are copied onto records, so the code names them. Renamed in
``forms/interview.yaml`` (``procedures_clear`` → ``procedures_understood``), the code
would read ``None`` forever: nobody would ever be referred (POL-H3), silently. They are
declared here, once, used by the flow through these constants, and checked whenever
forms load — ``forms check`` and the start of an interview refuse a folder without them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import FormDef, Problem

PURPOSE = "purpose"
# Optional and not checked as a flow item: only pre-answered "no" for a known beneficiary.
FIRST_VISIT = "first_visit"
PROCEDURES_CLEAR = "procedures_clear"
REFERRAL_REASON = "referral_reason"
REFERRAL_REASON_CODE = "referral_reason_code"
# The values of models.ReferralReason (not imported: loading forms must not pull in
# SQLAlchemy; a test keeps the two equal). An association may offer fewer, never others.
REFERRAL_REASON_CODES = ("unclear_procedure", "special_circumstances", "documents",
                         "eligibility", "complaint", "other")
SERVICE_GIVEN = "service_given"


@dataclass(frozen=True)
class FlowItem:
    section: str
    id: str
    kind: str
    use: str  # what the flow does with the answer, said in the problem
    # Optional: a folder installed before the item existed still works (the flow falls
    # back on a default), but a present item is checked like the others.
    required: bool = True


FLOW_ITEMS = (
    FlowItem("reception", PURPOSE, "text", "records it as the purpose of the visit (POL-H1)"),
    FlowItem("clarity", PROCEDURES_CLEAR, "yes_no",
             "refers the beneficiary to the social-research officer on 'no' (POL-H3)"),
    # Without it, "procedures unclear" is recorded as the code unclear_procedure.
    FlowItem("clarity", REFERRAL_REASON_CODE, "choice",
             "records it as the referral's reason code (POL-H3)", required=False),
    FlowItem("clarity", REFERRAL_REASON, "text", "writes it on the referral (POL-H3)"),
    FlowItem("delivery", SERVICE_GIVEN, "text",
             "records it as the service delivered on the contact (POL-H7)"),
)


def check_flow_items(interview: FormDef) -> list[Problem]:
    """Every flow item present in its section with its kind."""
    problems: list[Problem] = []
    where = {i.id: (name, i) for name, items in interview.sections.items() for i in items}
    for need in FLOW_ITEMS:
        found = where.get(need.id)
        if found is None and not need.required:
            continue
        if found is None:
            problems.append(Problem(
                interview.file, need.id,
                f"the interview needs this {need.kind} item in section '{need.section}' (it "
                f"{need.use}); it is missing — renamed or removed? Keep the id '{need.id}'."))
            continue
        section, item = found
        if section != need.section:
            problems.append(Problem(
                interview.file, need.id,
                f"must be in section '{need.section}', not '{section}' (the interview "
                f"{need.use})"))
        if item.kind != need.kind:
            problems.append(Problem(
                interview.file, need.id,
                f"must be a {need.kind} item, not {item.kind} (the interview {need.use})"))
        unknown = [o.value for o in item.options if o.value not in REFERRAL_REASON_CODES] \
            if need.id == REFERRAL_REASON_CODE else []
        if unknown:
            problems.append(Problem(
                interview.file, need.id,
                f"options {', '.join(unknown)} are not referral reason codes; use only "
                f"{', '.join(REFERRAL_REASON_CODES)}"))
    return problems
