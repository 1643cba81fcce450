"""`make screenshots`: every screen in Arabic and English at 1366x768, as PNG files.

Builds a throw-away database with demo data and one finished interview (so the profile,
declarations and Today have content), then walks every screen and the interview wizard.
Run under Xvfb for real window decorations and fonts as staff see them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from ..checklists.flow_items import PROCEDURES_CLEAR, PURPOSE

if TYPE_CHECKING:
    from .interview_view import InterviewView

SIZE = (1366, 768)
TODAY = date(2026, 11, 29)
PERSON = dict(first_name="أسامة", father_name="عبدالله", grandfather_name="سعد",
              family_name="الزهراني", identity_type="citizen_id",
              identity_number="1000000008", identity_expiry="1450/01/01", gender="male",
              birth_date="1995-03-04", nationality="SA", phone="0551234567", city="الرياض")
VOL = {"platform_registered": True, "platform_id": "NVP-55821", "abilities_fit": True,
       "record_checked": True, "ratings_acceptable": True}
P = TypeVar("P")


def _step_page(view: InterviewView, kind: type[P]) -> P:
    """The wizard's current page, which the walk knows to be a ``kind``."""
    page = view.page
    assert isinstance(page, kind), page
    return page


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def _shot(app: QApplication, widget: QWidget, out: Path, name: str) -> Path:
    widget.resize(*SIZE)
    widget.show()
    widget.raise_()
    _settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    return path


def _sign(canvas: Any) -> None:
    canvas.begin_stroke(QPointF(40, 100))
    for i in range(1, 60):
        canvas.extend_stroke(QPointF(40 + i * 6, 100 + ((i * 7) % 23) - 11))
    canvas.end_stroke()


CANDIDATES: list[Path] = []  # made by prepare(): readme-only (installed), changed, broken


def forms_candidates(tmp: Path) -> tuple[Path, Path, Path]:
    """Copies of the shipped forms folder for the forms screen: one that changes only its
    README (installed during preparation, so the history has a row), one with a renamed
    item, a reworded one and new declaration wording, and one with a problem."""
    import shutil

    from ..resources import forms_path

    made = []
    for name in ("readme-only", "changed", "broken"):
        folder = tmp / "forms-candidates" / name
        shutil.copytree(forms_path(), folder)
        made.append(folder)
    readme = made[0] / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nReviewed by the board.\n",
                      encoding="utf-8")
    academic = made[1] / "checklists" / "academic.yaml"
    academic.write_text(academic.read_text(encoding="utf-8")
                        .replace("id: experience_years", "id: years_of_experience")
                        .replace("label_ar: المؤهل الأكاديمي للمتقدم",
                                 "label_ar: أعلى مؤهل أكاديمي حصل عليه المتقدم"),
                        encoding="utf-8")
    declaration = made[1] / "documents" / "declaration.ar.txt"
    declaration.write_text(declaration.read_text(encoding="utf-8").rstrip("\n")
                           + "\n\nوأتعهد بإبلاغ الجمعية بأي تغيير في بياناتي.\n",
                           encoding="utf-8")
    broken = made[2] / "checklists" / "field.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("kind: yes_no", "kind: yes", 1),
                      encoding="utf-8")
    return made[0], made[1], made[2]


_LETTERHEAD_VALUES = dict(
    phone="+966 11 234 5678", website="www.makarem.example.sa",
    address="الرياض، حي النسيم", address_en="Al-Naseem, Riyadh", licence="1234",
    signatory_name="خالد الدوسري", signatory_title="رئيس لجنة البحث",
    signatory_name_en="Khalid Al-Dosari", signatory_title_en="Chair of the Research Committee")


def _letterhead() -> Any:
    from ..services.site_settings import Letterhead

    return Letterhead(**_LETTERHEAD_VALUES)


