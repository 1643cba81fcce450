"""Issue 11, "dates as the document says them": a Hijri birth date typed from an identity card
is printed back exactly as typed, whichever Umm al-Qura table converts it."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import unicodedata
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from test_beneficiaries import CLERK, TODAY, person

from makarem_desk.cli import main
from makarem_desk.db import Database
from makarem_desk.models import Application, Beneficiary, Program, ProgramCategory
from makarem_desk.services.beneficiaries import BeneficiaryService
from makarem_desk.validation import dates
from makarem_desk.validation.dates import HijriParts, parse_date, typed_hijri

# Measured 2026-11-30 with ICU 78.2's islamic-umalqura (node's Intl.DateTimeFormat): for
# 1985-01-01 ICU says 9 Rabi al-Akhir 1405, hijridate's table 10 Rabi al-Akhir 1405.
# Dates before 1420 AH are where the tables part (validation/dates.py).
CARD = "1405/04/10"
CARD_DAY = date(1985, 1, 1)
ICU_SAYS = HijriParts(1405, 4, 9)

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler")


def test_the_table_in_use_and_where_icu_disagrees() -> None:
    assert parse_date(CARD) == CARD_DAY
    assert dates.to_hijri(CARD_DAY) == HijriParts(1405, 4, 10) != ICU_SAYS
    assert "hijridate" in (dates.__doc__ or "") and "1420" in (dates.__doc__ or "")


@pytest.mark.parametrize(("typed", "parts"), [
    ("1405/04/10", HijriParts(1405, 4, 10)),
    ("10/4/1405 هـ", HijriParts(1405, 4, 10)),
    ("١٤٠٥/٠٤/١٠", HijriParts(1405, 4, 10)),
    ("1405-4-10 AH", HijriParts(1405, 4, 10)),
    ("1985-01-01", None),
    ("01/01/1985", None),
    ("", None),
])
def test_typed_hijri_keeps_the_day_as_typed(typed: str, parts: HijriParts | None) -> None:
    assert typed_hijri(typed) == parts
    assert typed_hijri(CARD_DAY) is None  # a date object was not typed in Hijri


def _icu_table(real: object) -> object:
    """``to_hijri`` as a program using ICU's table would answer, one day off before 1420."""
    def to_hijri(d: date) -> HijriParts | None:
        if d == CARD_DAY:
            return ICU_SAYS
        return real(d)  # type: ignore[operator, no-any-return]
    return to_hijri


@pytest.fixture
def card_db(any_db: Database) -> tuple[Database, uuid.UUID, uuid.UUID]:
    """Two people born the same day: one typed from the card in Hijri, one in Gregorian."""
    svc = BeneficiaryService(any_db, today=TODAY)
    typed_id = svc.register(CLERK, person(birth_date=CARD + " هـ"))
    gregorian_id = svc.register(CLERK, person(birth_date="1985-01-01", first_name="خالد",
                                              identity_number="1000000008"))
    with any_db.session() as s:
        program = Program(code="ACAD-ENGL", name_ar="دورة اللغة الإنجليزية",
                          name_en="English language course",
                          category=ProgramCategory.ACADEMIC)
        s.add(program)
        s.flush()
        for n, bid in enumerate((typed_id, gregorian_id), start=1):
            s.add(Application(reference=f"TST1-2026-00000{n}", beneficiary_id=bid,
                              program_id=program.id,
                              created_at=datetime(2026, 11, 29, tzinfo=UTC)))
    return any_db, typed_id, gregorian_id


def test_the_typed_form_is_kept_with_the_record_and_follows_edits(
    card_db: tuple[Database, uuid.UUID, uuid.UUID],
) -> None:
    db, typed_id, gregorian_id = card_db
    with db.reader() as s:
        rows = dict(s.execute(select(Beneficiary.id, Beneficiary.extra)).all())
        birth = s.execute(select(Beneficiary.birth_date)
                          .where(Beneficiary.id == typed_id)).scalar_one()
    assert birth == CARD_DAY  # stored Gregorian, as before
    assert rows[typed_id]["typed_hijri"] == {"birth_date": CARD,
                                             "identity_expiry": "1450/01/01"}
    assert rows[gregorian_id]["typed_hijri"] == {"identity_expiry": "1450/01/01"}
    svc = BeneficiaryService(db, today=TODAY)

    def kept() -> object:
        with db.reader() as s:
            extra = s.execute(select(Beneficiary.extra)
                              .where(Beneficiary.id == typed_id)).scalar_one()
        return extra.get("typed_hijri")

    # An edit that shows the dates back as dates (or the same day in Gregorian) keeps what
    # the card says; a different day typed in Gregorian drops it.
    view = svc.get(CLERK, typed_id)
    svc.update(CLERK, typed_id, dataclasses.replace(view.as_input(), city="جدة"),
               view.version)
    view = svc.get(CLERK, typed_id)
    svc.update(CLERK, typed_id, dataclasses.replace(view.as_input(), birth_date="1985-01-01"),
               view.version)
    assert kept() == {"birth_date": CARD, "identity_expiry": "1450/01/01"}
    view = svc.get(CLERK, typed_id)
    svc.update(CLERK, typed_id, dataclasses.replace(view.as_input(), birth_date="1985-01-02"),
               view.version)
    assert kept() == {"identity_expiry": "1450/01/01"}
    view = svc.get(CLERK, typed_id)
    svc.update(CLERK, typed_id, dataclasses.replace(view.as_input(), birth_date=CARD),
               view.version)
    assert kept() == {"birth_date": CARD, "identity_expiry": "1450/01/01"}


def _pdftext(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)
    text = unicodedata.normalize("NFKC", out.stdout.decode("utf-8"))
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cf").split())


@needs_poppler
def test_the_declaration_prints_the_card_date_whichever_table_converts(
    card_db: tuple[Database, uuid.UUID, uuid.UUID], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, _typed_id, _gregorian_id = card_db
    url = db.url.render_as_string(hide_password=False)
    # Another Umm al-Qura table (ICU's) converts the Gregorian day back.
    monkeypatch.setattr(dates, "to_hijri", _icu_table(dates.to_hijri))

    def declaration(national_id: str, language: str) -> str:
        out = tmp_path / f"{national_id}-{language}.pdf"
        assert main(["--db", url, "declaration", "--national-id", national_id,
                     "--language", language, "--out", str(out)]) == 0
        return _pdftext(out)

    typed_en = declaration(person().identity_number or "", "en")
    assert "1 January 1985 (10 Rabi al-Akhir 1405 AH)" in typed_en
    typed_ar = "".join(declaration(person().identity_number or "", "ar").split())
    assert "10ربيعالآخر1405" in typed_ar or "1405ربيعالآخر10" in typed_ar
    # The same day typed in Gregorian has only the conversion to print: ICU's here, which
    # shows the patch is in force and that the typed record did not go through it.
    converted_en = declaration("1000000008", "en")
    assert "1 January 1985 (9 Rabi al-Akhir 1405 AH)" in converted_en
