"""What a chart is made of, laid out once and drawn twice: on the PDF's canvas as vectors
(``chart_draw.on_canvas``) and as a PNG for the screen (``chart_draw.png``).

A scene is plain data in points, origin at the top left, y growing downwards: rectangles,
lines, dots and labels.  A label carries its text already in display order, shaped by the
documents' text pipeline (``layout.single_line``: reshaped, bidi-ordered, brackets
mirrored) and measured with the paper's fonts (``font_runs.face``: Amiri, and Noto Sans for
English words on an English chart), so the screen and the paper place every word alike.
No plotting library: the five charts are bars, lines and words."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..documents import font_runs, layout
from ..documents.fonts import PDF_BOLD, PDF_REGULAR, register_pdf_fonts

ACCENT = "#0f5c4d"
# Seven distinguishable colours (the channels), the association's green first.
PALETTE = ("#0f5c4d", "#d08c2c", "#3f7cac", "#b5485d", "#6d9f45", "#7a5c99", "#8c8c8c")
INK, MUTED, GRID = "#1b1b1b", "#5b5b5b", "#d9dfdd"
PAD = 6.0  # points around the chart


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    colour: str
    width: float = 0.6


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    fill: str


@dataclass(frozen=True)
class Label:
    """``shown`` in display order at baseline ``y``; ``x`` is where ``anchor`` (left,
    right or center) sits.  ``upright``: turned a quarter anticlockwise to read upwards,
    its baseline the vertical through ``x`` (the letters stand to the left of it) and its
    anchor at height ``y``."""

    x: float
    y: float
    shown: str
    font: str
    size: float
    colour: str
    anchor: str = "left"
    width: float = 0.0
    rtl: bool = False
    upright: bool = False


@dataclass
class Scene:
    width: float
    height: float
    language: str
    items: list[Rect | Line | Dot | Label] = field(default_factory=list)

    @property
    def rtl(self) -> bool:
        return self.language == "ar"

    def label(self, words: str, x: float, y: float, *, size: float = 8, colour: str = INK,
              anchor: str = "left", bold: bool = False, fit: float = 0.0,
              upright: bool = False) -> Label:
        """Add ``words`` (logical order); ``fit``: the widest it may be (smaller if not)."""
        font, size = font_runs.face(PDF_BOLD if bold else PDF_REGULAR, size, self.language)
        shown = layout.single_line(words, self.rtl)
        width = layout.shaped_width(shown, font, size)
        if fit > 0 and width > fit:
            size = max(4.0, size * fit / width)
            width = layout.shaped_width(shown, font, size)
        item = Label(x, y, shown, font, size, colour, anchor, width, self.rtl, upright)
        self.items.append(item)
        return item

    def width_of(self, words: str, size: float, bold: bool = False) -> float:
        font, size = font_runs.face(PDF_BOLD if bold else PDF_REGULAR, size, self.language)
        return layout.shaped_width(layout.single_line(words, self.rtl), font, size)

    def title(self, words: str) -> float:
        """The chart's title on the start side; returns the y below it."""
        size = 11.0
        x, anchor = ((self.width - PAD, "right") if self.rtl else (PAD, "left"))
        self.label(words, x, PAD + size, size=size, colour=ACCENT, anchor=anchor, bold=True,
                   fit=self.width - 2 * PAD)
        return PAD + size * 1.6 + 6


