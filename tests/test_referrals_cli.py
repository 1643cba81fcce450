"""``referral list | make | answer`` and ``follow-up referrals``: the reason code with its
label, --reason-code where a referral is made, plain messages for bad input (POL-H3)."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from db_support import add_user

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.models import Beneficiary, IdentityType, Referral, ReferralReason, Role, utcnow
from makarem_desk.services.beneficiaries import beneficiary_reference


def _seed(db: Database) -> uuid.UUID:
    """Sara, with a documents referral 5 days old (overdue at the default 3) and an old one
    without a code 1 day old."""
    add_user(db, "khalid", "خالد العتيبي", Role.SOCIAL_RESEARCHER)
    add_user(db, "reem", "ريم الدوسري", Role.RECEPTIONIST)
    with db.session() as s:
        ben = Beneficiary(first_name="سارة", father_name="علي", family_name="الزهراني",
                          identity_type=IdentityType.NONE)
        s.add(ben)
        s.flush()
        s.add(Referral(beneficiary_id=ben.id, reason="شك في صورة الهوية",
                       reason_code=ReferralReason.DOCUMENTS,
                       created_at=utcnow() - timedelta(days=5)))
        s.add(Referral(beneficiary_id=ben.id, reason="سؤال قديم",
                       created_at=utcnow() - timedelta(days=1)))
        return ben.id


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def test_list_shows_codes_labels_age_and_counts(db: Database,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bid = _seed(db)
    assert main(["--db", _url(db), "referral", "list", "--by", "reem"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "open: 2  answered: 0  overdue: 1 (target 3 days)"
    assert "  documents (Documents or the data given): open 1, answered 0, overdue 1" in lines
    assert "  other (Other reason): open 1, answered 0, overdue 0" in lines
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert [r[1:] for r in rows] == [
        [beneficiary_reference(bid), "سارة علي الزهراني",
         "documents (Documents or the data given)", "5 days", "open OVERDUE",
         "شك في صورة الهوية"],
        [beneficiary_reference(bid), "سارة علي الزهراني", "other (Other reason)", "1 days",
         "open", "سؤال قديم"]]

    assert main(["--db", _url(db), "referral", "list", "--status", "overdue", "--lang", "ar",
                 "--json", "--by", "reem"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(r["reason_code"], r["reason_label"], r["age_days"], r["overdue"])
            for r in out["referrals"]] == [("documents", "المستندات أو صحة البيانات", 5, True)]
    assert out["counts"]["by_reason"][2] == {"code": "documents",
                                             "label": "المستندات أو صحة البيانات",
                                             "open": 1, "answered": 0, "overdue": 1}

    # follow-up referrals prints the same inbox.
    assert main(["--db", _url(db), "follow-up", "referrals", "--by", "reem"]) == 0
    assert capsys.readouterr().out.splitlines() == lines


def test_make_and_answer(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    bid = _seed(db)
    file_no = beneficiary_reference(bid)
    assert main(["--db", _url(db), "referral", "make", "--beneficiary", file_no,
                 "--reason-code", "complaint", "--reason", "غير راضٍ عن موعد الرد",
                 "--by", "reem"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Referred سارة علي الزهراني to the social-research officer "
                          "(complaint: Complaint or dissatisfaction): ")
    rid = out.strip().rsplit(" ", 1)[1]
    assert main(["--db", _url(db), "referral", "list", "--reason-code", "complaint", "--json",
                 "--by", "reem"]) == 0
    [made] = json.loads(capsys.readouterr().out)["referrals"]
    assert (made["id"], made["reason"], made["beneficiary"]) == (
        rid, "غير راضٍ عن موعد الرد", file_no)

    assert main(["--db", _url(db), "referral", "answer", rid, "--answer",
                 "شرح الباحث مواعيد اللجنة", "--by", "reem"]) == 1  # the researcher answers
    assert main(["--db", _url(db), "referral", "answer", rid, "--answer",
                 "شرح الباحث مواعيد اللجنة", "--by", "khalid"]) == 0
    capsys.readouterr()
    assert main(["--db", _url(db), "referral", "list", "--status", "answered", "--json",
                 "--by", "reem"]) == 0
    [answered] = json.loads(capsys.readouterr().out)["referrals"]
    assert (answered["id"], answered["answer"]) == (rid, "شرح الباحث مواعيد اللجنة")


def test_bad_input_is_a_plain_message(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    bid = _seed(db)
    file_no = beneficiary_reference(bid)
    base = ["--db", _url(db), "referral", "make", "--beneficiary", file_no, "--by", "reem"]
    assert main(base + ["--reason-code", "rumour"]) == 1
    err = capsys.readouterr().err
    assert "Unknown referral reason code 'rumour'; use one of: unclear_procedure" in err
    assert "Traceback" not in err
    assert main(base + ["--reason-code", "other"]) == 1
    assert "the code 'other' says nothing by itself" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:  # the code is required on the command line
        main(base)
    assert usage.value.code == 2
    assert main(["--db", _url(db), "referral", "make", "--beneficiary", "B-00000000",
                 "--reason-code", "documents", "--by", "reem"]) == 1
    assert "does not name exactly one beneficiary (none found)" in capsys.readouterr().err
    assert main(["--db", _url(db), "referral", "list", "--reason-code", "x",
                 "--by", "reem"]) == 1
    assert main(["--db", _url(db), "referral", "answer", "42", "--answer", "x",
                 "--by", "khalid"]) == 1
    assert "is not a referral id" in capsys.readouterr().err
