"""Names of the report's categories and captions, in Arabic and English (the paper and the
workbook are made outside Qt, so their words live here, not in the .ts).  Referral reasons
read as at the counter (``services/referral_reasons``), so a report and the inbox agree."""

from __future__ import annotations

from datetime import date

from ..documents.labels import CHANNELS
from ..services.referral_reasons import REASON_LABELS
from ..validation.dates import (
    GREGORIAN_MONTHS_AR,
    GREGORIAN_MONTHS_EN,
    format_gregorian,
    format_hijri,
)
from .model import Period, RatingGroup

Names = dict[str, tuple[str, str]]  # key -> (Arabic, English)

CHANNEL_NAMES: Names = {key: (n["ar"], n["en"]) for key, n in CHANNELS}
CHANNEL_NAMES["interview"] = ("المقابلة", "Interview")  # the policy's short name (POL-CH)

STATUS_NAMES: Names = {
    "draft": ("مقابلة لم تكتمل", "Interview not finished"),
    "incomplete": ("بانتظار متطلبات ناقصة", "Waiting for missing items"),
    "submitted": ("لدى لجنة البحث", "With the research committee"),
    "accepted": ("مقبول", "Accepted"),
    "rejected": ("مرفوض", "Rejected"),
    "not_eligible": ("غير مستوفٍ للشروط", "Not eligible"),
    "withdrawn": ("مسحوب", "Withdrawn"),
}

REASON_NAMES: Names = {code.value: (names["ar"], names["en"])
                      for code, names in REASON_LABELS.items()}

SUGGESTION_NAMES: Names = {
    "new": ("جديد", "New"),
    "under_review": ("قيد الدراسة", "Under review"),
    "adopted": ("معتمد", "Adopted"),
    "not_adopted": ("غير معتمد", "Not adopted"),
}

TEXT: Names = {
    "title": ("تقرير خدمة المستفيدين", "Beneficiary service report"),
    "range": ("الفترة", "Period"),
    "trend": ("الاتجاه", "Trend"),
    "from": ("من", "From"),
    "to": ("إلى", "To"),
    "generated": ("أُعد في", "Prepared on"),
    "by_week": ("أسبوعيًا", "weekly"),
    "by_month": ("شهريًا", "monthly"),
    "week_of": ("أسبوع", "Week of"),
    "channels": ("التواصل حسب القناة", "Contacts by channel"),
    "channel": ("القناة", "Channel"),
    "contacts": ("عدد مرات التواصل", "Contacts"),
    "channel_trend": ("التواصل حسب القناة عبر الفترة", "Contacts by channel over time"),
    "period": ("الفترة", "Period"),
    "total": ("المجموع", "Total"),
    "applications": ("الطلبات حسب الحالة", "Applications by status"),
    "applications_note": ("الطلبات المفتوحة في الفترة وحالتها اليوم",
                          "Applications opened in the period, by their status today"),
    "status": ("الحالة", "Status"),
    "count": ("العدد", "Count"),
    "submitted": ("المحالة إلى لجنة البحث", "Submitted to the committee"),
    "committee": ("مدة رد لجنة البحث", "The research committee's answer time"),
    "target_days": ("المدة المستهدفة (أيام)", "Target (days)"),
    "waiting_now": ("بانتظار القرار الآن", "Waiting for a decision now"),
    "overdue_now": ("متأخرة عن المدة المستهدفة الآن", "Past the target now"),
    "decided": ("قرارات صدرت في الفترة", "Decisions in the period"),
    "average_days": ("متوسط الأيام حتى القرار", "Average days to decision"),
    "median_days": ("وسيط الأيام حتى القرار", "Median days to decision"),
    "incomplete_now": ("تسجيلات بانتظار متطلبات ناقصة الآن",
                       "Registrations waiting for missing items now"),
    "referrals": ("الإحالات إلى مسؤول البحث الاجتماعي",
                  "Referrals to the social-research officer"),
    "open": ("مفتوحة", "Open"),
    "answered": ("أُجيب عنها", "Answered"),
    "overdue": ("متأخرة", "Overdue"),
    "reason": ("سبب الإحالة", "Reason"),
    "satisfaction": ("رضا المستفيدين", "Beneficiary satisfaction"),
    "satisfaction_note": (
        "لا يُعرض رقم لأي مجموعة تقل إجاباتها عن 5، ولا تُعرض النتائج حسب الموظف.",
        "No figure is shown for a group of fewer than 5 answers, and no result is shown "
        "by member of staff."),
    "group": ("المجموعة", "Group"),
    "answers": ("الإجابات", "Answers"),
    "average": ("المتوسط (من 5)", "Average (of 5)"),
    # The cells list the counts in the same order and with the same separator, so each
    # count sits under its score in either direction.
    "distribution": ("عدد الإجابات لكل درجة: 1 · 2 · 3 · 4 · 5",
                     "Answers per score: 1 · 2 · 3 · 4 · 5"),
    "score": ("الدرجة", "Score"),
    "all_answers": ("كل الإجابات", "All answers"),
    "by_channel": ("حسب القناة", "By channel"),
    "by_program": ("حسب البرنامج", "By program"),
    "by_period": ("حسب الفترة", "By period"),
    "fewer_than": ("أقل من 5", "fewer than 5"),
    "suggestions": ("الاقتراحات حسب حالة المتابعة", "Suggestions by follow-up status"),
    "none": ("—", "—"),
    "days": ("يوم", "days"),
}

