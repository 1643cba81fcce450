"""The papers' speed against a bare reportlab page replaying the same drawing calls.

For each paper — the data-accuracy declaration, the receipt on A4 and on an 80 mm roll, the
decision letter (Arabic, the counter's language) — the bench renders N documents of varied
beneficiaries and, interleaved with them in the same run, N *bare* pages: a plain reportlab
``Canvas`` replaying the calls the app's page made on its canvas (fonts, colours, lines,
rectangles, the logo, the QR code's path, the metadata and every string, already shaped and
ordered, drawn with ``drawString``; the runs the text layer writes in pdfium's reading order
are replayed as the ``drawString`` of the same visual text, which draws the same ink). What
the bare page does not do is the app's own work: wording, bidi, reshaping, wrapping,
justification, glyph checks, the QR matrix, the text layer's ToUnicode map.

Times are CPU time of this process (``time.process_time``) per document, so the load of
other processes on the machine moves them little; the wall time of the whole run is printed
too. Each row prints the app figure, its baseline, the ratio and, for the declaration,
issue 14's goals: ≤ 1.5× the bare page, 1,000 declarations in ≤ 20 s.

    .venv/bin/python bench/documents_bench.py [N] [paper ...]

Then N decision letters printed as one batch PDF (one font embedding for the batch).

The bare page embeds its fonts as reportlab does for any document: it builds each subset
(the characters in the order the page first draws them), compresses it and writes its
widths and ToUnicode map. The app's fonts start every paper with the same alphabet subset
and keep each subset's formatted objects for the next paper (``font_subsets``), and keep
the logo's decoded reader (``logo``); the bare page shares neither. The 80 mm receipt is
drawn once by both, on a long strip; the app then cuts its page after the last line
(``setPageSize``, replayed, and a transformation before the drawing, which is not).

Last figures (300 documents, CPU ms per document, load average 9-11 on the 2 cores; the
1,000 declarations: a run of ``1000 declaration``):

    paper             app     bare   ratio   goal
    declaration      15.5     15.9   0.97    <= 1.5
    receipt A4       11.8     13.2   0.90
    receipt 80 mm    10.1     11.6   0.87    (laid out twice before: 2.18)
    decision letter   9.6     12.3   0.78
    1,000 declarations: 15.0 s CPU (goal <= 20 s), 64.8 s wall at load 8.6 (the run of
    1,000: declaration 14.3 ms vs bare 14.5 ms, 0.99x); the wall time is the machine's
    load (other processes sharing the 2 cores), not the papers.
    300 decision letters as one PDF: 7.2 ms CPU per letter.

With issue 11's marks for poppler among the first subset's codes (300 documents, load
3.7): declaration 12.57 ms vs 12.54 ms bare (1.00x), receipt A4 0.97x, 80 mm 0.89x,
decision letter 0.79x; 1,000 fresh declarations 12.4 s CPU. In the same minutes, main with
those marks in a second subset of every Arabic paper: 1.01x and 1.03x against this code's
0.99x and 1.02x, 17.5-18.9 s CPU for 1,000 against 13.7-16.0 s, 80 KiB against 73 KiB.

Before issue 14's font and logo work (same bench, load 15-18): declaration 30.8 ms vs
20.5 ms bare (1.50x), 1,000 declarations 30.7 s CPU.

Quiet machine, 2026-12-01 02:29 UTC (load 0.9, no other jobs), ``1000 declaration``, after
the text layer's pdfium model was merged: declaration 15.73 ms vs bare 15.13 ms CPU (1.04x);
1,000 in 14.8 s CPU and 14.8 s wall (goal <= 20 s: holds); 1,000 decision letters as one
PDF 8.62 ms per letter.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from makarem_desk.documents import page, sample, text_layer
from makarem_desk.documents.fonts import PDF_BOLD, PDF_REGULAR, font_path, register_pdf_fonts
from makarem_desk.documents.render import (
    LetterJob,
    render_decision_letter,
    render_decision_letters,
    render_receipt,
)
from makarem_desk.validation.identity import luhn_check_digit

FIRST = ["محمد", "فاطمة", "عبدالرحمن", "نورة", "خالد", "سارة", "عبدالله", "هيفاء", "فهد", "ريم"]
FATHER = ["سعد", "إبراهيم", "عبدالعزيز", "ناصر", "صالح", "علي", "حمد"]
FAMILY = ["القحطاني", "العتيبي", "الدوسري", "الشهري", "الغامدي", "الزهراني", "المطيري"]
GRANDFATHER = ["صالح", "يوسف", "منصور", "زيد", "بدر", "ظافر", "غازي", "ثامر", "حسين", "طلال",
               "مشعل", "جابر", "شاكر", "ضيف الله", "عوض"]
GOAL_RATIO = 1.5
GOAL_THOUSAND_S = 20.0


def snapshots(n: int, first: int = 0) -> list[dict[str, Any]]:
    """``n`` applicants, each with their own reference, identity number and phone (so their
    own QR code) and their own full name (up to 7,350 different ones)."""
    out = []
    for i in range(first, first + n):
        snap = sample.sample_snapshot("female" if i % 2 else "male")  # FIRST alternates
        b = snap["beneficiary"]
        b["first_name"], b["father_name"] = FIRST[i % 10], FATHER[(i // 10) % 7]
        b["grandfather_name"] = GRANDFATHER[(i // 70) % 15]
        b["family_name"] = FAMILY[(i // 1050) % 7]
        b["full_name"] = f"{b['first_name']} {b['father_name']} {b['grandfather_name']} {b['family_name']}"
        body = f"1{i:08d}"
        b["identity_number"] = body + luhn_check_digit(body)
        b["phone"] = f"+96655{i:07d}"
        snap["reference"] = f"RYD1-2026-{i:06d}"
        out.append(snap)
    return out


render = sample.sample_declaration  # one declaration as the counter prints it


def _receipt(paper: str) -> Callable[[dict[str, Any]], bytes]:
    return lambda snap: render_receipt(snap, language="ar", association=sample.sample_association(),
                                       printed_at=sample.SIGNED_AT, paper=paper)


def _letter(snap: dict[str, Any]) -> bytes:
    accepted = int(snap["reference"][-1]) % 3 != 0
    return render_decision_letter(
        snap, language="ar", accepted=accepted,
        reason="" if accepted else sample.REJECTION_REASON, decided_at=sample.DECIDED_AT,
        association=sample.sample_association())


PAPERS: dict[str, Callable[[dict[str, Any]], bytes]] = {
    "declaration": render,
    "receipt A4": _receipt("a4"),
    "receipt 80 mm": _receipt("80mm"),
    "decision letter": _letter,
}

# -- the bare page: the same canvas calls, replayed --------------------------------------
Call = tuple[str, tuple[Any, ...], dict[str, Any]]
_RECORDED = ("setFont", "setFillColor", "setStrokeColor", "setLineWidth", "setDash", "line",
             "rect", "circle", "drawImage", "saveState", "restoreState", "translate", "scale",
             "addLiteral", "showPage", "setTitle", "setAuthor", "setSubject", "setCreator",
             "setKeywords", "setViewerPreference", "setPageSize", "drawString")


class _Recording(Canvas):
    """A canvas that notes its drawing calls (the outermost ones) as it makes them."""

    saved: list[tuple[tuple[Any, ...], dict[str, Any], list[Call]]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.calls: list[Call] = []
        self.depth = 0
        self.opened = (args[1:], kwargs)  # pagesize etc.; the file is the replay's own
        super().__init__(*args, **kwargs)

    def note(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if self.depth == 0:
            if name == "drawImage" and isinstance(args[0], ImageReader):
                fp = args[0].fp
                data = fp.getvalue() if isinstance(fp, io.BytesIO) else None
                args = (data, *args[1:]) if data is not None else args
            self.calls.append((name, args, kwargs))

    def save(self) -> None:
        _Recording.saved.append((*self.opened, self.calls))
        super().save()


def _recorded(name: str) -> Callable[..., Any]:
    original = getattr(Canvas, name)

    def method(self: _Recording, *args: Any, **kwargs: Any) -> Any:
        self.note(name, args, kwargs)
        self.depth += 1
        try:
            return original(self, *args, **kwargs)
        finally:
            self.depth -= 1

    return method


for _name in _RECORDED:
    setattr(_Recording, _name, _recorded(_name))


@contextmanager
def recording() -> Iterator[list[tuple[tuple[Any, ...], dict[str, Any], list[Call]]]]:
    """While inside, the papers draw on recording canvases; yields the saved ones' calls.
    The text layer's runs in pdfium's order are noted as the plain ``drawString``s they
    replace (the same visual text at the same places)."""
    real_canvas, real_draw = page.Canvas, text_layer.draw_for_pdfium

    def draw_for_pdfium(canvas: Any, y: float, placed: list[tuple[float, str]], *a: Any) -> None:
        for x, text in placed:
            canvas.note("drawString", (x, y, text), {})
        canvas.depth += 1
        try:
            real_draw(canvas, y, placed, *a)
        finally:
            canvas.depth -= 1

    _Recording.saved = []
    page.Canvas = _Recording  # type: ignore[misc]
    text_layer.draw_for_pdfium = draw_for_pdfium  # type: ignore[assignment]
    try:
        yield _Recording.saved
    finally:
        page.Canvas = real_canvas  # type: ignore[misc]
        text_layer.draw_for_pdfium = real_draw


def record(paper: Callable[[dict[str, Any]], bytes],
           snap: dict[str, Any]) -> tuple[tuple[Any, ...], dict[str, Any], list[Call]]:
    """The calls of ``paper``'s page, ready to replay in reportlab's own fonts: strings as
    drawn (a bracket the layout mirrored is the mirrored character: the same glyph)."""
    with recording() as saved:
        paper(snap)
    args, kwargs, calls = saved[-1]
    bare_calls: list[Call] = []
    for name, a, k in calls:
        if name == "setFont":
            a = (_BARE.get(a[0], a[0]), *a[1:])
        elif name == "drawString":
            a = (*a[:2], text_layer.as_drawn(a[2]), *a[3:])
        bare_calls.append((name, a, k))
    return args, kwargs, bare_calls


_BARE: dict[str, str] = {}


def bare_fonts() -> None:
    """reportlab's own ``TTFont`` for each font the papers draw with, from the same file:
    no text layer, no remembered subsets."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (PDF_REGULAR, PDF_BOLD):
        _BARE[name] = f"Bare-{name}"
        font = TTFont(_BARE[name], str(font_path(name)))
        # reportlab hands out the font first registered for a face name: a name of its own
        font.face.name = b"Bare" + font.face.name
        pdfmetrics.registerFont(font)
        assert type(pdfmetrics.getFont(_BARE[name])) is TTFont


