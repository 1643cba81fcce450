"""Blocks only some papers carry: a letter's outgoing number and date, its signatory and
stamp space, and — on the 80 mm roll — the code and the contact details in the flow of
the text (an A4 page has them in its header and footer)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm

from . import facts
from .fonts import PDF_BOLD
from .labels import label
from .page import INK, MUTED, RULE, PageWriter


def letter_number_block(w: PageWriter, number: str, issued_on: date) -> None:
    """الرقم / التاريخ / الموافق on the end side (the left of an Arabic letter), as Saudi
    letters give them."""
    lang = w.language
    rows = [(label("letter_number", lang), number)]
    if lang == "ar":
        rows += [(label("letter_date", lang), facts.hijri(issued_on, lang)),
                 (label("letter_date_gregorian", lang), facts.gregorian(issued_on, lang))]
    else:
        rows.append((label("letter_date", lang), facts.both_calendars(issued_on, lang)))
    width = 62 * mm
    x = w.left if w.rtl else w.right - width
    w.y -= 2 * mm
    for caption, value in rows:
        w.y -= 5 * mm
        w.draw_line_text(f"{caption}: {value}", x, width, w.y, size=10, align="start", color=INK)
    w.y -= 1 * mm


def signatory_block(w: PageWriter) -> None:
    """The signatory on the end side (title, a line to sign on, name) and a stamp space
    beside it: a dashed circle captioned الختم."""
    lang = w.language
    name, title = w.association.signatory(lang)
    height = 34 * mm
    w.ensure_space(height + 4 * mm)
    w.y -= 6 * mm
    top = w.y
    col = 64 * mm
    sign_x = w.left if w.rtl else w.right - col
    stamp_centre = (sign_x + col + 22 * mm) if w.rtl else (sign_x - 22 * mm)
    c = w.canvas
    w.draw_line_text(title or label("signatory", lang), sign_x, col, top - 12, font=PDF_BOLD,
                     size=11, align="center")
    line_y = top - 24 * mm
    c.setStrokeColor(INK)
    c.setLineWidth(0.6)
    c.line(sign_x + 6 * mm, line_y, sign_x + col - 6 * mm, line_y)
    if name:
        w.draw_line_text(name, sign_x, col, line_y - 14, size=10.5, align="center")
    radius = 15 * mm
    c.setStrokeColor(RULE)
    c.setDash(2, 2)
    c.circle(stamp_centre, top - 3 * mm - radius, radius, stroke=1, fill=0)
    c.setDash()
    w.draw_line_text(label("stamp", lang), stamp_centre - radius, 2 * radius,
                     top - 3 * mm - radius - 3, size=9, align="center", color=MUTED)
    w.y = top - height


def code_block(w: PageWriter, matrix: list[list[bool]], side: float) -> None:
    """The code centred in the flow (the roll's header has no room beside the name)."""
    w.y -= 3 * mm
    w.draw_qr(matrix, w.left + (w.text_width - side) / 2, w.y - side, side)
    w.y -= side + 2 * mm


def contact_block(w: PageWriter) -> None:
    """The association's contact details, one to a line, centred (the roll's footer)."""
    items = w.association.contact_items(w.language)
    if not items:
        return
    c = w.canvas
    w.y -= 2 * mm
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(w.left, w.y, w.right, w.y)
    for item in items:
        w.paragraph(item, size=8.5, justify=False, color=MUTED, space_after=0)
    w.y -= 2 * mm
