"""The letterhead on screen: the first-run screen's optional contact details, the
administrator's Letterhead box in Settings (issue 11)."""

from __future__ import annotations

from conftest import ADMIN_PW

from makarem_desk.services.auth import AuthService
from makarem_desk.ui.tasks import TaskRunner


def test_setup_takes_optional_contact_details(qtbot, db, desk_app) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.bus import EventBus
    from makarem_desk.ui.context import AppContext
    from makarem_desk.ui.dialogs import RecordingDialogs
    from makarem_desk.ui.setup_view import SetupPage

    ctx = AppContext(db=db, bus=EventBus(), tasks=TaskRunner(synchronous=True),
                     dialogs=RecordingDialogs())
    page = SetupPage(ctx)
    qtbot.addWidget(page)
    page.role_buttons["site"].click()
    page.association_name.setText("جمعية مكارم الأخلاق")
    page.association_name_en.setText("Makarem Association")
    page.site_code.setText("RYD1")
    page.admin_full_name.setText("مدير النظام")
    page.admin_username.setText("admin")
    page.admin_password.setText(ADMIN_PW)
    page.admin_password2.setText(ADMIN_PW)
    page.contact["phone"].setText("+966 11 234 5678")
    page.contact["licence"].setText("1234")
    assert page.submit() is not None, page.error.text()
    admin = AuthService(db).login("admin", ADMIN_PW)
    head = ctx.site_settings.letterhead(admin)
    assert (head.phone, head.licence, head.website, head.address) == (
        "+966 11 234 5678", "1234", "", "")


def test_the_administrator_sets_the_letterhead_in_settings(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.settings_view import SettingsView

    reception = SettingsView(ctx)
    qtbot.addWidget(reception)
    assert not hasattr(reception, "letterhead")  # a receptionist does not change it

    ctx.actor = AuthService(ctx.db).login("admin", ADMIN_PW)
    settings = SettingsView(ctx)
    qtbot.addWidget(settings)
    box = settings.letterhead
    box.fields["website"].setText("www.makarem.example.sa")
    box.fields["signatory_title"].setText("رئيس لجنة البحث")
    box.receipt_paper.setCurrentIndex(box.receipt_paper.findData("80mm"))
    saved = box.save()
    assert saved is not None and saved.receipt_paper == "80mm"
    head = ctx.site_settings.letterhead(ctx.actor)
    assert (head.website, head.signatory_title) == ("www.makarem.example.sa", "رئيس لجنة البحث")
    box.fields["address"].setText("ش" * 201)
    assert box.save() is None
    assert "أطول من 200" in box.status.text()  # said in Arabic, nothing saved
    assert ctx.site_settings.letterhead(ctx.actor).address == ""