@dataclass(frozen=True)
class Plot:
    """The plotting area of a scene, in points."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def w(self) -> float:
        return self.right - self.left

    @property
    def h(self) -> float:
        return self.bottom - self.top


def nice_ticks(top: float, bins: int = 6) -> list[float]:
    """Round steps (1, 2, 2.5 or 5 times a power of ten, whole numbers) from 0 up to the
    first one at or above ``top``."""
    top = max(float(top), 1.0)
    raw = top / bins
    power = 10 ** math.floor(math.log10(raw))
    step = next((m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw), 10 * power)
    step = max(1.0, float(math.ceil(step)))
    count = math.ceil(top / step - 1e-9)
    return [i * step for i in range(count + 1)]


def thousands(value: float) -> str:
    return f"{value:,.0f}"


def band_centre(plot: Plot, i: int, n: int, rtl: bool, *, horizontal: bool = True) -> float:
    """The centre of the ``i``-th of ``n`` equal bands: from the start side across
    (``horizontal``, time and categories run from the right in Arabic) or from the top."""
    if not horizontal:
        return plot.top + (i + 0.5) * plot.h / max(1, n)
    offset = (i + 0.5) * plot.w / max(1, n)
    return plot.right - offset if rtl else plot.left + offset


def value_axis(scene: Scene, plot: Plot, ticks: Sequence[float], *,
               labels: Sequence[str] | None = None) -> None:
    """Horizontal grid lines at ``ticks`` with their values on the start side."""
    top = ticks[-1]
    shown = labels or [thousands(t) for t in ticks]
    for t, words in zip(ticks, shown, strict=True):
        y = plot.bottom - plot.h * t / top
        scene.items.append(Line(((plot.left, y), (plot.right, y)), GRID))
        x, anchor = (plot.right + 4, "left") if scene.rtl else (plot.left - 4, "right")
        scene.label(words, x, y + 2.8, size=8, colour=MUTED, anchor=anchor)


def axis_room(scene: Scene, words: Sequence[str], size: float = 8) -> float:
    return max((scene.width_of(w, size) for w in words), default=0.0) + 8


def time_labels(scene: Scene, plot: Plot, labels: Sequence[str]) -> None:
    """Period names under the plot, every ``step``-th one so that none overlap."""
    n = len(labels)
    if not n:
        return
    widest = max(scene.width_of(w, 7.5) for w in labels) + 6
    step = max(1, math.ceil(widest / (plot.w / n)))
    for i in range(0, n, step):
        scene.label(labels[i], band_centre(plot, i, n, scene.rtl), plot.bottom + 10,
                    size=7.5, anchor="center", fit=plot.w / n * step)


def frame(scene: Scene, plot: Plot) -> None:
    scene.items.append(Rect(plot.left, plot.top, plot.w, plot.h, stroke=GRID))


def hbars(scene: Scene, title: str, labels: Sequence[str], values: Sequence[int],
          colours: Sequence[str] = (ACCENT,)) -> Scene:
    """Categories down the start side (the right in Arabic), bars growing from it, the
    first category on top in the policy's order."""
    register_pdf_fonts()
    top_y = scene.title(title)
    room = min(axis_room(scene, labels, 9), scene.width * 0.4)
    ticks = nice_ticks(max(values, default=0) * 1.15)
    tick_room = axis_room(scene, [thousands(ticks[-1])]) / 2
    if scene.rtl:
        plot = Plot(PAD + tick_room, top_y, scene.width - PAD - room, scene.height - PAD - 12)
    else:
        plot = Plot(PAD + room, top_y, scene.width - PAD - tick_room, scene.height - PAD - 12)
    n = len(labels)
    for t in ticks:
        x = plot.right - plot.w * t / ticks[-1] if scene.rtl else plot.left + plot.w * t / ticks[-1]
        scene.items.append(Line(((x, plot.top), (x, plot.bottom)), GRID))
        scene.label(thousands(t), x, plot.bottom + 10, size=8, colour=MUTED, anchor="center")
    frame(scene, plot)
    band = plot.h / max(1, n)
    for i, (words, value) in enumerate(zip(labels, values, strict=True)):
        centre = band_centre(plot, i, n, scene.rtl, horizontal=False)
        length = plot.w * value / ticks[-1]
        x = plot.right - length if scene.rtl else plot.left
        scene.items.append(Rect(x, centre - band * 0.31, length, band * 0.62,
                                fill=colours[i % len(colours)]))
        if scene.rtl:
            scene.label(words, plot.right + 4, centre + 3, size=9, anchor="left", fit=room - 6)
            scene.label(f"{value:,}", x - 2, centre + 2.8, size=8, anchor="right")
        else:
            scene.label(words, plot.left - 4, centre + 3, size=9, anchor="right", fit=room - 6)
            scene.label(f"{value:,}", x + length + 2, centre + 2.8, size=8)
    return scene


