"""The demo data: realistic, valid, varied, policy-conform, and searchable."""

from __future__ import annotations

from datetime import date, timedelta

import phonenumbers
import pytest
from db_support import sqlite_database
from sqlalchemy import func, select, text

from makarem_desk.db import Database
from makarem_desk.demo import DemoGenerator
from makarem_desk.errors import UserError
from makarem_desk.models import (
    Application,
    ApplicationStatus,
    Beneficiary,
    Channel,
    Contact,
    IdentityType,
    Program,
    ProgramCategory,
    Referral,
    SatisfactionResponse,
)
from makarem_desk.models.programs import MIN_RESPONSE_DAYS
from makarem_desk.search import SearchService
from makarem_desk.services.actor import SYSTEM
from makarem_desk.text import name_search_key
from makarem_desk.validation.identity import validate_saudi_id

TODAY = date(2026, 11, 29)


@pytest.fixture
def demo_db(any_db: Database) -> Database:
    DemoGenerator(any_db, seed=11, today=TODAY, chunk_size=400).run(1500)
    return any_db


def _count(db: Database, model: type) -> int:  # type: ignore[type-arg]
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_counts_and_every_beneficiary_valid(demo_db: Database) -> None:
    with demo_db.reader() as s:
        bens = s.scalars(select(Beneficiary)).all()
        assert len(bens) == 1500
        numbers = [b.identity_number for b in bens if b.identity_number]
        assert len(numbers) == len(set(numbers))
        kinds = {b.identity_type for b in bens}
        assert kinds == {IdentityType.CITIZEN_ID, IdentityType.IQAMA, IdentityType.NONE}
        for b in bens:
            assert b.first_name and b.father_name and b.family_name
            assert b.search_key == name_search_key(
                b.first_name, b.father_name, b.grandfather_name, b.family_name
            )
            assert b.birth_date is not None and b.birth_date < TODAY
            if b.identity_type is IdentityType.NONE:
                assert b.identity_number is None  # POL-E3
            else:
                number, kind = validate_saudi_id(b.identity_number or "")
                assert (number, kind) == (b.identity_number, b.identity_type)
            for phone in (b.phone, b.phone_alt):
                if phone:
                    parsed = phonenumbers.parse(phone)
                    assert phonenumbers.is_valid_number(parsed), phone
                    assert phonenumbers.format_number(
                        parsed, phonenumbers.PhoneNumberFormat.E164
                    ) == phone
            assert b.site_id == "TST1" and b.version == 1 and b.change_seq > 0
        # Some documents have expired, which the desk must catch at the counter.
        assert any(b.identity_expiry and b.identity_expiry < TODAY for b in bens)
        seqs = [b.change_seq for b in bens]
        assert len(seqs) == len(set(seqs))


def test_names_have_real_spelling_variety(demo_db: Database) -> None:
    with demo_db.reader() as s:
        firsts = set(s.scalars(select(Beneficiary.first_name)))
        families = set(s.scalars(select(Beneficiary.family_name)))
        genders = set(s.scalars(select(Beneficiary.gender)))
    everything = firsts | families
    assert {"أحمد", "احمد"} <= firsts  # hamza / no hamza
    assert {"عبدالله", "عبد الله"} <= firsts  # compound joined / apart
    assert {"فاطمة", "فاطمه"} & firsts and {"نورة", "نوره"} <= firsts  # ة / ه
    assert any(n.endswith("ى") for n in firsts) and any(n.endswith("ي") for n in firsts)
    assert {"آل سعود", "القحطاني", "الغامدي"} & families
    assert any(any("\u064b" <= ch <= "\u0652" or ch == "\u0640" for ch in n) for n in everything)
    assert len(genders) == 2


def test_activity_across_categories_channels_and_policy(demo_db: Database) -> None:
    with demo_db.reader() as s:
        categories = set(
            s.scalars(select(Program.category).join(Application, Application.program_id == Program.id))
        )
        assert categories == set(ProgramCategory)
        channels = set(s.scalars(select(Contact.channel)))
        assert channels == set(Channel)  # POL-CH: all seven
        apps = s.scalars(select(Application)).unique().all()
        statuses = {a.status for a in apps}
        assert {ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED} <= statuses
        refs = [a.reference for a in apps]
        assert len(refs) == len(set(refs))
        for a in apps:
            if a.submitted_at is not None:
                # POL-H5: no answer promised sooner than two weeks.
                assert a.response_due is not None
                assert a.response_due >= a.submitted_at + timedelta(days=MIN_RESPONSE_DAYS)
            if a.status in (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED):
                assert a.decided_at and a.decision_reason and a.decided_at >= a.response_due
            if a.beneficiary.identity_type is IdentityType.NONE:
                assert a.program.category is ProgramCategory.SPECIAL_GROUPS  # POL-E3
    assert _count(demo_db, Referral) > 0
    with demo_db.reader() as s:  # POL-H3: every demo referral has its reason code
        assert None not in set(s.scalars(select(Referral.reason_code)))
    assert _count(demo_db, SatisfactionResponse) > 0