def bare(recorded: tuple[tuple[Any, ...], dict[str, Any], list[Call]]) -> bytes:
    """The recorded calls on a plain canvas (the logo read from its bytes, as the app
    does)."""
    args, kwargs, calls = recorded
    buf = io.BytesIO()
    c = Canvas(buf, *args, **kwargs)
    for name, a, k in calls:
        if name == "drawImage" and isinstance(a[0], bytes):
            a = (ImageReader(io.BytesIO(a[0])), *a[1:])
        getattr(c, name)(*a, **k)
    c.save()
    return buf.getvalue()


# -- measuring ---------------------------------------------------------------------------
def cpu_ms(fn: Callable[[], Any]) -> float:
    t0 = time.process_time()
    fn()
    return (time.process_time() - t0) * 1000


def line(label: str, times: list[float]) -> str:
    return (f"{label:<13} mean {statistics.fmean(times):6.2f}  p50 "
            f"{statistics.median(times):6.2f} ms")


def measure(name: str, paper: Callable[[dict[str, Any]], bytes],
            snaps: list[dict[str, Any]]) -> tuple[float, float]:
    """App and bare CPU ms per document, interleaved: each document is rendered (timed)
    before anything else draws it, then recorded (not timed) and its replay timed."""
    warm = snapshots(1, first=len(snaps) + 10_000)[0]
    paper(warm)  # imports, wording, fonts
    bare(record(paper, warm))
    app_ms, bare_ms = [], []
    strings = size = 0
    wall0 = time.perf_counter()
    for snap in snaps:
        t0 = time.process_time()
        pdf = paper(snap)
        app_ms.append((time.process_time() - t0) * 1000)
        replay = record(paper, snap)
        bare_ms.append(cpu_ms(lambda r=replay: bare(r)))  # type: ignore[misc]
        size = max(size, len(pdf))
        strings = max(strings, sum(1 for c in replay[2] if c[0] == "drawString"))
    wall = time.perf_counter() - wall0
    app, base = statistics.fmean(app_ms), statistics.fmean(bare_ms)
    print(f"{name} (up to {size // 1024} KiB and {strings} strings; CPU time per document, "
          f"{len(snaps)} documents)")
    print(f"  {line('app', app_ms)}")
    print(f"  {line('bare replay', bare_ms)}")
    print(f"  ratio app / bare: {app / base:.2f} (p50 "
          f"{statistics.median(app_ms) / statistics.median(bare_ms):.2f})"
          f"   wall for app + bare: {wall:.1f} s")
    return app, base


