"""A signature pad for mouse, pen (tablet) or touch: draw, clear, accept; PNG out."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

INK = QColor(10, 30, 90)
MIN_POINTS = 8  # fewer than this is a tap, not a signature


class SignatureCanvas(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Handwriting has no direction: the canvas must not be mirrored in Arabic.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setMinimumSize(420, 160)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.strokes: list[list[QPointF]] = []
        self._drawing = False

    # -- input -------------------------------------------------------------------------
    def begin_stroke(self, p: QPointF) -> None:
        self.strokes.append([p])
        self._drawing = True

    def extend_stroke(self, p: QPointF) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append(p)
            self.update()

    def end_stroke(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(e.position())

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        self.extend_stroke(e.position())

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        self.end_stroke()

    def tabletEvent(self, e: QTabletEvent) -> None:  # noqa: N802
        kind = e.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.begin_stroke(e.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self.extend_stroke(e.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self.end_stroke()
        e.accept()

    def event(self, e: QEvent) -> bool:
        if isinstance(e, QTouchEvent) and e.points():
            p = e.points()[0].position()
            if e.type() == QTouchEvent.Type.TouchBegin:
                self.begin_stroke(p)
            elif e.type() == QTouchEvent.Type.TouchUpdate:
                self.extend_stroke(p)
            else:
                self.end_stroke()
            e.accept()
            return True
        return super().event(e)

    # -- output ------------------------------------------------------------------------
    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return sum(len(s) for s in self.strokes) < MIN_POINTS

    def _path(self) -> QPainterPath:
        path = QPainterPath()
        for stroke in self.strokes:
            path.moveTo(stroke[0])
            for p in stroke[1:]:
                path.lineTo(p)
        return path

    def paintEvent(self, e: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor(180, 180, 180), 1, Qt.PenStyle.DashLine))
        base = self.height() - 30
        painter.drawLine(20, base, self.width() - 20, base)
        painter.setPen(QPen(INK, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.drawPath(self._path())

    def to_png(self, scale: float = 2.0) -> bytes:
        """The signature on a transparent background, cropped to its ink."""
        path = self._path()
        box = path.boundingRect().adjusted(-6, -6, 6, 6)
        image = QImage(max(1, int(box.width() * scale)), max(1, int(box.height() * scale)),
                       QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.translate(-box.topLeft())
        painter.setPen(QPen(INK, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.drawPath(path)
        painter.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; only str works
        buf.close()
        return bytes(data.data())


class SignaturePad(QWidget):
    """The canvas with Clear and Accept; ``accepted_png`` holds the accepted signature."""

    accepted = Signal(bytes)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = SignatureCanvas()
        self.accepted_png: bytes | None = None
        self.clear_button = QPushButton(self.tr("Clear"))
        self.accept_button = QPushButton(self.tr("Accept signature"))
        self.state = QLabel(self.tr("The applicant signs in the box."))
        self.state.setObjectName("hint")
        self.clear_button.clicked.connect(self.clear)
        self.accept_button.clicked.connect(self.accept)
        self.canvas.changed.connect(self._changed)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addWidget(self.accept_button)
        row.addWidget(self.state, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.canvas)
        lay.addLayout(row)
        self._changed()

    def _changed(self) -> None:
        self.accepted_png = None
        self.accept_button.setEnabled(not self.canvas.is_empty())
        self.state.setText(self.tr("The applicant signs in the box."))

    def clear(self) -> None:
        self.canvas.clear()

    def accept(self) -> bytes | None:
        if self.canvas.is_empty():
            return None
        self.accepted_png = self.canvas.to_png()
        self.state.setText(self.tr("Signature accepted."))
        self.accepted.emit(self.accepted_png)
        return self.accepted_png
