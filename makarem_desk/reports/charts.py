"""The report's charts as PNG bytes: one function per chart, used by the Reports screen
and by the PDF alike ("the same charts on screen and on paper").

matplotlib with the Agg canvas only — no pyplot and its global state, so charts can be
drawn on a worker thread.  Text uses the bundled Noto Sans Arabic (Latin included), the
interface's font.  matplotlib 3.11 lays text out with libraqm (HarfBuzz shaping and the
bidi algorithm), so labels are given in *logical* order: fed the reshaper's presentation
forms in display order, as the PDF needs, it reversed them (measured: "التواصل" drew as
"لصاوتلا").  In
Arabic the category and time axes read from the right: categories and the value axis
sit on the right, bars grow leftwards and time runs right to left."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import cache

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..documents import layout
from ..documents.fonts import font_path
from .labels import (
    CHANNEL_NAMES,
    REASON_NAMES,
    STATUS_NAMES,
    period_label,
    pick,
    text,
)
from .model import Report

ACCENT = "#0f5c4d"
# Seven distinguishable colours (the channels), the association's green first.
PALETTE = ("#0f5c4d", "#d08c2c", "#3f7cac", "#b5485d", "#6d9f45", "#7a5c99", "#8c8c8c")
INK, MUTED, GRID = "#1b1b1b", "#5b5b5b", "#d9dfdd"
THOUSANDS = FuncFormatter(lambda v, _pos: f"{v:,.0f}")
DEFAULT_SIZE = (7.0, 3.6)  # inches: the width of an A4 text block, a third of its height


@cache
def _font(size: float = 9, bold: bool = False) -> FontProperties:
    # The variable font has one face: a title is set apart by size and colour.
    return FontProperties(fname=str(font_path("NotoSansArabic")), size=size)


def shown(words: str, language: str) -> str:
    """A label as matplotlib 3.11 wants it: logical order, one line, Latin runs with
    digits isolated as on paper (a date range next to Arabic keeps its order)."""
    words = " ".join(words.split())
    return layout.isolate_ltr_runs(words) if language == "ar" else words


def _figure(size: tuple[float, float], dpi: int) -> tuple[Figure, Axes]:
    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_facecolor("white")
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_color(GRID)
    ax.tick_params(colors=INK, length=0)
    return fig, ax


def _png(fig: Figure, dpi: int) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white", bbox_inches="tight",
                pad_inches=0.08, metadata={"Software": None})
    return buf.getvalue()


def _title(ax: Axes, words: str, language: str) -> None:
    ax.set_title(shown(words, language), fontproperties=_font(11, True), color=ACCENT,
                 loc="right" if language == "ar" else "left")


def _ticks(ax: Axes, axis: str, labels: Sequence[str], language: str) -> None:
    shaped = [shown(w, language) for w in labels]
    positions = list(range(len(labels)))
    if axis == "x":
        ax.set_xticks(positions, shaped, fontproperties=_font(8))
    else:
        ax.set_yticks(positions, shaped, fontproperties=_font(9))


def _value_font(ax: Axes, axis: str) -> None:
    for tick in (ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()):
        tick.set_fontproperties(_font(8))
        tick.set_color(MUTED)


def _empty_note(ax: Axes, language: str) -> None:
    ax.text(0.5, 0.5, shown(text("none", language), language), transform=ax.transAxes,
            ha="center", va="center", fontproperties=_font(14), color=MUTED)


def _hbars(title: str, labels: Sequence[str], values: Sequence[int], language: str,
           dpi: int, size: tuple[float, float], colours: Sequence[str] = (ACCENT,)) -> bytes:
    """Categories down the start side (the right in Arabic), bars growing from it."""
    fig, ax = _figure(size, dpi)
    rows = list(range(len(labels)))
    bars = ax.barh(rows, values, color=[colours[i % len(colours)] for i in rows],
                   height=0.62)
    ax.invert_yaxis()  # the first category on top, in the policy's order
    _ticks(ax, "y", labels, language)
    top = max(values, default=0)
    ax.set_xlim(0, max(1, top) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    ax.xaxis.set_major_formatter(THOUSANDS)
    if language == "ar":
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    _value_font(ax, "x")
    for bar, v in zip(bars, values, strict=True):
        ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, f"{v:,}",
                va="center", ha="right" if language == "ar" else "left",
                fontproperties=_font(8), color=INK)
    _title(ax, title, language)
    return _png(fig, dpi)


def channels_bar(report: Report, language: str = "ar", *, dpi: int = 150,
                 size: tuple[float, float] = DEFAULT_SIZE) -> bytes:
    """POL-CH: contacts by each of the seven channels, zeros included."""
    shares = report.channels.by_channel
    return _hbars(text("channels", language), [pick(CHANNEL_NAMES, s.key, language)
                                               for s in shares],
                  [s.count for s in shares], language, dpi, size, PALETTE)


def channel_trend(report: Report, language: str = "ar", *, dpi: int = 150,
                  size: tuple[float, float] = DEFAULT_SIZE) -> bytes:
    """One line per channel across the weeks or months; time runs from the right in
    Arabic."""
    fig, ax = _figure(size, dpi)
    trend = report.channels.trend
    xs = list(range(len(trend)))
    keys = [s.key for s in report.channels.by_channel]
    for i, key in enumerate(keys):
        ys = [next(s.count for s in p.shares if s.key == key) for p in trend]
        ax.plot(xs, ys, color=PALETTE[i % len(PALETTE)], linewidth=1.6, marker="o",
                markersize=2.8, label=shown(pick(CHANNEL_NAMES, key, language), language))
    _time_axis(ax, [period_label(p.period, report.period, language) for p in trend],
               language)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.legend(prop=_font(7.5), frameon=False, ncol=1,
              loc="upper left" if language == "en" else "upper right",
              bbox_to_anchor=(1.01, 1.0) if language == "en" else (-0.07, 1.0))
    _title(ax, text("channel_trend", language), language)
    return _png(fig, dpi)


def _time_axis(ax: Axes, labels: list[str], language: str) -> None:
    step = max(1, len(labels) // 12)  # at most about twelve labels on the axis
    ax.set_xticks(range(0, len(labels), step),
                  [shown(w, language) for w in labels[::step]], fontproperties=_font(7.5))
    for tick in ax.get_xticklabels():
        tick.set_rotation(0 if len(labels) <= 6 else 45)
        tick.set_horizontalalignment("center" if len(labels) <= 6 else ("left" if language == "ar"
                                                           else "right"))
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    if len(labels) == 1:
        ax.set_xlim(-0.5, 0.5)
    if language == "ar":
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    _value_font(ax, "y")


def applications_by_status(report: Report, language: str = "ar", *, dpi: int = 150,
                           size: tuple[float, float] = DEFAULT_SIZE) -> bytes:
    shares = report.applications.by_status
    return _hbars(text("applications", language),
                  [pick(STATUS_NAMES, s.key, language) for s in shares],
                  [s.count for s in shares], language, dpi, size)


def referrals(report: Report, language: str = "ar", *, dpi: int = 150,
              size: tuple[float, float] = DEFAULT_SIZE) -> bytes:
    """POL-H3: referrals of the range by reason."""
    shares = report.referrals.by_reason
    return _hbars(text("referrals", language),
                  [pick(REASON_NAMES, s.key, language) for s in shares],
                  [s.count for s in shares], language, dpi, size, ("#3f7cac",))


def satisfaction_by_period(report: Report, language: str = "ar", *, dpi: int = 150,
                           size: tuple[float, float] = DEFAULT_SIZE) -> bytes:
    """The average rating per week or month; a period of fewer than five answers has no
    point at all (POL-G6) — the axis still names it, so the gap is visible."""
    fig, ax = _figure(size, dpi)
    groups = report.satisfaction.by_period
    labels = [period_label(g.period, report.period, language) if g.period else g.key
              for g in groups]
    xs = [i for i, g in enumerate(groups) if not g.suppressed]
    ys = [g.average for g in groups if not g.suppressed and g.average is not None]
    ax.bar(xs, ys, color=ACCENT, width=0.6)
    for x, y in zip(xs, ys, strict=True):
        ax.text(x, y + 0.05, f"{y:.2f}", ha="center", va="bottom", fontproperties=_font(7.5),
                color=INK)
    for x, g in enumerate(groups):
        if g.suppressed and len(groups) <= 16:  # name the gap where there is room
            ax.text(x, 0.12, shown(text("fewer_than", language), language), ha="center",
                    va="bottom", rotation=90, fontproperties=_font(7), color=MUTED)
    ax.set_ylim(0, 5.4)
    _time_axis(ax, labels, language)
    if not xs:
        _empty_note(ax, language)
    if language == "en":
        ax.set_xlim(-0.6, len(groups) - 0.4)
    else:
        ax.set_xlim(len(groups) - 0.4, -0.6)
    _title(ax, f"{text('satisfaction', language)} — {text('average', language)}", language)
    ax.text(0.99 if language == "ar" else 0.01, -0.32 if len(groups) > 6 else -0.2,
            shown(text("satisfaction_note", language), language), transform=ax.transAxes,
            ha="right" if language == "ar" else "left", fontproperties=_font(7), color=MUTED)
    return _png(fig, dpi)


ChartFn = Callable[..., bytes]

# The charts of a report in the order the paper shows them; the screen may show any.
CHARTS: dict[str, ChartFn] = {
    "channels": channels_bar,
    "channel_trend": channel_trend,
    "applications": applications_by_status,
    "satisfaction": satisfaction_by_period,
    "referrals": referrals,
}
