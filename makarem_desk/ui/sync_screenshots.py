"""`make screenshots`, the exchange with the committee (POL-H5): the counter's Sync and
Committee screens after a batch went out (the declaration signed during the walk on
screen), and the research committee's own window with its queue, a batch kept aside until
an earlier one arrives, and a conflict (the same identity number registered at two
counters).

The committee (COM1) and two more counters (JED1, MKK1) are throw-away installations made
with the services, as people would: set up, keys, trust, interviews, export, import. (The
demo counter's batch cannot go to a committee: its made-up decisions are refused.)
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from ..errors import UserError

PASSPHRASE = "passphrase-of-"  # + the site code (the counter's is screenshots.prepare()'s)
_made: dict[str, Any] = {}  # the committee's context, made once for both languages


def _installation(tmp: Path, site: str, role: str, full_name: str, branch: str) -> Any:
    from ..services.auth import AuthService
    from ..services.setup import SetupInput, SetupService
    from ..sync.keys import KeyStore
    from .context import AppContext
    from .dialogs import RecordingDialogs
    from .main import build_context
    from .screenshots import TODAY

    (tmp / site).mkdir()
    built = build_context(f"sqlite:///{tmp / site / 'desk.sqlite3'}", RecordingDialogs(),
                          synchronous=True)
    SetupService(built.db).complete(SetupInput(
        site_code=site, role=role, association_name="جمعية مكارم الأخلاق الخيرية",
        association_name_en="Makarem Charitable Association", admin_username="admin",
        admin_full_name=full_name, admin_password="admin-pass-1", site_name=branch))
    ctx = AppContext(db=built.db, bus=built.bus, tasks=built.tasks, dialogs=built.dialogs,
                     today=TODAY, keys_dir=tmp / site / "keys")  # its own data folder
    ctx.actor = AuthService(ctx.db).login("admin", "admin-pass-1")
    KeyStore(ctx.keys_dir).init(site_id=site, role=role, name=branch,
                                passphrase=PASSPHRASE + site)
    return ctx


def _trust_each_other(committee: Any, counter: Any, tmp: Path) -> None:
    for ctx, other, role in ((counter, committee, "site"), (committee, counter, "committee")):
        public = tmp / f"{ctx.db.site_id}.pub.json"
        ctx.keys.export_public(ctx.require_actor(), public)
        other.keys.trust(other.require_actor(), public, role=role)


def _export(ctx: Any, out: Path) -> Path:
    actor = ctx.require_actor()
    identity = ctx.sync.unlock(actor, PASSPHRASE + ctx.db.site_id)
    [result] = ctx.sync.export(actor, identity, out)
    return Path(result.path)


def _import(ctx: Any, path: Path) -> None:
    actor = ctx.require_actor()
    try:
        ctx.sync.import_file(actor, ctx.sync.unlock(actor, PASSPHRASE + ctx.db.site_id), path)
    except UserError:  # a batch ahead of its turn is kept aside: what is shown
        pass


def _interview(ctx: Any, person: dict[str, Any], program: str, answers: dict[str, Any]) -> None:
    """A walk-in's interview up to the committee's queue, signed on paper."""
    from ..checklists.flow_items import FIRST_VISIT, PROCEDURES_CLEAR, PURPOSE
    from ..interview.flow import Step
    from ..interview.session import InterviewSession
    from .screenshots import TODAY

    steps: dict[Step, dict[str, Any]] = {
        Step.RECEPTION: {"program_code": program, PURPOSE: "التسجيل في البرنامج",
                         FIRST_VISIT: True},
        Step.IDENTIFY: {"new": True}, Step.PERSONAL: person, Step.ELIGIBILITY: answers,
        Step.DOCUMENTS: {"identity_copy": "provided"}, Step.CLARITY: {PROCEDURES_CLEAR: True},
        Step.DECLARATION: {"data_verified": True, "responsibility_statement": True,
                           "signature": "on_paper"},
        Step.NOTICE: {"committee_notice": True}, Step.REGISTRATION: {},
    }
    session = InterviewSession.start(ctx.interview, ctx.forms, ctx.require_actor(),
                                     today=TODAY)
    actor = ctx.require_actor()
    while session.step in steps:
        step = session.step
        session.complete(dict(steps[step]))
        if step is Step.DECLARATION:  # printed for the applicant and kept, as on screen
            state = session.state
            pdf = ctx.documents.declaration(actor, uuid.UUID(state.application_id)).pdf
            ctx.interview.declarations.attach_pdf(actor, uuid.UUID(state.declaration_id), pdf)
        if step is Step.REGISTRATION:
            break


def _new_phone(ctx: Any, identity_number: str, phone: str) -> None:
    actor = ctx.require_actor()
    person = ctx.beneficiaries.find_by_identity(actor, identity_number)
    data = dataclasses.replace(person.as_input(), phone=phone)
    ctx.beneficiaries.update(actor, person.id, data, person.version)


def prepare_exchange(counter: Any, tmp: Path) -> tuple[Any, Any]:
    """The committee's and Jeddah's contexts, after: Jeddah's first batch imported at the
    committee (its queue), one of them rejected there while Jeddah recorded the applicant's
    withdrawal (a conflict at Jeddah when the decision arrives), and Jeddah's third batch
    kept aside at the committee (the second has not arrived). The counter of the walk has
    written its first batch."""
    from ..services.applications import ApplicationService
    from .screenshots import PERSON, VOL

    if "committee" in _made:
        return _made["committee"], _made["jeddah"]
    out = tmp / "batches"
    out.mkdir(exist_ok=True)
    _export_counter(counter, out)
    committee = _installation(tmp, "COM1", "committee", "خالد الدوسري", "لجنة البحث")
    jeddah = _installation(tmp, "JED1", "site", "هند الغامدي", "فرع جدة")
    _trust_each_other(committee, jeddah, tmp)
    person = dict(PERSON, identity_number="1000000016", city="جدة")
    _interview(jeddah, person, "VOL-EVENTS", VOL)
    _interview(jeddah, dict(person, identity_number="1000000024", first_name="فهد"),
               "VOL-EVENTS", VOL)
    _import(committee, _export(jeddah, out))
    reference = committee.committee.pending(committee.require_actor())[0].reference
    committee.committee.decide(committee.require_actor(), reference, accepted=False,
                               reason="لم تكتمل شروط البرنامج")
    decisions = _export(committee, out)
    applications = ApplicationService(jeddah.db)
    withdrawn = applications.get_by_reference(jeddah.require_actor(), reference)
    applications.withdraw(jeddah.require_actor(), withdrawn.id, "انسحب المتقدم")
    _import(jeddah, decisions)
    _new_phone(jeddah, "1000000024", "0551234568")
    _export(jeddah, out)  # batch 2: still on the way
    _new_phone(jeddah, "1000000024", "0551234569")
    _import(committee, _export(jeddah, out))  # batch 3: kept aside
    _made.update(committee=committee, jeddah=jeddah)
    return committee, jeddah


def _export_counter(counter: Any, out: Path) -> None:
    """The walk's counter sends its batch (it stays on the stick: see the module's note)."""
    from ..sync.keys import KeyStore

    actor = counter.require_actor()
    if KeyStore(counter.keys_dir).exists():
        counter.sync.export(actor, counter.sync.unlock(actor, "counter-passphrase"), out)


def _with_declaration(app: QApplication, view: Any) -> None:
    """The first application of the queue whose declaration was printed, selected, and
    its page drawn (QPdfView renders on a thread of its own)."""
    import time

    chosen = next((p for p in view.rows if p.has_declaration_pdf), None)
    if chosen is not None:
        view.select_reference(chosen.reference)
        for _ in range(25):
            app.processEvents()
            time.sleep(0.02)


def sync_shots(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    from .main import Desk
    from .screenshots import _shot

    tmp = window.ctx.keys_dir.parent  # screenshots.prepare()'s throw-away folder
    committee, jeddah = prepare_exchange(window.ctx, tmp)
    shots = []
    window.show_page("sync")
    shots.append(_shot(app, window, out, f"{lang}-60-sync-counter"))
    queue = window.show_page("committee")
    _with_declaration(app, queue)
    shots.append(_shot(app, window, out, f"{lang}-61-committee-at-counter"))

    desk = Desk(app, committee)
    there = desk.open_main("sync")
    sync = there.page("sync")
    sync.conflicts.selectRow(0)
    shots.append(_shot(app, there, out, f"{lang}-62-sync-committee"))
    queue = there.show_page("committee")
    shots.append(_shot(app, there, out, f"{lang}-63-committee-queue"))
    _with_declaration(app, queue)
    shots.append(_shot(app, there, out, f"{lang}-64-committee-declaration"))
    there.close()
    branch = Desk(app, jeddah).open_main("sync")
    branch.page("sync").conflicts.selectRow(0)
    shots.append(_shot(app, branch, out, f"{lang}-65-sync-conflict-at-a-counter"))
    branch.close()
    return shots


def close_exchange() -> None:
    for ctx in (_made.pop("committee", None), _made.pop("jeddah", None)):
        if ctx is not None:
            ctx.db.dispose()
