"""Letters the association can send (issue 11): the letterhead in Settings, outgoing
numbers per installation and Hijri year, the same number on a reprint, and the codes of
receipts and letters verified against the record — on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import unicodedata
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from db_support import ADMIN
from sqlalchemy import select

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.documents.qr import CodeKind, parse_payload
from makarem_desk.documents.records import Verdict
from makarem_desk.documents.service import DocumentService
from makarem_desk.documents.verification import explain, verify_paper
from makarem_desk.errors import PermissionDenied, UserError
from makarem_desk.models import (
    Application,
    ApplicationStatus,
    AuditEvent,
    Beneficiary,
    Gender,
    IdentityType,
    Program,
    ProgramCategory,
    Role,
    Site,
)
from makarem_desk.services.actor import Actor
from makarem_desk.services.letter_numbers import NUMBERED, SEQUENCE_KEY
from makarem_desk.services.site_settings import Letterhead, SiteSettingsService

RECEPTIONIST = Actor(None, "reem", "ريم الدوسري", Role.RECEPTIONIST)
ADMINISTRATOR = Actor(None, ADMIN, "مدير النظام", Role.ADMINISTRATOR)
# 2026-12-21 is 12 Rajab 1448; 2027-06-20 is in 1449 (1 Muharram 1449 is 2027-06-06).
IN_1448 = datetime(2026, 12, 21, 8, 0, tzinfo=UTC)
IN_1449 = datetime(2027, 6, 20, 8, 0, tzinfo=UTC)
REFS = ("TST1-2026-000011", "TST1-2026-000012")

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler")


@pytest.fixture
def decided(any_db: Database) -> Database:
    """Two applications of one beneficiary, the first rejected, the second accepted."""
    db = any_db
    with db.session() as s:
        b = Beneficiary(first_name="سلمان", father_name="فهد", grandfather_name="ناصر",
                        family_name="الشمري", identity_type=IdentityType.CITIZEN_ID,
                        identity_number="1012345674", gender=Gender.MALE,
                        birth_date=date(1990, 3, 1), nationality="SA", phone="+966551234567")
        p = Program(code="ACAD-ENGL", name_ar="دورة اللغة الإنجليزية",
                    name_en="English language course", category=ProgramCategory.ACADEMIC)
        s.add_all([b, p])
        s.flush()
        for i, (ref, status) in enumerate(zip(REFS, (ApplicationStatus.REJECTED,
                                                     ApplicationStatus.ACCEPTED), strict=True)):
            s.add(Application(reference=ref, beneficiary_id=b.id, program_id=p.id,
                              status=status, decided_at=datetime(2026, 12, 20, 9, i, tzinfo=UTC),
                              decision_reason="اكتمل العدد" if i == 0 else None))
    return db


def _numbers(db: Database) -> list[str]:
    with db.reader() as s:
        return [e.details["number"] for e in
                s.scalars(select(AuditEvent).where(AuditEvent.action == NUMBERED)
                          .order_by(AuditEvent.seq))]


def _letter_code(pdf: bytes) -> str:
    from makarem_desk.documents.verify_input import payload_from_pdf_metadata

    found = payload_from_pdf_metadata(pdf)
    assert found is not None
    return found


def test_numbers_run_per_installation_and_hijri_year_and_reprints_keep_theirs(
        decided: Database) -> None:
    db, docs = decided, DocumentService(decided)
    first = docs.decision_letter(RECEPTIONIST, REFS[0], now=IN_1448)
    second = docs.decision_letter(RECEPTIONIST, REFS[1], now=IN_1448)
    # a reprint weeks later: the same number and date, and no new number issued
    again = docs.decision_letter(RECEPTIONIST, REFS[0], language="en", now=IN_1449)
    assert _numbers(db) == ["TST1/1448/0001", "TST1/1448/0002"]
    codes = [parse_payload(_letter_code(pdf)) for pdf in (first, second, again)]
    assert [c.kind for c in codes] == [CodeKind.LETTER] * 3
    assert [c.letter_number for c in codes] == ["TST1/1448/0001", "TST1/1448/0002",
                                                "TST1/1448/0001"]
    assert codes[0] == codes[2]
    # the decision recorded again (another time) is another letter: the next number, and
    # in a new Hijri year the sequence starts again
    with db.session() as s:
        app = s.scalars(select(Application).where(Application.reference == REFS[0])).one()
        app.decided_at = datetime(2027, 6, 19, 9, 0, tzinfo=UTC)
    pdf, refs = docs.decision_letters_since(RECEPTIONIST, datetime(2026, 1, 1, tzinfo=UTC),
                                            now=IN_1449)
    assert refs == [REFS[1], REFS[0]]
    assert _numbers(db) == ["TST1/1448/0001", "TST1/1448/0002", "TST1/1449/0001"]
    with db.reader() as s:
        site = s.scalars(select(Site).where(Site.is_local.is_(True))).one()
        assert site.settings[SEQUENCE_KEY] == {"1448": 2, "1449": 1}


def test_letter_code_verifies_and_says_when_the_decision_changed(decided: Database) -> None:
    db, docs = decided, DocumentService(decided)
    code = parse_payload(_letter_code(docs.decision_letter(RECEPTIONIST, REFS[0],
                                                           now=IN_1448)))
    check = verify_paper(db, code)
    assert check.result.verdict is Verdict.MATCH and check.letter_outcome == "rejected"
    assert "MATCH" in explain(check)[0] and "TST1/1448/0001" in explain(check)[0]
    # a code copied onto a letter that says something else
    forged = dataclasses.replace(code, fingerprint="0" * 16)
    assert verify_paper(db, forged).result.verdict is Verdict.NOT_RECORDED
    unknown = dataclasses.replace(code, letter_number="TST1/1448/0099")
    assert verify_paper(db, unknown).result.verdict is Verdict.NOT_RECORDED
    assert verify_paper(db, dataclasses.replace(code, reference="TST1-2026-999999")
                        ).result.verdict is Verdict.UNKNOWN
    with db.session() as s:
        app = s.scalars(select(Application).where(Application.reference == REFS[0])).one()
        app.status = ApplicationStatus.ACCEPTED
    check = verify_paper(db, code)
    assert check.result.verdict is Verdict.CHANGED and check.outcome_now == "accepted"
    assert "now 'accepted'" in explain(check)[0]


def test_receipt_code_verifies_until_the_name_changes(decided: Database) -> None:
    db = decided
    from makarem_desk.documents.verify_input import payload_from_pdf_metadata

    pdf = DocumentService(db).receipt(RECEPTIONIST, REFS[1])
    code = parse_payload(payload_from_pdf_metadata(pdf) or "")
    assert code.kind is CodeKind.RECEIPT
    assert verify_paper(db, code).result.verdict is Verdict.MATCH
    with db.session() as s:
        b = s.scalars(select(Beneficiary)).one()
        b.family_name = "العنزي"
    check = verify_paper(db, code)
    assert check.result.verdict is Verdict.CHANGED
    assert explain(check)[-1].startswith("CHANGED: application TST1-2026-000012 exists")


def test_the_letterhead_is_set_by_the_administrator_and_audited(decided: Database) -> None:
    db = decided
    settings = SiteSettingsService(db)
    assert settings.letterhead(RECEPTIONIST) == Letterhead()
    head = Letterhead(phone=" +966 11 234  5678 ", licence="1234", receipt_paper="80MM",
                      signatory_name="خالد الدوسري", signatory_title="رئيس لجنة البحث")
    with pytest.raises(PermissionDenied):
        settings.set_letterhead(RECEPTIONIST, head)
    saved = settings.set_letterhead(ADMINISTRATOR, head)
    assert saved.phone == "+966 11 234 5678" and saved.receipt_paper == "80mm"
    assert settings.letterhead(RECEPTIONIST) == saved
    with db.reader() as s:
        [after] = s.scalars(select(AuditEvent.details)
                            .where(AuditEvent.action == "settings_changed"))
    assert after["after"]["licence"] == "1234"
    assert "website" not in after["after"]  # only what changed
    with pytest.raises(UserError, match="a4 or 80mm"):
        settings.set_letterhead(ADMINISTRATOR, Letterhead(receipt_paper="letter"))
    with pytest.raises(UserError, match="longer than"):
        settings.set_letterhead(ADMINISTRATOR, Letterhead(address="ش" * 201))
    # the receipt follows the Settings' paper unless asked for another
    docs = DocumentService(db)
    assert _page_width_mm(docs.receipt(RECEPTIONIST, REFS[1])) == 80
    assert _page_width_mm(docs.receipt(RECEPTIONIST, REFS[1], paper="a4")) == 210


def _page_width_mm(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width) / 72 * 25.4)


def _text(pdf: bytes, tmp: Path) -> str:
    path = tmp / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)
    text = unicodedata.normalize("NFKC", out.stdout.decode("utf-8"))
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cf").split())


@needs_poppler
def test_contact_details_are_printed_only_when_filled(decided: Database, tmp_path: Path) -> None:
    db, docs = decided, DocumentService(decided)
    bare = _text(docs.receipt(RECEPTIONIST, REFS[1], language="en"), tmp_path)
    assert "Tel.:" not in bare and "Licence No." not in bare and "Web:" not in bare
    SiteSettingsService(db).set_letterhead(ADMINISTRATOR, Letterhead(
        phone="+966 11 234 5678", website="www.makarem.example.sa", licence="1234",
        address="الرياض، حي النسيم", signatory_name="خالد الدوسري",
        signatory_title="رئيس لجنة البحث"))
    receipt = _text(docs.receipt(RECEPTIONIST, REFS[1], language="en"), tmp_path)
    assert "Tel.: +966 11 234 5678" in receipt and "Web: www.makarem.example.sa" in receipt
    assert "Licence No.: 1234" in receipt
    letter = _text(docs.decision_letter(RECEPTIONIST, REFS[0], now=IN_1448), tmp_path)
    for shown in ("TST1/1448/0001", "رئيس لجنة البحث", "خالد الدوسري", "الختم", "1234",
                  "www.makarem.example.sa", "رجب 1448", "ديسمبر 2026"):
        assert shown in letter, shown


@needs_poppler
def test_command_line_letterhead_receipt_paper_and_verify(
        decided: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = decided
    url = db.url.render_as_string(hide_password=False)
    assert main(["--db", url, "letterhead", "--phone", "+966 11 234 5678",
                 "--signatory-title", "رئيس لجنة البحث", "--receipt-paper", "80mm",
                 "--by", ADMIN]) == 0
    shown = capsys.readouterr().out
    assert "phone                +966 11 234 5678" in shown and "80mm" in shown
    assert main(["--db", url, "letterhead", "--licence", "99", "--by", "nobody"]) == 1
    receipt = tmp_path / "r.pdf"
    assert main(["--db", url, "print-receipt", "--reference", REFS[1], "--paper", "a4",
                 "--out", str(receipt), "--by", ADMIN]) == 0
    assert _page_width_mm(receipt.read_bytes()) == 210
    letter = tmp_path / "l.pdf"
    assert main(["--db", url, "print-decision", "--reference", REFS[0], "--out", str(letter),
                 "--by", ADMIN]) == 0
    capsys.readouterr()
    for command in ("verify", "verify-declaration"):
        assert main(["--db", url, command, str(letter)]) == 0
        assert capsys.readouterr().out.startswith("MATCH: the decision letter TST1/")
    assert main(["--db", url, "verify", str(receipt)]) == 0
    assert "MATCH: the receipt of application TST1-2026-000012" in capsys.readouterr().out
    assert main(["--db", url, "verify", "--payload",
                 f"MKD1|{REFS[0]}|L|TST1/1448/0001|{'0' * 16}"]) == 1
    assert capsys.readouterr().out.startswith("NOT RECORDED")
    assert main(["--db", url, "verify", "--payload", f"MKD1|{REFS[0]}|X|abc"]) == 1
    assert "damaged" in capsys.readouterr().err


def test_setup_takes_the_contact_details(blank_db: Database, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    url = blank_db.url.render_as_string(hide_password=False)
    monkeypatch.setenv("MAKAREM_ADMIN_PASSWORD", "a-long-enough-pass-1")
    assert main(["--db", url, "setup", "--site-code", "JED1", "--role", "site",
                 "--association", "جمعية مكارم", "--association-en", "Makarem",
                 "--admin", "admin", "--admin-name", "مدير النظام",
                 "--phone", "+966 12 000 0000", "--website", "makarem.example.sa"]) == 0
    head = SiteSettingsService(blank_db).letterhead(ADMINISTRATOR)
    assert (head.phone, head.website, head.licence) == ("+966 12 000 0000",
                                                        "makarem.example.sa", "")
    capsys.readouterr()
