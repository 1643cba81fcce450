"""The policy rules held by the services: POL-H4/H5/H6, roles, references, declarations,
programs and satisfaction — on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from db_support import become_committee, sqlite_database
from interview_support import COMMITTEE, PNG, RECEPTIONIST, RESEARCHER, person
from sqlalchemy import select

from makarem_desk.checklists import load_forms
from makarem_desk.db import Database
from makarem_desk.documents.wording import load_wording
from makarem_desk.errors import PermissionDenied, PolicyViolation, UserError
from makarem_desk.models import ApplicationStatus, DocumentWording, SignatureMode
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.applications import ApplicationDraft, ApplicationService
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.services.declarations import DeclarationService
from makarem_desk.services.programs import ProgramService
from makarem_desk.services.satisfaction import SatisfactionInput, SatisfactionService
from makarem_desk.snapshot import sha256_of

FORMS = load_forms()


def _setup(db: Database) -> uuid.UUID:
    ProgramService(db).load(SYSTEM, FORMS)
    return BeneficiaryService(db).register(RECEPTIONIST, BeneficiaryInput(**person()))


def _open(db: Database, bid: uuid.UUID, missing: list | None = None, code: str = "FIELD-CONF"):
    return ApplicationService(db).open(RECEPTIONIST, ApplicationDraft(
        beneficiary_id=bid, program_code=code, form_version_hash=FORMS.version_hash_for(code),
        outcome="incomplete" if missing else "eligible", missing_items=missing or []))


def _signed(db: Database, app_id: uuid.UUID) -> uuid.UUID:
    decls = DeclarationService(db)
    d = decls.prepare(RECEPTIONIST, app_id, "ar")
    decls.sign_on_paper(RECEPTIONIST, d)
    return d


def test_no_committee_without_a_signed_declaration(any_db):
    app = _open(any_db, _setup(any_db))
    apps = ApplicationService(any_db)
    with pytest.raises(PolicyViolation, match="POL-H4") as err:
        apps.submit(RECEPTIONIST, app.id)
    assert "إقرار" in err.value.message_ar
    DeclarationService(any_db).prepare(RECEPTIONIST, app.id, "ar")  # prepared, not signed
    with pytest.raises(PolicyViolation, match="POL-H4"):
        apps.submit(RECEPTIONIST, app.id)
    assert apps.get(RECEPTIONIST, app.id).status is ApplicationStatus.DRAFT


def test_response_due_is_two_weeks_after_submission(any_db):
    app = _open(any_db, _setup(any_db))
    _signed(any_db, app.id)
    now = datetime(2026, 11, 29, 10, 15, tzinfo=UTC)
    done = ApplicationService(any_db).submit(RECEPTIONIST, app.id, now=now)
    assert done.submitted_at == now and done.registration_completed_at == now
    assert done.response_due == now + timedelta(days=14)


def test_registration_waits_for_missing_items(any_db):
    missing = [{"id": "certificates", "label_ar": "الشهادات", "label_en": "Certificates"}]
    app = _open(any_db, _setup(any_db), missing=missing)
    _signed(any_db, app.id)
    apps = ApplicationService(any_db)
    with pytest.raises(PolicyViolation, match="Certificates"):
        apps.submit(RECEPTIONIST, app.id)
    assert apps.mark_incomplete(RECEPTIONIST, app.id).status is ApplicationStatus.INCOMPLETE
    with pytest.raises(UserError):
        apps.provide_items(RECEPTIONIST, app.id, ["cv"])
    apps.provide_items(RECEPTIONIST, app.id, ["certificates"])
    assert apps.submit(RECEPTIONIST, app.id).status is ApplicationStatus.SUBMITTED


def test_only_allowed_roles_change_a_status(any_db):
    app = _open(any_db, _setup(any_db))
    _signed(any_db, app.id)
    apps = ApplicationService(any_db)
    with pytest.raises(PermissionDenied):
        apps.submit(RESEARCHER, app.id)
    apps.submit(RECEPTIONIST, app.id)
    with pytest.raises(PermissionDenied):
        apps.record_decision(COMMITTEE, app.reference, True, "")  # not at a counter
    become_committee(any_db)
    with pytest.raises(PermissionDenied):
        apps.record_decision(RECEPTIONIST, app.reference, True, "")
    with pytest.raises(UserError, match="reason"):
        apps.record_decision(COMMITTEE, app.reference, False, " ")
    decided = apps.record_decision(COMMITTEE, app.reference, True, "مستوفٍ للشروط")
    assert decided.status is ApplicationStatus.ACCEPTED and decided.decided_by == "سعد الشهري"
    # The same decision again (a batch imported twice) changes nothing; another one is refused.
    assert apps.record_decision(COMMITTEE, app.reference, True, "مستوفٍ للشروط").version == \
        decided.version
    with pytest.raises(PolicyViolation):
        apps.record_decision(COMMITTEE, app.reference, False, "تراجع")


def test_decision_only_for_a_submitted_application(any_db):
    app = _open(any_db, _setup(any_db))
    become_committee(any_db)
    with pytest.raises(PolicyViolation):
        ApplicationService(any_db).record_decision(COMMITTEE, app.reference, True, "x")


def test_references_are_readable_and_sequential_per_site(db):
    bid = _setup(db)
    refs = [_open(db, bid).reference for _ in range(3)]
    year = datetime.now(UTC).year
    assert refs == [f"TST1-{year}-{n:06d}" for n in (1, 2, 3)]
    assert ApplicationService(db).get_by_reference(RECEPTIONIST, refs[1].lower()).reference == refs[1]


def test_two_counters_sharing_a_database_never_share_a_reference(any_db):
    bid = _setup(any_db)
    other = Database(str(any_db.url.render_as_string(hide_password=False)))  # a 2nd PC
    counters = [any_db, other]
    refs: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(db: Database) -> None:
        try:
            for _ in range(6):
                ref = _open(db, bid).reference
                with lock:
                    refs.append(ref)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(counters[i % 2],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    other.dispose()
    assert not errors, errors
    year = datetime.now(UTC).year
    assert sorted(refs) == [f"TST1-{year}-{n:06d}" for n in range(1, 25)]


def test_declaration_snapshot_and_wording_version(any_db):
    app = _open(any_db, _setup(any_db))
    decls = DeclarationService(any_db)
    now = datetime(2026, 11, 29, 10, 15, tzinfo=UTC)
    did = decls.prepare(RECEPTIONIST, app.id, "ar", now=now)
    d = decls.get(RECEPTIONIST, did)
    snap = d.data_snapshot
    assert set(snap) == {"reference", "application_id", "language", "beneficiary", "program",
                         "missing_items", "earliest_answer_date", "prepared_at", "site"}
    assert snap["earliest_answer_date"] == "2026-12-13"  # POL-H5
    assert snap["beneficiary"]["phone"] == "+966501234567"
    assert snap["program"] == {"code": "FIELD-CONF", "name_ar": FORMS.programs["FIELD-CONF"].name_ar,
                               "name_en": FORMS.programs["FIELD-CONF"].name_en,
                               "category": "field"}
    assert d.snapshot_sha256 == sha256_of(snap)
    assert d.wording_version == load_wording("declaration", "ar").version_hash
    with any_db.reader() as s:
        assert s.scalars(select(DocumentWording.version_hash)).all() == [d.wording_version]
    assert decls.prepare(RECEPTIONIST, app.id, "ar") == did  # unchanged data: same declaration
    decls.sign_on_screen(RECEPTIONIST, did, PNG)
    decls.sign_on_screen(RECEPTIONIST, did, PNG)  # the same signature again: no change
    with pytest.raises(PolicyViolation):
        decls.sign_on_paper(RECEPTIONIST, did)
    assert decls.get(RECEPTIONIST, did).signature_mode is SignatureMode.ON_SCREEN
    assert decls.prepare(RECEPTIONIST, app.id, "ar") != did  # signed: a new one is prepared
    with pytest.raises(UserError):
        decls.attach_pdf(RECEPTIONIST, did, b"not a pdf")
    decls.attach_pdf(RECEPTIONIST, did, b"%PDF-1.4 ...")
    assert decls.get(RECEPTIONIST, did).has_pdf


def test_signature_must_be_a_png(db):
    app = _open(db, _setup(db))
    decls = DeclarationService(db)
    did = decls.prepare(RECEPTIONIST, app.id, "en")
    with pytest.raises(UserError):
        decls.sign_on_screen(RECEPTIONIST, did, b"GIF89a" + bytes(100))
    assert not decls.get(RECEPTIONIST, did).is_signed


def test_programs_load_is_idempotent_and_follows_the_files(db, tmp_path):
    svc = ProgramService(db)
    first = svc.load(SYSTEM, FORMS)
    assert len(first.added) == len(FORMS.programs) and not first.updated
    again = svc.load(SYSTEM, FORMS)
    assert not again.added and not again.updated and len(again.unchanged) == len(FORMS.programs)
    import shutil

    from makarem_desk.checklists.loader import default_forms_dir

    folder = tmp_path / "forms"
    shutil.copytree(default_forms_dir(), folder, ignore=shutil.ignore_patterns("documents"))
    text = (folder / "programs.yaml").read_text(encoding="utf-8")
    start = text.index("  - code: FIELD-FAMILY-DAY")
    text = text[:start].replace("name_en: Annual beneficiaries' field conference",
                                "name_en: Annual beneficiaries' conference")
    (folder / "programs.yaml").write_text(text, encoding="utf-8")
    changed = svc.load(SYSTEM, load_forms(folder))
    assert changed.updated == ("FIELD-CONF",) and changed.deactivated == ("FIELD-FAMILY-DAY",)
    assert svc.get_by_code(SYSTEM, "FIELD-CONF").name_en == "Annual beneficiaries' conference"
    assert "FIELD-FAMILY-DAY" not in {p.code for p in svc.list(SYSTEM)}
    assert "FIELD-FAMILY-DAY" in {p.code for p in svc.list(SYSTEM, active_only=False)}


def test_satisfaction_is_anonymous_by_default_and_aggregated_only(db):
    svc = SatisfactionService(db, FORMS.satisfaction)
    bid = _setup(db)
    for score in (5, 4, 2):
        svc.record(RECEPTIONIST, SatisfactionInput(score=score, beneficiary_id=bid))
    svc.record(RECEPTIONIST, SatisfactionInput(score=5, anonymous=False, beneficiary_id=bid,
                                               channel="phone"))
    for bad in (0, 6, 3.5, True, None):
        with pytest.raises(UserError):
            svc.record(RECEPTIONIST, SatisfactionInput(score=bad))  # type: ignore[arg-type]
    with pytest.raises(UserError):
        svc.record(RECEPTIONIST, SatisfactionInput(score=3, answers={"procedure_ease": "bad"}))
    summary = svc.summary(RECEPTIONIST)
    assert summary.count == 4 and summary.average == 4.0
    assert summary.by_score == {2: 1, 4: 1, 5: 2}
    assert summary.by_channel == {"interview": 3.67, "phone": 5.0}
    # POL-G6: no per-staff figures exist in the summary at all.
    assert not any("staff" in f for f in summary.__dataclass_fields__)


def test_earliest_answer_date_counts_from_the_day_in_riyadh():
    from makarem_desk.services.declarations import earliest_answer_date

    # 00:30 on 30 November in Riyadh is still 29 November in UTC.
    late = datetime(2026, 11, 29, 21, 30, tzinfo=UTC)
    assert earliest_answer_date(late).isoformat() == "2026-12-14"
    assert earliest_answer_date(datetime(2026, 11, 29, 9, 0, tzinfo=UTC)).isoformat() == \
        "2026-12-13"


def test_program_ids_are_the_same_on_every_site(tmp_path):
    from makarem_desk.services.programs import program_id

    ids = []
    for site in ("RYD1", "JED1"):
        db = sqlite_database(tmp_path / f"{site}.sqlite3", site)
        ProgramService(db).load(SYSTEM, FORMS)
        ids.append({p.code: p.id for p in ProgramService(db).list(SYSTEM)})
        db.dispose()
    assert ids[0] == ids[1]
    assert ids[0]["FIELD-CONF"] == program_id("FIELD-CONF")


def test_two_counters_loading_programs_at_once(any_db):
    other = Database(str(any_db.url.render_as_string(hide_password=False)))
    errors: list[BaseException] = []

    def load(db: Database) -> None:
        try:
            ProgramService(db).load(SYSTEM, FORMS)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=load, args=(d,)) for d in (any_db, other, any_db)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    other.dispose()
    assert not errors, errors
    assert len(ProgramService(any_db).list(SYSTEM)) == len(FORMS.programs)
