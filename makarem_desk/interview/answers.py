"""Checking the answers to a list of items, and the eligibility outcome they give.

Pure functions of (items, answers, facts): the flow, the services and the tests use them
alike.  Answers are JSON values: yes_no → bool, choice → option value, number → int/float,
date → ISO string, text → str, document → "provided" | "missing", statement → True when
confirmed, signature → "on_screen" | "on_paper" | None.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ..checklists.conditions import evaluate
from ..checklists.model import Item
from ..errors import UserError

ELIGIBLE, NOT_ELIGIBLE, NEEDS_REFERRAL, INCOMPLETE = (
    "eligible", "not_eligible", "needs_referral", "incomplete",
)
DOCUMENT_VALUES = ("provided", "missing")
SIGNATURE_VALUES = ("on_screen", "on_paper")


@dataclass(frozen=True)
class FieldError:
    item: str
    message: str
    message_ar: str


class StepInvalid(UserError):
    """The values given for a step do not pass; nothing of them was saved."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__(
            "; ".join(f"{e.item}: {e.message}" for e in errors),
            message_ar="؛ ".join(e.message_ar for e in errors),
        )


def json_type(value: Any) -> str:
    """What a (JSON) value is, in the words a script author knows."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def wrong_type(item: str, value: Any, expected: str, expected_ar: str) -> FieldError:
    """A value of the wrong kind (a script's ``"score": "5"``), named with what is wanted."""
    return FieldError(item, f"must be {expected}, not {json_type(value)}",
                      f"«{item}»: يجب أن تكون القيمة {expected_ar}")


@dataclass(frozen=True)
class Reason:
    item: str
    effect: str  # not_eligible | referral | missing
    text_ar: str
    text_en: str
    policy: str


@dataclass(frozen=True)
class Outcome:
    status: str
    reasons: tuple[Reason, ...] = ()
    missing: tuple[dict[str, str], ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "reasons": [asdict(r) for r in self.reasons],
            "missing": list(self.missing),
        }

    def describe(self, language: str = "en") -> str:
        if self.status == ELIGIBLE:
            return "مؤهل" if language == "ar" else "eligible"
        texts = [r.text_ar if language == "ar" else r.text_en for r in self.reasons]
        head = {
            NOT_ELIGIBLE: ("غير مؤهل لأن", "not eligible because"),
            NEEDS_REFERRAL: ("يحتاج إحالة:", "needs referral:"),
            INCOMPLETE: ("غير مكتمل، ينقصه:", "incomplete: missing"),
        }[self.status]
        return f"{head[0] if language == 'ar' else head[1]} {'; '.join(texts)}"


def shown(items: Iterable[Item], answers: Mapping[str, Any], facts: Mapping[str, Any]) -> list[Item]:
    return [i for i in items if evaluate(i.shown_when, answers, facts)]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_answers(
    items: Iterable[Item], answers: Mapping[str, Any], facts: Mapping[str, Any], today: date,
    context: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any], list[FieldError]]:
    """The cleaned answers of the shown items, and every problem with them.

    Answers to hidden items are dropped, so a changed choice leaves no stale answer behind.
    ``context`` holds answers of earlier steps that conditions may refer to (a document
    asked only when the eligibility answers call for it).
    """
    items = list(items)
    known = {i.id for i in items}
    errors = [
        FieldError(k, "not an item of this step", f"«{k}» ليس من بنود هذه الخطوة")
        for k in answers if k not in known
    ]
    clean: dict[str, Any] = {}
    # Conditions may depend on earlier answers of the same step: evaluate against the raw
    # answers, which is what the person sees on screen.
    for item in shown(items, {**(context or {}), **answers}, facts):
        value = answers.get(item.id)
        if _blank(value):
            if item.kind == "statement":
                errors.append(FieldError(item.id, "the statement must be said and confirmed",
                                         f"يجب إبلاغ المستفيد بـ«{item.label_ar}» وتأكيد ذلك"))
            elif item.required and not (
                item.on_fail == "missing" and item.kind in ("text", "signature")
            ):
                # Left empty, a "missing" text or signature is recorded as a missing item
                # (POL-H6); everything else required must be answered, documents included
                # (provided or missing, said explicitly).
                errors.append(FieldError(item.id, f"{item.label_en} must be answered",
                                         f"يجب الإجابة على «{item.label_ar}»"))
            continue
        problem = _check_value(item, value, today)
        if problem:
            errors.append(FieldError(item.id, f"{item.label_en}: {problem[0]}",
                                     f"«{item.label_ar}»: {problem[1]}"))
        else:
            clean[item.id] = value.strip() if isinstance(value, str) else value
    return clean, errors


