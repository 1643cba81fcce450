"""The document commands against a database: declaration, verify-declaration, receipt,
decision letters (POL-H4, POL-H5)."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.documents import records
from makarem_desk.documents.qr import parse_payload
from makarem_desk.documents.service import DocumentService
from makarem_desk.documents.verify_input import read_payload, render_pdf_pages
from makarem_desk.models import (
    Application,
    ApplicationStatus,
    Beneficiary,
    Channel,
    Contact,
    Gender,
    IdentityType,
    Program,
    ProgramCategory,
    Role,
    Site,
)
from makarem_desk.services.actor import Actor
from makarem_desk.services.declarations import DeclarationService

NATIONAL_ID = "1012345674"
RECEPTIONIST = Actor(None, "reem", "ريم الدوسري", Role.RECEPTIONIST)
NOW = datetime(2026, 11, 29, 10, 15, tzinfo=UTC)


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


@pytest.fixture
def app_db(any_db: Database) -> tuple[Database, uuid.UUID]:
    """A site, a beneficiary and two applications (the later one is the "latest")."""
    db = any_db
    with db.session() as s:
        site = s.get(Site, "TST1")  # set up by the fixture, as the first run does
        assert site is not None
        site.name = "فرع الاختبار"
        site.settings = {"channels": {"phone": "+966 11 234 5678"}}
        b = Beneficiary(first_name="فاطمة", father_name="عبدالعزيز", grandfather_name="إبراهيم",
                        family_name="العتيبي", identity_type=IdentityType.CITIZEN_ID,
                        identity_number=NATIONAL_ID, gender=Gender.FEMALE,
                        birth_date=date(1992, 5, 17), nationality="SA",
                        phone="+966551234567", city="الرياض", district="الملز")
        p1 = Program(code="ACAD-ENGL", name_ar="دورة اللغة الإنجليزية",
                     name_en="English language course", category=ProgramCategory.ACADEMIC)
        p2 = Program(code="VOL-EVENTS", name_ar="التطوع في الفعاليات",
                     name_en="Volunteering at events", category=ProgramCategory.VOLUNTEERING)
        s.add_all([b, p1, p2])
        s.flush()
        old = Application(reference="TST1-2026-000001", beneficiary_id=b.id, program_id=p1.id,
                          created_at=datetime(2026, 1, 5, tzinfo=UTC))
        new = Application(reference="TST1-2026-000002", beneficiary_id=b.id, program_id=p2.id,
                          created_at=datetime(2026, 11, 29, tzinfo=UTC),
                          missing_items=[{"id": "id_copy", "label_ar": "صورة الهوية",
                                          "label_en": "Copy of the ID"}])
        s.add_all([old, new])
        s.flush()
        new_id = new.id
    return db, new_id


def _pdftext(path: Path) -> str:
    import unicodedata

    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)
    text = unicodedata.normalize("NFKC", out.stdout.decode("utf-8"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler")


@needs_poppler
def test_declaration_preview_of_latest_application(app_db: tuple[Database, uuid.UUID],
                                                   tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = app_db
    out = tmp_path / "d.pdf"
    assert main(["--db", _url(db), "declaration", "--national-id", "١٠١٢٣٤٥٦٧٤",
                 "--out", str(out)]) == 0
    assert "preview" in capsys.readouterr().err
    text = _pdftext(out)
    assert "TST1-2026-000002" in text and "فاطمة عبدالعزيز إبراهيم العتيبي" in text
    # she declares as a woman (the gender of her record, carried by the snapshot)
    flat = "".join(text.split())
    assert "صاحبةرقمالهوية" in flat and "وأننيمسؤولةمسؤولية" in flat
    assert "صاحبرقم" not in flat
    # a preview verifies as "not recorded", never as a match
    assert main(["--db", _url(db), "verify-declaration", str(out)]) == 1
    assert "NOT RECORDED" in capsys.readouterr().out


@needs_poppler
def test_program_filter_and_english(app_db: tuple[Database, uuid.UUID], tmp_path: Path) -> None:
    db, _ = app_db
    out = tmp_path / "d.pdf"
    assert main(["--db", _url(db), "declaration", "--national-id", NATIONAL_ID, "--program",
                 "acad-engl", "--language", "en", "--out", str(out)]) == 0
    text = _pdftext(out)
    assert "TST1-2026-000001" in text and "English language course" in text


def test_signed_declaration_matches_then_changes(app_db: tuple[Database, uuid.UUID],
                                                 tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db, app_id = app_db
    decls = DeclarationService(db)
    decl_id = decls.prepare(RECEPTIONIST, app_id, "ar", now=NOW)
    decls.sign_on_paper(RECEPTIONIST, decl_id)
    out = tmp_path / "signed.pdf"
    assert main(["--db", _url(db), "declaration", "--national-id", NATIONAL_ID,
                 "--out", str(out)]) == 0
    payload = parse_payload(read_payload(out))
    assert payload.matches(decls.get(RECEPTIONIST, decl_id).snapshot_sha256)
    assert decls.get(RECEPTIONIST, decl_id).has_pdf  # the printed paper is kept with the declaration

    assert main(["--db", _url(db), "verify-declaration", str(out)]) == 0
    said = capsys.readouterr().out
    assert "MATCH" in said and "فاطمة عبدالعزيز إبراهيم العتيبي" in said and NATIONAL_ID in said

    # supplying a missing item afterwards does not make the paper "changed" (POL-H6)
    with db.session() as s:
        s.get(Application, app_id).missing_items = []  # type: ignore[union-attr]
    assert main(["--db", _url(db), "verify-declaration", str(out)]) == 0
    capsys.readouterr()

    with db.session() as s:
        b = s.scalars(select(Beneficiary)).one()
        b.phone = "+966500000000"
    assert main(["--db", _url(db), "verify-declaration", str(out)]) == 1
    said = capsys.readouterr().out
    assert "CHANGED" in said and "beneficiary.phone" in said


def test_recording_from_the_command_line_makes_the_paper_verifiable(
    app_db: tuple[Database, uuid.UUID], tmp_path: Path
) -> None:
    db, app_id = app_db
    out = tmp_path / "r.pdf"
    assert main(["--db", _url(db), "declaration", "--national-id", NATIONAL_ID, "--record",
                 "--out", str(out)]) == 0
    stored = DeclarationService(db).for_application(RECEPTIONIST, app_id)
    assert len(stored) == 1 and stored[0].wording_version
    assert main(["--db", _url(db), "verify-declaration", str(out)]) == 0


def test_verify_by_payload_unknown_and_malformed(app_db: tuple[Database, uuid.UUID],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = app_db
    sha = "0" * 64
    assert main(["--db", _url(db), "verify-declaration", "--payload",
                 f"MKD1|ZZZ1-2026-000009|{sha}"]) == 1
    assert "UNKNOWN" in capsys.readouterr().out
    assert main(["--db", _url(db), "verify-declaration", "--payload", "hello"]) == 1
    assert "not a Makarem Desk code" in capsys.readouterr().err
    assert main(["--db", _url(db), "verify-declaration"]) == 1


def test_verify_reads_a_scanned_image(app_db: tuple[Database, uuid.UUID],
                                      tmp_path: Path) -> None:
    db, app_id = app_db
    DeclarationService(db).prepare(RECEPTIONIST, app_id, "ar", now=NOW)
    pdf = DocumentService(db).declaration(RECEPTIONIST, app_id).pdf
    (tmp_path / "d.pdf").write_bytes(pdf)
    [page] = render_pdf_pages(tmp_path / "d.pdf", dpi=150, pages=1)
    page.convert("RGB").save(tmp_path / "scan.png")
    assert main(["--db", _url(db), "verify-declaration", str(tmp_path / "scan.png")]) == 0


def test_unknown_identity_and_bad_file_are_clear_errors(
    app_db: tuple[Database, uuid.UUID], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = app_db
    assert main(["--db", _url(db), "declaration", "--national-id", "1000000008",
                 "--out", str(tmp_path / "x.pdf")]) == 1
    assert "No beneficiary" in capsys.readouterr().err
    junk = tmp_path / "junk.txt"
    junk.write_text("not a document")
    assert main(["--db", _url(db), "verify-declaration", str(junk)]) == 1
    assert "neither a PDF nor an image" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


@needs_poppler
def test_receipt_and_decision_letters(app_db: tuple[Database, uuid.UUID], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    db, app_id = app_db
    ref = "TST1-2026-000002"
    out = tmp_path / "receipt.pdf"
    assert main(["--db", _url(db), "print-receipt", "--reference", ref, "--out", str(out)]) == 0
    text = _pdftext(out)
    assert ref in text and "صورة الهوية" in text and "+966 11 234 5678" in text

    assert main(["--db", _url(db), "print-decision", "--reference", ref,
                 "--out", str(tmp_path / "no.pdf")]) == 1
    assert "not decided" in capsys.readouterr().err

    with db.session() as s:
        a = s.get(Application, app_id)
        assert a is not None
        a.status = ApplicationStatus.REJECTED
        a.decision_reason = "اكتمل العدد المطلوب للفعالية"
        a.decided_at = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)
    out = tmp_path / "letter.pdf"
    for _ in range(2):  # a reprint records no second letter
        assert main(["--db", _url(db), "print-decision", "--reference", ref, "--send",
                     "--out", str(out)]) == 0
    flat = " ".join(_pdftext(out).split())
    assert "اكتمل العدد المطلوب للفعالية" in flat and "عدم قبوله" in flat
    # the record says she is a woman: the letter opens as to a woman
    assert "المكرمة" in flat and "المحترمة" in flat
    assert not re.search(r"المكرم(?!ة)|المحترم(?!ة)", flat)
    with db.reader() as s:
        answers = list(s.scalars(select(Contact.answer).where(Contact.channel == Channel.LETTER)))
    assert answers == ["rejected"]  # one contact through the letters channel (POL-CH)


def test_receipt_uses_the_response_due_date(app_db: tuple[Database, uuid.UUID]) -> None:
    db, app_id = app_db
    with db.session() as s:
        a = s.get(Application, app_id)
        assert a is not None
        a.response_due = datetime(2027, 1, 3, 22, 30, tzinfo=UTC)  # 4 January in Riyadh
    snap = records.snapshot_of_reference(db, "TST1-2026-000002")
    assert snap["earliest_answer_date"] == "2027-01-04"


def test_showing_a_declaration_on_screen_records_no_printing(
    app_db: tuple[Database, uuid.UUID]
) -> None:
    db, app_id = app_db
    decls = DeclarationService(db)
    decl_id = decls.prepare(RECEPTIONIST, app_id, "en", now=NOW)
    shown = DocumentService(db).declaration(RECEPTIONIST, app_id, language="ar")
    assert not shown.preview and shown.snapshot_sha256 == decls.get(RECEPTIONIST, decl_id).snapshot_sha256
    view = decls.get(RECEPTIONIST, decl_id)
    assert not view.has_pdf and view.printed_at is None


@needs_poppler
def test_preview_wording_with_sample_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from makarem_desk.documents.wording import WORDING_DIR_ENV, default_wording_dir

    folder = tmp_path / "wording"
    shutil.copytree(default_wording_dir(), folder)
    monkeypatch.setenv(WORDING_DIR_ENV, str(folder))
    receipt = folder / "receipt.ar.txt"
    receipt.write_text(receipt.read_text(encoding="utf-8") + "\nنسعد بخدمتكم دائمًا.\n",
                       encoding="utf-8")
    out = tmp_path / "p.pdf"
    assert main(["preview-wording", "receipt", "--out", str(out)]) == 0
    assert "نسعد بخدمتكم دائما" in _pdftext(out).replace("ً", "")
    receipt.write_text("title: x\n---\nنص {unknown_field}\n", encoding="utf-8")
    assert main(["preview-wording", "receipt", "--out", str(out)]) == 1
    assert "unknown_field" in capsys.readouterr().err


@needs_poppler
def test_decision_letters_of_a_period_in_one_pdf(app_db: tuple[Database, uuid.UUID],
                                                 tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = app_db
    with db.session() as s:
        apps = {a.reference: a for a in s.scalars(select(Application))}
        for ref, status, reason, day in (
            ("TST1-2026-000001", ApplicationStatus.ACCEPTED, "", 18),
            ("TST1-2026-000002", ApplicationStatus.REJECTED, "اكتمل العدد", 20),
        ):
            apps[ref].status, apps[ref].decision_reason = status, reason or None
            apps[ref].decided_at = datetime(2026, 12, day, 9, 0, tzinfo=UTC)
    out = tmp_path / "letters.pdf"
    # 1448/06/28 AH is 2026-12-08 (Hijri input accepted): both decisions, oldest first
    assert main(["--db", _url(db), "print-decisions", "--since", "1448/06/28", "--send",
                 "--out", str(out)]) == 0
    assert "2 letters: TST1-2026-000001, TST1-2026-000002" in capsys.readouterr().out
    pages = [p for p in _pdftext(out).split("\f") if p.strip()]
    assert len(pages) == 2
    assert "TST1-2026-000001" in pages[0] and "قبوله" in pages[0]
    assert "TST1-2026-000002" in pages[1] and "عدم قبوله" in " ".join(pages[1].split())
    with db.reader() as s:
        assert len(list(s.scalars(select(Contact).where(Contact.channel == Channel.LETTER)))) == 2
    assert main(["--db", _url(db), "print-decisions", "--since", "2026-12-19",
                 "--out", str(out)]) == 0
    assert "1 letters: TST1-2026-000002" in capsys.readouterr().out
    assert main(["--db", _url(db), "print-decisions", "--since", "2027-01-01",
                 "--out", str(out)]) == 1


@needs_poppler
def test_english_of_a_recorded_arabic_declaration_is_a_marked_translation(
    app_db: tuple[Database, uuid.UUID], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from audit_support import events

    from makarem_desk.models import Declaration

    db, app_id = app_db
    decls = DeclarationService(db)
    decl_id = decls.prepare(RECEPTIONIST, app_id, "ar", now=NOW)
    decls.sign_on_paper(RECEPTIONIST, decl_id)
    arabic, english = tmp_path / "ar.pdf", tmp_path / "en.pdf"
    assert main(["--db", _url(db), "declaration", "--national-id", NATIONAL_ID,
                 "--out", str(arabic)]) == 0
    assert main(["--db", _url(db), "declaration", "--national-id", NATIONAL_ID,
                 "--language", "en", "--out", str(english)]) == 0
    assert "the signed Arabic paper is the original" in capsys.readouterr().err
    text = " ".join(_pdftext(english).split())
    assert "Translation — the signed Arabic declaration is the original; not for signing" in text
    assert "Data-Accuracy Declaration" in text and "I bear direct responsibility" in text
    assert "إقرار صحة البيانات" not in text  # not the Arabic paper under an English name
    # no signature lines to sign: the date the original was signed instead
    assert "Applicant's signature" not in text and "Original signed:" in text
    with db.reader() as s:
        filed = s.get(Declaration, decl_id)
        assert filed is not None and filed.pdf == arabic.read_bytes()  # the original stays filed
    [event] = events(db, action="declaration_translation_printed")
    assert event.details == {"reference": "TST1-2026-000002", "language": "en",
                             "original_language": "ar"}
    # the same record: its code verifies like the original's
    assert main(["--db", _url(db), "verify-declaration", str(english)]) == 0
    # asked for in its own language, the recorded declaration is the original again
    assert main(["--db", _url(db), "declaration", "--national-id", NATIONAL_ID,
                 "--language", "ar", "--out", str(english)]) == 0
    assert english.read_bytes() == arabic.read_bytes()
