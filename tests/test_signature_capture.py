"""A signature drawn on screen is decoded when it is captured, not when it is printed."""

from __future__ import annotations

import base64
import io
import uuid

import pytest
from interview_support import PNG, RECEPTIONIST, TODAY, person, script
from PIL import Image

from makarem_desk.checklists import load_forms
from makarem_desk.db import Database
from makarem_desk.documents import sample
from makarem_desk.documents.render import render_declaration
from makarem_desk.errors import UserError
from makarem_desk.interview.flow import Step
from makarem_desk.interview.services import InterviewServices
from makarem_desk.interview.session import InterviewSession
from makarem_desk.services.actor import SYSTEM
from makarem_desk.services.applications import ApplicationDraft, ApplicationService
from makarem_desk.services.beneficiaries import BeneficiaryInput, BeneficiaryService
from makarem_desk.services.declarations import DeclarationService
from makarem_desk.services.programs import ProgramService
from makarem_desk.services.signature_image import MAX_SIGNATURE_BYTES, check_signature_png

FORMS = load_forms()
MAGIC = b"\x89PNG\r\n\x1a\n"


def _bomb(width: int, height: int) -> bytes:
    """Many pixels in a few kilobytes."""
    buf = io.BytesIO()
    Image.new("1", (width, height)).save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _flipped_pixels() -> bytes:
    """The pixel data damaged while the header still reads well."""
    data = bytearray(PNG)
    at = data.index(b"IDAT") + 12
    data[at] ^= 0xFF
    return bytes(data)


BROKEN = {
    "only the PNG signature": MAGIC + bytes(range(120)),  # what the flow used to accept
    "truncated": PNG[:-30],
    "damaged pixel data": _flipped_pixels(),
    "header only": PNG[:33],
    "a GIF": b"GIF89a" + bytes(100),
    "empty": b"",
    "too large a file": MAGIC + bytes(MAX_SIGNATURE_BYTES),
}


def _declaration(db: Database) -> uuid.UUID:
    ProgramService(db).load(SYSTEM, FORMS)
    bid = BeneficiaryService(db).register(RECEPTIONIST, BeneficiaryInput(**person()))
    app = ApplicationService(db).open(RECEPTIONIST, ApplicationDraft(
        beneficiary_id=bid, program_code="FIELD-CONF",
        form_version_hash=FORMS.version_hash_for("FIELD-CONF"), outcome="eligible"))
    return DeclarationService(db).prepare(RECEPTIONIST, app.id, "ar")


@pytest.mark.parametrize("name", list(BROKEN))
def test_an_undecodable_signature_is_refused_at_capture(db: Database, name: str) -> None:
    did = _declaration(db)
    decls = DeclarationService(db)
    with pytest.raises(UserError) as err:
        decls.sign_on_screen(RECEPTIONIST, did, BROKEN[name])
    assert "sign" in err.value.message and "التوقيع" in err.value.message_ar
    d = decls.get(RECEPTIONIST, did)
    assert not d.is_signed and d.signature_png is None


@pytest.mark.parametrize(("width", "height", "shown"), [
    (12_000, 600, "12000×600"),  # wider than any pad, below Pillow's own limits
    (30_000, 30_000, "decompression bomb"),  # Pillow refuses it itself
])
def test_a_png_bomb_is_refused_before_it_is_decompressed(width: int, height: int,
                                                         shown: str) -> None:
    bomb = _bomb(width, height)
    assert len(bomb) < MAX_SIGNATURE_BYTES
    with pytest.raises(UserError, match=shown):
        check_signature_png(bomb)


def test_a_real_signature_is_kept_and_prints(db: Database) -> None:
    did = _declaration(db)
    decls = DeclarationService(db)
    decls.sign_on_screen(RECEPTIONIST, did, PNG)
    d = decls.get(RECEPTIONIST, did)
    assert d.is_signed and d.signature_png == PNG
    pdf = render_declaration(d.data_snapshot, language="ar", signature_png=d.signature_png,
                             signed_at=d.signed_at, witness_name=d.witness_name,
                             association=sample.sample_association(), qr_payload="x")
    assert pdf.startswith(b"%PDF")


def test_the_interview_stays_at_the_declaration_to_sign_again(db: Database) -> None:
    services = InterviewServices.for_database(db, FORMS, today=TODAY)
    session = InterviewSession.start(services, FORMS, RECEPTIONIST, today=TODAY)
    steps = script("FIELD-CONF")
    for entry in steps[:6]:
        session.complete(dict(entry["values"]))
    assert session.step is Step.DECLARATION
    broken = dict(steps[6]["values"], signature_png=base64.b64encode(BROKEN["truncated"]).decode())
    with pytest.raises(UserError, match="signature image cannot be used"):
        session.complete(broken)
    assert session.step is Step.DECLARATION
    did = uuid.UUID(session.state.declaration_id or "")
    assert not DeclarationService(db).get(RECEPTIONIST, did).is_signed
    session.complete(dict(steps[6]["values"]))  # signed again, properly
    assert session.step is Step.NOTICE and DeclarationService(db).get(RECEPTIONIST, did).is_signed