# Progress steps of ReportService.build, as the screen shows them.
STEP_NAMES: Names = {
    "contacts": ("عدّ التواصل حسب القناة", "Counting contacts by channel"),
    "applications": ("عدّ الطلبات", "Counting applications"),
    "committee": ("مدة رد لجنة البحث", "The committee clock"),
    "referrals": ("الإحالات", "Referrals"),
    "satisfaction": ("رضا المستفيدين", "Satisfaction"),
    "suggestions": ("الاقتراحات", "Suggestions"),
    "done": ("اكتمل", "Done"),
}


def pick(names: Names, key: str, language: str) -> str:
    ar, en = names.get(key, (key, key))
    return ar if language == "ar" else en


def text(key: str, language: str) -> str:
    """A fixed caption; an unknown key is a programming error, never shown as the key."""
    ar, en = TEXT[key]
    return ar if language == "ar" else en


def period_label(p: Period, period: str, language: str) -> str:
    """"Nov 2026" / "نوفمبر 2026" for a month; the first day for a week (short, for axes)."""
    months = GREGORIAN_MONTHS_AR if language == "ar" else GREGORIAN_MONTHS_EN
    if period == "month":
        name = months[p.start.month - 1]
        return f"{name} {p.start.year}" if language == "ar" else f"{name[:3]} {p.start.year}"
    return day_label(p.first, language)


def day_label(d: date, language: str) -> str:
    months = GREGORIAN_MONTHS_AR if language == "ar" else GREGORIAN_MONTHS_EN
    name = months[d.month - 1]
    return f"{d.day} {name}" if language == "ar" else f"{d.day} {name[:3]}"


def group_label(g: RatingGroup, kind: str, period: str, language: str) -> str:
    """The name of a satisfaction group: a channel, a program or a period."""
    if kind == "channel":
        return pick(CHANNEL_NAMES, g.key, language)
    if kind == "program":
        return (g.name_ar if language == "ar" else g.name_en) or g.key
    if kind == "period" and g.period is not None:
        return period_label(g.period, period, language)
    return text("all_answers", language)


def range_lines(start: date, end: date, language: str) -> tuple[str, str]:
    """The range in Hijri and in Gregorian ("from … to …": words between two dates keep
    their order in a right-to-left line, where a dash between them would not)."""
    def both(a: str, b: str) -> str:
        return f"{text('from', language)} {a} {text('to', language).lower()} {b}"
    return (both(format_hijri(start, language), format_hijri(end, language)),
            both(format_gregorian(start, language), format_gregorian(end, language)))
