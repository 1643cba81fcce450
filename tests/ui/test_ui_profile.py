"""The profile as a form beside its values, its actions and its history (issue 12)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from interview_support import person
from PySide6.QtCore import Qt
from test_ui_interview import run_interview

from makarem_desk.models import ApplicationStatus, Channel, Role
from makarem_desk.permissions import allowed
from makarem_desk.services.profile import (
    ApplicationSummary,
    BeneficiaryProfile,
    ContactRow,
    PaperRow,
    ProfileService,
)
from makarem_desk.services.profile_history import HistoryEntry, HistoryKind, history_of
from makarem_desk.ui.main_window import MainWindow
from makarem_desk.ui.profile_view import (
    APPLICATIONS_TAB,
    DECLARATIONS_TAB,
    HISTORY_TAB,
    ProfileView,
)


def _open_profile(qtbot, ctx, tmp_path):  # type: ignore[no-untyped-def]
    from makarem_desk.ui.interview_view import InterviewView

    view = InterviewView(ctx)
    qtbot.addWidget(view)
    s = run_interview(view, "VOL-EVENTS", person(first_name="أسامة", phone="0551234567"),
                      tmp_path, ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    profile = window.profile
    window.show_page("profile")
    profile.load(uuid.UUID(s.state.beneficiary_id))
    qtbot.waitUntil(lambda: profile.profile is not None)
    return window, profile, s


def _row_of(profile: ProfileView, label: str):  # type: ignore[no-untyped-def]
    form = profile.data_form
    for row in range(form.rowCount()):
        lab = form.itemAt(row, form.ItemRole.LabelRole).widget()
        if lab is not None and lab.text() == label:
            return lab, form.itemAt(row, form.ItemRole.FieldRole).widget()
    raise AssertionError(label)


def test_values_sit_beside_their_labels(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 12 item 1: in Arabic the identity number, the phone and every "—" were
    about 900 px left of their labels."""
    _window, profile, _s = _open_profile(qtbot, ctx, tmp_path)
    qtbot.waitUntil(lambda: _row_of(profile, "الجوال")[1].isVisible())
    for label in ("رقم الهوية", "الجوال", "الحي", "الجنس"):  # number, phone, "—", a word
        lab, value = _row_of(profile, label)
        assert lab.isVisible() and value.isVisible()
        # Right to left: the label on the right, its value just left of it, the value's
        # text flush against the label's side; the labels' own column is as wide as the
        # longest label, so from word to word stays within about 200 px.
        lab_left = lab.mapTo(profile, lab.rect().topLeft()).x()
        value_right = value.mapTo(profile, value.rect().topRight()).x()
        assert lab_left > value_right, label
        assert value.alignment() & Qt.AlignmentFlag.AlignRight, label
        label_text_left = lab_left + lab.width() - lab.fontMetrics().horizontalAdvance(
            lab.text())
        assert label_text_left - value_right < 200, (label, label_text_left, value_right)
    _lab, number = _row_of(profile, "رقم الهوية")
    assert number.layoutDirection() == Qt.LayoutDirection.LeftToRight  # read as written
    assert number.text() == profile.profile.person.identity_number


