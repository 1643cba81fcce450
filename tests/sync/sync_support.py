"""Two installations (a counter and the research committee) with keys that trust each
other, on SQLite or PostgreSQL, and a builder for realistic records."""

from __future__ import annotations

import io
import json
import shutil
import uuid
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from db_support import pg_schema_database, set_up, sqlite_database
from sqlalchemy import select

from makarem_desk.db import Database
from makarem_desk.models import (
    Application,
    ApplicationStatus,
    Channel,
    Contact,
    Declaration,
    Gender,
    IdentityType,
    Program,
    ProgramCategory,
    Referral,
    ReferralReason,
    SatisfactionResponse,
    SignatureMode,
    Site,
)
from makarem_desk.services.actor import SYSTEM
from makarem_desk.snapshot import sha256_of
from makarem_desk.sync import KeyStore, PrivateIdentity, SyncService, container
from makarem_desk.sync.trust import TrustStore
from makarem_desk.text import name_search_key

PASSPHRASES = {"RYD1": "counter-passphrase-1", "COM1": "committee-passphrase-1",
               "JED1": "second-counter-pass"}
ROLES = {"RYD1": "site", "COM1": "committee", "JED1": "site"}
PDF = b"%PDF-1.4\n% test declaration \xd8\xa5\xd9\x82\xd8\xb1\xd8\xa7\xd8\xb1\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


@dataclass
class Keys:
    dir: Path
    identity: PrivateIdentity
    public_file: Path


class KeyMaterial:
    """Keys made on first use and kept for the session (scrypt makes each key creation
    and unlock cost a third of a second)."""

    def __init__(self, base: Path):
        self.base = base
        self._made: dict[str, Keys] = {}

    def __getitem__(self, site: str) -> Keys:
        if site not in self._made:
            store = KeyStore(self.base / site)
            public = store.init(site_id=site, role=ROLES[site], name=f"{site} desk",
                                passphrase=PASSPHRASES[site])
            pub_file = self.base / f"{site}.pub.json"
            pub_file.write_text(json.dumps(public.to_json()), encoding="utf-8")
            self._made[site] = Keys(store.dir, store.unlock(PASSPHRASES[site]), pub_file)
        return self._made[site]


@pytest.fixture(scope="session")
def key_material(tmp_path_factory: pytest.TempPathFactory) -> KeyMaterial:
    return KeyMaterial(tmp_path_factory.mktemp("keys"))


@dataclass
class Installation:
    site_id: str
    db: Database
    svc: SyncService
    identity: PrivateIdentity
    keys_dir: Path
    url: str


@contextmanager
def database(kind: str, site_id: str, folder: Path) -> Iterator[tuple[Database, str]]:
    """A blank installation's database (``install`` sets it up)."""
    if kind == "sqlite":
        db = sqlite_database(folder / (site_id + ".sqlite3"), site_id=None)
        try:
            yield db, db.url.render_as_string(hide_password=False)
        finally:
            db.dispose()
        return
    with pg_schema_database(None, prefix="t_sync") as (db, url):
        yield db, url


def install(db: Database, url: str, site_id: str, keys: KeyMaterial, folder: Path,
            trusts: tuple[str, ...]) -> Installation:
    set_up(db, site_id, ROLES[site_id])
    kdir = folder / f"keys-{site_id}"
    shutil.copytree(keys[site_id].dir, kdir)
    svc = SyncService(db, KeyStore(kdir))
    for peer in trusts:
        svc.trust(SYSTEM, keys[peer].public_file, role=ROLES[peer])
    return Installation(site_id, db, svc, keys[site_id].identity, kdir, url)


BACKENDS = [
    ("sqlite", "sqlite"),
    pytest.param(("sqlite", "postgresql"), marks=pytest.mark.pg, id="committee-on-pg"),
    pytest.param(("postgresql", "sqlite"), marks=pytest.mark.pg, id="counter-on-pg"),
]


@pytest.fixture
def counter_and_committee(
    request: pytest.FixtureRequest, tmp_path: Path, key_material: KeyMaterial
) -> Iterator[tuple[Installation, Installation]]:
    kinds = getattr(request, "param", ("sqlite", "sqlite"))
    with database(kinds[0], "RYD1", tmp_path) as (cdb, curl), \
            database(kinds[1], "COM1", tmp_path) as (mdb, murl):
        counter = install(cdb, curl, "RYD1", key_material, tmp_path, ("COM1",))
        committee = install(mdb, murl, "COM1", key_material, tmp_path, ("RYD1",))
        yield counter, committee


_seq = iter(range(1, 10_000_000))


def ensure_program(db: Database, code: str = "TRAIN-1") -> uuid.UUID:
    with db.session() as s:
        p = s.scalars(select(Program).where(Program.code == code)).first()
        if p is None:
            p = Program(code=code, name_ar="برنامج التأهيل المهني", name_en="Vocational training",
                        category=ProgramCategory.ACADEMIC, checklist="academic")
            s.add(p)
            s.flush()
        return p.id


