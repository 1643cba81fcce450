"""Render 1,000 data-accuracy declarations; compare with a bare reportlab page.

Prints milliseconds per document for (a) the full declaration (layout: isolation, wrap,
reshape, bidi, justification, table, QR, logo, metadata) and (b) a bare reportlab page
drawing the same strings already shaped and ordered, one file each, in the same run; then
(c) the same number of decision letters printed as one batch PDF.

    .venv/bin/python bench/documents_bench.py [N]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from makarem_desk.documents import sample
from makarem_desk.documents.fonts import register_pdf_fonts
from makarem_desk.documents.qr import payload_for
from makarem_desk.documents.render import LetterJob, render_decision_letters, render_declaration
from makarem_desk.snapshot import sha256_of
from makarem_desk.validation.identity import luhn_check_digit

FIRST = ["محمد", "فاطمة", "عبدالرحمن", "نورة", "خالد", "سارة", "عبدالله", "هيفاء", "فهد", "ريم"]
FATHER = ["سعد", "إبراهيم", "عبدالعزيز", "ناصر", "صالح", "علي", "حمد"]
FAMILY = ["القحطاني", "العتيبي", "الدوسري", "الشهري", "الغامدي", "الزهراني", "المطيري"]


def snapshots(n: int) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        snap = sample.sample_snapshot("female" if i % 2 else "male")  # FIRST alternates
        b = snap["beneficiary"]
        b["first_name"], b["father_name"] = FIRST[i % 10], FATHER[i % 7]
        b["family_name"] = FAMILY[(i // 7) % 7]
        b["full_name"] = f"{b['first_name']} {b['father_name']} {b['grandfather_name']} {b['family_name']}"
        body = f"1{i:08d}"
        b["identity_number"] = body + luhn_check_digit(body)
        b["phone"] = f"+96655{i:07d}"
        snap["reference"] = f"RYD1-2026-{i:06d}"
        out.append(snap)
    return out


def render(snap: dict[str, Any]) -> bytes:
    return render_declaration(
        snap, language="ar", signature_png=None, witness_name=sample.WITNESS,
        signed_at=sample.SIGNED_AT, association=sample.sample_association(),
        qr_payload=payload_for(snap["reference"], sha256_of(snap)))


def recorded_strings(snap: dict[str, Any]) -> list[tuple[str, float, str, float, float]]:
    """The shaped strings one declaration draws, with font, size and position."""
    calls: list[tuple[str, float, str, float, float]] = []
    original = Canvas.drawString

    def spy(self: Canvas, x: float, y: float, text: str, *a: Any, **k: Any) -> Any:
        calls.append((self._fontname, self._fontsize, text, x, y))
        return original(self, x, y, text, *a, **k)

    Canvas.drawString = spy  # type: ignore[method-assign]
    try:
        render(snap)
    finally:
        Canvas.drawString = original  # type: ignore[method-assign]
    return calls


def bare(calls: list[tuple[str, float, str, float, float]]) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    for font, size, text, x, y in calls:
        c.setFont(font, size)
        c.drawString(x, y, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def timed(label: str, fn: Any, items: list[Any]) -> list[float]:
    times = []
    for item in items:
        t0 = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def report(label: str, times: list[float]) -> None:
    q = statistics.quantiles(times, n=20)
    print(f"{label:<42} mean {statistics.fmean(times):6.2f} ms  p50 {statistics.median(times):6.2f}"
          f"  p95 {q[18]:6.2f}  total {sum(times) / 1000:6.2f} s")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    t0 = time.perf_counter()
    register_pdf_fonts()
    print(f"font registration: {(time.perf_counter() - t0) * 1000:.1f} ms (once per process)")
    snaps = snapshots(n)
    render(snaps[0])  # warm-up: imports, caches
    recorded = [recorded_strings(s) for s in snaps[:50]]
    full = timed("declaration", render, snaps)
    base = timed("bare", bare, [recorded[i % len(recorded)] for i in range(n)])
    size = len(render(snaps[0]))
    print(f"{n} declarations (Arabic, one A4 page each, {size // 1024} KiB, "
          f"{len(recorded[0])} strings per page)")
    report("full declaration (layout + QR + logo)", full)
    report("bare reportlab page, same strings shaped", base)
    print(f"ratio full / bare: {statistics.fmean(full) / statistics.fmean(base):.2f}")
    jobs = [LetterJob(s, i % 3 != 0, sample.REJECTION_REASON, sample.DECIDED_AT)
            for i, s in enumerate(snaps)]
    t0 = time.perf_counter()
    batch = render_decision_letters(jobs, language="ar", association=sample.sample_association())
    elapsed = (time.perf_counter() - t0) * 1000
    print(f"{n} decision letters as one PDF: {elapsed / n:.2f} ms per letter "
          f"({elapsed / 1000:.2f} s, {len(batch) // 1024} KiB)")


if __name__ == "__main__":
    main()
