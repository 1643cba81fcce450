"""The definitions in forms/: the shipped ones load; broken ones name file and item."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from makarem_desk.checklists import DefinitionError, check_folder, load_forms
from makarem_desk.checklists.conditions import evaluate
from makarem_desk.cli import main

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "forms"
BROKEN = Path(__file__).parent / "fixtures" / "forms_broken"


@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "forms"
    shutil.copytree(FORMS, dest, ignore=shutil.ignore_patterns("documents"))
    return dest


def test_shipped_definitions_load():
    forms = load_forms(FORMS)
    categories = {}
    for p in forms.programs.values():
        categories.setdefault(p.category, []).append(p)
        assert p.name_ar and p.name_en
    # At least two real programs per category.
    assert {c: len(v) >= 2 for c, v in categories.items()} == {
        "academic": True, "volunteering": True, "special_groups": True, "field": True}
    for checklist in forms.checklists.values():
        for item in checklist.section("eligibility"):
            assert item.policy.startswith("POL-E"), item.id
    statements = [i for i in forms.interview.section("notice") + forms.interview.section(
        "declaration") if i.kind == "statement"]
    assert {i.policy for i in statements} >= {"POL-H4", "POL-H5"}


def test_cli_check_of_the_shipped_folder(capsys):
    assert main(["forms", "check", str(FORMS)]) == 0
    assert "OK" in capsys.readouterr().out


@pytest.mark.parametrize("name, item, fragment", [
    ("bad_syntax.yaml", "location_ok", "bad YAML syntax at line 13"),
    ("missing_label.yaml", "invitation_sent", "missing label_en"),
    ("unknown_kind.yaml", "motivation", "unknown kind 'slider'"),
    ("unknown_condition.yaml", "platform_id", "unknown item 'platform_registred'"),
    ("duplicate_id.yaml", "partner_name", "duplicate item id"),
])
def test_each_broken_file_gives_file_item_and_problem(forms_copy, name, item, fragment):
    shutil.copy(BROKEN / name, forms_copy / "checklists" / name)
    with pytest.raises(DefinitionError) as err:
        load_forms(forms_copy)
    [problem] = err.value.problems
    assert problem.file == f"checklists/{name}"
    assert problem.item == item
    assert fragment in problem.message
    assert f"checklists/{name}: {item}: " in err.value.message  # the whole message names both


def test_cli_check_prints_every_problem_and_exits_1(capsys):
    assert main(["forms", "check", str(BROKEN)]) == 1
    out = capsys.readouterr().out
    for name in ("bad_syntax.yaml", "missing_label.yaml", "unknown_kind.yaml",
                 "unknown_condition.yaml", "duplicate_id.yaml"):
        assert f"{name}: " in out
    assert "5 problem(s)" in out


def test_interview_refuses_to_start_with_a_broken_definition(forms_copy, tmp_path, capsys):
    shutil.copy(BROKEN / "unknown_kind.yaml", forms_copy / "checklists")
    steps = tmp_path / "steps.json"
    steps.write_text("[]", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    code = main(["--db", db, "interview", "run", "--script", str(steps),
                 "--forms", str(forms_copy)])
    assert code == 1
    err = capsys.readouterr().err
    assert "unknown_kind.yaml: motivation: unknown kind" in err
    assert not (tmp_path / "x.sqlite3").exists()  # refused before touching the database


def test_program_referring_to_a_missing_checklist(forms_copy):
    path = forms_copy / "programs.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "checklist: field\n", "checklist: feild\n", 1), encoding="utf-8")
    problems = check_folder(forms_copy)
    assert [(p.file, p.item) for p in problems] == [("programs.yaml", "FIELD-CONF")]
    assert "unknown checklist 'feild'" in problems[0].message


def test_more_schema_problems_are_all_reported(forms_copy):
    (forms_copy / "checklists" / "extra.yaml").write_text("""
form: checklist
id: extra
category: field
title_ar: إضافي
title_en: Extra
colour: red
sections:
  eligibility:
    - id: choose
      kind: choice
      label_ar: اختر
      label_en: Choose
      policy: POL-E4
    - id: count
      kind: number
      label_ar: العدد
      label_en: Count
      policy: E4
      on_fail: maybe
      validation: {pattern: "x"}
    - id: shown
      kind: text
      label_ar: نص
      label_en: Text
      policy: POL-E4
      shown_when: {item: choose, equals: a, extra: 1}
  closing: []
""", encoding="utf-8")
    problems = check_folder(forms_copy)
    assert {p.file for p in problems} == {"checklists/extra.yaml"}
    got = {(p.item, p.message.split(" (")[0]) for p in problems}
    assert ("", "unknown key 'colour'") in got
    assert ("closing", "unknown section") in got
    assert ("choose", "a choice needs a non-empty list of options") in got
    assert ("count", "policy 'E4' is not a clause id such as POL-E1") in got
    assert ("count", "on_fail 'maybe' must be one of not_eligible, referral, missing") in got
    assert ("count", "validation 'pattern' does not apply to kind number") in got
    assert any(p.item == "shown" and "(unknown keys: extra)" in p.message for p in problems)


def test_version_hash_follows_content_not_formatting(forms_copy):
    before = load_forms(forms_copy)
    path = forms_copy / "checklists" / "field.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("# a comment an administrator added\n" + text, encoding="utf-8")
    same = load_forms(forms_copy)
    assert same.checklists["field"].version_hash == before.checklists["field"].version_hash
    path.write_text(text.replace("هل أُرسلت الدعوة", "هل وصلت الدعوة"), encoding="utf-8")
    changed = load_forms(forms_copy)
    assert changed.checklists["field"].version_hash != before.checklists["field"].version_hash
    assert changed.version_hash_for("FIELD-CONF") != before.version_hash_for("FIELD-CONF")
    assert changed.version_hash_for("ORPHAN-SPONSOR") == before.version_hash_for("ORPHAN-SPONSOR")


@pytest.mark.parametrize("cond, answers, facts, expected", [
    (None, {}, {}, True),
    ({"item": "a", "equals": "x"}, {"a": "x"}, {}, True),
    ({"item": "a", "equals": "x"}, {}, {}, False),
    ({"item": "a", "not_equals": "x"}, {"a": "y"}, {}, True),
    ({"item": "a", "in": ["x", "y"]}, {"a": "y"}, {}, True),
    ({"item": "a", "answered": False}, {"a": ""}, {}, True),
    ({"fact": "has_identity_number", "equals": True}, {}, {"has_identity_number": True}, True),
    ({"all": [{"item": "a", "equals": 1}, {"not": {"item": "b", "equals": 2}}]},
     {"a": 1, "b": 3}, {}, True),
    ({"any": [{"item": "a", "equals": 1}, {"item": "b", "equals": 2}]}, {"a": 0, "b": 0}, {},
     False),
])
def test_conditions_are_data_not_code(cond, answers, facts, expected):
    assert evaluate(cond, answers, facts) is expected


def test_statement_placeholders_are_checked_at_load(forms_copy):
    path = forms_copy / "interview.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{earliest_hijri} الموافق", "{earliest_hijr} الموافق"),
                    encoding="utf-8")
    [problem] = check_folder(forms_copy)
    assert (problem.file, problem.item) == ("interview.yaml", "committee_notice")
    assert "unknown placeholder {earliest_hijr}" in problem.message
    path.write_text(text.replace("{earliest_hijri} الموافق", "{earliest_hijri الموافق"),
                    encoding="utf-8")
    [problem] = check_folder(forms_copy)
    assert problem.item == "committee_notice" and "bad braces" in problem.message