def add_case(db: Database, *, identity_number: str | None = None, first_name: str = "محمد",
             status: ApplicationStatus = ApplicationStatus.SUBMITTED,
             program_code: str = "TRAIN-1") -> str:
    """A beneficiary with a contact, an application with a signed, printed declaration,
    a referral and a satisfaction response; returns the application reference."""
    from makarem_desk.models import Beneficiary

    n = next(_seq)
    program_id = ensure_program(db, program_code)
    now = datetime(2026, 11, 29, 9, 0, tzinfo=UTC) + timedelta(minutes=n)
    reference = f"{db.site_id}-2026-{n:06d}-{uuid.uuid4().hex[:4].upper()}"
    with db.session() as s:
        b = Beneficiary(
            first_name=first_name, father_name="عبدالله", grandfather_name="سالم",
            family_name="القحطاني", latin_name="Mohammed Alqahtani",
            identity_type=IdentityType.CITIZEN_ID,
            identity_number=identity_number or f"1{n:09d}"[-10:],
            identity_expiry=date(2029, 5, 1), gender=Gender.MALE,
            birth_date=date(1990, 1, 15), nationality="SA", phone="+966501234567",
            city="الرياض", district="النسيم", extra={"note": "اختبار"},
            # As BeneficiaryService keeps it, so search finds the person.
            search_key=name_search_key(first_name, "عبدالله", "سالم", "القحطاني",
                                       "Mohammed Alqahtani"),
        )
        s.add(b)
        s.flush()
        c = Contact(beneficiary_id=b.id, channel=Channel.INTERVIEW, purpose="تقديم طلب",
                    staff_name="موظف الاستقبال", started_at=now)
        s.add(c)
        s.flush()
        a = Application(reference=reference, beneficiary_id=b.id, program_id=program_id,
                        contact_id=c.id, status=status, submitted_at=now,
                        response_due=now + timedelta(days=14),
                        missing_items=[{"id": "cv", "label_ar": "السيرة الذاتية",
                                        "label_en": "CV"}])
        s.add(a)
        s.flush()
        snapshot = {"reference": reference, "application_id": str(a.id), "language": "ar"}
        s.add(Declaration(application_id=a.id, data_snapshot=snapshot,
                          snapshot_sha256=sha256_of(snapshot), wording_version="w" * 64,
                          signature_mode=SignatureMode.ON_SCREEN, signature_png=PNG,
                          signed_at=now, printed_at=now, pdf=PDF + reference.encode()))
        s.add(Referral(beneficiary_id=b.id, application_id=a.id, reason="استفسار عن الشروط",
                       reason_code=ReferralReason.ELIGIBILITY))
        s.add(SatisfactionResponse(application_id=a.id, score=5, answers={"q1": 5},
                                   comment="خدمة ممتازة"))
    return reference


def status_of(db: Database, reference: str) -> ApplicationStatus:
    with db.reader() as s:
        return s.scalars(select(Application.status).where(Application.reference == reference)).one()


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Everything in the tables a batch can touch, to prove a refusal changed nothing."""
    from makarem_desk.sync.records import TABLES

    out: dict[str, list[tuple[object, ...]]] = {}
    with db.engine.connect() as conn:
        for t in (*TABLES, Site.__table__, *[Site.metadata.tables[n] for n in
                                              ("sync_batch", "sync_conflict", "change_counter")]):
            out[t.name] = sorted(tuple(map(repr, r)) for r in conn.execute(select(t)))
    return out


def trust_store(inst: Installation) -> TrustStore:
    return inst.svc.trust_store


def export1(inst: Installation, out: Path, **kw: object):  # type: ignore[no-untyped-def]
    results = inst.svc.export(SYSTEM, inst.identity, out, **kw)
    assert len(results) == 1
    return results[0]


def repack(path: Path, sender: Installation, receiver: Installation, out: Path,
           change: Callable[[dict[str, bytes], dict[str, Any]], None], *,
           kind: str | None = None) -> Path:
    """Re-pack a genuine batch after ``change(members, manifest)``, validly encrypted for
    ``receiver`` and signed by ``sender``: what a tampered installation could send."""
    env = container.open_envelope(path.read_bytes())
    zf = zipfile.ZipFile(io.BytesIO(receiver.identity.decrypt(env.ciphertext)))
    manifest = json.loads(zf.read(container.MANIFEST))
    members = {n: zf.read(n) for n in zf.namelist() if n != container.MANIFEST}
    change(members, manifest)
    manifest.pop("members", None)
    header = env.header
    if kind is not None:
        manifest["kind"] = kind
        header = container.header_line(env.site_id, env.destination, env.sequence, kind)
    return seal_plaintext(container.build_zip(manifest, members), header, sender, receiver, out)


def seal_plaintext(plaintext: bytes, header: bytes, sender: Installation,
                   receiver: Installation, out: Path) -> Path:
    """Any zip bytes as a genuine batch file: encrypted for ``receiver``, signed by ``sender``."""
    ciphertext = container.encrypt(plaintext, [receiver.identity.public.recipient()])
    out.write_bytes(container.seal(header, ciphertext, sender.identity.sign(header + ciphertext)))
    return out


def jsonl(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)


def rows_of(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.splitlines() if line.strip()]
