"""POL-G5/G6: satisfaction is measured to improve the procedure — optional, possibly
anonymous, and never exposed as a ranking of individual staff."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from ..audit import record_event
from ..checklists.model import FormDef
from ..db import Database
from ..errors import UserError
from ..models import SatisfactionResponse
from ..permissions import COUNTER_WORK, READS, guarded, register
from .actor import Actor

register({
    "SatisfactionService.record": COUNTER_WORK,
    # Aggregates only (POL-G6), so every reader may see them.
    "SatisfactionService.summary": READS,
})


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


@dataclass(frozen=True)
class SatisfactionSummary:
    """Aggregates only (POL-G6): there is deliberately no per-staff breakdown."""

    count: int
    average: float | None
    by_score: dict[int, int]
    by_channel: dict[str, float]


def check_score(score: Any) -> int:
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise UserError("The satisfaction score is a whole number from 1 to 5.",
                        message_ar="درجة الرضا رقم صحيح من ١ إلى ٥.")
    return score


class SatisfactionService:
    def __init__(self, db: Database, questions: FormDef | None = None) -> None:
        self.db = db
        self.questions = questions

    @guarded
    def record(self, actor: Actor, data: SatisfactionInput, *,
               response_id: uuid.UUID | None = None) -> uuid.UUID:
        score = check_score(data.score)
        answers = dict(data.answers)
        if self.questions is not None:
            from ..interview.answers import StepInvalid, check_answers

            answers, errors = check_answers(self.questions.section("questions"), answers, {},
                                            date.today())
            if errors:
                raise StepInvalid(errors)
        with self.db.session() as s:
            if response_id is not None and s.get(SatisfactionResponse, response_id) is not None:
                return response_id
            r = SatisfactionResponse(
                id=response_id or uuid.uuid4(), score=score, answers=answers,
                comment=(data.comment or "").strip() or None, anonymous=data.anonymous,
                # An anonymous rating keeps no link to the person (POL-G6: a right, not a file).
                beneficiary_id=None if data.anonymous else data.beneficiary_id,
                application_id=None if data.anonymous else data.application_id,
                contact_id=None if data.anonymous else data.contact_id,
                channel=data.channel, staff_user_id=actor.user_id,
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