def test_history_lists_contacts_applications_and_papers_newest_first(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _window, profile, s = _open_profile(qtbot, ctx, tmp_path)
    p = profile.profile
    kinds = {e.kind for e in history_of(p)}
    assert {HistoryKind.CONTACT, HistoryKind.APPLICATION, HistoryKind.PAPER} <= kinds
    # The declaration printed during the interview is a paper handed out.
    assert any(x.action == "declaration_printed" and x.reference == s.state.reference
               for x in p.papers)
    table = profile.history
    # Who printed it as every screen names a person: the full name, not the log-in.
    paper = next(r for r in range(table.rowCount())
                 if table.row_data(r).kind is HistoryKind.PAPER)
    assert table.item(paper, 4).text() == ctx.actor.full_name == "ريم الدوسري"
    assert table.rowCount() == len(history_of(p))
    assert profile.tabs.currentIndex() == HISTORY_TAB
    # Both calendars, as elsewhere: "… هـ — … م".
    assert "هـ" in table.item(0, 0).text() and "م" in table.item(0, 0).text()
    # Enter on the application opens its tab with the row selected.
    row = next(r for r in range(table.rowCount())
               if table.row_data(r).kind is HistoryKind.APPLICATION)
    table.selectRow(row)
    table.activated.emit(table.model().index(row, 0))
    assert profile.tabs.currentIndex() == APPLICATIONS_TAB
    assert profile.applications.row_data().reference == s.state.reference


def test_actions_reprint_the_last_declaration_and_show_the_last_receipt(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _window, profile, s = _open_profile(qtbot, ctx, tmp_path)
    assert profile.last_declaration_button.isEnabled()
    profile.last_declaration_button.click()
    assert profile.tabs.currentIndex() == DECLARATIONS_TAB
    decl = profile.profile.declarations[0]
    stored = ProfileService(ctx.db).declaration_pdf(ctx.actor, decl.id)
    assert profile.preview.pdf == stored  # the copy as printed, not a new rendering
    profile.last_receipt_button.click()
    assert profile.tabs.currentIndex() == APPLICATIONS_TAB
    assert profile.app_preview.file_stem == f"receipt-{s.state.reference}"
    assert ctx.dialogs.raised == []
    # Both printings are now in the history, the reprint the newest paper.
    profile.reload()
    papers = profile.profile.papers
    assert [x.action for x in papers[:2]] == ["receipt_printed", "declaration_reprinted"]
    # Each action is shown only to a role the permission matrix allows it.
    role, where = ctx.actor.role, ctx.db.installation_role
    assert profile.refer_button.isVisibleTo(profile) == allowed(
        "ReferralService.refer", role, where)


def test_an_empty_profile_says_what_to_do(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileView(ctx)
    qtbot.addWidget(profile)
    profile.show()
    assert not profile.body.isVisible()
    assert "Ctrl+F" in profile.empty.text()
    for table in (profile.history, profile.applications, profile.declarations,
                  profile.referrals):
        assert table.empty_text(), table


def test_history_order_mixes_naive_and_aware_times() -> None:
    """SQLite gives naive UTC, PostgreSQL aware times: one order either way."""
    early = datetime(2026, 11, 1, 8, 0)  # naive = UTC
    late = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    contact = ContactRow(uuid.uuid4(), Channel.PHONE,
                         "سؤال", "ريم", early, None)
    app = ApplicationSummary(uuid.uuid4(), "RYD1-1", "أ", "A",
                             ApplicationStatus.DRAFT,
                             None, None, None, created_at=late)
    paper = PaperRow("receipt_printed", datetime(2026, 11, 1, 10, 0), "RYD1-1", "reem")
    p = BeneficiaryProfile(None, [contact], [app], [], [], [paper])  # type: ignore[arg-type]
    assert [e.kind for e in history_of(p)] == [HistoryKind.APPLICATION, HistoryKind.PAPER,
                                               HistoryKind.CONTACT]


def test_the_profile_fits_1366_with_longer_words(qtbot, ctx, desk_app, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The pseudo run (40 % longer English) once widened the window to 1539 px: the
    actions and the papers' buttons now wrap instead."""
    from makarem_desk.ui.i18n import apply_language

    monkeypatch.setenv("MAKAREM_PSEUDO_STRINGS", "1")
    apply_language(desk_app, "en")
    try:
        _window, profile, _s = _open_profile(qtbot, ctx, tmp_path)
        assert "⟦" in profile.new_application_button.text()  # the long strings are on
        assert profile.minimumSizeHint().width() <= 1366 - 236 - 40
    finally:
        monkeypatch.delenv("MAKAREM_PSEUDO_STRINGS")
        apply_language(desk_app, "ar")


def test_no_screen_name_is_cut_in_the_bar_with_longer_words(qtbot, ctx, desk_app, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With 40 % longer words the bar's labels ("Exchange with the committee") were cut
    at its fixed 236 px; the bar now takes the width its longest label needs."""
    from makarem_desk.ui.i18n import apply_language
    from makarem_desk.ui.main_window import NAV_WIDTH

    monkeypatch.setenv("MAKAREM_PSEUDO_STRINGS", "1")
    apply_language(desk_app, "en")
    try:
        window, _profile, _s = _open_profile(qtbot, ctx, tmp_path)
        assert "⟦" in window.buttons["sync"].text()
        assert window.nav.width() > NAV_WIDTH
        for button in [*window.buttons.values(), window.sign_out_button]:
            assert button.sizeHint().width() <= window.nav.width() - 16, button.text()
    finally:
        monkeypatch.delenv("MAKAREM_PSEUDO_STRINGS")
        apply_language(desk_app, "ar")


def test_a_paper_names_who_printed_it_never_by_the_log_in(desk_app) -> None:  # type: ignore[no-untyped-def]
    """Full name, else the role's title (in the interface's language), else "—"."""
    from makarem_desk.ui.i18n import apply_language
    from makarem_desk.ui.profile_history import entry_cells

    at = datetime(2026, 11, 1, 10, 0)

    def staff(name: str, role: Role | None) -> str:
        paper = PaperRow("receipt_printed", at, "RYD1-1", name, role)
        return entry_cells(HistoryEntry(at, HistoryKind.PAPER, paper))[4]

    try:
        for language, admin in (("ar", "مدير النظام"), ("en", "Administrator")):
            apply_language(desk_app, language)
            assert staff("نورة القحطاني", Role.ADMINISTRATOR) == "نورة القحطاني"
            assert staff(" ", Role.ADMINISTRATOR) == admin
            assert staff("", None) == "—"  # not a user of this installation
    finally:
        apply_language(desk_app, "ar")
