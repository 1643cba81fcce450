"""The interview items the flow reads by id are declared once and checked at load: a
renamed one is refused by ``forms check``, not silently ignored."""

from __future__ import annotations

import ast
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml

from makarem_desk.checklists import check_folder
from makarem_desk.checklists.flow_items import FLOW_ITEMS, PROCEDURES_CLEAR
from makarem_desk.cli import main

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "forms"


@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "forms"
    shutil.copytree(FORMS, dest, ignore=shutil.ignore_patterns("documents"))
    return dest


def _edit_interview(folder: Path, change: Any) -> None:
    path = folder / "interview.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["sections"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _rename(folder: Path, old: str, new: str) -> None:
    """Renamed everywhere in the file, conditions included: a tidy edit, still wrong."""
    path = folder / "interview.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"id: {old}\n" in text
    path.write_text(text.replace(f"id: {old}\n", f"id: {new}\n")
                    .replace(f"item: {old},", f"item: {new},"), encoding="utf-8")


def test_forms_check_refuses_a_renamed_flow_item(forms_copy: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _rename(forms_copy, PROCEDURES_CLEAR, "procedures_understood")
    assert main(["forms", "check", str(forms_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        "interview.yaml: procedures_clear: the interview needs this yes_no item in section "
        "'clarity' (it refers the beneficiary to the social-research officer on 'no' "
        "(POL-H3)); it is missing")
    assert out[-1] == f"1 problem(s) in {forms_copy}"


REQUIRED = [n for n in FLOW_ITEMS if n.required]


@pytest.mark.parametrize("need", REQUIRED, ids=[n.id for n in REQUIRED])
def test_each_flow_item_is_checked(forms_copy: Path, need: Any) -> None:
    _rename(forms_copy, need.id, need.id + "_renamed")
    problems = check_folder(forms_copy)
    assert [(p.file, p.item) for p in problems] == [("interview.yaml", need.id)]
    assert f"section '{need.section}'" in problems[0].message


def test_wrong_kind_and_wrong_section_are_named(forms_copy: Path) -> None:
    def change(sections: dict[str, list[dict[str, Any]]]) -> None:
        delivery = sections["delivery"]
        given = next(i for i in delivery if i["id"] == "service_given")
        delivery.remove(given)
        sections["reception"].append(given)
        clear = next(i for i in sections["clarity"] if i["id"] == PROCEDURES_CLEAR)
        clear.update(kind="text", validation={"min_length": 1})
        for key in ("on_fail", "reason_ar", "reason_en"):
            clear.pop(key)
        referral = next(i for i in sections["clarity"] if i["id"] == "referral_reason")
        referral["shown_when"] = {"item": PROCEDURES_CLEAR, "equals": "no"}

    _edit_interview(forms_copy, change)
    got = [str(p) for p in check_folder(forms_copy)]
    assert got == [
        "interview.yaml: procedures_clear: must be a yes_no item, not text (the interview "
        "refers the beneficiary to the social-research officer on 'no' (POL-H3))",
        "interview.yaml: service_given: must be in section 'delivery', not 'reception' (the "
        "interview records it as the service delivered on the contact (POL-H7))",
    ]


def test_an_interview_does_not_start_with_a_renamed_flow_item(
        forms_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _rename(forms_copy, "service_given", "service_provided")
    steps = tmp_path / "steps.json"
    steps.write_text("[]", encoding="utf-8")
    db = tmp_path / "x.sqlite3"
    assert main(["--db", f"sqlite:///{db}", "interview", "run", "--script", str(steps),
                 "--forms", str(forms_copy)]) == 1
    assert "interview.yaml: service_given: the interview needs" in capsys.readouterr().err
    assert not db.exists()


def test_the_flow_code_names_flow_items_only_through_the_declaration() -> None:
    """A literal "procedures_clear" in the flow or the interface would escape the check."""
    ids = {n.id for n in FLOW_ITEMS}
    # The contact flow (other channels) has a "purpose" field of its own, not the item.
    own_purpose = {"contact_flow.py", "contact_view.py"}
    found = []
    for folder in ("interview", "ui"):
        for path in (ROOT / "makarem_desk" / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and node.value in ids and not (
                        node.value == "purpose" and path.name in own_purpose):
                    found.append(f"{path.name}:{node.lineno}: {node.value}")
    assert found == []


def test_referral_codes_offered_by_the_interview_must_be_known(forms_copy: Path) -> None:
    """POL-H3: a code the referrals do not know would fail at the end of the step."""
    def change(sections: dict[str, list[dict[str, Any]]]) -> None:
        code = next(i for i in sections["clarity"] if i["id"] == "referral_reason_code")
        code["options"] = [o for o in code["options"] if o["value"] != "complaint"] + [
            {"value": "rumour", "label_ar": "إشاعة", "label_en": "Rumour"}]

    _edit_interview(forms_copy, change)
    assert [str(p) for p in check_folder(forms_copy)] == [
        "interview.yaml: referral_reason_code: options rumour are not referral reason codes; "
        "use only unclear_procedure, special_circumstances, documents, eligibility, "
        "complaint, other"]


def test_a_folder_from_before_the_reason_code_still_refers(forms_copy: Path, db: Any) -> None:
    """An installed folder older than the code question loads (the counters keep working
    after the upgrade); "procedures unclear" is then recorded as that code."""
    from interview_support import RECEPTIONIST, TODAY, script

    from makarem_desk.checklists import load_forms
    from makarem_desk.interview.flow import Step
    from makarem_desk.interview.services import InterviewServices
    from makarem_desk.interview.session import InterviewSession
    from makarem_desk.models import ReferralReason

    def drop(sections: dict[str, list[dict[str, Any]]]) -> None:
        sections["clarity"] = [i for i in sections["clarity"]
                               if i["id"] != "referral_reason_code"]

    _edit_interview(forms_copy, drop)
    assert check_folder(forms_copy) == []
    forms = load_forms(forms_copy)
    services = InterviewServices.for_database(db, forms, today=TODAY)
    s = InterviewSession.start(services, forms, RECEPTIONIST, today=TODAY)
    for step in script("FIELD-CONF")[:5]:
        s.complete(dict(step["values"]))
    assert s.step is Step.CLARITY
    s.complete({"procedures_clear": False, "referral_reason": "لا يعرف موعد الملتقى"})
    ref = services.referrals.get(RECEPTIONIST, uuid.UUID(s.state.referral_id or ""))
    assert ref.reason_code is ReferralReason.UNCLEAR_PROCEDURE


def test_an_optional_flow_item_present_is_still_checked(forms_copy: Path) -> None:
    def misplace(sections: dict[str, list[dict[str, Any]]]) -> None:
        clarity = sections["clarity"]
        code = next(i for i in clarity if i["id"] == "referral_reason_code")
        clarity.remove(code)
        sections["reception"].append(code)

    _edit_interview(forms_copy, misplace)
    assert [str(p) for p in check_folder(forms_copy)] == [
        "interview.yaml: referral_reason_code: must be in section 'clarity', not 'reception' "
        "(the interview records it as the referral's reason code (POL-H3))"]
