"""The reference library (POL-TOOLS): add, search with spelling variants, remove,
permissions, the shipped policy and placeholders, and the ``library`` commands."""

from __future__ import annotations

import io
import json
from pathlib import Path

import arabic_reshaper
import pytest
from audit_support import audit_events, chain_ok
from bidi.algorithm import get_display
from db_support import add_user
from reportlab.pdfgen import canvas

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.documents.fonts import PDF_REGULAR, register_pdf_fonts
from makarem_desk.errors import PermissionDenied, UserError
from makarem_desk.models import Role
from makarem_desk.services.library import LibraryService
from makarem_desk.services.setup import acting_user

GUIDE_TXT = (
    "دليل خدمات البحث الاجتماعي\n\n"
    "يتحقق الباحث من هويّة المستفيد ويطّلع على عقد الإيجار.\n"
    "\f"
    "تُرفع الحالة إلى لجنة البحث بعد اكتمال الزيارة المنزليّة.\n\n"
    "يُبلَّغ المستفيد بالقرار خلال مدة لا تتجاوز عشرة أيام.\n"
).encode()


def arabic_pdf(*pages: str) -> bytes:
    """A PDF written the way the project writes its documents: shaped, visual-order Arabic."""
    register_pdf_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for text in pages:
        c.setFont(PDF_REGULAR, 14)
        c.drawRightString(540, 760, get_display(arabic_reshaper.reshape(text)))
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def lib(any_db: Database) -> LibraryService:
    return LibraryService(any_db)


def admin(db: Database):  # type: ignore[no-untyped-def]
    return acting_user(db, "admin")


def receptionist(db: Database):  # type: ignore[no-untyped-def]
    add_user(db, "mona", "منى", Role.RECEPTIONIST)
    return acting_user(db, "mona")


def test_shipped_policy_and_marked_placeholders(any_db: Database, lib: LibraryService) -> None:
    docs = lib.documents(receptionist(any_db))
    assert [(d.kind, d.is_placeholder) for d in docs] == [
        ("policy", False), ("bylaws", True), ("guide", True)]
    assert docs[0].title == "سياسة تنظيم العلاقة مع المستفيدين"
    assert all("مؤقت" in d.title for d in docs[1:])
    # the policy is searchable, spelt without hamza and with ه for ة
    hits = lib.search(admin(any_db), "اعتماد مجلس الاداره")
    assert hits and hits[0].document_id == docs[0].id and hits[0].page == 1
    assert "اعتماد مجلس الإدارة" in hits[0].passage
    placeholder = lib.search(admin(any_db), "اللائحة الأساسية")
    assert any(h.is_placeholder and "مؤقت" in h.passage for h in placeholder)
    # stocked once: listing again adds nothing, and removed ones do not come back
    lib.remove(admin(any_db), docs[1].id)
    assert [d.id for d in lib.documents(admin(any_db))] == [docs[0].id, docs[2].id]


def test_text_pages_and_spelling_variants(any_db: Database, lib: LibraryService) -> None:
    doc = lib.add(admin(any_db), "guide.txt", GUIDE_TXT, title="دليل البحث", kind="guide")
    assert doc.pages == 2 and not doc.is_placeholder
    # the guide's placeholder made way for it
    kinds = [(d.kind, d.is_placeholder) for d in lib.documents(admin(any_db))]
    assert ("guide", True) not in kinds and ("guide", False) in kinds
    for query in ("لجنه البحث", "لَجْنَةُ البَحْث", "اكتمال الزياره"):
        hits = lib.search(admin(any_db), query)
        assert [(h.document_id, h.page) for h in hits][:1] == [(doc.id, 2)], query
    hits = lib.search(admin(any_db), "مده لا تتجاوز عشره ايام")  # ة/ه
    assert hits[0].page == 2 and "عشرة أيام" in hits[0].snippet
    assert lib.search(admin(any_db), "هوية المستفيد")[0].page == 1  # shadda dropped
    assert lib.search(admin(any_db), "كلمة غير موجودة إطلاقا") == []


def test_arabic_pdf_found_at_its_page(any_db: Database, lib: LibraryService) -> None:
    pdf = arabic_pdf("مقدمة اللائحة الأساسية للجمعية",
                     "يُسلَّم المستفيد إيصالَ الطلب عند الاستقبال")
    doc = lib.add(admin(any_db), "bylaws.pdf", pdf, title="اللائحة الأساسية", kind="bylaws")
    assert doc.pages == 2
    hits = lib.search(admin(any_db), "ايصال الطلب")  # إ written as ا
    assert [(h.document_id, h.page) for h in hits] == [(doc.id, 2)]
    assert "إيصال الطلب" in hits[0].passage  # plain letters, not presentation forms
    opened = lib.open_document(admin(any_db), doc.id)
    assert opened.file_type == "pdf" and opened.content == pdf


