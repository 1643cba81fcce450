"""Replacing the forms folder (Governance): preview, install, history, audit, permissions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from makarem_desk.audit import verify_chain
from makarem_desk.checklists import default_forms_dir, load_forms
from makarem_desk.checklists.installed import FormsStore
from makarem_desk.cli import main as cli
from makarem_desk.db import Database
from makarem_desk.documents.wording import default_wording_dir, load_wording
from makarem_desk.errors import PermissionDenied, UserError
from makarem_desk.models import Role
from makarem_desk.resources import forms_path
from makarem_desk.services.actor import SYSTEM, Actor
from makarem_desk.services.audit_trail import AuditEventView, AuditService
from makarem_desk.services.auth import AuthService
from makarem_desk.services.forms_admin import FormsAdminService
from makarem_desk.services.programs import ProgramService
from makarem_desk.services.setup import SetupInput, SetupService

PW = "admin-pass-1"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("MAKAREM_DATA_DIR", str(folder))
    monkeypatch.delenv("MAKAREM_FORMS_DIR", raising=False)
    monkeypatch.delenv("MAKAREM_WORDING_DIR", raising=False)
    return folder


@pytest.fixture
def db(blank_db: Database) -> Database:
    """Set up below through the service, as the first run does."""
    return blank_db


@pytest.fixture
def admin(db: Database) -> Actor:
    SetupService(db).complete(SetupInput(
        site_code="RYD1", association_name="جمعية مكارم الأخلاق الخيرية",
        association_name_en="Makarem Charitable Association", admin_username="admin",
        admin_full_name="مدير النظام", admin_password=PW))
    return AuthService(db).login("admin", PW)


@pytest.fixture
def service(db: Database, data_dir: Path) -> FormsAdminService:
    return FormsAdminService(db)


def candidate(tmp_path: Path, name: str = "candidate") -> Path:
    folder = tmp_path / name
    shutil.copytree(forms_path(), folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rename_and_reword(folder: Path) -> None:
    edit(folder / "checklists" / "academic.yaml", "id: experience_years", "id: years_of_experience")
    edit(folder / "checklists" / "academic.yaml", "label_en: Applicant's academic qualification",
         "label_en: The applicant's highest qualification")
    edit(folder / "documents" / "declaration.ar.txt", "\n---\n", "\n---\nنص إضافي للإقرار.\n\n")


def events(db: Database, action: str) -> list[AuditEventView]:
    return AuditService(db).events(SYSTEM, action=action)


def test_preview_names_a_renamed_item_a_reworded_one_and_changed_wording(
        service: FormsAdminService, admin: Actor, tmp_path: Path) -> None:
    folder = candidate(tmp_path)
    rename_and_reword(folder)
    p = service.preview(admin, folder)
    assert p.ok and p.can_apply and p.in_use_version is None
    found = {(c.area, c.kind, c.name): c for c in p.changes}
    renamed = found[("item", "renamed", "years_of_experience")]
    assert (renamed.before, renamed.where) == ("experience_years", "checklist:academic")
    reworded = found[("item", "reworded", "qualification")]
    assert reworded.after == "The applicant's highest qualification"
    wording = found[("wording", "changed", "declaration.ar")]
    assert wording.before == load_wording("declaration", "ar", forms_path("documents")).version_hash
    assert wording.after != wording.before
    assert p.summary == {"item_renamed": 1, "item_reworded": 1, "wording_changed": 1}
    assert "experience_years renamed to years_of_experience" in renamed.describe()


def test_preview_of_the_forms_in_use_changes_nothing(service: FormsAdminService,
                                                     admin: Actor) -> None:
    p = service.preview(admin, forms_path())
    assert p.ok and p.same_as_in_use and not p.can_apply and p.changes == ()


def test_program_changes_are_listed(service: FormsAdminService, admin: Actor,
                                    tmp_path: Path) -> None:
    folder = candidate(tmp_path)
    edit(folder / "programs.yaml", "name_en: Accounting training program",
         "name_en: Accounting course")
    edit(folder / "programs.yaml", "code: QURAN-MEMO", "code: QURAN-HIFZ")
    changes = {(c.area, c.kind, c.name): c for c in service.preview(admin, folder).changes}
    assert changes[("program", "changed", "TRN-ACCOUNTING")].fields == ("name_en",)
    assert ("program", "added", "QURAN-HIFZ") in changes
    assert ("program", "removed", "QURAN-MEMO") in changes


def test_a_broken_folder_is_refused_and_audited(service: FormsAdminService, admin: Actor,
                                                db: Database, tmp_path: Path) -> None:
    folder = candidate(tmp_path)
    edit(folder / "checklists" / "academic.yaml", "kind: yes_no", "kind: yes-or-no")
    edit(folder / "documents" / "receipt.en.txt", "{reference}", "{no_such_field}")
    p = service.preview(admin, folder)
    assert not p.ok and not p.can_apply
    files = {x.file for x in p.problems}
    assert "checklists/academic.yaml" in files and "documents/receipt.en.txt" in files
    with pytest.raises(UserError, match="problem"):
        service.apply(admin, folder)
    assert service.history(admin) == []
    assert not (service.store.root / "versions").exists() or not any(
        (service.store.root / "versions").iterdir())
    assert default_forms_dir() == forms_path()
    [refused] = events(db, "forms_apply_refused")
    assert refused.username == "admin" and refused.details["problems"]


def test_a_folder_without_documents_is_a_problem(service: FormsAdminService, admin: Actor,
                                                 tmp_path: Path) -> None:
    folder = candidate(tmp_path)
    shutil.rmtree(folder / "documents")
    p = service.preview(admin, folder)
    assert [x.file for x in p.problems] == ["documents"]


def test_apply_installs_keeps_history_and_audits(service: FormsAdminService, admin: Actor,
                                                 db: Database, data_dir: Path,
                                                 tmp_path: Path) -> None:
    ProgramService(db).load(admin, load_forms(forms_path()))
    folder = candidate(tmp_path)
    rename_and_reword(folder)
    edit(folder / "programs.yaml", "name_en: Accounting training program",
         "name_en: Accounting course")
    p = service.preview(admin, folder)
    report = service.apply(admin, folder, expected_hash=p.version_hash)

    v = report.version
    assert (v.number, v.hash, v.by, v.by_name) == (1, p.version_hash, "admin", "مدير النظام")
    installed = data_dir / "forms" / v.folder
    assert installed.is_dir() and default_forms_dir() == installed
    assert default_wording_dir() == installed / "documents"
    forms = load_forms()
    assert "years_of_experience" in {i.id for i in forms.eligibility_items("TRN-ACCOUNTING")}
    assert "TRN-ACCOUNTING" in report.programs.updated
    assert ProgramService(db).get_by_code(admin, "TRN-ACCOUNTING").name_en == "Accounting course"
    assert v.summary["item_renamed"] == 1

    [event] = events(db, "forms_applied")
    assert (event.username, event.entity, event.entity_id) == ("admin", "forms", "1")
    assert event.details["before"]["hash"] == p.in_use_hash
    assert event.details["after"] == {"version": 1, "hash": p.version_hash}
    assert any("years_of_experience" in line for line in event.details["changes"])
    with db.reader() as s:
        assert verify_chain(s).ok

    # Going back to the shipped forms is a new version; the one before stays on disk.
    back = service.apply(admin, forms_path())
    history = service.history(admin)
    assert [h.number for h in history] == [2, 1]
    assert back.version.summary["item_renamed"] == 1
    assert installed.is_dir() and default_forms_dir() == data_dir / "forms" / back.version.folder
    assert len(events(db, "forms_applied")) == 2
    with pytest.raises(UserError, match="identical"):
        service.apply(admin, forms_path())


def test_a_folder_edited_after_the_preview_is_refused(service: FormsAdminService,
                                                     admin: Actor, tmp_path: Path) -> None:
    folder = candidate(tmp_path)
    rename_and_reword(folder)
    p = service.preview(admin, folder)
    edit(folder / "documents" / "receipt.ar.txt", "\n---\n", "\n---\nتعديل متأخر.\n\n")
    with pytest.raises(UserError, match="changed after it was previewed"):
        service.apply(admin, folder, expected_hash=p.version_hash)
    assert service.history(admin) == []


def test_a_failure_half_way_leaves_the_previous_version(
        service: FormsAdminService, admin: Actor, db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = candidate(tmp_path)
    rename_and_reword(folder)

    def broken_switch(_versions: object) -> None:
        raise OSError("disk full")

    switch = service.store.write_history
    monkeypatch.setattr(service.store, "write_history", broken_switch)
    with pytest.raises(OSError):
        service.apply(admin, folder)
    assert service.history(admin) == [] and default_forms_dir() == forms_path()
    assert events(db, "forms_applied") == []  # rolled back with the failed switch
    assert not any((service.store.root / "versions").iterdir())

    def no_programs(*_a: object) -> None:
        raise UserError("programs cannot be loaded")

    monkeypatch.setattr(service.store, "write_history", switch)
    monkeypatch.setattr(service.programs, "load", no_programs)
    with pytest.raises(UserError, match="programs cannot"):
        service.apply(admin, folder)
    assert service.history(admin) == [] and not any((service.store.root / "versions").iterdir())


def test_a_receptionist_may_not_preview_apply_or_list(service: FormsAdminService, admin: Actor,
                                                      db: Database, tmp_path: Path) -> None:
    AuthService(db).create_user(admin, "reem", "ريم الدوسري", Role.RECEPTIONIST, "reem-pass-1")
    reem = AuthService(db).login("reem", "reem-pass-1")
    folder = candidate(tmp_path)
    rename_and_reword(folder)
    for call in (lambda: service.preview(reem, folder), lambda: service.apply(reem, folder),
                 lambda: service.history(reem)):
        with pytest.raises(PermissionDenied):
            call()
    assert service.history(admin) == []


def test_an_unreadable_history_is_a_worded_error(data_dir: Path) -> None:
    store = FormsStore()
    store.root.mkdir(parents=True)
    store.history_path.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="cannot be read"):
        default_forms_dir()


def test_cli_preview_apply_history(db: Database, admin: Actor, data_dir: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    url = str(db.url)
    folder = candidate(tmp_path)
    rename_and_reword(folder)
    assert cli(["--db", url, "forms", "history"]) == 0
    assert "shipped with the application" in capsys.readouterr().out
    assert cli(["--db", url, "forms", "preview", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "experience_years renamed to years_of_experience" in out
    assert "declaration.ar changed" in out
    assert cli(["--db", url, "forms", "apply", str(folder)]) == 0
    assert "Installed forms version 1" in capsys.readouterr().out
    assert cli(["--db", url, "forms", "history"]) == 0
    assert "(in use)" in capsys.readouterr().out
    broken = candidate(tmp_path, "broken")
    (broken / "interview.yaml").write_text("form: [", encoding="utf-8")
    assert cli(["--db", url, "forms", "preview", str(broken)]) == 1
    assert "cannot be installed" in capsys.readouterr().out
    assert cli(["--db", url, "forms", "apply", str(broken)]) == 1
    assert "not installed" in capsys.readouterr().err