def main() -> None:
    args = sys.argv[1:]
    n = int(args.pop(0)) if args and args[0].isdigit() else 1000
    chosen = [p for p in PAPERS if not args or any(a in p for a in args)]
    t0 = time.process_time()
    register_pdf_fonts()
    bare_fonts()
    print(f"font registration: {(time.process_time() - t0) * 1000:.1f} ms CPU (once per process)")
    from reportlab.lib import rl_accel

    print("reportlab's C accelerator (rl-accel): "
          + ("in use" if "fp_str" in rl_accel._c_funcs else "NOT installed, pure Python")
          + (f"; load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""))
    snaps = snapshots(n)
    results = {name: measure(name, PAPERS[name], snaps) for name in chosen}
    if "declaration" in results:
        app, base = results["declaration"]
        fresh = snapshots(min(n, 1000), first=n)  # codes and names not drawn before
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for snap in fresh:
            render(snap)
        count = len(fresh)
        cpu_s = (time.process_time() - cpu0) * 1000 / count
        wall_s = (time.perf_counter() - wall0) * 1000 / count
        print(f"issue 14, declarations: {app:.2f} ms vs bare {base:.2f} ms = {app / base:.2f}x "
              f"(goal <= {GOAL_RATIO}x: {'holds' if app / base <= GOAL_RATIO else 'fails'}); "
              f"1,000 in {cpu_s:.1f} s CPU / {wall_s:.1f} s wall, measured on {count} "
              f"(goal <= {GOAL_THOUSAND_S:.0f} s: "
              f"{'holds' if max(cpu_s, wall_s) <= GOAL_THOUSAND_S else 'fails'})")
    jobs = [LetterJob(s, i % 3 != 0, sample.REJECTION_REASON, sample.DECIDED_AT)
            for i, s in enumerate(snaps)]
    t0 = time.process_time()
    batch = render_decision_letters(jobs, language="ar", association=sample.sample_association())
    elapsed = (time.process_time() - t0) * 1000
    print(f"{n} decision letters as one PDF: {elapsed / n:.2f} ms CPU per letter "
          f"({elapsed / 1000:.2f} s, {len(batch) // 1024} KiB)")
    if hasattr(os, "getloadavg"):  # the wall times above depend on it
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
