"""``report``: the figures of a date range as a PDF or XLSX file (issue 10), for the member
of staff named by ``--by``; the export is audited (``report_exported``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..reports.export import FORMATS, ReportExportService, check_output
from ..reports.figures import ReportService
from ..reports.saudi_days import PERIODS, check_range
from ..validation.dates import parse_date
from .common import acting_for, add_by_option, open_database


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="the service figures of a date range as PDF or XLSX")
    p.add_argument("--from", dest="start", metavar="DATE", required=True,
                   help="first day, YYYY-MM-DD or Hijri YYYY/MM/DD")
    p.add_argument("--to", dest="end", metavar="DATE", required=True,
                   help="last day (included), YYYY-MM-DD or Hijri YYYY/MM/DD")
    p.add_argument("--out", metavar="FILE", required=True,
                   help=f"the file to write: {' or '.join(FORMATS)}")
    p.add_argument("--period", choices=PERIODS, default="month",
                   help="trends per week or per month (default: month)")
    p.add_argument("--language", choices=("ar", "en"), default="ar",
                   help="the language of the report (default: ar)")
    add_by_option(p)
    p.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    # Everything the user typed is checked before the database is opened (validate, then
    # run): a wrong date or extension costs nothing.
    start = parse_date(args.start, "from")
    end = parse_date(args.end, "to")
    check_range(start, end)
    out = check_output(args.out, args.language)
    db = open_database(args)
    actor = acting_for(args, db)

    def progress(done: int, total: int, step: str) -> None:
        if sys.stderr.isatty():
            print(f"\r  {done}/{total} {step:<14}", end="", file=sys.stderr, flush=True)

    try:
        report = ReportService(db).build(actor, start, end, period=args.period,
                                         progress=progress)
    finally:
        if sys.stderr.isatty():
            print(file=sys.stderr)
    written = ReportExportService(db).export(actor, report, out, args.language)
    print(f"Report {start.isoformat()} to {end.isoformat()} ({args.period}ly trends) "
          f"written to {written}")
    return 0

