"""A page being written top to bottom, right to left for Arabic: A4, or the 80 mm roll of
a receipt printer.

Shared by every document: header with the association's name and logo, title, a
two-column table (label column on the start side — the right in Arabic), justified
paragraphs, bullet lists, the signature block, a letter's number and signatory, the
association's contact details and a QR code. Text goes through ``layout`` so mixed runs
keep their order.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..errors import UserError
from . import font_runs, layout, poppler_reading, text_layer
from .association import AssociationInfo
from .fonts import PDF_BOLD, PDF_REGULAR, register_pdf_fonts
from .labels import label
from .logo import default_logo, printable_logo

__all__ = ["AssociationInfo", "PageWriter"]

INK = HexColor("#1b1b1b")
MUTED = HexColor("#5b5b5b")
ACCENT = HexColor("#0f5c4d")  # the association's green
RULE = HexColor("#9aa7a3")
SHADE = HexColor("#eef3f1")

# The receipt printer's roll: 80 mm wide, of which ~72 mm are printable.
ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm
# A roll page is drawn on a strip longer than any receipt, then cut after its last line.
ROLL_STRIP = 2000 * mm
# A 32 mm code (module 0.8 mm at version 4) decodes from a 100 dpi scan and a phone photo.
QR_SIDE = 32 * mm


@dataclass
class PageWriter:
    language: str
    association: AssociationInfo
    title: str
    subject: str
    reference: str = ""
    keywords: str = ""
    qr: list[list[bool]] | None = None  # dark modules, drawn in the header's far corner
    footer_note: str = ""  # small print in the footer (the wording version)
    margin: float = 18 * mm
    buffer: io.BytesIO = field(default_factory=io.BytesIO)
    # ``roll_height``: an 80 mm receipt-printer page drawn on a strip this long, which
    # ``finish`` cuts after the last line (one page, no footer); None: A4.
    roll_height: float | None = None

    def __post_init__(self) -> None:
        register_pdf_fonts()
        self.rtl = self.language == "ar"
        self.narrow = self.roll_height is not None
        if self.roll_height is not None:
            self.margin = ROLL_MARGIN
        size: tuple[float, float] = (
            (ROLL_WIDTH, self.roll_height) if self.roll_height is not None else A4)
        self.canvas = Canvas(self.buffer, pagesize=size, invariant=1, pageCompression=1)
        self.canvas.setTitle(self.title)
        self.canvas.setAuthor(self.association.name(self.language))
        self.canvas.setSubject(self.subject)
        self.canvas.setCreator("Makarem Desk")
        if self.rtl:  # pdfium then reads every line right to left, even one with more Latin
            self.canvas.setViewerPreference("Direction", "R2L")
        if self.keywords:
            self.canvas.setKeywords(self.keywords)
        self.width, self.height = size
        self.left = self.margin
        self.right = self.width - self.margin
        self.page_number = 1
        self.y = self.height - self.margin
        self._poppler = poppler_reading.PageLines()
        self._header()

    def next_document(self, reference: str, qr: list[list[bool]] | None = None) -> None:
        """Start another document of a batch on a new page, numbered from 1 (with its own
        code, if it has one)."""
        self._footer()
        self._end_page()
        self.page_number = 1
        self.reference = reference
        self.qr = qr
        self.y = self.height - self.margin
        self._header()

    # -- geometry helpers -------------------------------------------------------------
    @property
    def text_width(self) -> float:
        return self.right - self.left

    def _start_x(self, width: float) -> float:
        """Left edge of a block of ``width`` placed against the start side."""
        return self.right - width if self.rtl else self.left

    def ensure_space(self, height: float) -> None:
        if self.narrow:  # the roll is as long as the receipt (cut in ``finish``)
            return
        # Down to just above the footer (its contact line and rule end 5 mm over the margin).
        if self.y - height < self.margin + 6 * mm:
            self._footer()
            self._end_page()
            self.page_number += 1
            self.y = self.height - self.margin
            self._header(compact=True)

    # -- text primitives --------------------------------------------------------------
    def draw_line_text(
        self, text: str, x_left: float, width: float, y: float, *, font: str = PDF_REGULAR,
        size: float = 11, align: str = "start", color: Color = INK, beside: str = "",
    ) -> None:
        """``beside``: the visual text drawn on the same baseline elsewhere (the other cell
        of a table row), which pdfium reads as one line with this one."""
        layout.check_printable(text)
        font, size = font_runs.face(font, size, self.language)
        shown = layout.single_line(text, self.rtl)
        w = layout.shaped_width(shown, font, size)
        if w > width > 0:  # a long name in a narrow place: smaller, never clipped
            size = max(5.0, size * width / w)
            w = layout.shaped_width(shown, font, size)
        if align == "center":
            x = x_left + (width - w) / 2
        elif (align == "start") == self.rtl:  # start in RTL, or end in LTR: flush right
            x = x_left + width - w
        else:
            x = x_left
        self.canvas.setFont(font, size)
        self.canvas.setFillColor(color)
        self._draw_shown(y, [(x, shown)], font, size, layout.typed(text), beside)

    def _end_page(self) -> None:
        self._poppler.close(self.canvas._code)  # before the roll's cut shifts the code
        if self.narrow:
            self._cut_roll()
        self.canvas.showPage()

    def _draw_shown(self, y: float, placed: list[tuple[float, str]], font: str,
                    size: float, typed: str, beside: str = "") -> None:
        """Draw a line's visual words (see ``_draw_for_pdfium``); on an English paper, a
        line that poppler would read in the visual order of its Arabic pieces is enclosed
        in room for a span that tells it the line as typed (``poppler_reading``)."""
        span = ""
        if not self.rtl:
            span, balance = poppler_reading.line_for_left_reading(
                tuple(text for _, text in placed), typed)
            self._poppler.balance += balance
        if not span:
            self._draw_for_pdfium(y, placed, font, size, typed, beside)
            return
        code = self.canvas._code
        start = len(code)
        code.append("")
        self._draw_for_pdfium(y, placed, font, size, typed, beside)
        code.append("")
        # pdfium reads the innermost /ActualText of a glyph, poppler only a /Span's: the
        # span goes round a line that tells pdfium the line itself. A line pdfium reads
        # right to left tells it nothing, and pdfium would read the span's text, laid out
        # for poppler, in its own order (measured): poppler keeps its reading there.
        if code[start + 1].startswith(text_layer.TYPED_TAG):
            self._poppler.spans.append((start, len(code) - 1, span))

    def _draw_for_pdfium(self, y: float, placed: list[tuple[float, str]], font: str,
                         size: float, typed: str, beside: str = "") -> None:
        """Draw a line's visual words. Where pdfium reads the line right to left — every
        line of an Arabic paper (/Direction /R2L), a line of an English paper with as many
        Arabic runs as Latin ones (an Arabic value with a reference or a phone) — its
        Latin and number runs are written in the order pdfium reads them. A line of an
        English paper that pdfium reads left to right, in the visual order of its runs,
        is told to pdfium as ``typed`` (``text_layer.typed_for_pdfium``)."""
        line = " ".join(text for _, text in placed)
        if self.rtl or text_layer.pdfium_reads_rtl(f"{line} {beside}"):
            text_layer.draw_for_pdfium(self.canvas, y, placed, font, size)
            return
        with text_layer.typed_for_pdfium(self.canvas, placed, typed, font, beside):
            for x, text in placed:
                self.canvas.drawString(x, y, text)

    def paragraph(
        self, text: str, *, size: float = 11.5, font: str = PDF_REGULAR, leading: float = 1.5,
        width: float | None = None, indent: float = 0, justify: bool = True,
        color: Color = INK, space_after: float = 3 * mm,
    ) -> None:
        layout.check_printable(text)
        font, size = font_runs.face(font, size, self.language)
        width = (width or self.text_width) - indent
        x_left = self._start_x(width + indent) + (0 if self.rtl else indent)
        lines = layout.paragraph_layout(text, width, font, size, rtl=self.rtl, justify=justify)
        self.canvas.setFont(font, size)
        self.canvas.setFillColor(color)
        for typed, words in lines:
            self.ensure_space(size * leading)
            self.y -= size * leading
            self.canvas.setFont(font, size)
            self.canvas.setFillColor(color)
            self._draw_shown(self.y, [(x_left + p.x, p.text) for p in words], font, size,
                             typed)
        self.y -= space_after

    def heading(self, text: str, *, size: float = 13) -> None:
        self.ensure_space(size * 2.4)
        self.y -= size * 1.6
        self.draw_line_text(text, self.left, self.text_width, self.y, font=PDF_BOLD, size=size,
                            color=ACCENT)
        self.y -= size * 0.5

    def title_block(self, title: str, reference: str) -> None:
        self.y -= 5 * mm if self.narrow else 8 * mm
        self.draw_line_text(title, self.left, self.text_width, self.y, font=PDF_BOLD,
                            size=14 if self.narrow else 19, align="center", color=ACCENT)
        if reference:
            self.y -= 6.5 * mm
            self.draw_line_text(f"{label('reference', self.language)}: {reference}", self.left,
                                self.text_width, self.y, size=11.5, align="center")
        self.y -= 4 * mm

    def notice(self, text: str) -> None:
        """A framed line in the accent colour (e.g. "preview, not for signing")."""
        size = 10.5
        h = size * 2.2
        self.ensure_space(h + 2 * mm)
        c = self.canvas
        c.setStrokeColor(ACCENT)
        c.setLineWidth(0.8)
        c.setDash(3, 2)
        c.rect(self.left, self.y - h, self.text_width, h, stroke=1, fill=0)
        c.setDash()
        self.draw_line_text(text, self.left, self.text_width, self.y - h + size * 0.75,
                            font=PDF_BOLD, size=size, align="center", color=ACCENT)
        self.y -= h + 2 * mm

    def bullets(self, items: Sequence[str], *, size: float = 11) -> None:
        for item in items:
            self.paragraph(f"• {item}", size=size, justify=False, indent=4 * mm,
                           space_after=0.6 * mm)
        self.y -= 2 * mm

    # -- table ------------------------------------------------------------------------
    def table(self, rows: Sequence[tuple[str, str]], *, size: float = 11,
              label_width: float = 45 * mm) -> None:
        """Two columns, the label column on the start side (right in Arabic)."""
        pad = 1.7 * mm
        value_width = self.text_width - label_width
        if self.rtl:
            label_x, value_x = self.right - label_width, self.left
        else:
            label_x, value_x = self.left, self.left + label_width
        c = self.canvas
        for caption, value in rows:
            value = " ".join(value.split()) or "—"
            if self.rtl:
                value = layout.isolate_ltr_runs(value)
            value_lines = layout.wrap(value, value_width - 2 * pad,
                                      *font_runs.face(PDF_REGULAR, size, self.language))
            row_h = max(1, len(value_lines)) * size * 1.4 + 2 * pad
            self.ensure_space(row_h)
            top = self.y
            c.setFillColor(SHADE)
            c.setStrokeColor(RULE)
            c.setLineWidth(0.5)
            c.rect(label_x, top - row_h, label_width, row_h, stroke=1, fill=1)
            c.rect(value_x, top - row_h, value_width, row_h, stroke=1, fill=0)
            baseline = top - pad - size * 1.0
            first = layout.single_line(value_lines[0], self.rtl) if value_lines else ""
            self.draw_line_text(caption, label_x + pad, label_width - 2 * pad, baseline,
                                font=PDF_BOLD, size=size, beside=first)
            beside = layout.single_line(caption, self.rtl)
            for line in value_lines:
                self.draw_line_text(line, value_x + pad, value_width - 2 * pad, baseline,
                                    size=size, beside=beside)
                baseline -= size * 1.4
                beside = ""
            self.y = top - row_h
        self.y -= 4 * mm

    # -- blocks -----------------------------------------------------------------------
    def _logo(self) -> ImageReader | None:
        custom = self.association.logo_png
        logo = printable_logo(custom) if custom else None
        # no logo configured, or a damaged one: the paper still prints
        return logo if logo is not None else default_logo()

    def _header(self, compact: bool = False) -> None:
        c = self.canvas
        size = 14 * mm if compact or self.narrow else 22 * mm
        logo = self._logo()
        top = self.y
        if logo is not None:
            iw, ih = logo.getSize()
            scale = size / max(iw, ih)
            w, h = iw * scale, ih * scale
            x = self.right - w if self.rtl else self.left
            c.drawImage(logo, x, top - h, w, h)
        qr_side = 0.0
        if self.qr is not None and not compact and not self.narrow:
            qr_side = QR_SIDE
            self.draw_qr(self.qr, self.left if self.rtl else self.right - qr_side,
                          top - qr_side, qr_side)
        text_x = (self.left + qr_side + 2 * mm) if self.rtl else self.left + size + 4 * mm
        text_w = self.text_width - size - 6 * mm - qr_side
        name_size = 12 if compact or self.narrow else 15
        self.draw_line_text(self.association.name(self.language), text_x, text_w,
                            top - name_size * 1.1, font=PDF_BOLD, size=name_size, color=ACCENT)
        if not compact and not self.narrow:
            other = "en" if self.language == "ar" else "ar"
            other_name = self.association.name(other)
            if other_name and other_name != self.association.name(self.language):
                self.draw_line_text(other_name, text_x, text_w, top - name_size * 2.35,
                                    size=10.5, color=MUTED)
        if compact and self.reference:
            self.draw_line_text(self.reference, text_x, text_w, top - name_size * 2.35,
                                size=9.5, color=MUTED, align="end")
        self.y = top - max(size, qr_side) - 3 * mm
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1.2)
        c.line(self.left, self.y, self.right, self.y)

    def _footer(self) -> None:
        if self.narrow:
            return
        text = f"{label('page', self.language)} {self.page_number}"
        y = self.margin - 6 * mm
        contact = self.association.contact_items(self.language)
        if contact:  # every page says how to reach the association
            self.canvas.setStrokeColor(RULE)
            self.canvas.setLineWidth(0.5)
            self.canvas.line(self.left, self.margin + 3.5 * mm, self.right, self.margin + 3.5 * mm)
            self.draw_line_text("  ·  ".join(contact), self.left, self.text_width,
                                self.margin - 0.5 * mm, size=8.5, align="center", color=MUTED)
        self.draw_line_text(text, self.left, self.text_width, y, size=8,
                            align="center", color=MUTED)
        if self.footer_note:
            self.draw_line_text(self.footer_note, self.left, self.text_width, y - 9, size=6,
                                align="center", color=MUTED)

    def signature_block(
        self, *, signature_png: bytes | None, signer_name: str, witness_name: str,
        when_text: str, signed: bool, gender: str | None = None,
    ) -> None:
        """Applicant's signature on the start side, the witness on the other; ``gender``
        is the applicant's (the caption names her or him)."""
        c = self.canvas
        box_h = 23 * mm
        self.ensure_space(box_h + 16 * mm)
        self.y -= 4 * mm
        col_w = (self.text_width - 10 * mm) / 2
        start_x = self._start_x(col_w)
        other_x = self.left if self.rtl else self.right - col_w
        top = self.y
        self.draw_line_text(label("applicant_signature", self.language, gender), start_x, col_w,
                            top - 12, font=PDF_BOLD, size=11)
        self.draw_line_text(label("witness", self.language), other_x, col_w, top - 12,
                            font=PDF_BOLD, size=11)
        line_y = top - box_h
        if signature_png:
            try:
                img = ImageReader(io.BytesIO(signature_png))
                iw, ih = img.getSize()
                avail_w, avail_h = col_w - 8 * mm, box_h - 10 * mm
                scale = min(avail_w / iw, avail_h / ih)
                w, h = iw * scale, ih * scale
                c.drawImage(img, start_x + (col_w - w) / 2, line_y + 1.5 * mm, w, h,
                            mask="auto")
            except Exception as exc:
                raise UserError(
                    f"The stored signature image cannot be read ({exc}); sign again.",
                    message_ar="تعذرت قراءة صورة التوقيع المحفوظة؛ أعد التوقيع.",
                ) from exc
        c.setStrokeColor(INK)
        c.setLineWidth(0.6)
        c.line(start_x + 4 * mm, line_y, start_x + col_w - 4 * mm, line_y)
        c.line(other_x + 4 * mm, line_y, other_x + col_w - 4 * mm, line_y)
        self.draw_line_text(signer_name, start_x, col_w, line_y - 14, size=10.5,
                            align="center")
        self.draw_line_text(witness_name or "", other_x, col_w, line_y - 14, size=10.5,
                            align="center")
        if not signed:
            self.draw_line_text(label("signed_on_paper", self.language), start_x, col_w,
                                line_y - 27, size=9, align="center", color=MUTED)
        self.y = line_y - (40 if not signed else 30)
        self.draw_line_text(f"{label('date_time', self.language)}: {when_text}", self.left,
                            self.text_width, self.y, size=10.5, align="start")
        self.y -= 6 * mm

    def _cut_roll(self) -> None:
        """End the roll's page at the last line: a page of the drawn length, the drawing
        moved down onto it by a transformation before all of it (what was drawn from the
        top of the strip is drawn from the top of the page). Laying the receipt out once to
        learn its length and again on a page of that length cost twice the drawing."""
        length = self.height - self.y + self.margin
        self.canvas.setPageSize((self.width, length))
        self.canvas._code.insert(0, f"1 0 0 1 0 {fp_str(length - self.height)} cm")
        self.height = length

    def draw_qr(self, matrix: list[list[bool]], x0: float, y0: float, side: float) -> None:
        """Vector squares: sharp at any printer resolution, tiny in the file."""
        c = self.canvas
        n = len(matrix) + 4  # quiet zone of two modules each side (white page around it)
        module = side / n
        ops = []
        size = len(matrix)
        for r, row in enumerate(matrix):
            col = 0
            while col < size:  # one rectangle per run of dark modules
                if not row[col]:
                    col += 1
                    continue
                start = col
                while col < size and row[col]:
                    col += 1
                ops.append(f"{start + 2} {size + 1 - r} {col - start} 1 re")
        # In module units (integers), written as literal path operators: the same vector
        # code without formatting ~1,500 floats per page.
        c.saveState()
        c.setFillColor(HexColor("#000000"))
        c.translate(x0, y0)
        c.scale(module, module)
        c.addLiteral("\n".join(ops) + "\nf")
        c.restoreState()

    def finish(self) -> bytes:
        self._footer()
        self._end_page()
        self.canvas.save()
        return self.buffer.getvalue()
