"""The social researcher's inbox (POL-H3) on screen: the three counts, the status and code
filters, age and overdue marked, the empty sentence, the answer; the refer dialog's code
without default; the researcher's answer on the beneficiary's profile."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import ADMIN_PW, RECEPTION_PW

from makarem_desk.errors import UserError
from makarem_desk.models import (
    Beneficiary,
    IdentityType,
    Referral,
    ReferralReason,
    ReferralStatus,
    Role,
    utcnow,
)
from makarem_desk.services.auth import AuthService
from makarem_desk.services.beneficiaries import beneficiary_reference
from makarem_desk.ui.profile_view import ProfileView
from makarem_desk.ui.referral_widgets import ReferDialog
from makarem_desk.ui.referrals_view import OVERDUE_COLOUR, ReferralsView

R = ReferralReason


def _seed(db) -> uuid.UUID:  # type: ignore[no-untyped-def]
    """Open: documents 5 days (overdue at the default target 3), unclear 3 days (on time),
    an old one without a code today; answered: a complaint made 6 days ago."""
    with db.session() as s:
        ben = Beneficiary(first_name="سارة", father_name="علي", family_name="الزهراني",
                          identity_type=IdentityType.NONE)
        s.add(ben)
        s.flush()
        now = utcnow()
        for reason, code, days in (("شك في صورة الهوية", R.DOCUMENTS, 5),
                                   ("لم تتضح خطوات التسجيل", R.UNCLEAR_PROCEDURE, 3),
                                   ("سؤال قديم", None, 0)):
            s.add(Referral(beneficiary_id=ben.id, reason=reason, reason_code=code,
                           created_at=now - timedelta(days=days)))
        s.add(Referral(beneficiary_id=ben.id, reason="تأخر الرد", reason_code=R.COMPLAINT,
                       created_at=now - timedelta(days=6), status=ReferralStatus.ANSWERED,
                       answer="شرح الباحث مدة دراسة الطلب", answered_at=now))
        return ben.id


def _column(view: ReferralsView, col: int) -> list[str]:
    return [view.table.item(r, col).text() for r in range(view.table.rowCount())]


def _choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(data))


def test_inbox_counts_filters_and_overdue(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    bid = _seed(ctx.db)
    view = ReferralsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert [c.figure.text() for c in view.cards.values()] == ["3", "1", "1"]
    assert "3" in view.target.text()
    # Open, oldest first: file number, name, code label (Arabic), words, age, status.
    assert view.table.rowCount() == 3
    assert view.table.item(0, 0).text() == beneficiary_reference(bid)
    assert _column(view, 2) == ["المستندات أو صحة البيانات", "الإجراءات غير واضحة للمستفيد",
                                "سبب آخر"]
    assert _column(view, 4) == ["5", "3", "0"]
    assert _column(view, 5) == ["متأخرة", "مفتوحة", "مفتوحة"]
    assert view.table.item(0, 5).foreground().color() == OVERDUE_COLOUR
    assert view.table.item(1, 5).foreground().color() != OVERDUE_COLOUR
    assert view.empty.isHidden()

    view.cards["overdue"].clicked.emit()  # a count opens the referrals behind it
    assert view.status_filter.currentData() == "overdue"
    assert _column(view, 3) == ["شك في صورة الهوية"]
    _choose(view.status_filter, "answered")
    assert _column(view, 3) == ["تأخر الرد"] and _column(view, 5) == ["تم الرد"]
    view.table.selectRow(0)  # its answer is shown, not to be answered again
    assert view.answer_box.toPlainText() == "شرح الباحث مدة دراسة الطلب"
    assert not view.button.isEnabled()
    _choose(view.status_filter, "all")
    assert view.table.rowCount() == 4
    _choose(view.code_filter, "other")
    assert _column(view, 3) == ["سؤال قديم"]  # no code: counted and found as other
    _choose(view.code_filter, "special_circumstances")
    assert view.table.rowCount() == 0 and not view.empty.isHidden()
    assert view.empty.text() == "لا توجد إحالة تطابق هذا الاختيار."
    _choose(view.code_filter, None)
    _choose(view.status_filter, "open")
    assert view.table.rowCount() == 3


def test_the_researcher_answers_from_the_inbox(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx.db)
    auth = AuthService(ctx.db)
    auth.create_user(auth.login("admin", ADMIN_PW), "khalid", "خالد العتيبي",
                     Role.SOCIAL_RESEARCHER, RECEPTION_PW)
    ctx.actor = auth.login("khalid", RECEPTION_PW)
    view = ReferralsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    view.answer_selected()
    assert view.status.text()  # nothing chosen yet: said, nothing saved
    view.table.selectRow(0)
    assert view.button.isEnabled()
    view.answer_box.setPlainText("  ")
    view.answer_selected()
    assert view.status.text() == "اكتب الإجابة التي قُدمت للمستفيد."
    view.answer_box.setPlainText("راجع الباحث صورة الهوية مع المستفيد")
    view.answer_selected()
    assert [c.figure.text() for c in view.cards.values()] == ["2", "2", "0"]
    assert _column(view, 3) == ["لم تتضح خطوات التسجيل", "سؤال قديم"]
    _choose(view.status_filter, "overdue")
    assert view.empty.text() == "لا توجد إحالة تجاوزت المدة المحددة."


def test_empty_inbox_says_so(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    view = ReferralsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert view.table.rowCount() == 0
    assert view.empty.text() == "لا توجد إحالة بانتظار رد مسؤول البحث الاجتماعي."
    assert [c.figure.text() for c in view.cards.values()] == ["0", "0", "0"]


def test_refer_dialog_has_no_default_code_and_keeps_what_was_typed(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    made: list[tuple[object, str]] = []

    def submit(code, text):  # type: ignore[no-untyped-def]
        rid = ctx.interview.referrals.refer(ctx.require_actor(), reason_code=code, reason=text)
        made.append((code, text))
        return rid

    dialog = ReferDialog(submit)
    qtbot.addWidget(dialog)
    assert dialog.code.currentData() is None and dialog.code.currentIndex() == 0
    assert [dialog.code.itemData(i) for i in range(1, dialog.code.count())] == [
        c.value for c in ReferralReason]
    assert dialog.code.itemText(6) == "سبب آخر"
    dialog.text.setPlainText("يسأل عن موعد الملتقى")
    dialog.try_submit()  # no code chosen: refused in the dialog, which stays open
    assert dialog.error.text() == "اختر نوع سبب الإحالة إلى مسؤول البحث الاجتماعي."
    assert dialog.result() == 0 and made == []
    _choose(dialog.code, "other")
    dialog.text.setPlainText("")
    dialog.try_submit()
    assert "سبب آخر" in dialog.error.text() and made == []
    dialog.text.setPlainText("يسأل عن موعد الملتقى")
    dialog.try_submit()
    assert made == [("other", "يسأل عن موعد الملتقى")]
    assert dialog.result() == 1 and isinstance(dialog.result_value, uuid.UUID)


def test_the_profile_shows_the_code_and_the_researchers_answer(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    bid = _seed(ctx.db)
    profile = ProfileView(ctx)
    qtbot.addWidget(profile)
    profile.load(bid)
    table = profile.referrals
    assert table.rowCount() == 4  # newest first
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert [r[1] for r in rows] == ["سبب آخر", "الإجراءات غير واضحة للمستفيد",
                                    "المستندات أو صحة البيانات", "شكوى أو عدم رضا"]
    assert rows[3][2:] == ["تأخر الرد", "تم الرد", "شرح الباحث مدة دراسة الطلب"]
    table.selectRow(3)
    assert profile.referral_answer.text().startswith("رد مسؤول البحث الاجتماعي (")
    assert profile.referral_answer.text().endswith("):\nشرح الباحث مدة دراسة الطلب")
    table.selectRow(1)
    assert profile.referral_answer.text() == "بانتظار رد مسؤول البحث الاجتماعي."

    # Answered in the inbox by the researcher: the profile on screen shows who and what.
    auth = AuthService(ctx.db)
    auth.create_user(auth.login("admin", ADMIN_PW), "khalid", "خالد العتيبي",
                     Role.SOCIAL_RESEARCHER, RECEPTION_PW)
    khalid = auth.login("khalid", RECEPTION_PW)
    rid = profile.profile.referrals[1].id
    ctx.interview.referrals.answer(khalid, rid, "شرح الباحث خطوات التسجيل")
    ctx.bus.referral_changed.emit(rid)
    answered = [table.item(1, c).text() for c in range(table.columnCount())]
    assert answered[3:] == ["تم الرد", "شرح الباحث خطوات التسجيل"]
    table.selectRow(1)
    assert profile.referral_answer.text().endswith(
        " — بواسطة خالد العتيبي):\nشرح الباحث خطوات التسجيل")

    # Referred from the profile: the code is asked with the words.
    ctx.dialogs.referral_answers = [None, ("eligibility", "يسأل عن شرط العمر")]
    profile.refer()  # cancelled: nothing made
    assert table.rowCount() == 4
    profile.refer()
    assert table.rowCount() == 5 and table.item(0, 1).text() == "شروط البرنامج والأهلية"


def test_a_long_inbox_says_only_the_first_are_listed(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx.db)
    view = ReferralsView(ctx, limit=2)
    qtbot.addWidget(view)
    view.refresh()
    assert view.table.rowCount() == 2
    assert view.cards["open"].figure.text() == "3"  # the count is whole
    assert not view.empty.isHidden()
    assert view.empty.text() == "تُعرض أول 2 إحالة فقط؛ اختر حالة أو نوع سبب لرؤية البقية."
    _choose(view.status_filter, "overdue")  # narrowed: all of them, no note
    assert view.table.rowCount() == 1 and view.empty.isHidden()


def test_the_inbox_works_while_the_forms_are_refused(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Referrals need no forms: a refused forms folder stops interviews, not the inbox."""
    broken = Path(__file__).resolve().parents[1] / "fixtures" / "forms_broken"
    monkeypatch.setenv("MAKAREM_FORMS_DIR", str(broken))
    with pytest.raises(UserError):
        ctx.interview  # noqa: B018 - the interview's services need the forms
    _seed(ctx.db)
    view = ReferralsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert view.table.rowCount() == 3 and view.status.text() == ""
