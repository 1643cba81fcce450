"""Ratings keep the program they were about and the suggestions in them are followed up
(POL-G5, POL-G6, POL-GOAL), on a seeded database whose every suggestion is known."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from db_support import become_committee
from satisfaction_support import FORMS, STAFF_WORDS, seed, staff_actor
from sqlalchemy import select

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.errors import PermissionDenied, UserError
from makarem_desk.models import SatisfactionResponse
from makarem_desk.models.enums import SuggestionStatus
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.audit_trail import AuditService
from makarem_desk.services.satisfaction import SatisfactionInput, SatisfactionService

NEW, REVIEW, ADOPTED, NOT_ADOPTED = (SuggestionStatus.NEW, SuggestionStatus.UNDER_REVIEW,
                                     SuggestionStatus.ADOPTED, SuggestionStatus.NOT_ADOPTED)


def _rows(db: Database) -> dict[uuid.UUID, SatisfactionResponse]:
    with db.reader() as s:
        rows = list(s.scalars(select(SatisfactionResponse)))
        s.expunge_all()  # read as they are, after the reader's rollback
    return {r.id: r for r in rows}


def test_a_rating_keeps_its_program_and_marks_a_suggestion_new(any_db: Database) -> None:
    seeded = seed(any_db)
    rows, ids = _rows(any_db), seeded.ids
    # Anonymous: no link to the person or the application, but the program stays.
    anon = rows[ids["conf_anon"]]
    assert (anon.beneficiary_id, anon.application_id, anon.program_code) == (
        None, None, "FIELD-CONF")
    linked = rows[ids["conf_linked"]]
    assert (linked.beneficiary_id, linked.application_id, linked.program_code) == (
        seeded.beneficiary_id, seeded.application_id, "FIELD-CONF")
    assert rows[ids["vol_anon"]].program_code == "VOL-EVENTS"
    assert rows[ids["phone_comment"]].program_code is None
    status = {name: rows[rid].suggestion_status for name, rid in ids.items()}
    assert status == {"conf_anon": NEW, "conf_linked": NEW, "phone_comment": NEW,
                      "vol_anon": NEW, "conf_code": NEW, "no_text": None, "blank_text": None}


def test_a_rating_on_an_unknown_channel_or_program_is_refused(db: Database) -> None:
    svc = SatisfactionService(db, FORMS.satisfaction)
    with pytest.raises(UserError, match="Unknown channel 'fax'") as err:
        svc.record(SYSTEM, SatisfactionInput(score=3, channel="fax"))
    assert "قناة" in err.value.message_ar
    with pytest.raises(UserError, match="Unknown program 'NO-SUCH'"):
        svc.record(SYSTEM, SatisfactionInput(score=3, program_code="NO-SUCH"))
    with db.reader() as s:
        assert s.scalars(select(SatisfactionResponse)).first() is None


def test_the_suggestions_list_filters_by_status_and_day(any_db: Database) -> None:
    seeded = seed(any_db)
    ids = seeded.ids
    researcher = staff_actor(any_db, "quillon_k4")
    svc = SatisfactionService(any_db)
    items = svc.suggestions(researcher)
    # Newest first; the two ratings without a suggestion are not in the list.
    assert [i.id for i in items][:1] == [ids["conf_code"]]
    assert {i.id for i in items} == {ids[n] for n in ("conf_anon", "conf_linked",
                                                      "phone_comment", "vol_anon", "conf_code")}
    by_id = {i.id: i for i in items}
    assert by_id[ids["phone_comment"]].text == "رسالة نصية عند القرار"  # from the comment
    assert by_id[ids["phone_comment"]].channel == "phone"
    conf = by_id[ids["conf_anon"]]
    assert (conf.program_code, conf.program_en) == ("FIELD-CONF",
                                                   "Annual beneficiaries' field conference")
    assert conf.program_ar == "الملتقى الميداني السنوي للمستفيدين"
    # Only a beneficiary who linked the answer to their file is named.
    named = {i.id: i.beneficiary_name for i in items if i.beneficiary_name}
    assert named == {ids["conf_linked"]: seeded.beneficiary_name}
    assert by_id[ids["conf_anon"]].beneficiary_id is None
    # Riyadh days, both ends included: 20 November holds two.
    assert len(svc.suggestions(researcher, start=date(2026, 11, 20),
                               end=date(2026, 11, 20))) == 2
    assert len(svc.suggestions(researcher, start=date(2026, 11, 3))) == 4
    assert len(svc.suggestions(researcher, end=date(2026, 11, 10))) == 2
    svc.set_suggestion_status(researcher, ids["vol_anon"], "adopted", "لوحة عند المدخل")
    svc.set_suggestion_status(researcher, ids["conf_anon"], REVIEW)
    assert [i.id for i in svc.suggestions(researcher, status="adopted")] == [ids["vol_anon"]]
    assert [i.id for i in svc.suggestions(researcher, status=REVIEW)] == [ids["conf_anon"]]
    assert len(svc.suggestions(researcher, status=NEW)) == 3
    assert svc.suggestions(researcher, status=NOT_ADOPTED) == []
    with pytest.raises(UserError, match="Unknown suggestion status 'done'"):
        svc.suggestions(researcher, status="done")
    # POL-G6: nothing in an item names the member of staff who served.
    assert not [w for w in STAFF_WORDS for i in svc.suggestions(researcher) if w in repr(i)]


def test_following_up_a_suggestion_is_audited_with_before_and_after(db: Database) -> None:
    ids = seed(db).ids
    researcher = staff_actor(db, "quillon_k4")
    svc = SatisfactionService(db)
    rid = ids["conf_linked"]
    assert svc.set_suggestion_status(researcher, rid, REVIEW, "  يُعرض على الإدارة ") is REVIEW
    assert svc.set_suggestion_status(researcher, rid, "adopted") is ADOPTED  # note kept
    [item] = [i for i in svc.suggestions(researcher) if i.id == rid]
    assert (item.status, item.note) == (ADOPTED, "يُعرض على الإدارة")
    assert item.updated_at is not None
    evs = AuditService(db).events(SYSTEM, newest_first=False, action="suggestion_followed_up")
    assert [(e.username, e.entity, e.entity_id) for e in evs] == [
        ("quillon_k4", "satisfaction", str(rid))] * 2
    assert evs[0].details == {"before": {"status": "new", "note": None},
                              "after": {"status": "under_review", "note": "يُعرض على الإدارة"}}
    assert evs[1].details == {"before": {"status": "under_review"},
                              "after": {"status": "adopted"}}
    svc.set_suggestion_status(researcher, rid, ADOPTED, "")  # an empty note clears it
    assert [i.note for i in svc.suggestions(researcher) if i.id == rid] == [None]


def test_bad_follow_ups_are_refused_and_change_nothing(db: Database) -> None:
    ids = seed(db).ids
    researcher = staff_actor(db, "quillon_k4")
    svc = SatisfactionService(db)
    with pytest.raises(UserError, match="Unknown suggestion status 'done'") as err:
        svc.set_suggestion_status(researcher, ids["conf_anon"], "done")
    assert "حالة المقترح" in err.value.message_ar
    for rid in (ids["no_text"], uuid.uuid4()):  # a rating without a suggestion, or nothing
        with pytest.raises(UserError, match="no such suggestion"):
            svc.set_suggestion_status(researcher, rid, ADOPTED)
    with pytest.raises(UserError, match="too long"):
        svc.set_suggestion_status(researcher, ids["conf_anon"], ADOPTED, "x" * 2001)
    # A receptionist may be the subject of a suggestion: not theirs to read or decide.
    receptionist = staff_actor(db, "zumurrud_x9")
    with pytest.raises(PermissionDenied):
        svc.suggestions(receptionist)
    with pytest.raises(PermissionDenied):
        svc.set_suggestion_status(receptionist, ids["conf_anon"], ADOPTED)
    assert {i.status for i in svc.suggestions(researcher)} == {NEW}
    assert AuditService(db).events(SYSTEM, action="suggestion_followed_up") == []
    become_committee(db)  # the committee's administrator reads what travelled, no more
    assert len(svc.suggestions(SYSTEM)) == 5
    with pytest.raises(PermissionDenied):
        svc.set_suggestion_status(SYSTEM, ids["conf_anon"], ADOPTED)


def test_cli_lists_and_follows_up(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    ids = seed(db).ids
    url = db.url.render_as_string(hide_password=False)
    base = ["--db", url, "satisfaction"]
    assert main([*base, "suggestions", "--by", "quillon_k4", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows][0] == str(ids["conf_code"]) and len(rows) == 5
    assert {r["status"] for r in rows} == {"new"}
    rid = str(ids["vol_anon"])
    assert main([*base, "follow-up", rid[:8], "--status", "adopted", "--note", "نُفّذ",
                 "--by", "quillon_k4"]) == 0
    assert f"suggestion {rid} is now adopted" in capsys.readouterr().out
    assert main([*base, "suggestions", "--status", "adopted", "--by", "quillon_k4"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith(rid) and "لوحة إرشادية" in out[0]
    assert out[0].split("\t")[1:5] == ["2026-11-20", "interview", "VOL-EVENTS", "adopted"]
    assert main([*base, "suggestions", "--from", "1448/06/01", "--to", "2026-11-20",
                 "--status", "not_adopted", "--by", "quillon_k4"]) == 0
    assert capsys.readouterr().out.strip() == "(none)"
    # Wrong usage exits 2; a clear error exits 1, without a traceback.
    with pytest.raises(SystemExit) as stop:
        main([*base, "follow-up", rid, "--status", "done", "--by", "quillon_k4"])
    assert stop.value.code == 2
    assert main([*base, "follow-up", str(uuid.uuid4()), "--status", "adopted",
                 "--by", "quillon_k4"]) == 1
    assert "no such suggestion" in capsys.readouterr().err
    assert main([*base, "follow-up", "abc", "--status", "adopted", "--by", "quillon_k4"]) == 1
    assert "at least its first 8" in capsys.readouterr().err
    assert main([*base, "suggestions", "--by", "zumurrud_x9"]) == 1  # a receptionist
    assert "Traceback" not in capsys.readouterr().err
