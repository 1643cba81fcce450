"""A chart scene (``chart_scene``) drawn on a reportlab canvas — vectors and a real text
layer on the paper — or as PNG bytes with Pillow for the screen.

The PNG is drawn at three times its size and reduced, which smooths the lines and the
letters (Pillow's shapes have no anti-aliasing of their own).  Text is drawn glyph by glyph
in the order the layout already gave it (Pillow's basic layout, no second bidi pass), in
the face reportlab measured it with: Amiri, and Noto Sans for the Latin runs of an English
chart's run font."""

from __future__ import annotations

import io
import math
from functools import lru_cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import HexColor

from ..documents import text_layer
from ..documents.fonts import font_path
from .chart_scene import Dot, Label, Line, Rect, Scene

SUPERSAMPLE = 3


def _start(label: Label) -> float:
    """Where the text begins along its line, from the anchor."""
    if label.anchor == "right":
        return -label.width
    if label.anchor == "center":
        return -label.width / 2
    return 0.0


# -- on the PDF's canvas --------------------------------------------------------------


def on_canvas(canvas: Any, scene: Scene, left: float, top: float) -> None:
    """Draw ``scene`` with its top-left corner at (``left``, ``top``) of the page."""
    canvas.saveState()
    canvas.setLineJoin(1)
    canvas.setLineCap(1)
    for item in scene.items:
        if isinstance(item, Rect):
            if item.fill:
                canvas.setFillColor(HexColor(item.fill))
            if item.stroke:
                canvas.setStrokeColor(HexColor(item.stroke))
                canvas.setLineWidth(0.6)
            canvas.rect(left + item.x, top - item.y - item.h, item.w, item.h,
                        stroke=1 if item.stroke else 0, fill=1 if item.fill else 0)
        elif isinstance(item, Line):
            canvas.setStrokeColor(HexColor(item.colour))
            canvas.setLineWidth(item.width)
            path = canvas.beginPath()
            (x, y), *rest = item.points
            path.moveTo(left + x, top - y)
            for x, y in rest:
                path.lineTo(left + x, top - y)
            canvas.drawPath(path, stroke=1, fill=0)
        elif isinstance(item, Dot):
            canvas.setFillColor(HexColor(item.fill))
            canvas.circle(left + item.x, top - item.y, item.r, stroke=0, fill=1)
        else:
            _text_on_canvas(canvas, item, left, top)
    canvas.restoreState()


def _text_on_canvas(canvas: Any, label: Label, left: float, top: float) -> None:
    canvas.setFont(label.font, label.size)
    canvas.setFillColor(HexColor(label.colour))
    if label.upright:
        canvas.saveState()
        canvas.translate(left + label.x, top - label.y)
        canvas.rotate(90)
        x, y = _start(label), 0.0
    else:
        x, y = left + label.x + _start(label), top - label.y
    if label.rtl:  # Latin and number runs in the order pdfium reads a line
        text_layer.draw_for_pdfium(canvas, y, [(x, label.shown)], label.font, label.size)
    else:
        canvas.drawString(x, y, label.shown)
    if label.upright:
        canvas.restoreState()


# -- as a PNG -------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _face(name: str, pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(name)), pixels,
                              layout_engine=ImageFont.Layout.BASIC)


def _runs(font: str, text: str) -> list[tuple[str, str]]:
    """(face name, run) pieces of ``text``: a run font splits Latin from Arabic."""
    from reportlab.pdfbase.pdfmetrics import getFont

    fontobj = getFont(font)
    split = getattr(fontobj, "runs", None)
    if split is None:
        return [(font, text)]
    return [(fontobj.latin.fontName if latin else fontobj.arabic_name, run)
            for latin, run in split(text)]


def _write(draw: ImageDraw.ImageDraw, x: float, baseline: float, label: Label,
           scale: float) -> None:
    pixels = max(1, round(label.size * scale))
    for name, run in _runs(label.font, text_layer.as_drawn(label.shown)):
        face = _face(name, pixels)
        draw.text((x, baseline), run, font=face, fill=label.colour, anchor="ls")
        x += face.getlength(run)


def _text_on_image(image: Image.Image, draw: ImageDraw.ImageDraw, label: Label,
                   scale: float) -> None:
    if not label.upright:
        _write(draw, (label.x + _start(label)) * scale, label.y * scale, label, scale)
        return
    length = math.ceil((label.width + label.size) * scale)
    depth = math.ceil(label.size * 1.5 * scale)
    baseline = math.ceil(label.size * 1.1 * scale)
    strip = Image.new("RGBA", (length, depth), (255, 255, 255, 0))
    _write(ImageDraw.Draw(strip), 0, baseline, label, scale)
    turned = strip.rotate(90, expand=True)  # anticlockwise: reads upwards
    begin = (label.y - _start(label)) * scale  # y grows downwards, the text upwards
    image.paste(turned, (round(label.x * scale) - baseline, round(begin) - length), turned)


def png(scene: Scene, dpi: int) -> bytes:
    """The scene as PNG bytes at ``dpi`` (its points are 1/72 inch)."""
    size = (max(1, round(scene.width * dpi / 72)), max(1, round(scene.height * dpi / 72)))
    scale = dpi / 72 * SUPERSAMPLE
    image = Image.new("RGB", (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), "white")
    draw = ImageDraw.Draw(image)
    for item in scene.items:
        if isinstance(item, Rect):
            box = (item.x * scale, item.y * scale, (item.x + item.w) * scale,
                   (item.y + item.h) * scale)
            if item.w > 0 and item.h > 0:
                draw.rectangle(box, fill=item.fill, outline=item.stroke,
                               width=max(1, round(0.6 * scale)) if item.stroke else 0)
        elif isinstance(item, Line):
            draw.line([(x * scale, y * scale) for x, y in item.points], fill=item.colour,
                      width=max(1, round(item.width * scale)), joint="curve")
        elif isinstance(item, Dot):
            r = item.r * scale
            draw.ellipse((item.x * scale - r, item.y * scale - r, item.x * scale + r,
                          item.y * scale + r), fill=item.fill)
        else:
            _text_on_image(image, draw, item, scale)
    out = io.BytesIO()
    image.resize(size, Image.Resampling.BOX).save(out, format="PNG")
    return out.getvalue()
