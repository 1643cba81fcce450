"""The report as an XLSX workbook: a sheet per figure set, right-to-left sheets with Arabic
headings in Arabic, real date and number cells, native Excel charts, no formula anywhere.
Written through ``spreadsheet_cells`` (the one place that writes workbooks)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..saudi_time import ksa_day
from ..spreadsheet_cells import Chart, Sheet, workbook_bytes
from .labels import (
    CHANNEL_NAMES,
    REASON_NAMES,
    STATUS_NAMES,
    SUGGESTION_NAMES,
    group_label,
    pick,
    range_lines,
    text,
)
from .model import RatingGroup, Report, Share

SHEETS = {  # key -> (Arabic, English) sheet names
    "report": ("التقرير", "Report"),
    "channels": ("القنوات", "Channels"),
    "trend": ("اتجاه القنوات", "Channel trend"),
    "applications": ("الطلبات", "Applications"),
    "committee": ("لجنة البحث", "Committee"),
    "referrals": ("الإحالات", "Referrals"),
    "satisfaction": ("الرضا", "Satisfaction"),
    "suggestions": ("الاقتراحات", "Suggestions"),
}
MONTH_FORMAT = "mmm yyyy"


def report_xlsx(report: Report, language: str = "ar") -> bytes:
    return workbook_bytes(report_sheets(report, language))


def report_sheets(report: Report, language: str) -> list[Sheet]:
    b = _Builder(report, language)
    return [b.cover(), b.channels(), b.trend(), b.applications(), b.committee(),
            b.referrals(), b.satisfaction(), b.suggestions()]


class _Builder:
    def __init__(self, report: Report, language: str) -> None:
        self.r, self.lang = report, language
        self.rtl = language == "ar"
        self.period_format = MONTH_FORMAT if report.period == "month" else "yyyy-mm-dd"

    def t(self, key: str) -> str:
        return text(key, self.lang)

    def sheet(self, key: str, rows: Sequence[Sequence[Any]], *, bold: Sequence[int] = (1,),
              widths: Sequence[float] = (34, 14), charts: Sequence[Chart] = (),
              formats: dict[int, str] | None = None) -> Sheet:
        return Sheet(pick(SHEETS, key, self.lang), rows, frozenset(bold), widths, self.rtl,
                     charts, formats or {})

    def chart(self, kind: str, title: str, header_row: int, last_row: int, *,
              cats_col: int = 1, first_col: int = 2, last_col: int = 2,
              anchor: str = "D2") -> Chart:
        return Chart(kind, title, header_row, last_row, cats_col, first_col, last_col, anchor,
                     self.rtl)

    def shares(self, names: dict[str, tuple[str, str]],
               shares: Sequence[Share]) -> list[list[Any]]:
        return [[pick(names, s.key, self.lang), s.count] for s in shares]

    # -- the sheets ---------------------------------------------------------------------
    def cover(self) -> Sheet:
        r = self.r
        hijri, gregorian = range_lines(r.start, r.end, self.lang)
        rows: list[list[Any]] = [
            [self.t("title")],
            [self.t("from"), r.start],
            [self.t("to"), r.end],
            [self.t("range"), hijri],
            [self.t("range"), gregorian],
            [self.t("trend"), self.t("by_week" if r.period == "week" else "by_month")],
            [self.t("generated"), ksa_day(r.generated_at)],
            [],
            [self.t("satisfaction_note")],
        ]
        return self.sheet("report", rows, bold=(1,), widths=(22, 60))

    def channels(self) -> Sheet:
        c = self.r.channels
        rows = [[self.t("channel"), self.t("contacts")],
                *self.shares(CHANNEL_NAMES, c.by_channel), [self.t("total"), c.total]]
        n = len(c.by_channel)
        return self.sheet("channels", rows, bold=(1, n + 2),
                          charts=[self.chart("bar", self.t("channels"), 1, n + 1)])

    def trend(self) -> Sheet:
        c = self.r.channels
        keys = [s.key for s in c.by_channel]
        rows: list[list[Any]] = [[self.t("period"), *(pick(CHANNEL_NAMES, k, self.lang)
                                                    for k in keys), self.t("total")]]
        rows += [[p.period.first, *(s.count for s in p.shares), p.total] for p in c.trend]
        last = len(c.trend) + 1
        chart = self.chart("line", self.t("channel_trend"), 1, last, last_col=len(keys) + 1,
                           anchor=f"A{last + 3}")
        return self.sheet("trend", rows, widths=(14,) + (16,) * (len(keys) + 1),
                          charts=[replace(chart, width_cm=24.0)],
                          formats={1: self.period_format})

    def applications(self) -> Sheet:
        a = self.r.applications
        n = len(a.by_status)
        rows: list[list[Any]] = [[self.t("status"), self.t("count")],
                                 *self.shares(STATUS_NAMES, a.by_status),
                                 [self.t("total"), a.total], []]
        head = len(rows) + 1
        rows += [[self.t("period"), self.t("submitted")]]
        rows += [[p.period.first, p.count] for p in a.submitted]
        last = len(rows)
        return self.sheet("applications", rows, bold=(1, n + 2, head), charts=[
            self.chart("bar", self.t("applications"), 1, n + 1),
            self.chart("column", self.t("submitted"), head, last, anchor=f"D{head + 2}")],
            formats={1: self.period_format})

    def committee(self) -> Sheet:
        c = self.r.committee
        rows: list[list[Any]] = [
            [self.t("committee"), self.t("count")],
            [self.t("target_days"), c.target_days],
            [self.t("waiting_now"), c.waiting_now],
            [self.t("overdue_now"), c.overdue_now],
            [self.t("decided"), c.decided_in_range],
            [self.t("average_days"), c.average_days],
            [self.t("median_days"), c.median_days],
            [self.t("incomplete_now"), self.r.incomplete_now],
        ]
        return self.sheet("committee", rows, widths=(44, 14))

    def referrals(self) -> Sheet:
        f = self.r.referrals
        rows: list[list[Any]] = [
            [self.t("status"), self.t("count")],
            [self.t("open"), f.open], [self.t("answered"), f.answered],
            [f"{self.t('overdue')} (> {f.target_days} {self.t('days')})", f.overdue], []]
        head = len(rows) + 1
        rows += [[self.t("reason"), self.t("count")], *self.shares(REASON_NAMES, f.by_reason),
                 [self.t("total"), f.total]]
        last = head + len(f.by_reason)
        return self.sheet("referrals", rows, bold=(1, head, last + 1), charts=[
            self.chart("bar", self.t("referrals"), head, last, anchor="D2")])

    def satisfaction(self) -> Sheet:
        s = self.r.satisfaction
        header = [self.t("group"), self.t("answers"), self.t("average"),
                  *(f"{self.t('score')} {k}" for k in range(1, 6))]
        rows: list[list[Any]] = [[self.t("satisfaction_note")], []]
        bold = [1]
        charts: list[Chart] = []
        for kind, key, groups in (("overall", "all_answers", (s.overall,)),
                                  ("channel", "by_channel", s.by_channel),
                                  ("program", "by_program", s.by_program),
                                  ("period", "by_period", s.by_period)):
            rows.append([self.t(key)])
            rows.append(header)
            bold += [len(rows) - 1, len(rows)]
            head = len(rows)
            rows += [self._rating_row(g, kind) for g in groups]
            if kind == "period":
                charts.append(self.chart(
                    "column", f"{self.t('satisfaction')} — {self.t('average')}", head,
                    len(rows), first_col=3, last_col=3, anchor="J3"))
            rows.append([])
        return self.sheet("satisfaction", rows, bold=bold, widths=(30, 12, 14) + (10,) * 5,
                          charts=charts, formats={1: self.period_format, 3: "0.00"})

    def _rating_row(self, g: RatingGroup, kind: str) -> list[Any]:
        name: Any = (g.period.first if kind == "period" and g.period is not None
                     else group_label(g, kind, self.r.period, self.lang))
        if g.suppressed or g.distribution is None:
            return [name, self.t("fewer_than")]  # POL-G6: no number at all
        return [name, g.count, g.average, *g.distribution]

    def suggestions(self) -> Sheet:
        s = self.r.satisfaction.suggestions
        rows = [[self.t("status"), self.t("count")], *self.shares(SUGGESTION_NAMES, s),
                [self.t("total"), sum(x.count for x in s)]]
        return self.sheet("suggestions", rows, bold=(1, len(s) + 2),
                          charts=[self.chart("bar", self.t("suggestions"), 1, len(s) + 1)])
