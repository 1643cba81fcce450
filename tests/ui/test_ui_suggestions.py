"""The Satisfaction screen lists the suggestions and follows them up; and no satisfaction
output — the survey, the list, the command line — names a member of staff (POL-G6)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)
from satisfaction_support import STAFF_WORDS, seed, staff_actor
from survey_support import answer_everything, to_satisfaction

from makarem_desk.cli import main
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.audit_trail import AuditService
from makarem_desk.ui.i18n import apply_language
from makarem_desk.ui.main_window import MainWindow
from makarem_desk.ui.suggestions_view import FollowUpDialog, SuggestionsView
from makarem_desk.ui.survey_launch import for_interview


def shown_texts(root: QWidget) -> list[str]:
    """Every text a widget tree puts on screen."""
    out = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QTableWidget):
            out += [w.horizontalHeaderItem(c).text() for c in range(w.columnCount())]
            out += [w.item(r, c).text() for r in range(w.rowCount())
                    for c in range(w.columnCount()) if w.item(r, c) is not None]
    return [t for t in out if t]


def named_staff(texts: list[str]) -> list[str]:
    return [t for t in texts for word in STAFF_WORDS if word.lower() in t.lower()]


@pytest.fixture
def researcher_ctx(ctx):  # type: ignore[no-untyped-def]
    seeded = seed(ctx.db)
    ctx.actor = staff_actor(ctx.db, "quillon_k4")
    ctx.seeded = seeded
    return ctx


def test_the_list_filters_and_follows_up(qtbot, researcher_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = researcher_ctx
    view = SuggestionsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert view.table.rowCount() == 5 and view.count.text() == "عدد المقترحات: 5"
    first = view.table.row_data(0)
    assert first.id == ctx.seeded.ids["conf_code"]  # newest first
    texts = [view.table.item(r, 5).text() for r in range(5)]
    assert "رسالة نصية عند القرار" in texts
    anonymous = [view.table.item(r, 4).text() for r in range(5)]
    assert anonymous.count("دون اسم") == 4 and ctx.seeded.beneficiary_name in anonymous
    assert view.table.item(4, 2).text() == "الملتقى الميداني السنوي للمستفيدين"  # 2 November
    # Nothing chosen: a message, no dialog.
    view.table.clearSelection()
    view.table.setCurrentCell(-1, -1)
    assert not view.follow_up_selected() and view.status.text() == "اختر مقترحًا أولًا."
    # Cancelled: nothing changes.
    view.table.selectRow(0)
    assert not view.follow_up_selected()
    assert ("dialog", "متابعة مقترح") in ctx.dialogs.shown

    def adopt(dialog: Any) -> bool:
        assert isinstance(dialog, FollowUpDialog)
        dialog.status.setCurrentIndex(dialog.status.findData("adopted"))
        dialog.note.setPlainText("أُضيف استبيان بالإنجليزية")
        return True

    ctx.dialogs.dialog_script = adopt
    view.table.selectRow(0)
    assert view.follow_up_selected()
    assert view.table.item(0, 3).text() == "مُعتمد"
    assert view.table.item(0, 6).text() == "أُضيف استبيان بالإنجليزية"
    view.filter.setCurrentIndex(view.filter.findData("adopted"))
    assert view.table.rowCount() == 1
    view.filter.setCurrentIndex(view.filter.findData("new"))
    assert view.table.rowCount() == 4
    [ev] = AuditService(ctx.db).events(SYSTEM, action="suggestion_followed_up")
    assert ev.username == "quillon_k4" and ev.details["after"]["status"] == "adopted"


def test_the_screen_is_for_those_who_follow_up(qtbot, researcher_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = researcher_ctx
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "satisfaction" in window.pages
    assert isinstance(window.show_page("satisfaction"), SuggestionsView)
    ctx.actor = staff_actor(ctx.db, "zumurrud_x9")  # a receptionist: no such screen
    clerk = MainWindow(ctx)
    qtbot.addWidget(clerk)
    assert "satisfaction" not in clerk.pages


def test_no_satisfaction_output_names_a_member_of_staff(  # type: ignore[no-untyped-def]
        qtbot, researcher_ctx, desk_app, capsys) -> None:
    ctx = researcher_ctx
    texts: list[str] = []
    # The survey, every page in both languages, answered and thanked, for an interview
    # held by a receptionist with a distinctive name.
    ctx.actor = staff_actor(ctx.db, "zumurrud_x9")
    view = to_satisfaction(ctx, qtbot)
    assert view.session is not None
    survey = for_interview(view.session)
    qtbot.addWidget(survey)
    survey.show()
    for language in ("en", "ar"):
        survey.set_language(language)
        for i in range(len(survey.pages)):
            survey._show(i)
            texts += shown_texts(survey)
    survey._show(0)
    answer_everything(survey, qtbot, link=True)
    texts += shown_texts(survey)
    # The list, in both languages, after a follow-up.
    ctx.actor = staff_actor(ctx.db, "quillon_k4")
    ctx.dialogs.dialog_script = lambda d: True
    for language in ("ar", "en"):
        apply_language(desk_app, language)
        listing = SuggestionsView(ctx)
        qtbot.addWidget(listing)
        listing.refresh()
        listing.table.selectRow(0)
        assert listing.follow_up_selected()
        texts += shown_texts(listing)
    apply_language(desk_app, "ar")
    # The command line, plain and JSON, listing and following up.
    url = ctx.db.url.render_as_string(hide_password=False)
    rid = str(ctx.seeded.ids["conf_linked"])
    for argv in (["suggestions"], ["suggestions", "--json"], ["suggestions", "--status", "new"],
                 ["follow-up", rid, "--status", "under_review", "--note", "يُدرس"]):
        assert main(["--db", url, "satisfaction", *argv, "--by", "quillon_k4"]) == 0
    out = capsys.readouterr()
    texts += [out.out, out.err]
    # There was something to see: the survey in both languages, and the suggestion it
    # sent in the list (twice) and on the command line (three listings).
    assert any("رأيك في خدمتنا" in t for t in texts)
    assert any("Your opinion of our service" in t for t in texts)
    assert sum("لوحة تدل على مكان الانتظار" in t for t in texts) >= 3
    assert out.out.count("لوحة تدل على مكان الانتظار") == 3
    assert named_staff(texts) == []
