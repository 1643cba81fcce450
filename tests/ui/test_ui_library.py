"""The library screen: a receptionist's search finds the passage whatever the spelling,
shows its page, and opens the document there (QtPdf for a PDF)."""

from __future__ import annotations

from conftest import ADMIN_PW
from test_library import GUIDE_TXT, arabic_pdf

from makarem_desk.services.auth import AuthService
from makarem_desk.services.library import LibraryService
from makarem_desk.ui.library_view import LibraryView


def test_search_and_open_at_the_page(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    admin = AuthService(ctx.db).login("admin", ADMIN_PW)
    lib = LibraryService(ctx.db)
    pdf = lib.add(admin, "bylaws.pdf", arabic_pdf("مقدمة", "فقرة أولى", "يُسلَّم الإيصال"),
                  title="اللائحة", kind="bylaws")
    lib.add(admin, "guide.txt", GUIDE_TXT, title="الدليل", kind="guide")
    view = LibraryView(ctx)  # as the receptionist signed in by the fixture
    qtbot.addWidget(view)
    view.query.setText("يسلم الايصال")
    view.search()
    assert [(h.document_id, h.page) for h in view.hits] == [(pdf.id, 3)]
    assert "صفحة 3" in view.results.item(0).text()
    view.results.setCurrentRow(0)
    assert view.viewer.currentWidget() is view.pdf_view
    assert view.pdf is not None and view.pdf.pageCount() == 3
    assert view.pdf_view.pageNavigator().currentPage() == 2
    view.query.setText("لجنه البحث بعد اكتمال")
    view.search()
    view.results.setCurrentRow(0)
    assert view.viewer.currentWidget() is view.text
    assert "اكتمال الزيارة" in view.text.toPlainText()
    assert "عقد الإيجار" not in view.text.toPlainText()  # page 2 only
    view.query.setText("ا")
    view.search()
    assert "حرفين" in ctx.dialogs.shown[-1][1]  # the Arabic message, plainly