def test_demo_rows_are_searchable(demo_db: Database) -> None:
    with demo_db.reader() as s:
        b = s.scalars(
            select(Beneficiary).where(Beneficiary.identity_number.is_not(None),
                                      Beneficiary.phone.is_not(None))
        ).first()
        assert b is not None
        bid, number, phone = b.id, b.identity_number, b.phone
        words = f"{b.first_name} {b.family_name}"
    svc = SearchService(demo_db)
    assert [h.beneficiary_id for h in svc.search(SYSTEM, number or "")] == [bid]
    assert bid in [h.beneficiary_id for h in svc.search(SYSTEM, "0" + (phone or "")[4:])]
    assert bid in [h.beneficiary_id for h in svc.search(SYSTEM, words, limit=500)]


def test_same_seed_same_data_and_a_second_run_continues(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = sqlite_database(tmp_path / "other.sqlite3")
    try:
        for d in (db, other):
            DemoGenerator(d, seed=5, today=TODAY).run(200)
        q = select(Beneficiary.search_key, Beneficiary.identity_number).order_by(Beneficiary.change_seq)
        with db.reader() as s1, other.reader() as s2:
            assert s1.execute(q).all() == s2.execute(q).all()
    finally:
        other.dispose()
    programs = _count(db, Program)
    report = DemoGenerator(db, seed=5, today=TODAY).run(200)  # no identity clash
    assert report.counts["beneficiary"] == 200
    assert _count(db, Beneficiary) == 400
    assert _count(db, Program) == programs  # not added twice


def test_programs_come_from_the_forms_definitions(db: Database) -> None:
    from makarem_desk.checklists.loader import load_forms

    DemoGenerator(db, seed=5, today=TODAY).run(50)
    with db.reader() as s:
        codes = set(s.scalars(select(Program.code)))
    assert codes == set(load_forms().programs)


def test_bulk_load_with_index_rebuild_restores_the_index(any_db: Database) -> None:
    report = DemoGenerator(any_db, seed=3, today=TODAY).run(300, rebuild_index=True)
    assert report.index_mode == "rebuild"
    svc = SearchService(any_db)
    with any_db.reader() as s:
        first = s.scalars(select(Beneficiary.search_key)).first()
    assert first and svc.search(SYSTEM, first, limit=500)
    # Rows added after the load reach the index again (triggers, both).
    with any_db.session() as s:
        s.add(Beneficiary(first_name="زكريا", identity_type=IdentityType.NONE,
                          search_key=name_search_key("زكريا", "يحيى")))
    assert [h.full_name for h in svc.search(SYSTEM, "زكريا")] == ["زكريا"]
    if not any_db.is_sqlite:
        with any_db.engine.connect() as conn:
            options = conn.exec_driver_sql(
                "SELECT reloptions FROM pg_class "
                "WHERE oid = to_regclass('ix_beneficiary_name_entries')"
            ).scalar_one()
        assert options == ["fastupdate=on"]
        with any_db.engine.connect() as conn:  # the statistics name search reads
            assert conn.exec_driver_sql(
                "SELECT most_common_elems IS NOT NULL FROM pg_stats "
                "WHERE tablename = 'ix_beneficiary_name_entries' "
                "AND schemaname = current_schema()"
            ).scalar_one()


def test_bad_counts_are_refused(db: Database) -> None:
    with pytest.raises(UserError):
        DemoGenerator(db).run(0)


def test_never_mixed_into_real_data_unless_forced(any_db: Database) -> None:
    with any_db.session() as s:
        s.add(Beneficiary(first_name="حقيقي", identity_type=IdentityType.NONE,
                          search_key=name_search_key("حقيقي")))
    gen = DemoGenerator(any_db, seed=2, today=TODAY)
    assert gen.holds_real_beneficiaries()
    with pytest.raises(UserError, match="real beneficiaries"):
        gen.run(10)
    assert _count(any_db, Beneficiary) == 1
    gen.run(10, force=True)
    assert _count(any_db, Beneficiary) == 11


def test_demo_rows_are_marked(db: Database) -> None:
    gen = DemoGenerator(db, seed=2, today=TODAY)
    gen.run(20)
    assert not gen.holds_real_beneficiaries()
    with db.reader() as s:
        assert all(e == {"demo": True} for e in s.scalars(select(Beneficiary.extra)))


def test_times_are_plausible(demo_db: Database) -> None:
    """Nothing happens after "now", contacts fall in counter hours on working days, some
    happen today, and statuses follow age: decisions only after the two weeks (POL-H5)."""
    from datetime import UTC, datetime, time

    now = datetime.combine(TODAY, time(12), tzinfo=UTC)
    with demo_db.reader() as s:
        contacts = s.scalars(select(Contact)).all()
        apps = s.scalars(select(Application)).unique().all()
        refs = s.scalars(select(Referral)).all()
        registered = {b.id: b.created_at for b in s.scalars(select(Beneficiary))}
        for c in contacts:
            assert c.started_at <= now and (c.ended_at is None or c.ended_at <= now)
            assert c.started_at.weekday() not in (4, 5)  # Friday, Saturday
            assert 5 <= c.started_at.hour < 13  # 08:00-15:00 in Riyadh, plus the call
            assert c.beneficiary_id is not None and c.started_at >= registered[c.beneficiary_id]
        assert any(c.started_at.date() == TODAY for c in contacts)
        for a in apps:
            for moment in (a.submitted_at, a.response_due and a.decided_at, a.created_at):
                assert moment is None or moment <= now
            if a.status in (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED):
                assert a.submitted_at is not None
                assert (now - a.submitted_at).days >= MIN_RESPONSE_DAYS
        waiting = [a for a in apps if a.status is ApplicationStatus.SUBMITTED]
        assert any(a.response_due and a.response_due > now for a in waiting)
        for r in refs:
            assert r.created_at <= now and (r.answered_at is None or r.answered_at <= now)


def test_sqlite_fast_insert_stores_exactly_what_core_would(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import random
    import sqlite3

    from sqlalchemy import insert

    import makarem_desk.demo as demo_module

    def core_insert(conn, model, rows):  # type: ignore[no-untyped-def]
        if rows:
            conn.execute(insert(model.__table__), rows)

    paths = []
    for name in ("fast", "core"):
        path = tmp_path / f"{name}.sqlite3"
        d = sqlite_database(path)
        gen = DemoGenerator(d, seed=3, today=TODAY)
        gen.rows._id_rng = random.Random(0)  # the same ids in both databases
        if name == "core":
            monkeypatch.setattr(demo_module, "_insert", core_insert)
        gen.run(300)
        d.dispose()
        paths.append(path)
    fast, core = (sqlite3.connect(p) for p in paths)
    for table in ("beneficiary", "contact", "application", "referral", "satisfaction_response"):
        q = f"SELECT * FROM {table} ORDER BY change_seq"
        rows = fast.execute(q).fetchall()
        assert rows and rows == core.execute(q).fetchall(), table
    fast.close()
    core.close()


def _schema(path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    import sqlite3

    with sqlite3.connect(path) as con:
        return con.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_sqlite_bulk_load_stores_the_same_and_leaves_schema_and_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A large load (secondary indexes, foreign keys and sync set aside on a connection of
    its own) writes what the everyday path writes, and nothing of its settings stays."""
    import random
    import sqlite3

    paths = {}
    for mode, bulk in (("rows", False), ("bulk", True)):
        path = tmp_path / f"{mode}.sqlite3"
        d = sqlite_database(path)
        before = _schema(path)
        gen = DemoGenerator(d, seed=4, today=TODAY, chunk_size=150)
        gen.rows._id_rng = random.Random(0)  # the same ids in both databases
        gen.run(400, rebuild_index=bulk)
        assert _schema(path) == before  # every index and trigger back, as migrated
        with d.session() as s:  # a later unit of work has the everyday settings
            assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert s.execute(text("PRAGMA synchronous")).scalar() == 2
            assert s.execute(text("PRAGMA cache_size")).scalar() == -2000
        d.dispose()
        paths[mode] = path
    rows, bulk_con = (sqlite3.connect(paths[m]) for m in ("rows", "bulk"))
    assert bulk_con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert bulk_con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    for table in ("beneficiary", "contact", "application", "referral", "satisfaction_response"):
        q = f"SELECT * FROM {table} ORDER BY change_seq"
        got = bulk_con.execute(q).fetchall()
        assert got and got == rows.execute(q).fetchall(), table
    fts = "SELECT rowid FROM beneficiary_fts WHERE beneficiary_fts MATCH ? ORDER BY rowid"
    for word in ("محمد*", "عبد*", "ال*"):
        assert bulk_con.execute(fts, (word,)).fetchall() == rows.execute(fts, (word,)).fetchall()
    rows.close()
    bulk_con.close()


def test_sqlite_bulk_load_cut_short_still_gives_the_indexes_back(db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import makarem_desk.demo as demo_module

    path = db.sqlite_path
    before = _schema(path)
    real, calls = demo_module._insert, []

    def failing(conn, model, rows):  # type: ignore[no-untyped-def]
        calls.append(model)
        if len(calls) > 5:  # the second chunk
            raise OSError("disk full")
        real(conn, model, rows)

    monkeypatch.setattr(demo_module, "_insert", failing)
    with pytest.raises(OSError, match="disk full"):
        DemoGenerator(db, seed=4, today=TODAY, chunk_size=50).run(200, rebuild_index=True)
    assert _schema(path) == before
    assert _count(db, Beneficiary) == 50  # the first chunk's transaction stands
    with db.session() as s:
        s.add(Beneficiary(first_name="زكريا", identity_type=IdentityType.NONE,
                          search_key=name_search_key("زكريا", "يحيى")))
    assert [h.full_name for h in SearchService(db).search(SYSTEM, "زكريا")] == ["زكريا"]
