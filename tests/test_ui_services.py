"""Auth, first-run set-up and the Today figures (plain pytest, no Qt)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from makarem_desk.errors import PermissionDenied, UserError
from makarem_desk.models import (
    Application,
    ApplicationStatus,
    Beneficiary,
    IdentityType,
    InterviewDraft,
    Program,
    ProgramCategory,
    Referral,
    Role,
)
from makarem_desk.services.actor import SYSTEM as ADMIN
from makarem_desk.services.auth import (
    MAX_FAILURES,
    AuthService,
    hash_password,
    verify_password,
)
from makarem_desk.services.dashboard import DashboardService
from makarem_desk.services.setup import SetupInput, SetupService

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20


def _setup(db, **over) -> None:  # type: ignore[no-untyped-def]
    data = dict(site_code="ryd1", association_name="جمعية مكارم الأخلاق",
                association_name_en="Makarem Association", admin_username="Admin",
                admin_full_name="مدير النظام", admin_password="s3cret-pass", logo_png=PNG)
    data.update(over)
    SetupService(db).complete(SetupInput(**data))


def test_password_hash_is_salted_and_verifies() -> None:
    a, b = hash_password("كلمة سر طويلة"), hash_password("كلمة سر طويلة")
    assert a != b and a.startswith("$argon2id$")
    assert verify_password("كلمة سر طويلة", a)
    assert not verify_password("كلمة سر طويلة!", a)
    assert not verify_password("x", "garbage")


def test_setup_creates_site_and_admin_once(any_blank_db) -> None:  # type: ignore[no-untyped-def]
    db = any_blank_db
    svc = SetupService(db)
    assert svc.needs_setup()
    _setup(db)
    assert not svc.needs_setup()
    info = svc.site_info()
    assert info is not None and info.id == "RYD1" and info.logo_png == PNG
    assert db.site_id == "RYD1"
    actor = AuthService(db).login("ADMIN", "s3cret-pass")
    assert actor.role is Role.ADMINISTRATOR and actor.username == "admin"
    with pytest.raises(UserError) as e:
        _setup(db)
    assert "already" in e.value.message


@pytest.mark.parametrize(
    "field,value,needle",
    [("site_code", "R", "site code"), ("site_code", "ري١", "site code"),
     ("association_name", "  ", "Arabic name"), ("admin_password", "short", "at least"),
     ("admin_username", "م", "user name"), ("logo_png", b"GIF89a", "PNG")],
)
def test_setup_rejects_bad_input_and_writes_nothing(blank_db, field, value, needle) -> None:  # type: ignore[no-untyped-def]
    db = blank_db
    with pytest.raises(UserError) as e:
        _setup(db, **{field: value})
    assert needle in e.value.message and e.value.message_ar != e.value.message
    assert SetupService(db).needs_setup()


def test_login_lockout_after_repeated_failures(any_blank_db) -> None:  # type: ignore[no-untyped-def]
    db = any_blank_db
    _setup(db)
    now = [datetime(2026, 11, 29, 9, 0, tzinfo=UTC)]
    auth = AuthService(db, clock=lambda: now[0])
    for _ in range(MAX_FAILURES):
        with pytest.raises(UserError, match="Wrong user name"):
            auth.login("admin", "wrong-password")
    with pytest.raises(UserError, match="Too many"):
        auth.login("admin", "s3cret-pass")  # even the right password waits
    now[0] += timedelta(minutes=16)
    assert auth.login("admin", "s3cret-pass").username == "admin"
    # An unknown user name is refused with the same message.
    with pytest.raises(UserError, match="Wrong user name"):
        auth.login("nobody", "whatever-pass")


def test_admin_manages_users_receptionist_cannot(any_blank_db) -> None:  # type: ignore[no-untyped-def]
    db = any_blank_db
    _setup(db)
    auth = AuthService(db)
    admin = auth.login("admin", "s3cret-pass")
    uid = auth.create_user(admin, "sara", "سارة العتيبي", Role.RECEPTIONIST, "pass-1234")
    sara = auth.login("sara", "pass-1234")
    with pytest.raises(PermissionDenied):
        auth.create_user(sara, "x1", "س", Role.ADMINISTRATOR, "pass-1234")
    with pytest.raises(UserError, match="taken"):
        auth.create_user(admin, "Sara", "سارة", Role.RECEPTIONIST, "pass-1234")
    auth.reset_password(admin, uid, "new-pass-99")
    with pytest.raises(UserError):
        auth.login("sara", "pass-1234")
    assert auth.login("sara", "new-pass-99").role is Role.RECEPTIONIST
    auth.set_language(admin, uid, "en")
    assert auth.get(admin, uid).language == "en"
    auth.set_active(admin, uid, False)
    with pytest.raises(UserError):
        auth.login("sara", "new-pass-99")
    with pytest.raises(UserError):
        auth.set_active(admin, admin.user_id, False)  # type: ignore[arg-type]


def test_change_own_password(blank_db) -> None:  # type: ignore[no-untyped-def]
    db = blank_db
    _setup(db)
    auth = AuthService(db)
    admin = auth.login("admin", "s3cret-pass")
    with pytest.raises(UserError, match="current password"):
        auth.change_password(admin, "nope-nope", "another-pass")
    auth.change_password(admin, "s3cret-pass", "another-pass")
    assert auth.login("admin", "another-pass").username == "admin"


def test_dashboard_today(any_blank_db) -> None:  # type: ignore[no-untyped-def]
    db = any_blank_db
    _setup(db)
    now = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
    with db.session() as s:
        prog = Program(code="TRAIN1", name_ar="برنامج التدريب", name_en="Training",
                       category=ProgramCategory.ACADEMIC)
        ben = Beneficiary(first_name="أحمد", father_name="محمد", family_name="القحطاني",
                          identity_type=IdentityType.CITIZEN_ID, identity_number="1000000008")
        s.add_all([prog, ben])
        s.flush()

        def app(ref: str, status: ApplicationStatus, due_days: int | None) -> Application:
            due = now + timedelta(days=due_days) if due_days is not None else None
            a = Application(reference=ref, beneficiary_id=ben.id, program_id=prog.id,
                            status=status, response_due=due)
            s.add(a)
            return a

        app("RYD1-2026-000001", ApplicationStatus.SUBMITTED, 10)
        app("RYD1-2026-000002", ApplicationStatus.SUBMITTED, -3)
        app("RYD1-2026-000003", ApplicationStatus.INCOMPLETE, None)
        app("RYD1-2026-000004", ApplicationStatus.ACCEPTED, -30)
        s.add(Referral(beneficiary_id=ben.id, reason="لم تتضح الإجراءات"))
        s.add(InterviewDraft(step="identity", state={"beneficiary_name": "خالد"},
                             status="open", id=uuid.uuid4()))
        s.add(InterviewDraft(step="reception", state={}, status="open"))  # nothing done yet
        s.add(InterviewDraft(step="done", state={}, status="finished"))
        s.add(InterviewDraft(kind="contact", step="who", state={}, status="open"))
    t = DashboardService(db, clock=lambda: now).today(ADMIN)
    assert [a.reference for a in t.awaiting_committee] == ["RYD1-2026-000001"]
    assert t.awaiting_committee[0].days_left == 10
    assert [a.reference for a in t.overdue] == ["RYD1-2026-000002"]
    assert t.overdue[0].days_left == -3
    assert [a.reference for a in t.incomplete] == ["RYD1-2026-000003"]
    assert t.open_referrals[0].beneficiary_name == "أحمد محمد القحطاني"
    assert [d.beneficiary_name for d in t.interviews_in_progress] == ["خالد"]
    assert len(t.interviews_waiting) == 1
    assert t.counts == {"overdue": 1, "awaiting_committee": 1, "incomplete": 1,
                        "open_referrals": 1, "interviews_in_progress": 1,
                        "interviews_waiting": 1}


def test_dashboard_counts_beyond_the_listed_rows(blank_db) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.services.dashboard import LIST_LIMIT

    db = blank_db
    _setup(db)
    now = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
    with db.session() as s:
        prog = Program(code="VOL1", name_ar="تطوع", name_en="Volunteering",
                       category=ProgramCategory.VOLUNTEERING)
        s.add(prog)
        s.flush()
        for i in range(LIST_LIMIT + 5):
            ben = Beneficiary(first_name=f"م{i}", identity_type=IdentityType.NONE)
            s.add(ben)
            s.flush()
            s.add(Application(reference=f"RYD1-2026-{i:06d}", beneficiary_id=ben.id,
                              program_id=prog.id, status=ApplicationStatus.SUBMITTED,
                              response_due=now - timedelta(days=1 + i)))
    t = DashboardService(db, clock=lambda: now).today(ADMIN)
    assert t.counts["overdue"] == LIST_LIMIT + 5
    assert len(t.overdue) == LIST_LIMIT
    assert t.overdue[0].days_left == -(LIST_LIMIT + 5)  # the longest overdue first
