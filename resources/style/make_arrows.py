"""Draws the style sheet's arrows (run once; the PNGs are committed): Qt's stylesheet can
only show an arrow on a flat drop-down from an image."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPolygonF


def arrow(path: Path, colour: str, *, up: bool = False) -> None:
    image = QImage(10, 6, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    points = [QPointF(0, 0.5), QPointF(10, 0.5), QPointF(5, 6)]
    if up:
        points = [QPointF(0, 5.5), QPointF(10, 5.5), QPointF(5, 0)]
    p.drawPolygon(QPolygonF(points))
    p.end()
    image.save(str(path))


if __name__ == "__main__":
    app = QGuiApplication(sys.argv)
    here = Path(__file__).resolve().parent
    arrow(here / "arrow-down.png", "#52606d")
    arrow(here / "arrow-down-disabled.png", "#b8c2bd")
    arrow(here / "arrow-up.png", "#52606d", up=True)