def _check_value(item: Item, value: Any, today: date) -> tuple[str, str] | None:
    v = item.validation
    if item.kind == "yes_no":
        return None if isinstance(value, bool) else ("answer yes or no", "أجب بنعم أو لا")
    if item.kind == "statement":
        return None if value is True else ("must be confirmed", "يجب التأكيد")
    if item.kind == "choice":
        if item.option(str(value)) is None or not isinstance(value, str):
            return (f"{value!r} is not one of the options", "اختيار غير موجود في القائمة")
        return None
    if item.kind == "document":
        if value not in DOCUMENT_VALUES:
            return ("mark it provided or missing", "حدد: مُقدَّم أو ناقص")
        return None
    if item.kind == "signature":
        if value not in SIGNATURE_VALUES:
            return ("sign on screen or on paper", "التوقيع على الشاشة أو على الورق")
        return None
    if item.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return ("must be a number", "يجب أن يكون رقمًا")
        if isinstance(value, float) and not math.isfinite(value):
            return ("must be a finite number", "يجب أن يكون رقمًا محددًا")
        if v.get("integer") and value != int(value):
            return ("must be a whole number", "يجب أن يكون عددًا صحيحًا")
        if "min" in v and value < v["min"]:
            return (f"must be at least {v['min']}", f"يجب ألا يقل عن {v['min']}")
        if "max" in v and value > v["max"]:
            return (f"must be at most {v['max']}", f"يجب ألا يزيد عن {v['max']}")
        return None
    if item.kind == "date":
        try:
            d = date.fromisoformat(str(value))
        except ValueError:
            return ("not a date (YYYY-MM-DD)", "تاريخ غير صحيح")
        if v.get("past_only") and d > today:
            return ("cannot be in the future", "لا يمكن أن يكون في المستقبل")
        if v.get("future_only") and d < today:
            return ("cannot be in the past", "لا يمكن أن يكون في الماضي")
        return None
    if not isinstance(value, str):
        return ("must be text", "يجب أن يكون نصًا")
    text = value.strip()
    if len(text) < int(v.get("min_length", 0)):
        return (f"too short (at least {v['min_length']} characters)",
                f"قصير جدًا (على الأقل {v['min_length']} أحرف)")
    if "max_length" in v and len(text) > int(v["max_length"]):
        return (f"too long (at most {v['max_length']} characters)",
                f"طويل جدًا (على الأكثر {v['max_length']} حرفًا)")
    if "pattern" in v and not re.fullmatch(str(v["pattern"]), text):
        return ("is not in the expected form", "ليس بالصيغة المطلوبة")
    return None


def failed(item: Item, value: Any) -> bool:
    """Whether an answer triggers the item's ``on_fail`` effect."""
    if item.kind == "yes_no":
        return value is not None and value is not item.expected
    if item.kind == "choice":
        opt = item.option(str(value)) if value is not None else None
        return bool(opt and opt.fails)
    if item.kind == "document":
        # An optional document (e.g. a CV) left out does not hold the registration up.
        return item.required and value in ("missing", None)
    # Text, number, date and signature items fail when required and left empty.
    return item.required and _blank(value)


def outcome(items: Iterable[Item], answers: Mapping[str, Any], facts: Mapping[str, Any]) -> Outcome:
    """eligible / not eligible because … / needs referral / incomplete: missing …"""
    reasons: list[Reason] = []
    missing: list[dict[str, str]] = []
    for item in shown(items, answers, facts):
        if not item.on_fail or not failed(item, answers.get(item.id)):
            continue
        reasons.append(Reason(
            item.id, item.on_fail, item.reason_ar or item.label_ar,
            item.reason_en or item.label_en, item.policy,
        ))
        if item.on_fail == "missing":
            missing.append({"id": item.id, "label_ar": item.label_ar, "label_en": item.label_en})
    effects = {r.effect for r in reasons}
    for effect, status in (("not_eligible", NOT_ELIGIBLE), ("referral", NEEDS_REFERRAL),
                           ("missing", INCOMPLETE)):
        if effect in effects:
            return Outcome(status, tuple(r for r in reasons if r.effect == effect), tuple(missing))
    return Outcome(ELIGIBLE)
