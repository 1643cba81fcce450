"""The interview wizard end to end, offscreen: one whole interview per program category,
signing on the pad, the previews, printing to a PDF file, finding the beneficiary again
by a spelling variant, reprinting."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from interview_support import DOCUMENTS, ELIGIBILITY, person
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit

from makarem_desk.interview.flow import Step
from makarem_desk.models import ApplicationStatus, SignatureMode
from makarem_desk.ui.interview_items import ItemsPage
from makarem_desk.ui.interview_pages import IdentifyPage, PersonalPage, SatisfactionPage
from makarem_desk.ui.interview_steps import DeclarationPage, DocumentPage, ReceptionPage
from makarem_desk.ui.interview_view import InterviewView
from makarem_desk.ui.main_window import MainWindow


def type_text(editor: QLineEdit, text: str) -> None:
    """As if typed: Arabic cannot go through qtbot.keyClicks (it aborts the process)."""
    editor.setText(text)
    editor.textEdited.emit(text)


def sign(pad_canvas: Any) -> None:
    pad_canvas.begin_stroke(QPointF(20, 80))
    for i in range(1, 40):
        pad_canvas.extend_stroke(QPointF(20 + i * 8, 80 + (i % 7) * 6))
    pad_canvas.end_stroke()


def run_interview(view: InterviewView, code: str, who: dict[str, Any],
                  tmp_path: Path, ctx: Any, *, on_paper: bool = False) -> Any:
    view.start_new()
    s = view.session
    assert s is not None and s.step is Step.RECEPTION
    page = view.page
    assert isinstance(page, ReceptionPage)
    page.program.setCurrentIndex(page.program.findData(code))
    type_text(page.items.widgets["purpose"].editor, "التسجيل في البرنامج")
    view.next()
    assert s.step is Step.IDENTIFY, view.error.text()
    assert isinstance(view.page, IdentifyPage)
    view.page.new_button.click()
    view.next()
    assert isinstance(view.page, PersonalPage)
    view.page.set_answers(who)
    view.next()
    assert s.step is Step.ELIGIBILITY, view.error.text()
    assert isinstance(view.page, ItemsPage)
    view.page.set_answers(ELIGIBILITY[code])
    view.next()
    assert s.step is Step.DOCUMENTS, view.error.text()
    view.page.set_answers(DOCUMENTS[code])
    view.next()
    assert s.step is Step.CLARITY, [w.error.text() for w in view.page.widgets.values()]
    view.page.set_answers({"procedures_clear": True})
    view.next()
    assert s.step is Step.DECLARATION, view.error.text()
    decl = view.page
    assert isinstance(decl, DeclarationPage)
    assert decl.preview.doc is not None and decl.preview.doc.pageCount() >= 1
    decl.items.set_answers({"data_verified": True, "responsibility_statement": True})
    if on_paper:
        decl.on_paper.setChecked(True)
        assert decl.pad.isHidden()
        ctx.dialogs.save_path = str(tmp_path / f"for-signature-{code}.pdf")
        decl.preview.save_as_pdf()  # printed for the applicant to sign by hand
    else:
        sign(decl.pad.canvas)
        assert decl.pad.accept()
    view.next()
    assert s.step is Step.NOTICE, view.error.text()
    notice = view.page
    assert isinstance(notice, DocumentPage)
    assert notice.preview.doc is not None and notice.preview.doc.pageCount() >= 1
    # Print to a PDF file through the printer path, and save the generated PDF too.
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / f"printed-{code}.pdf"
    printer.setOutputFileName(str(printed))
    notice.preview.print_to(printer)
    assert ctx.dialogs.raised == []
    assert printed.read_bytes().startswith(b"%PDF") and printed.stat().st_size > 2000
    ctx.dialogs.save_path = str(tmp_path / f"declaration-{code}.pdf")
    assert notice.preview.save_as_pdf() == ctx.dialogs.save_path
    notice.items.set_answers({"committee_notice": True})
    view.next()
    assert s.step is Step.REGISTRATION, view.error.text()
    view.next()
    assert s.step is Step.DELIVERY, view.error.text()
    assert view.page.preview.doc is not None  # the receipt
    view.page.set_answers({"service_given": "شرح البرنامج وتسليم إيصال الطلب"})
    view.next()
    assert s.step is Step.SATISFACTION, view.error.text()
    assert isinstance(view.page, SatisfactionPage)
    view.page.score_group.button(5).setChecked(True)
    view.next()
    assert s.step is Step.DONE, view.error.text()
    return s


@pytest.mark.parametrize("code", ["TRN-ACCOUNTING", "VOL-EVENTS", "ORPHAN-SPONSOR",
                                  "FIELD-CONF"])
def test_whole_interview_per_category(qtbot, ctx, tmp_path, code) -> None:  # type: ignore[no-untyped-def]
    view = InterviewView(ctx)
    qtbot.addWidget(view)
    who = person(first_name="أحمد", father_name="عبدالله", family_name="الزهراني")
    s = run_interview(view, code, who, tmp_path, ctx)
    app = ctx.interview.applications.get(ctx.actor, uuid.UUID(s.state.application_id))
    assert app.status in (ApplicationStatus.SUBMITTED, ApplicationStatus.INCOMPLETE)
    d = ctx.interview.declarations.get(ctx.actor, uuid.UUID(s.state.declaration_id))
    assert d.signature_mode is SignatureMode.ON_SCREEN
    png = QImage.fromData(d.signature_png)
    assert not png.isNull() and png.width() > 50
    assert ctx.dialogs.errors == []


def test_signature_on_paper(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = InterviewView(ctx)
    qtbot.addWidget(view)
    who = person(first_name="هند", father_name="سعد", family_name="العتيبي", gender="female")
    s = run_interview(view, "QURAN-MEMO", who, tmp_path, ctx, on_paper=True)
    d = ctx.interview.declarations.get(ctx.actor, uuid.UUID(s.state.declaration_id))
    assert d.signature_mode is SignatureMode.ON_PAPER and d.signature_png is None


def test_unsigned_declaration_is_refused_at_the_pad(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = InterviewView(ctx)
    qtbot.addWidget(view)
    view.start_new()
    s = view.session
    view.page.set_answers({"program_code": "VOL-EVENTS", "purpose": "التطوع"})
    view.next()
    view.page.new_button.click()
    view.next()
    view.page.set_answers(person(first_name="نوف", gender="female"))
    view.next()
    view.page.set_answers(ELIGIBILITY["VOL-EVENTS"])
    view.next()
    view.page.set_answers(DOCUMENTS["VOL-EVENTS"])
    view.next()
    view.page.set_answers({"procedures_clear": True})
    view.next()
    assert s.step is Step.DECLARATION
    view.page.items.set_answers({"data_verified": True, "responsibility_statement": True})
    view.next()  # nothing drawn on the pad
    assert s.step is Step.DECLARATION
    assert "يوقّع" in view.page.pad.state.text()


def test_find_again_by_spelling_variant_and_reprint(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = InterviewView(ctx)
    qtbot.addWidget(view)
    who = person(first_name="أسامة", father_name="عبدالله", family_name="الزهراني")
    s = run_interview(view, "VOL-EVENTS", who, tmp_path, ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    search = window.show_page("search")
    # Typed without hamza, with taa marbuta as haa and the compound name split.
    type_text(search.query, "اسامه عبد الله")
    search.run_search()
    assert search.hits, search.status.text()
    assert str(search.hits[0].beneficiary_id) == s.state.beneficiary_id
    search.results.selectRow(0)
    search.open_current()
    assert window.current_key() == "profile"
    profile = window.profile
    assert profile.profile is not None
    assert profile.profile.person.full_name.startswith("أسامة عبدالله")
    assert profile.applications.rowCount() == 1
    assert profile.declarations.rowCount() == 1
    profile.declarations.selectRow(0)
    profile.reprint_selected()
    from makarem_desk.services.profile import ProfileService

    stored = ProfileService(ctx.db).declaration_pdf(ctx.actor, uuid.UUID(s.state.declaration_id))
    assert profile.preview.pdf == stored  # the copy as printed, not a new rendering
    ctx.dialogs.save_path = str(tmp_path / "reprint.pdf")
    profile.preview.save_as_pdf()
    assert (tmp_path / "reprint.pdf").read_bytes() == stored

    # The receipt, and the decision letter once the committee has answered.
    profile.applications.selectRow(0)
    profile.show_receipt()
    assert profile.app_preview.doc is not None and profile.app_preview.doc.pageCount() >= 1
    assert round(profile.app_preview.doc.pagePointSize(0).width()) == 595  # A4 (Settings)
    profile.receipt_paper.setCurrentIndex(profile.receipt_paper.findData("80mm"))
    profile.show_receipt()  # the receipt printer's roll, 80 mm wide
    assert round(profile.app_preview.doc.pagePointSize(0).width()) == 227
    profile.show_decision_letter()
    assert "لم تقرر" in profile.status.text() or "decided" in profile.status.text()
    from db_support import become_committee, become_site
    from interview_support import COMMITTEE

    become_committee(ctx.db)
    ctx.interview.applications.record_decision(COMMITTEE, s.state.reference, True,
                                               "استوفى شروط البرنامج")
    become_site(ctx.db)  # the letter is printed at the counter
    profile.reload()
    profile.applications.selectRow(0)
    profile.show_decision_letter()
    assert profile.app_preview.file_stem == f"decision-{s.state.reference}"
    assert ctx.dialogs.raised == []

    # POL-H3 outside an interview: a referral from the profile reaches the inbox.
    ctx.dialogs.referral_answers = [("eligibility", "يحتاج شرحًا لشروط التطوع")]
    profile.refer()
    assert profile.referrals.rowCount() == 1
    assert window.show_page("referrals").table.rowCount() == 1


def test_step_errors_are_shown_at_the_field_in_arabic(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    view = InterviewView(ctx)
    qtbot.addWidget(view)
    view.start_new()
    view.next()  # nothing chosen
    page = view.page
    assert view.session.step is Step.RECEPTION
    assert "اختر" in page.program_error.text()
    page.program.setCurrentIndex(page.program.findData("VOL-EVENTS"))
    type_text(page.items.widgets["purpose"].editor, "ت")  # too short, seen while typing
    assert page.items.widgets["purpose"].error.isVisible() or \
        page.items.widgets["purpose"].error.text()
    assert any("\u0600" <= ch <= "\u06ff" for ch in page.items.widgets["purpose"].error.text())


def test_signature_pad_clear_and_accept(qtbot) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.signature_pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 220)
    pad.show()
    assert not pad.accept_button.isEnabled()
    qtbot.mousePress(pad.canvas, Qt.MouseButton.LeftButton, pos=pad.canvas.rect().center())
    for dx in range(0, 120, 6):
        ev_pos = pad.canvas.rect().center()
        ev_pos.setX(ev_pos.x() + dx)
        ev_pos.setY(ev_pos.y() + (dx % 18) - 9)
        qtbot.mouseMove(pad.canvas, ev_pos)
        pad.canvas.extend_stroke(QPointF(ev_pos))  # offscreen moves without buttons
    qtbot.mouseRelease(pad.canvas, Qt.MouseButton.LeftButton)
    assert pad.accept_button.isEnabled()
    png = pad.accept()
    assert png is not None and png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    painter_ok = QPainter(image)
    painter_ok.end()
    pad.clear()
    assert pad.accepted_png is None and not pad.accept_button.isEnabled()
