"""A database whose every report figure is known (issue 10), shared by the report tests.

The counter's day of ``NOW`` is Sunday 2026-11-29 (09:00 in Riyadh); the range is
2026-11-01 … 2026-11-29.  Several moments sit near midnight in Riyadh so that counting by
UTC day instead of the Saudi day would give other numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from makarem_desk.db import Database
from makarem_desk.models import (
    Application,
    ApplicationStatus,
    Beneficiary,
    Channel,
    Contact,
    IdentityType,
    Program,
    ProgramCategory,
    Referral,
    ReferralStatus,
    Role,
    SatisfactionResponse,
    User,
)
from makarem_desk.models.enums import ReferralReason, SuggestionStatus

NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
START, END = date(2026, 11, 1), date(2026, 11, 29)
# Staff who recorded contacts and ratings: neither name may appear in any report output.
STAFF_USERNAME, STAFF_NAME = "reem.d", "ريم الدوسري"

CONTACTS = {Channel.INTERVIEW: 3, Channel.PHONE: 2, Channel.SOCIAL_MEDIA: 0,
            Channel.LETTER: 1, Channel.ASSISTANCE_REQUEST: 0, Channel.VOLUNTEERING: 4,
            Channel.WEBSITE: 1}
STATUSES = {ApplicationStatus.DRAFT: 1, ApplicationStatus.INCOMPLETE: 2,
            ApplicationStatus.SUBMITTED: 2, ApplicationStatus.ACCEPTED: 2,
            ApplicationStatus.REJECTED: 1, ApplicationStatus.NOT_ELIGIBLE: 0,
            ApplicationStatus.WITHDRAWN: 1}
# Interview ratings (program TRAIN1): five answers, shown.  Phone ratings (VOL1): four
# answers, suppressed.
INTERVIEW_SCORES = (5, 5, 4, 3, 5)
PHONE_SCORES = (1, 2, 2, 1)


def ksa(d: date, hour: int = 9, minute: int = 0) -> datetime:
    """A moment given in Riyadh time, as the aware UTC value stored."""
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=UTC) - timedelta(hours=3)


def seed(db: Database) -> None:
    with db.session() as s:
        staff = User(username=STAFF_USERNAME, full_name=STAFF_NAME, role=Role.RECEPTIONIST,
                     password_hash="x", language="ar", active=True)
        s.add(staff)
        s.flush()
        train = Program(code="TRAIN1", name_ar="برنامج التدريب", name_en="Training",
                        category=ProgramCategory.ACADEMIC)
        vol = Program(code="VOL1", name_ar="برنامج التطوع", name_en="Volunteering",
                      category=ProgramCategory.VOLUNTEERING)
        ben = Beneficiary(first_name="أحمد", father_name="محمد", family_name="القحطاني",
                          identity_type=IdentityType.NONE, phone="+966500000001")
        s.add_all([train, vol, ben])
        s.flush()

        def contact(channel: Channel, at: datetime) -> None:
            s.add(Contact(channel=channel, purpose="استفسار", started_at=at,
                          staff_user_id=staff.id, staff_name=STAFF_NAME))

        day = date(2026, 11, 2)
        for channel, n in CONTACTS.items():
            for i in range(n):
                contact(channel, ksa(day + timedelta(days=3 * i)))
        # Edges: 00:30 on the first day is in (Saudi day 1 Nov, UTC day 31 Oct); 23:59 on
        # the day before is out; 23:30 on the last day is in; 00:10 the day after is out.
        contact(Channel.PHONE, ksa(START, 0, 30))
        contact(Channel.WEBSITE, ksa(START - timedelta(days=1), 23, 59))
        contact(Channel.LETTER, ksa(END, 23, 30))
        contact(Channel.WEBSITE, ksa(END + timedelta(days=1), 0, 10))

        refs = iter(range(1, 100))

        def app(status: ApplicationStatus, created: date, submitted: datetime | None = None,
                decided: datetime | None = None) -> None:
            s.add(Application(reference=f"TST1-2026-{next(refs):06d}", beneficiary_id=ben.id,
                              program_id=train.id, status=status, created_at=ksa(created),
                              submitted_at=submitted, decided_at=decided))

        S = ApplicationStatus
        app(S.DRAFT, date(2026, 11, 5))
        app(S.INCOMPLETE, date(2026, 11, 10))
        app(S.INCOMPLETE, date(2026, 11, 11))
        app(S.SUBMITTED, date(2026, 11, 27), ksa(date(2026, 11, 27)))  # 2 days waiting
        app(S.SUBMITTED, date(2026, 11, 3), ksa(date(2026, 11, 3)))  # 26 days
        app(S.SUBMITTED, date(2026, 10, 30), ksa(date(2026, 10, 30)))  # 30: on time
        app(S.SUBMITTED, date(2026, 10, 29), ksa(date(2026, 10, 29)))  # 31: overdue
        # Decided in the range: 18, 14 and 21 Saudi days (by UTC days the first is 19).
        app(S.ACCEPTED, date(2026, 11, 2), ksa(date(2026, 11, 2), 1, 0),
            ksa(date(2026, 11, 20), 22, 30))
        app(S.ACCEPTED, date(2026, 11, 2), ksa(date(2026, 11, 2)), ksa(date(2026, 11, 16)))
        app(S.REJECTED, date(2026, 11, 4), ksa(date(2026, 11, 4)), ksa(date(2026, 11, 25)))
        app(S.WITHDRAWN, date(2026, 11, 6), ksa(date(2026, 11, 6)))
        app(S.ACCEPTED, date(2026, 9, 1), ksa(date(2026, 9, 1)), ksa(date(2026, 10, 20)))

        def referral(created: date, status: ReferralStatus = ReferralStatus.OPEN,
                     reason: ReferralReason | None = ReferralReason.UNCLEAR_PROCEDURE) -> None:
            s.add(Referral(beneficiary_id=ben.id, reason="سبب", reason_code=reason,
                           status=status, created_at=ksa(created), referred_by=staff.id))

        referral(date(2026, 11, 28))  # 1 day: on time
        referral(date(2026, 11, 26), reason=ReferralReason.DOCUMENTS)  # exactly 3: on time
        referral(date(2026, 11, 20))  # overdue
        referral(date(2026, 11, 10), ReferralStatus.ANSWERED, reason=None)  # "other"
        referral(date(2026, 10, 1))  # before the range

        def rating(score: int, channel: str, program: str | None, on: date,
                   suggestion: SuggestionStatus | None = None) -> None:
            s.add(SatisfactionResponse(score=score, channel=channel, program_code=program,
                                       staff_user_id=staff.id, created_at=ksa(on),
                                       comment="اقتراح" if suggestion else None,
                                       suggestion_status=suggestion))

        # Weeks of the range: 1-7, 8-14, 15-21, 22-28, 29.  Interview answers in the
        # first week (5: shown), phone answers in the second (4: suppressed).
        for i, score in enumerate(INTERVIEW_SCORES):
            rating(score, "interview", "TRAIN1", date(2026, 11, 1 + i),
                   SuggestionStatus.NEW if i < 2 else None)
        for i, score in enumerate(PHONE_SCORES):
            rating(score, "phone", "VOL1", date(2026, 11, 8 + i),
                   SuggestionStatus.ADOPTED if i == 0 else None)
        rating(5, "interview", "TRAIN1", date(2026, 10, 15), SuggestionStatus.NEW)  # out

