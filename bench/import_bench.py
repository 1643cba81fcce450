"""Times ``import-beneficiaries`` on a generated spreadsheet: the dry run and the real import.

    .venv/bin/python bench/import_bench.py [--rows 100000] [--db URL] [--xlsx]

Without --db a fresh SQLite file in a temporary folder is used. With --db the database
should be empty of these generated numbers (use a scratch PostgreSQL schema). Prints
rows/second for each phase; the target is 100,000 rows in well under a minute.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from makarem_desk.db import Database
from makarem_desk.demo import set_up_training
from makarem_desk.importer import BeneficiaryImporter
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.setup import SetupService
from makarem_desk.validation import luhn_check_digit

FIRST = ["محمد", "عبدالله", "عبد الرحمن", "فهد", "خالد", "سلطان", "نورة", "سارة", "هيا",
         "ريم", "أحمد", "إبراهيم", "فاطمة", "عائشة"]
FAMILY = ["القحطاني", "الدوسري", "العتيبي", "الشهري", "الغامدي", "الزهراني", "آل سعود",
          "المطيري", "الحربي", "العنزي"]
CITIES = ["الرياض", "جدة", "الدمام", "مكة المكرمة", "المدينة المنورة", "أبها"]
HEADINGS = ["رقم الهوية", "الاسم الأول", "اسم الأب", "اسم الجد", "اسم العائلة", "الجنس",
            "تاريخ الميلاد", "الجوال", "المدينة"]


def rows(n: int, seed: int = 7) -> list[list[str]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        nine = ("1" if rnd.random() < 0.8 else "2") + f"{i:08d}"
        number = nine + luhn_check_digit(nine)
        if rnd.random() < 0.02:  # a few typing mistakes, as in real spreadsheets
            number = number[:-1] + str((int(number[-1]) + 1) % 10)
        if rnd.random() < 0.5:
            birth = f"{rnd.randint(1360, 1440)}/{rnd.randint(1, 12):02d}/{rnd.randint(1, 29):02d}"
        else:
            birth = f"{rnd.randint(1940, 2015)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        out.append([
            number, rnd.choice(FIRST), rnd.choice(FIRST), rnd.choice(FIRST), rnd.choice(FAMILY),
            rnd.choice(["ذكر", "أنثى"]), birth,
            f"05{rnd.choice('0345689')}{rnd.randint(0, 9_999_999):07d}", rnd.choice(CITIES),
        ])
    return out


def write(path: Path, data: list[list[str]], xlsx: bool) -> None:
    if xlsx:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet()
        ws.append(HEADINGS)
        for r in data:
            ws.append(r)
        wb.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADINGS)
        w.writerows(data)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--db")
    ap.add_argument("--xlsx", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("in.xlsx" if args.xlsx else "in.csv")
        t = time.perf_counter()
        write(path, rows(args.rows), args.xlsx)
        print(f"generated {args.rows} rows in {time.perf_counter() - t:.1f} s ({path.name})")
        db = Database(args.db or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        db.upgrade(backup=False)
        if SetupService(db).site_info() is None:  # nothing is written before the set-up
            set_up_training(db, "bench-password-1")
        imp = BeneficiaryImporter(db)

        t, c = time.perf_counter(), time.process_time()
        plan = imp.prepare(SYSTEM, path)
        dry, dry_cpu = time.perf_counter() - t, time.process_time() - c
        print(f"dry run: {plan.rows_read} read, {plan.accepted} valid, {plan.rejected} rejected "
              f"in {dry:.2f} s = {plan.rows_read / dry:,.0f} rows/s (CPU {dry_cpu:.2f} s)")

        t, c = time.perf_counter(), time.process_time()
        plan = imp.prepare(SYSTEM, path)
        checked = time.perf_counter() - t
        t = time.perf_counter()
        n = imp.run(SYSTEM, plan)
        written = time.perf_counter() - t
        real, cpu = checked + written, time.process_time() - c
        print(f"import:  {n} imported in {real:.2f} s = {plan.rows_read / real:,.0f} rows/s "
              f"(validation {checked:.2f} s + one-transaction insert {written:.2f} s on "
              f"{db.url.get_backend_name()}; CPU of this process {cpu:.2f} s)")
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
