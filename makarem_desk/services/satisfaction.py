"""POL-G5/G6: satisfaction is measured to improve the procedure — optional, possibly
anonymous, and never exposed as a ranking of individual staff.  POL-GOAL: the free-text
suggestions are followed up (new → under review → adopted / not adopted)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from ..audit import record_event
from ..checklists.model import FormDef
from ..db import Database
from ..errors import UserError
from ..models import (
    Application,
    Beneficiary,
    Channel,
    Program,
    SatisfactionResponse,
    utcnow,
)
from ..permissions import AD, COUNTER_WORK, READS, SR, guarded, register, rule
from ..saudi_time import KSA
from ..values import SuggestionStatus
from .actor import Actor

# Suggestions are read and followed up by whoever improves the service at the counter: its
# administrator and social-research officer (POL-GOAL).  A receptionist may be the subject
# of a suggestion, so the list is not theirs (POL-G6: improvement, not surveillance); the
# committee's administrator may read what travelled, but the follow-up stays where the
# service was given (one writer per record across the exchange).
SUGGESTION_READERS = rule(site=(SR, AD), committee=(AD,))

register({
    "SatisfactionService.record": COUNTER_WORK,
    # Aggregates only (POL-G6), so every reader may see them.
    "SatisfactionService.summary": READS,
    "SatisfactionService.suggestions": SUGGESTION_READERS,
    "SatisfactionService.set_suggestion_status": rule(site=(SR, AD)),
})

SUGGESTION_ITEM = "suggestion"  # the question of forms/satisfaction.yaml holding free text


@dataclass(frozen=True)
class SatisfactionInput:
    score: int
    answers: dict[str, Any] = field(default_factory=dict)
    comment: str | None = None
    anonymous: bool = True
    beneficiary_id: uuid.UUID | None = None
    application_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    channel: str = "interview"
    # The program the service was about; None takes the application's (kept even when
    # the rating is anonymous: results by program are shown only for groups of five).
    program_code: str | None = None


@dataclass(frozen=True)
class SatisfactionSummary:
    """Aggregates only (POL-G6): there is deliberately no per-staff breakdown."""

    count: int
    average: float | None
    by_score: dict[int, int]
    by_channel: dict[str, float]


@dataclass(frozen=True)
class SuggestionItem:
    """One suggestion to follow up.  Deliberately without the member of staff who served
    (POL-G6), and without the beneficiary unless they chose to link the answer to their
    file."""

    id: uuid.UUID
    created_at: datetime
    channel: str
    program_code: str | None
    program_ar: str | None
    program_en: str | None
    text: str
    status: SuggestionStatus
    note: str | None
    updated_at: datetime | None
    beneficiary_id: uuid.UUID | None
    beneficiary_name: str | None


def check_score(score: Any) -> int:
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise UserError("The satisfaction score is a whole number from 1 to 5.",
                        message_ar="درجة الرضا رقم صحيح من ١ إلى ٥.")
    return score


def check_channel(channel: Any) -> str:
    try:
        return Channel(channel).value
    except ValueError:
        names = ", ".join(c.value for c in Channel)
        raise UserError(f"Unknown channel {channel!r} (one of: {names}).",
                        message_ar="قناة التواصل غير معروفة.") from None


def check_suggestion_status(status: Any) -> SuggestionStatus:
    try:
        return SuggestionStatus(status)
    except ValueError:
        names = ", ".join(s.value for s in SuggestionStatus)
        raise UserError(f"Unknown suggestion status {status!r} (one of: {names}).",
                        message_ar="حالة المقترح غير معروفة؛ الحالات: جديد، قيد الدراسة، "
                                   "مُعتمد، غير مُعتمد.") from None


def suggestion_text(answers: dict[str, Any], comment: str | None) -> str | None:
    """The beneficiary's free text: the suggestion question, else the comment."""
    for value in (answers.get(SUGGESTION_ITEM), comment):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _day_bounds(start: date | None, end: date | None) -> list[Any]:
    """Days as the counter lives them (Riyadh), both ends included."""
    where: list[Any] = []
    if start is not None:
        where.append(SatisfactionResponse.created_at >= datetime.combine(start, time(), KSA))
    if end is not None:
        where.append(SatisfactionResponse.created_at
                     < datetime.combine(end + timedelta(days=1), time(), KSA))
    return where