def lines(scene: Scene, title: str, periods: Sequence[str],
          series: Sequence[tuple[str, Sequence[int]]]) -> Scene:
    """One line per series across the periods (time from the right in Arabic), the legend
    on the end side."""
    register_pdf_fonts()
    top_y = scene.title(title)
    top = max((v for _, ys in series for v in ys), default=0)
    ticks = nice_ticks(top, 5)
    legend = min(axis_room(scene, [name for name, _ in series], 7.5) + 12, scene.width * 0.3)
    values = axis_room(scene, [thousands(ticks[-1])])
    if scene.rtl:
        plot = Plot(PAD + legend, top_y, scene.width - PAD - values, scene.height - PAD - 14)
    else:
        plot = Plot(PAD + values, top_y, scene.width - PAD - legend, scene.height - PAD - 14)
    value_axis(scene, plot, ticks)
    frame(scene, plot)
    time_labels(scene, plot, periods)
    n = len(periods)
    for k, (name, ys) in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        points = tuple((band_centre(plot, i, n, scene.rtl), plot.bottom - plot.h * y / ticks[-1])
                       for i, y in enumerate(ys))
        if len(points) > 1:
            scene.items.append(Line(points, colour, 1.6))
        scene.items.extend(Dot(x, y, 1.6, colour) for x, y in points)
        y = plot.top + 4 + k * 11
        if scene.rtl:
            scene.items.append(Rect(PAD + legend - 12, y, 8, 3, fill=colour))
            scene.label(name, PAD + legend - 16, y + 4, size=7.5, anchor="right",
                        fit=legend - 18)
        else:
            scene.items.append(Rect(plot.right + 4, y, 8, 3, fill=colour))
            scene.label(name, plot.right + 16, y + 4, size=7.5, fit=legend - 18)
    return scene


def averages(scene: Scene, title: str, periods: Sequence[str],
             values: Sequence[float | None], gap: str, note: str, empty: str) -> Scene:
    """A column per period on a 0-5 scale; a period without a figure (``None``) is named
    ``gap`` where there is room, so the hole is visible."""
    register_pdf_fonts()
    top_y = scene.title(title)
    ticks = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 5.4]
    room = axis_room(scene, ["5"])
    if scene.rtl:
        plot = Plot(PAD, top_y, scene.width - PAD - room, scene.height - PAD - 26)
    else:
        plot = Plot(PAD + room, top_y, scene.width - PAD, scene.height - PAD - 26)
    value_axis(scene, plot, ticks, labels=[f"{t:.0f}" if t <= 5 else "" for t in ticks])
    frame(scene, plot)
    time_labels(scene, plot, periods)
    n = len(periods)
    band = plot.w / max(1, n)
    for i, value in enumerate(values):
        x = band_centre(plot, i, n, scene.rtl)
        if value is None:
            if n <= 16:
                scene.label(gap, x + 2.5, plot.bottom - 4, size=7, colour=MUTED,
                            anchor="left", upright=True, fit=plot.h - 8)
            continue
        h, wide = plot.h * value / 5.4, min(band * 0.6, 48.0)
        scene.items.append(Rect(x - wide / 2, plot.bottom - h, wide, h, fill=ACCENT))
        scene.label(f"{value:.2f}", x, plot.bottom - h - 2, size=7.5, anchor="center")
    if all(v is None for v in values):
        scene.label(empty, (plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2 + 5,
                    size=14, colour=MUTED, anchor="center")
    x, anchor = (scene.width - PAD, "right") if scene.rtl else (PAD, "left")
    scene.label(note, x, scene.height - PAD, size=7, colour=MUTED, anchor=anchor,
                fit=scene.width - 2 * PAD)
    return scene
