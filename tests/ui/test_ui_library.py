"""The library screen: a receptionist's search finds the passage whatever the spelling,
shows its page, and opens the document there (QtPdf for a PDF)."""

from __future__ import annotations

from conftest import ADMIN_PW
from sqlalchemy import select
from test_library import GUIDE_TXT, arabic_pdf

from makarem_desk.models import AuditEvent
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


def test_an_administrator_adds_and_removes_documents(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    mine = LibraryView(ctx)  # the receptionist has no such buttons
    qtbot.addWidget(mine)
    assert not mine.may_edit and not hasattr(mine, "add_button")
    ctx.actor = AuthService(ctx.db).login("admin", ADMIN_PW)
    view = LibraryView(ctx)
    qtbot.addWidget(view)
    assert view.may_edit and view.add_button.isVisibleTo(view)
    guide = tmp_path / "guide.txt"
    guide.write_bytes(GUIDE_TXT)
    ctx.dialogs.open_path = str(guide)
    ctx.dialogs.ask_answers = ["دليل خدمات البحث"]
    ctx.dialogs.choose_answers = [("guide", "")]
    view.add_document()
    assert ctx.dialogs.errors == []
    docs = {d.title: d for d in view.service.documents(ctx.actor)}
    assert docs["دليل خدمات البحث"].kind == "guide"
    assert not any(d.is_placeholder and d.kind == "guide" for d in docs.values())  # replaced
    assert "دليل خدمات البحث" in view.status.text()
    view.query.setText("اكتمال الزياره")
    view.search()
    assert [h.title for h in view.hits] == ["دليل خدمات البحث"]
    # Bad files are refused plainly, in Arabic, and nothing is added.
    for name, content, said in (("notes.docx", b"PK\x03\x04", "نوع الملف غير مدعوم"),
                                ("old.txt", "دليل".encode("cp1256"), "UTF-8"),
                                ("scan.pdf", b"%PDF-1.4 broken", "تعذّرت قراءة الملف"),
                                ("copy.txt", GUIDE_TXT, "موجود في المكتبة")):
        (tmp_path / name).write_bytes(content)
        ctx.dialogs.open_path = str(tmp_path / name)
        ctx.dialogs.ask_answers = ["ملف"]
        ctx.dialogs.choose_answers = [("other", "")]
        view.add_document()
        assert said in ctx.dialogs.errors[-1]
    ctx.dialogs.open_path = str(tmp_path / "gone.txt")  # removed after it was picked
    ctx.dialogs.ask_answers = ["ملف"]
    ctx.dialogs.choose_answers = [("other", "")]
    view.add_document()
    assert ctx.dialogs.errors[-1] == "تعذّرت قراءة الملف gone.txt."
    assert len(view.service.documents(ctx.actor)) == len(docs)
    # Remove: the document of the selected passage is offered first; asked before.
    view.results.setCurrentRow(0)
    ctx.dialogs.choose_answers = [(str(docs["دليل خدمات البحث"].id), "")]
    ctx.dialogs.confirm_answer = False
    view.remove_document()
    assert "دليل خدمات البحث" in {d.title for d in view.service.documents(ctx.actor)}
    ctx.dialogs.choose_answers = [(str(docs["دليل خدمات البحث"].id), "")]
    ctx.dialogs.confirm_answer = True
    view.remove_document()
    assert "دليل خدمات البحث" not in {d.title for d in view.service.documents(ctx.actor)}
    assert view.hits == [] and view.results.count() == 0
    with ctx.db.reader() as s:
        removed = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "library_document_removed")).all()
        assert [e.details["title"] for e in removed][-1] == "دليل خدمات البحث"