class SatisfactionService:
    def __init__(self, db: Database, questions: FormDef | None = None) -> None:
        self.db = db
        self.questions = questions

    @guarded
    def record(self, actor: Actor, data: SatisfactionInput, *,
               response_id: uuid.UUID | None = None) -> uuid.UUID:
        score = check_score(data.score)
        channel = check_channel(data.channel)
        answers = dict(data.answers)
        if self.questions is not None:
            from ..interview.answers import StepInvalid, check_answers

            answers, errors = check_answers(self.questions.section("questions"), answers, {},
                                            date.today())
            if errors:
                raise StepInvalid(errors)
        comment = (data.comment or "").strip() or None
        with self.db.session() as s:
            if response_id is not None and s.get(SatisfactionResponse, response_id) is not None:
                return response_id
            program = data.program_code
            if program is None and data.application_id is not None:
                program = s.scalar(select(Program.code)
                                   .join(Application, Application.program_id == Program.id)
                                   .where(Application.id == data.application_id))
            elif program is not None and s.scalar(
                    select(Program.id).where(Program.code == program)) is None:
                raise UserError(f"Unknown program {program!r}.",
                                message_ar="البرنامج غير معروف.")
            has_suggestion = suggestion_text(answers, comment) is not None
            r = SatisfactionResponse(
                id=response_id or uuid.uuid4(), score=score, answers=answers,
                comment=comment, anonymous=data.anonymous,
                # An anonymous rating keeps no link to the person (POL-G6: a right, not a file).
                beneficiary_id=None if data.anonymous else data.beneficiary_id,
                application_id=None if data.anonymous else data.application_id,
                contact_id=None if data.anonymous else data.contact_id,
                channel=channel, staff_user_id=actor.user_id, program_code=program,
                suggestion_status=SuggestionStatus.NEW if has_suggestion else None,
            )
            s.add(r)
            # The event names who recorded it, never whom it rates: an anonymous rating
            # stays unlinked here too (POL-G6), and its score is not the audit's business.
            record_event(s, actor, "satisfaction_recorded", entity="satisfaction",
                         entity_id=r.id, details={"channel": r.channel,
                                                  "anonymous": r.anonymous})
        return r.id

    @guarded
    def summary(self, actor: Actor, since: datetime | None = None) -> SatisfactionSummary:
        with self.db.reader() as s:
            where = [SatisfactionResponse.created_at >= since] if since else []
            by_score = {
                int(k): int(v) for k, v in s.execute(
                    select(SatisfactionResponse.score, func.count())
                    .where(*where).group_by(SatisfactionResponse.score))
            }
            by_channel = {
                str(k): round(float(v), 2) for k, v in s.execute(
                    select(SatisfactionResponse.channel, func.avg(SatisfactionResponse.score))
                    .where(*where).group_by(SatisfactionResponse.channel))
            }
        count = sum(by_score.values())
        avg = round(sum(k * v for k, v in by_score.items()) / count, 2) if count else None
        return SatisfactionSummary(count, avg, by_score, by_channel)

    @guarded
    def suggestions(self, actor: Actor, status: SuggestionStatus | str | None = None,
                    start: date | None = None, end: date | None = None
                    ) -> list[SuggestionItem]:
        """The suggestions given from ``start`` to ``end`` (Riyadh days, both included),
        newest first, optionally of one follow-up ``status``."""
        where = [SatisfactionResponse.suggestion_status.is_not(None), *_day_bounds(start, end)]
        if status is not None:
            where.append(SatisfactionResponse.suggestion_status
                         == check_suggestion_status(status))
        q = (select(SatisfactionResponse, Program.name_ar, Program.name_en, Beneficiary)
             .outerjoin(Program, Program.code == SatisfactionResponse.program_code)
             .outerjoin(Beneficiary, Beneficiary.id == SatisfactionResponse.beneficiary_id)
             .where(*where)
             .order_by(SatisfactionResponse.created_at.desc(), SatisfactionResponse.id))
        out = []
        with self.db.reader() as s:
            for r, name_ar, name_en, person in s.execute(q).all():
                linked = not r.anonymous and r.beneficiary_id is not None
                out.append(SuggestionItem(
                    id=r.id, created_at=r.created_at, channel=r.channel,
                    program_code=r.program_code, program_ar=name_ar, program_en=name_en,
                    text=suggestion_text(r.answers or {}, r.comment) or "",
                    status=r.suggestion_status or SuggestionStatus.NEW, note=r.suggestion_note,
                    updated_at=r.suggestion_updated_at,
                    beneficiary_id=r.beneficiary_id if linked else None,
                    beneficiary_name=person.full_name if linked and person else None))
        return out

    @guarded
    def set_suggestion_status(self, actor: Actor, response_id: uuid.UUID,
                              status: SuggestionStatus | str,
                              note: str | None = None) -> SuggestionStatus:
        """POL-GOAL: record how a suggestion is followed up; audited with the status
        before and after."""
        new = check_suggestion_status(status)
        text = (note or "").strip() or None
        if text is not None and len(text) > 2000:
            raise UserError("The note is too long (2,000 characters at most).",
                            message_ar="الملاحظة طويلة جدًا (٢٠٠٠ حرف على الأكثر).")
        with self.db.session() as s:
            r = s.get(SatisfactionResponse, response_id)
            if r is None or r.suggestion_status is None:
                raise UserError("There is no such suggestion.",
                                message_ar="لا يوجد مقترح بهذا الرقم.")
            before = {"status": r.suggestion_status.value, "note": r.suggestion_note}
            r.suggestion_status = new
            if note is not None:  # None keeps the note; an empty text clears it
                r.suggestion_note = text
            r.suggestion_updated_at = utcnow()
            record_event(s, actor, "suggestion_followed_up", entity="satisfaction",
                         entity_id=r.id, before=before,
                         after={"status": new.value, "note": r.suggestion_note})
        return new