def letterhead_shots(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """Settings' other sections, the last scrolled to the administrator's Letterhead box."""
    settings = window.show_page("settings")
    settings.sections.setCurrentIndex(1)
    shots = [_shot(app, window, out, f"{lang}-15-settings-installation")]
    settings.sections.setCurrentIndex(0)
    box = getattr(settings, "letterhead", None)
    if box is None:
        return shots
    settings.sections.setCurrentIndex(settings.sections.count() - 1)
    scroll = settings.sections.currentWidget()
    if isinstance(scroll, QScrollArea):
        scroll.ensureWidgetVisible(box, 0, 0)
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shots.append(_shot(app, window, out, f"{lang}-49-settings-letterhead"))
    settings.sections.setCurrentIndex(0)
    return shots


def prepare(tmp: Path) -> Any:
    from ..demo import DemoGenerator
    from ..services.auth import AuthService
    from ..services.setup import SetupInput, SetupService
    from ..values import Role
    from .bus import EventBus
    from .context import AppContext
    from .dialogs import RecordingDialogs
    from .main import build_context
    from .tasks import TaskRunner

    ctx = build_context(f"sqlite:///{tmp / 'shots.sqlite3'}", RecordingDialogs(),
                        synchronous=True)
    logo = (Path(__file__).resolve().parents[2] / "resources" / "images")
    png = next((p.read_bytes() for p in sorted(logo.glob("*.png"))), None)
    SetupService(ctx.db).complete(SetupInput(
        site_code="RYD1", association_name="جمعية مكارم الأخلاق الخيرية",
        association_name_en="Makarem Charitable Association", admin_username="admin",
        admin_full_name="نورة القحطاني", admin_password="admin-pass-1", logo_png=png,
        site_name="فرع الرياض", letterhead=_letterhead()))
    auth = AuthService(ctx.db)
    admin = auth.login("admin", "admin-pass-1")
    auth.create_user(admin, "reem", "ريم الدوسري", Role.RECEPTIONIST, "reem-pass-1")
    DemoGenerator(ctx.db, seed=7, today=TODAY).run(300)
    from ..services.forms_admin import FormsAdminService

    if not CANDIDATES:
        CANDIDATES.extend(forms_candidates(tmp))
    FormsAdminService(ctx.db).apply(admin, CANDIDATES[0])
    from ..backups import BackupService

    BackupService(ctx.db).automatic_backup(admin, at_start=True)  # the start-up copy
    _suggestions(ctx.db, admin)
    ctx = AppContext(db=ctx.db, bus=EventBus(), tasks=TaskRunner(synchronous=True),
                     dialogs=RecordingDialogs(), today=TODAY, keys_dir=tmp / "keys")
    ctx.actor = admin
    _keys_and_a_peer(ctx, admin, tmp)
    return ctx


def admin_shots(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """The Administration screen in use, tab by tab: a user selected, the keys with a
    trusted committee, a verified trail with an event's details, the forms folder previewed
    with changes and with a problem; then the window locked."""
    shots = []
    admin = window.show_page("admin")
    admin.show_tab("users").select_user("reem")
    shots.append(_shot(app, window, out, f"{lang}-40-admin-users-selected"))
    admin.show_tab("keys")
    shots.append(_shot(app, window, out, f"{lang}-41-admin-keys"))
    audit = admin.show_tab("audit")
    audit.verify()
    row = next((i for i, e in enumerate(audit.events) if e.action == "forms_applied"), 0)
    audit.table.selectRow(row)
    shots.append(_shot(app, window, out, f"{lang}-42-audit-verified"))
    forms = admin.show_tab("forms")
    _, changed, broken = CANDIDATES
    forms.load_preview(str(changed))
    shots.append(_shot(app, window, out, f"{lang}-43-forms-preview"))
    forms.load_preview(str(broken))
    shots.append(_shot(app, window, out, f"{lang}-44-forms-problems"))
    shots += backups_shots(app, window, admin.show_tab("backups"), out, lang)
    window.lock()
    shots.append(_shot(app, window, out, f"{lang}-45-idle-lock"))
    window.try_unlock("admin-pass-1")
    return shots


def follow_up_shots(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """The Follow-up screen tab by tab (a row selected), the overdue filter, a decision
    letter shown, and the two dialogs of the missing-items list."""
    from .choice_dialogs import ManyChoices, OneChoice

    view = window.show_page("follow_up")
    shots = []
    for index, (name, page) in enumerate((("clock", view.clock), ("tell", view.tell),
                                          ("missing", view.missing))):
        view.tabs.setCurrentIndex(index)
        page.table.selectRow(0)
        shots.append(_shot(app, window, out, f"{lang}-50-follow-up-{name}"))
    view.tabs.setCurrentIndex(0)
    view.overdue_only.setChecked(True)
    shots.append(_shot(app, window, out, f"{lang}-51-follow-up-overdue-only"))
    view.overdue_only.setChecked(False)
    view.tabs.setCurrentIndex(1)
    view.tell.table.selectRow(0)
    view.print_letter()
    shots.append(_shot(app, window, out, f"{lang}-52-follow-up-letter"))
    view.mark_told("phone")  # the row leaves the list; the status line says so
    shots.append(_shot(app, window, out, f"{lang}-55-follow-up-told"))
    if not view.incomplete:
        return shots
    first = view.incomplete[0]
    dialogs = (("53-follow-up-contact-dialog", OneChoice(window, **view.follow_up_question(first))),
               ("54-follow-up-items-dialog", ManyChoices(window, **view.items_question(first))))
    for name, dialog in dialogs:
        dialog.show()
        _settle(app)
        path = out / f"{lang}-{name}.png"
        dialog.grab().save(str(path))
        shots.append(path)
        dialog.close()
    return shots


def library_shots(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """The library after an administrator added the services guide (the shipped
    placeholder replaced), a passage of it found; and the kind asked when adding."""
    from .choice_dialogs import OneChoice

    view = window.show_page("library")
    dialogs = window.ctx.dialogs
    guide = out / f"{lang}-guide.txt"
    guide.write_text("دليل خدمات البحث الاجتماعي\n\nيتحقق الباحث من هوية المستفيد ويطّلع "
                     "على عقد الإيجار.\n\nتُرفع الحالة إلى لجنة البحث بعد اكتمال الزيارة "
                     f"المنزلية ({lang}).\n", encoding="utf-8")
    dialogs.open_path, dialogs.ask_answers = str(guide), ["دليل خدمات البحث الاجتماعي"]
    dialogs.choose_answers = [("guide", "")]
    view.add_document()
    view.query.setText("اكتمال الزياره")
    view.search()
    view.results.setCurrentRow(0)
    shots = [_shot(app, window, out, f"{lang}-56-library-added")]
    kind = OneChoice(window, **{**view.kind_question(), "current": "guide"})
    kind.show()
    _settle(app)
    shots.append(out / f"{lang}-57-library-kind-dialog.png")
    kind.grab().save(str(shots[-1]))
    kind.close()
    guide.unlink()
    return shots


def backups_shots(app: QApplication, window: Any, backups: Any, out: Path,
                  lang: str) -> list[Path]:
    """The Backups tab: a copy made now, a listed copy checked (the restore then declined),
    and a damaged file refused with its reason."""
    dialogs = window.ctx.dialogs
    backups.back_up()
    shots = [_shot(app, window, out, f"{lang}-46-backups")]
    backups.table.selectRow(0)
    dialogs.confirm_answer = False
    backups.restore_selected()
    dialogs.confirm_answer = True
    shots.append(_shot(app, window, out, f"{lang}-47-backups-checked"))
    damaged = window.ctx.db.sqlite_path.parent / "copy-from-usb.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8192)
    dialogs.open_path = str(damaged)
    backups.restore_from_file()
    damaged.unlink()
    shots.append(_shot(app, window, out, f"{lang}-48-backups-refused"))
    return shots


def _suggestions(db: Any, admin: Any) -> None:
    """A few ratings with suggestions (the demo's have none), one already followed up."""
    from ..checklists.loader import load_forms
    from ..services.satisfaction import SatisfactionInput, SatisfactionService

    svc = SatisfactionService(db, load_forms().satisfaction)
    ids = [svc.record(admin, SatisfactionInput(score=score, channel=channel,
                                               program_code=code, answers={"suggestion": text}))
           for score, channel, code, text in (
               (4, "interview", "VOL-EVENTS", "لوحة إرشادية تدل على مكان الانتظار"),
               (2, "phone", None, "رسالة نصية عند صدور قرار اللجنة"),
               (5, "interview", "FIELD-CONF", "استبانة باللغة الإنجليزية للمقيمين"))]
    svc.set_suggestion_status(admin, ids[0], "under_review", "تُعرض على مدير الفرع")


def survey_shots(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """The beneficiary's survey (in the walk's language, switched on its own page), its
    suggestion page, the thanks; then the Satisfaction screen's follow-up dialog."""
    from .suggestions_view import FollowUpDialog
    from .survey_view import SurveyView

    survey = SurveyView(window.ctx.forms.satisfaction.section("questions"), lambda _a: None,
                        can_link=True)
    survey.set_language(lang)
    survey.pages[0].choose(4)
    shots = [_shot(app, survey, out, f"{lang}-50-survey-score")]
    survey.next()
    shots.append(_shot(app, survey, out, f"{lang}-51-survey-yes-no"))
    survey._show(len(survey.pages) - 1)
    box = survey.pages[-1].text
    if box is not None:  # the shipped survey ends with its suggestion
        box.setPlainText("لوحة تدل على مكان الانتظار" if lang == "ar"
                         else "A sign showing where to wait")
    shots.append(_shot(app, survey, out, f"{lang}-52-survey-suggestion"))
    survey.send()
    shots.append(_shot(app, survey, out, f"{lang}-53-survey-thanks"))
    survey.close()
    listing = window.show_page("satisfaction")
    listing.table.selectRow(0)
    shots.append(_shot(app, window, out, f"{lang}-54-suggestions-selected"))
    dialog = FollowUpDialog(listing.table.row_data(), window)
    dialog.show()
    _settle(app)
    path = out / f"{lang}-55-suggestion-follow-up.png"
    dialog.grab().save(str(path))
    dialog.close()
    return [*shots, path]


def referral_shots(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """POL-H3: the researcher's inbox (open, overdue marked; then the answered ones with an
    answer shown), the refer dialog refusing a missing code, and a profile showing the
    researcher's answer."""
    from .referral_widgets import ReferDialog

    ctx = window.ctx
    inbox = window.show_page("referrals")
    inbox.table.selectRow(0)
    shots = [_shot(app, window, out, f"{lang}-50-referrals-inbox")]
    inbox.show_status("answered")
    inbox.table.selectRow(0)
    shots.append(_shot(app, window, out, f"{lang}-51-referrals-answered"))
    answered = inbox.table.row_data()
    inbox.show_status("open")
    dialog = ReferDialog(lambda code, text: ctx.referrals.refer(
        ctx.require_actor(), reason_code=code, reason=text), window)
    dialog.text.setPlainText("يسأل عن موعد الملتقى القادم وطريقة التسجيل فيه")
    dialog.try_submit()  # no code chosen yet: the dialog says so and stays open
    dialog.adjustSize()
    shots.append(_shot_as_is(app, dialog, out, f"{lang}-52-refer-dialog"))
    dialog.close()
    if answered is not None and answered.referral.beneficiary_id:
        window.show_page("profile")
        window.profile.load(answered.referral.beneficiary_id)
        window.profile.tabs.setCurrentIndex(window.profile.tabs.count() - 1)
        window.profile.referrals.selectRow(0)
        shots.append(_shot(app, window, out, f"{lang}-53-profile-referral-answer"))
    return shots


def _shot_as_is(app: QApplication, widget: QWidget, out: Path, name: str) -> Path:
    """A dialog at its own size."""
    widget.show()
    widget.raise_()
    _settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    return path


def reports_shots(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """The Reports screen with this year's figures: the top, the satisfaction section, the
    calendar popup, and a reversed period refused."""
    view = window.show_page("reports")
    view.range.use_quick("this_gregorian_year")
    view.show_report()
    shots = [_shot(app, window, out, f"{lang}-50-reports")]
    bar = view.scroller.verticalScrollBar()
    for i, section in enumerate(("applications", "satisfaction"), start=1):
        table = view.page.tables[section]
        bar.setValue(table.mapTo(view.page, table.rect().topLeft()).y() - 110)
        shots.append(_shot(app, window, out, f"{lang}-5{i}-reports-{section}"))
    picker = view.range.start.picker
    picker.popup.popup(picker.mapToGlobal(picker.rect().bottomLeft()))
    _settle(app)
    path = out / f"{lang}-53-reports-calendar.png"
    picker.popup.grab().save(str(path))
    picker.popup.hide()
    shots.append(path)
    view.range.set_range(TODAY, TODAY.replace(day=1))
    view.show_report()
    shots.append(_shot(app, window, out, f"{lang}-54-reports-reversed"))
    return shots


def _keys_and_a_peer(ctx: Any, admin: Any, tmp: Path) -> None:
    """This counter's keys and the committee trusted, so the Keys tab has content."""
    import json

    from ..sync.keys import KeyStore

    ctx.keys.create_keys(admin, passphrase="counter-passphrase")
    committee = KeyStore(tmp / "committee-keys").init(
        site_id="COM1", role="committee", name="لجنة البحث — المقر الرئيسي",
        passphrase="committee-passphrase")
    peer = tmp / "COM1.pub.json"
    peer.write_text(json.dumps(committee.to_json(), ensure_ascii=False), encoding="utf-8")
    ctx.keys.trust(admin, peer, role="committee")


def walk(app: QApplication, ctx: Any, out: Path, lang: str) -> list[Path]:
    from ..interview.flow import Step
    from .i18n import apply_language
    from .interview_items import ItemsPage
    from .interview_pages import IdentifyPage, PersonalPage
    from .interview_steps import DeclarationPage, DocumentPage, ReceptionPage
    from .interview_view import InterviewView
    from .login_view import LoginPage
    from .main import Desk, StartWindow

    apply_language(app, lang)
    shots: list[Path] = []
    from .setup_view import SetupPage

    start = StartWindow()
    start.show_page(SetupPage(ctx))
    shots.append(_shot(app, start, out, f"{lang}-00-first-run-setup"))
    start.show_page(LoginPage(ctx))
    shots.append(_shot(app, start, out, f"{lang}-01-login"))
    start.close()
    desk = Desk(app, ctx)
    window = desk.open_main("today")
    for i, key in enumerate(window.pages, start=2):
        window.show_page(key)
        shots.append(_shot(app, window, out, f"{lang}-{i:02d}-{key}"))
    if "admin" in window.pages:
        shots += admin_shots(app, window, out, lang)
    if "satisfaction" in window.pages:
        shots += survey_shots(app, window, out, lang)
    shots += referral_shots(app, window, out, lang)
    shots += letterhead_shots(app, window, out, lang)
    if "follow_up" in window.pages:
        shots += follow_up_shots(app, window, out, lang)
    if getattr(window.page("library"), "may_edit", False):
        shots += library_shots(app, window, out, lang)
    if "reports" in window.pages:
        shots += reports_shots(app, window, out, lang)
    view = window.page("interview")
    assert isinstance(view, InterviewView)
    window.show_page("interview")
    view.start_new()
    s = view.session
    shots.append(_shot(app, window, out, f"{lang}-30-wizard-reception"))
    reception = _step_page(view, ReceptionPage)
    reception.program.setCurrentIndex(reception.program.findData("VOL-EVENTS"))
    reception.items.set_answers({PURPOSE: "التسجيل في التطوع"})
    view.next()
    _step_page(view, IdentifyPage).new_button.click()
    shots.append(_shot(app, window, out, f"{lang}-31-wizard-identify"))
    view.next()
    personal = _step_page(view, PersonalPage)
    personal.set_answers(PERSON)
    shots.append(_shot(app, window, out, f"{lang}-32-wizard-personal"))
    from .screenshots_entry import personal_entry_shots

    shots += personal_entry_shots(app, window, personal, out, lang, _shot, _settle)
    view.next()
    _step_page(view, ItemsPage).set_answers(VOL)
    shots.append(_shot(app, window, out, f"{lang}-33-wizard-eligibility"))
    view.next()
    _step_page(view, ItemsPage).set_answers({"identity_copy": "provided"})
    view.next()
    # POL-H3: "no" asks the kind of reason (no default) and the words of the referral.
    _step_page(view, ItemsPage).set_answers({PROCEDURES_CLEAR: False})
    shots.append(_shot(app, window, out, f"{lang}-37-wizard-clarity-referral"))
    _step_page(view, ItemsPage).set_answers({PROCEDURES_CLEAR: True})
    view.next()
    if s is not None and s.step is Step.DECLARATION:
        declaration = _step_page(view, DeclarationPage)
        declaration.items.set_answers({"data_verified": True, "responsibility_statement": True})
        _sign(declaration.pad.canvas)
        declaration.pad.accept()
        shots.append(_shot(app, window, out, f"{lang}-34-wizard-declaration"))
        view.step_area.verticalScrollBar().setValue(10_000)
        shots.append(_shot(app, window, out, f"{lang}-35-wizard-declaration-preview"))
        view.next()
        shots.append(_shot(app, window, out, f"{lang}-36-wizard-notice"))
        # Saving the signed declaration keeps it for reprints from the profile.
        ctx.dialogs.save_path = str(out / f"{lang}-declaration.pdf")
        _step_page(view, DocumentPage).preview.save_as_pdf()
    search = window.show_page("search")
    search.query.setText(PERSON["first_name"] + " " + PERSON["father_name"]
                         + " " + PERSON["family_name"])
    search.run_search()
    shots.append(_shot(app, window, out, f"{lang}-20-search-results"))
    if search.hits:
        search.results.selectRow(0)
        search.open_current()
        profile = window.profile
        from .profile_view import APPLICATIONS_TAB, DECLARATIONS_TAB

        for tab in range(profile.tabs.count()):
            profile.tabs.setCurrentIndex(tab)
            if tab == APPLICATIONS_TAB and profile.applications.rowCount():
                profile.applications.selectRow(0)  # the receipt on the 80 mm roll
                profile.receipt_paper.setCurrentIndex(profile.receipt_paper.findData("80mm"))
                profile.show_receipt()
            if tab == DECLARATIONS_TAB:
                profile.reprint_selected()
            shots.append(_shot(app, window, out, f"{lang}-21-profile-tab{tab}"))
        shots += fast_path_shots(app, window, out, lang)
    from .sync_screenshots import sync_shots

    shots += sync_shots(app, window, out, lang)
    window.close()
    return shots


def fast_path_shots(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """Issue 12: the profile's New application starts the interview with the person
    identified (reception pre-answered, then their data), and F1's sheet of keys."""
    from .shortcuts_sheet import ShortcutsSheet

    profile = window.profile
    profile.tabs.setCurrentIndex(0)
    shots = [_shot(app, window, out, f"{lang}-22-profile-actions")]
    profile.new_application()
    view = window.page("interview")
    shots.append(_shot(app, window, out, f"{lang}-23-wizard-known-reception"))
    view.page.program.setCurrentIndex(view.page.program.findData("VOL-EVENTS"))
    view.page.items.widgets[PURPOSE].editor.setText("تحديث بيانات التطوع")
    view.next()
    shots.append(_shot(app, window, out, f"{lang}-24-wizard-known-personal"))
    view.save()
    sheet = ShortcutsSheet(window)
    shots.append(_shot_as_is(app, sheet, out, f"{lang}-25-shortcuts-sheet"))
    sheet.close()
    return shots


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "build/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from .main import make_application

    app = make_application(language="ar")
    with tempfile.TemporaryDirectory() as tmp:
        # Forms installed while preparing go to this throw-away data folder.
        os.environ["MAKAREM_DATA_DIR"] = str(Path(tmp) / "data")
        ctx = prepare(Path(tmp))
        # The PERSON of the wizard is registered by the Arabic walk; give the English
        # walk a different identity number so both reach the declaration.
        shots = walk(app, ctx, out, "ar")
        from ..validation.identity import luhn_check_digit

        PERSON["identity_number"] = "100000002" + luhn_check_digit("100000002")
        PERSON["first_name"] = "أسماء"
        PERSON["gender"] = "female"
        shots += walk(app, ctx, out, "en")
        from .sync_screenshots import close_exchange

        close_exchange()
        ctx.db.dispose()
    print(f"{len(shots)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