def test_remove_and_audit(any_db: Database, lib: LibraryService) -> None:
    doc = lib.add(admin(any_db), "guide.txt", GUIDE_TXT, title="دليل", kind="other")
    with pytest.raises(UserError, match="already in the library"):
        lib.add(admin(any_db), "copy.txt", GUIDE_TXT, title="نسخة")
    lib.remove(admin(any_db), doc.id)
    assert lib.search(admin(any_db), "عقد الايجار") == []
    with pytest.raises(UserError, match="No library document"):
        lib.remove(admin(any_db), doc.id)
    added = [e for e in audit_events(any_db, "library_document_added")
             if e.entity_id == str(doc.id)]
    removed = [e for e in audit_events(any_db, "library_document_removed")
               if e.entity_id == str(doc.id)]
    assert len(added) == 1 and len(removed) == 1 and removed[0].username == "admin"
    assert chain_ok(any_db)


def test_receptionist_reads_but_may_not_add_or_remove(any_db: Database,
                                                       lib: LibraryService) -> None:
    mona = receptionist(any_db)
    docs = lib.documents(mona)
    assert lib.search(mona, "المستفيدين")
    assert lib.open_document(mona, docs[0].id).file_type == "text"
    with pytest.raises(PermissionDenied):
        lib.add(mona, "guide.txt", GUIDE_TXT, title="دليل")
    with pytest.raises(PermissionDenied):
        lib.remove(mona, docs[0].id)
    assert len(lib.documents(mona)) == len(docs)


def test_bad_files_refused(db: Database) -> None:
    lib = LibraryService(db)
    with pytest.raises(UserError, match="Unsupported file type"):
        lib.add(admin(db), "guide.docx", b"PK...", title="x")
    with pytest.raises(UserError, match="not UTF-8"):
        lib.add(admin(db), "guide.txt", "نص".encode("cp1256"), title="x")
    with pytest.raises(UserError, match="cannot be read as a PDF"):
        lib.add(admin(db), "guide.pdf", b"not a pdf at all", title="x")
    with pytest.raises(UserError, match="No text"):
        lib.add(admin(db), "empty.txt", b"  \n\n ", title="x")
    with pytest.raises(UserError, match="two letters"):
        lib.search(admin(db), "ا")


# --- the command line ---------------------------------------------------------------


def cli(db: Database, *argv: str) -> int:
    return main(["--db", db.url.render_as_string(hide_password=False), "library", *argv])


def test_cli_add_search_remove(db: Database, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "guide.txt"
    f.write_bytes(GUIDE_TXT)
    assert cli(db, "add", str(f), "--title", "دليل البحث", "--kind", "guide") == 0
    out = capsys.readouterr().out
    assert "Added document" in out and "2 page(s)" in out
    doc_id = int(out.split()[2].rstrip(":"))
    assert cli(db, "search", "لجنه", "البحث", "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["document_id"] == doc_id and hits[0]["page"] == 2
    assert cli(db, "list") == 0
    listing = capsys.readouterr().out
    assert "دليل البحث" in listing and "PLACEHOLDER" in listing  # the bylaws' placeholder
    assert cli(db, "remove", str(doc_id)) == 0
    assert f"Removed document {doc_id}" in capsys.readouterr().out


def test_cli_errors_exit_1_with_a_message(db: Database, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(db, "add", str(tmp_path / "missing.pdf"), "--title", "x") == 1
    assert "No such file" in capsys.readouterr().err
    odd = tmp_path / "guide.docx"
    odd.write_bytes(b"PK")
    assert cli(db, "add", str(odd), "--title", "x") == 1
    assert "Unsupported file type" in capsys.readouterr().err
    assert cli(db, "remove", "999") == 1
    assert "No library document with id 999" in capsys.readouterr().err
    assert cli(db, "remove", "abc") == 1
    assert "Not a document id" in capsys.readouterr().err
    add_user(db, "mona", "منى", Role.RECEPTIONIST)
    f = tmp_path / "guide.txt"
    f.write_bytes(GUIDE_TXT)
    assert cli(db, "add", str(f), "--title", "x", "--by", "mona") == 1
    assert "may not do this" in capsys.readouterr().err
    assert cli(db, "search", "المستفيدين", "--by", "mona") == 0
