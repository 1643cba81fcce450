"""The report's charts, one scene per chart (``chart_scene``), the same on screen and on
paper: the PDF draws the scene on its page as vectors with a text layer
(``chart_draw.on_canvas``), the Reports screen shows it as PNG bytes (``CHARTS``, drawn
with Pillow off the GUI thread).

Labels go through the documents' text pipeline (shaped and ordered as on the
declaration).  In Arabic the category and time axes read from the right: categories and
the value axis sit on the right, bars grow leftwards and time runs right to left."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from . import chart_draw
from .chart_scene import PALETTE, Scene, averages, hbars, lines
from .labels import CHANNEL_NAMES, REASON_NAMES, STATUS_NAMES, period_label, pick, text
from .model import Report

DEFAULT_SIZE = (7.0, 3.6)  # inches: the width of an A4 text block, a third of its height
ASPECT = DEFAULT_SIZE[1] / DEFAULT_SIZE[0]


def channels_scene(report: Report, language: str, width: float, height: float) -> Scene:
    """POL-CH: contacts by each of the seven channels, zeros included."""
    shares = report.channels.by_channel
    return hbars(Scene(width, height, language), text("channels", language),
                 [pick(CHANNEL_NAMES, s.key, language) for s in shares],
                 [s.count for s in shares], PALETTE)


def channel_trend_scene(report: Report, language: str, width: float, height: float) -> Scene:
    """One line per channel across the weeks or months; time runs from the right in
    Arabic."""
    trend = report.channels.trend
    series = [(pick(CHANNEL_NAMES, s.key, language),
               [next(p_s.count for p_s in p.shares if p_s.key == s.key) for p in trend])
              for s in report.channels.by_channel]
    return lines(Scene(width, height, language), text("channel_trend", language),
                 [period_label(p.period, report.period, language) for p in trend], series)


def applications_scene(report: Report, language: str, width: float, height: float) -> Scene:
    shares = report.applications.by_status
    return hbars(Scene(width, height, language), text("applications", language),
                 [pick(STATUS_NAMES, s.key, language) for s in shares],
                 [s.count for s in shares])


def referrals_scene(report: Report, language: str, width: float, height: float) -> Scene:
    """POL-H3: referrals of the range by reason."""
    shares = report.referrals.by_reason
    return hbars(Scene(width, height, language), text("referrals", language),
                 [pick(REASON_NAMES, s.key, language) for s in shares],
                 [s.count for s in shares], ("#3f7cac",))


def satisfaction_scene(report: Report, language: str, width: float, height: float) -> Scene:
    """The average rating per week or month; a period of fewer than five answers has no
    figure at all (POL-G6) — the axis still names it, so the gap is visible."""
    groups = report.satisfaction.by_period
    return averages(
        Scene(width, height, language),
        f"{text('satisfaction', language)} — {text('average', language)}",
        [period_label(g.period, report.period, language) if g.period else g.key
         for g in groups],
        [None if g.suppressed else g.average for g in groups],
        text("fewer_than", language), text("satisfaction_note", language),
        text("none", language))


SceneFn = Callable[[Report, str, float, float], Scene]
ChartFn = Callable[..., bytes]

# The charts of a report in the order the paper shows them; the screen may show any.
SCENES: dict[str, SceneFn] = {
    "channels": channels_scene,
    "channel_trend": channel_trend_scene,
    "applications": applications_scene,
    "satisfaction": satisfaction_scene,
    "referrals": referrals_scene,
}


def chart_png(scene: SceneFn, report: Report, language: str = "ar", *, dpi: int = 150,
              size: tuple[float, float] = DEFAULT_SIZE) -> bytes:
    """A chart as PNG bytes, ``size`` in inches at ``dpi``."""
    return chart_draw.png(scene(report, language, size[0] * 72, size[1] * 72), dpi)


CHARTS: dict[str, ChartFn] = {name: partial(chart_png, fn) for name, fn in SCENES.items()}
channels_bar = CHARTS["channels"]
