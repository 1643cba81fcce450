"""The report on A4 paper: headings and tables in Arabic (or English) drawn as text through
the documents layer (searchable and copyable, shaped and ordered as well as the
declaration), the charts of ``charts`` drawn on the page (vectors, their words in the text
layer too), the range in Hijri and Gregorian, a page number on every page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.units import mm

from ..documents import layout
from ..documents.fonts import PDF_BOLD, PDF_REGULAR
from ..documents.page import INK, MUTED, RULE, SHADE, AssociationInfo, PageWriter
from ..saudi_time import ksa_day
from ..validation.dates import format_both
from . import chart_draw, charts
from .labels import (
    CHANNEL_NAMES,
    REASON_NAMES,
    STATUS_NAMES,
    SUGGESTION_NAMES,
    group_label,
    period_label,
    pick,
    range_lines,
    text,
)
from .model import RatingGroup, Report, Share

CELL = 9.5  # point size of table cells


def report_pdf(report: Report, association: AssociationInfo, language: str = "ar", *,
               progress: Callable[[int, int, str], None] | None = None) -> bytes:
    """The whole report as PDF bytes; ``progress(done, total, section)`` before each
    section."""
    w = PageWriter(language=language, association=association, title=text("title", language),
                   subject=f"{report.start.isoformat()} — {report.end.isoformat()}",
                   keywords="Makarem Desk report")
    t = _Texts(language)
    w.title_block(t("title"), "")
    w.y -= 3 * mm
    by = t("by_week") if report.period == "week" else t("by_month")
    for line, size, colour in (
            (f"{t('range')}: {range_lines(report.start, report.end, language)[0]}", 11.5, INK),
            (range_lines(report.start, report.end, language)[1], 11.5, INK),
            (f"{t('trend')}: {by} — {t('generated')}: "
             f"{format_both(ksa_day(report.generated_at), language)}", 9, MUTED)):
        w.draw_line_text(line, w.left, w.text_width, w.y, size=size, align="center",
                         color=colour)
        w.y -= 6 * mm
    w.y -= 2 * mm
    sections = (_channels, _applications, _committee, _referrals, _satisfaction)
    for i, section in enumerate(sections):
        if progress is not None:
            progress(i, len(sections), section.__name__.lstrip("_"))
        section(w, report, t)
    if progress is not None:
        progress(len(sections), len(sections), "done")
    return w.finish()


class _Texts:
    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, key: str) -> str:
        return text(key, self.language)



def _n(value: int | float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def _shares(names: dict[str, tuple[str, str]], shares: Sequence[Share],
            language: str) -> list[list[str]]:
    return [[pick(names, s.key, language), _n(s.count)] for s in shares]


def _chart(w: PageWriter, report: Report, name: str) -> None:
    """The chart drawn on the page itself: vectors and words of the text layer."""
    width = w.text_width
    height = width * charts.ASPECT
    w.ensure_space(height + 3 * mm)
    chart_draw.on_canvas(w.canvas, charts.SCENES[name](report, w.language, width, height),
                         w.left, w.y)
    w.y -= height + 4 * mm


def grid(w: PageWriter, headers: Sequence[str], rows: Sequence[Sequence[str]],
         fractions: Sequence[float], *, total: Sequence[str] | None = None,
         size: float = CELL, title: str = "", title_size: float = 11.5) -> None:
    """A table of several columns, the first on the start side (the right in Arabic);
    long cells wrap; the header row is repeated on a new page.  ``title``: a heading kept
    on the same page as the table."""
    pad = 1.4 * mm
    widths = [f * w.text_width / sum(fractions) for f in fractions]
    xs: list[float] = []
    x = w.right if w.rtl else w.left
    for cw in widths:
        if w.rtl:
            x -= cw
            xs.append(x)
        else:
            xs.append(x)
            x += cw

    def row(cells: Sequence[str], *, bold: bool = False, shade: bool = False) -> None:
        font = PDF_BOLD if bold else PDF_REGULAR
        lines = [layout.wrap(layout.isolate_ltr_runs(c) if w.rtl else c, cw - 2 * pad, font,
                             size) or [""] for c, cw in zip(cells, widths, strict=True)]
        h = max(len(cl) for cl in lines) * size * 1.35 + 2 * pad
        top = w.y
        c = w.canvas
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        for cx, cw in zip(xs, widths, strict=True):
            c.setFillColor(SHADE)
            c.rect(cx, top - h, cw, h, stroke=1, fill=1 if shade else 0)
        for i, (cx, cw, cell_lines) in enumerate(zip(xs, widths, lines, strict=True)):
            baseline = top - pad - size
            for line in cell_lines:
                w.draw_line_text(line, cx + pad, cw - 2 * pad, baseline, font=font,
                                 size=size, align="start" if i == 0 else "center", color=INK)
                baseline -= size * 1.35
        w.y = top - h

    def fits() -> None:
        page = w.page_number
        w.ensure_space(size * 1.35 * 2 + 3 * mm)
        if w.page_number != page:
            row(headers, bold=True, shade=True)

    whole = (len(rows) + 2 + (total is not None)) * (size * 1.35 + 2 * pad)
    # A short table stays on one page; a long one starts with at least a few rows.
    w.ensure_space((whole if whole < 110 * mm else size * 1.35 * 4 + 6 * mm)
                   + (title_size * 2.4 if title else 0))
    if title:
        w.heading(title, size=title_size)
    row(headers, bold=True, shade=True)
    for cells in rows:
        fits()
        row(cells)
    if total is not None:
        fits()
        row(total, bold=True, shade=True)
    w.y -= 4 * mm


def _heading(w: PageWriter, words: str, *, size: float = 13, keep: float = 60 * mm) -> None:
    """A heading that never stands alone at the foot of a page: ``keep`` of what follows
    must fit under it."""
    w.ensure_space(size * 2.4 + keep)
    w.heading(words, size=size)


def _channels(w: PageWriter, r: Report, t: _Texts) -> None:
    lang = w.language
    grid(w, [t("channel"), t("contacts")],
         _shares(CHANNEL_NAMES, r.channels.by_channel, lang), (3, 1),
         total=[t("total"), _n(r.channels.total)], title=t("channels"), title_size=13)
    _chart(w, r, "channels")
    keys = [s.key for s in r.channels.by_channel]
    headers = [t("period")] + [pick(CHANNEL_NAMES, k, lang) for k in keys] + [t("total")]
    rows = [[period_label(p.period, r.period, lang)] + [_n(s.count) for s in p.shares]
            + [_n(p.total)] for p in r.channels.trend]
    grid(w, headers, rows, (1.5,) + (1,) * len(keys) + (0.8,), size=8,
         title=t("channel_trend"))
    _chart(w, r, "channel_trend")


def _applications(w: PageWriter, r: Report, t: _Texts) -> None:
    lang = w.language
    _heading(w, t("applications"))
    w.paragraph(t("applications_note"), size=9.5, color=MUTED, space_after=1.5 * mm)
    grid(w, [t("status"), t("count")], _shares(STATUS_NAMES, r.applications.by_status, lang),
         (3, 1), total=[t("total"), _n(r.applications.total)])
    _chart(w, r, "applications")
    grid(w, [t("period"), t("count")],
         [[period_label(p.period, r.period, lang), _n(p.count)] for p in r.applications.submitted],
         (3, 1), title=t("submitted"))


def _committee(w: PageWriter, r: Report, t: _Texts) -> None:
    c = r.committee
    grid(w, [t("committee"), t("count")], [
        [t("target_days"), _n(c.target_days)],
        [t("waiting_now"), _n(c.waiting_now)],
        [t("overdue_now"), _n(c.overdue_now)],
        [t("decided"), _n(c.decided_in_range)],
        [t("average_days"), _n(c.average_days)],
        [t("median_days"), _n(c.median_days)],
        [t("incomplete_now"), _n(r.incomplete_now)],
    ], (3, 1), title=t("committee"), title_size=13)


def _referrals(w: PageWriter, r: Report, t: _Texts) -> None:
    f = r.referrals
    grid(w, [t("status"), t("count")], [
        [t("open"), _n(f.open)], [t("answered"), _n(f.answered)],
        [f"{t('overdue')} (> {f.target_days} {t('days')})", _n(f.overdue)],
    ], (3, 1), title=t("referrals"), title_size=13)
    grid(w, [t("reason"), t("count")], _shares(REASON_NAMES, f.by_reason, w.language), (3, 1),
         total=[t("total"), _n(f.total)])
    _chart(w, r, "referrals")


def _rating_rows(groups: Sequence[RatingGroup], kind: str, r: Report,
                 language: str) -> list[list[str]]:
    rows = []
    for g in groups:
        name = group_label(g, kind, r.period, language)
        if g.suppressed or g.distribution is None:  # POL-G6: no number at all
            rows.append([name, text("fewer_than", language)] + ["—"] * 6)
        else:
            rows.append([name, _n(g.count), f"{g.average:.2f}",
                         *(_n(n) for n in g.distribution)])
    return rows


def _satisfaction(w: PageWriter, r: Report, t: _Texts) -> None:
    s = r.satisfaction
    lang = w.language
    _heading(w, t("satisfaction"))
    w.paragraph(t("satisfaction_note"), size=9.5, color=MUTED, space_after=1.5 * mm)
    headers = [t("group"), t("answers"), t("average"),
               *(f"{t('score')} {k}" for k in range(1, 6))]
    fractions = (2.6, 1, 1, 0.8, 0.8, 0.8, 0.8, 0.8)
    grid(w, headers, _rating_rows([s.overall], "overall", r, lang), fractions, size=8.5)
    for kind, key, groups in (("channel", "by_channel", s.by_channel),
                              ("program", "by_program", s.by_program),
                              ("period", "by_period", s.by_period)):
        grid(w, headers, _rating_rows(groups, kind, r, lang) or [[t("none")] * 8], fractions,
             title=t(key), size=8.5)
    _chart(w, r, "satisfaction")
    grid(w, [t("status"), t("count")], _shares(SUGGESTION_NAMES, s.suggestions, lang), (3, 1),
         total=[t("total"), _n(sum(x.count for x in s.suggestions))], title=t("suggestions"),
         title_size=13)
