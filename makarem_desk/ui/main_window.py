"""The main window: a navigation bar on the reading side and one screen at a time; locks
itself after the idle time set in Settings."""

from __future__ import annotations

import importlib.util
import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QPixmap, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..errors import UserError
from ..permissions import allowed
from ..values import Role
from . import screens
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .i18n import current_language
from .idle_lock import IdleWatcher, LockPage
from .library_view import LibraryView
from .profile_view import ProfileView
from .screens import HoldsTyping, Refreshes, StartsForBeneficiary
from .search_view import SearchView
from .settings_view import SettingsView
from .shortcuts_sheet import NEW_APPLICATION_KEYS, NEW_CONTACT_KEYS, SIGN_OUT_KEYS
from .staff_names import role_label
from .today_view import TodayView

log = logging.getLogger(__name__)


def may_read_reports(role: Role, installation: Any) -> bool:
    from ..permissions import allowed
    from ..reports import figures  # noqa: F401 - registers "ReportService.build"

    return allowed("ReportService.build", role, installation)


NAV_WIDTH, NAV_WIDTH_MAX = 236, 360  # px


def nav_width(widgets: list[QWidget]) -> int:
    """The bar's width: 236 px, or what its longest label needs (a longer translation),
    up to 360 px, so no screen's name is cut."""
    need = max(w.sizeHint().width() for w in widgets) + 16  # the scroll bar's room
    return max(NAV_WIDTH, min(NAV_WIDTH_MAX, need))


class MainWindow(QMainWindow):
    signed_out = Signal()

    def __init__(self, ctx: AppContext, initial: str = "today",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.require_actor()
        info = ctx.setup.site_info()
        arabic = current_language() == "ar"
        self.setWindowTitle(self.tr("Makarem Desk") + (
            f" — {info.association_name if arabic else info.association_name_en}" if info else ""))
        self.stack = QStackedWidget()
        self.holders: dict[str, QWidget] = {}
        self.factories: dict[str, Callable[[], QWidget]] = {}
        self.built: dict[str, QWidget] = {}
        self.failed: dict[str, BaseException] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)

        nav = QWidget()
        nav.setObjectName("navBar")
        self.nav = nav
        nav_lay = QVBoxLayout(nav)
        nav_lay.setContentsMargins(0, 14, 0, 8)
        nav_lay.setSpacing(2)
        if info and info.logo_png:
            logo = QLabel()
            logo.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # never mirrored
            logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pix = QPixmap()
            pix.loadFromData(info.logo_png)
            logo.setPixmap(pix.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation))
            nav_lay.addWidget(logo)
        title = QLabel(self.tr("Makarem Desk"))
        title.setObjectName("appTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav_lay.addWidget(title)
        # The screens' buttons scroll when the bar is taller than the screen (an
        # administrator at a 768-pixel counter screen has fourteen of them).
        pages = QWidget()
        pages.setObjectName("navPages")
        pages_lay = QVBoxLayout(pages)
        pages_lay.setContentsMargins(0, 0, 0, 0)
        pages_lay.setSpacing(2)
        scroller = QScrollArea()
        scroller.setObjectName("navScroller")
        scroller.setWidget(pages)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        nav_lay.addWidget(scroller, 1)
        self.nav_layout = pages_lay

        # Screens are built the first time they are shown: start-up pays only for Today.
        self.add_page("today", self.tr("Today"), lambda: TodayView(ctx))
        # Walk-ins are received at a counter: the committee's installation (and an account
        # whose role does no counter work) is not offered screens it may not use.
        from ..services import (  # noqa: F401  (their rules join the matrix)
            contacts,
            drafts,
            follow_up,
            satisfaction,
        )

        installation = ctx.db.installation_role
        if allowed("DraftService.open_drafts", actor.role, installation):
            self.add_page("interview", self.tr("New interview"), self._interview)
        if allowed("ContactService.record", actor.role, installation):
            self.add_page("contact", self.tr("New contact"), self._contact)
        self.add_page("search", self.tr("Search"), lambda: SearchView(ctx))
        self.add_page("profile", self.tr("Beneficiary profile"), lambda: ProfileView(ctx))
        self.add_page("referrals", self.tr("Referrals"), self._referrals)
        if allowed("FollowUpService.waiting", actor.role, ctx.db.installation_role):
            self.add_page("follow_up", self.tr("Follow-up"), self._follow_up)
        self.add_page("library", self.tr("Reference library"), lambda: LibraryView(ctx))
        if allowed("SatisfactionService.suggestions", actor.role, ctx.db.installation_role):
            self.add_page("satisfaction", self.tr("Satisfaction"), self._satisfaction)
        if may_read_reports(actor.role, ctx.db.installation_role):
            self.add_page("reports", self.tr("Reports"), self._reports)
        # The sync engineer's two widgets, when this build has them.
        if importlib.util.find_spec(f"{__package__}.sync_view") is not None:
            self.add_page("sync", self.tr("Exchange with the committee"), self._sync)
        if importlib.util.find_spec(f"{__package__}.committee_view") is not None:
            self.add_page("committee", self.tr("Committee decisions"), self._committee)
        if actor.role is Role.ADMINISTRATOR:
            self.add_page("admin", self.tr("Administration"), self._admin)
        self.add_page("settings", self.tr("Settings"), lambda: SettingsView(ctx))
        pages_lay.addStretch(1)
        who = QLabel(f"{actor.full_name}\n{role_label(actor.role)}")
        who.setObjectName("userLine")
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav_lay.addWidget(who)
        out = QPushButton(self.tr("Sign out"))
        # Never on the Tab path: Tab or Space in an interview must not reach it (issue 12).
        out.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        out.setToolTip(SIGN_OUT_KEYS)
        out.clicked.connect(self.request_sign_out)
        nav_lay.addWidget(out)
        self.sign_out_button = out
        nav.setFixedWidth(nav_width([title, who, out, *self.buttons.values()]))

        # The content and, while locked, the lock page over it: the content is hidden,
        # never rebuilt, so nothing typed on it is lost.
        self.frame = QStackedWidget()
        self.setCentralWidget(self.frame)
        self.lock_page: LockPage | None = None
        self._focus_before_lock: QWidget | None = None
        self._shortcuts_before_lock: list[tuple[QShortcut, bool]] = []
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(nav)
        page_box = QWidget()
        page_lay = QVBoxLayout(page_box)
        page_lay.setContentsMargins(18, 14, 18, 14)
        page_lay.addWidget(self.stack)
        row.addWidget(page_box, 1)
        self.frame.addWidget(central)
        self.content = central
        self.statusBar().showMessage(self.tr("Ready"))

        self._shortcut("Ctrl+N", lambda: self.show_page("interview"))
        self._shortcut("Ctrl+F", lambda: self.show_page("search"))
        self._shortcut("Ctrl+S", self._on_current(screens.save_work))
        self._shortcut("Ctrl+P", self._on_current(screens.print_current))
        self._shortcut("F5", self._on_current(screens.refresh))
        for i, key in enumerate(list(self.pages)[:9], start=1):
            self._shortcut(f"Alt+{i}", self._opener(key))
        self._shortcut(NEW_APPLICATION_KEYS, self._on_current(screens.new_application))
        self._shortcut(NEW_CONTACT_KEYS, self._on_current(screens.new_contact))
        self._shortcut(SIGN_OUT_KEYS, self.request_sign_out)
        self._shortcut("F1", self.show_shortcuts)
        track(self, ctx.bus.open_beneficiary, self.open_beneficiary)
        track(self, ctx.bus.new_application_for, self.new_application_for)
        track(self, ctx.bus.new_contact_for, self.new_contact_for)
        track(self, ctx.bus.navigate, self.show_page)
        self.idle = IdleWatcher(ctx.site_settings.idle_lock_minutes(actor), clock=ctx.monotonic,
                                parent=self)
        self.idle.idle.connect(self.lock)
        track(self, ctx.bus.idle_lock_changed, self.idle.set_minutes)
        self.show_page(initial)

    def _interview(self) -> QWidget:
        from .interview_view import InterviewView

        return InterviewView(self.ctx)

    def _contact(self) -> QWidget:
        from .contact_view import ContactView

        return ContactView(self.ctx)

    def _referrals(self) -> QWidget:
        from .referrals_view import ReferralsView

        return ReferralsView(self.ctx)

    def _satisfaction(self) -> QWidget:
        from .suggestions_view import SuggestionsView

        return SuggestionsView(self.ctx)

    def _follow_up(self) -> QWidget:
        from .follow_up_view import FollowUpView

        return FollowUpView(self.ctx)

    def _reports(self) -> QWidget:
        from .reports_view import ReportsView

        return ReportsView(self.ctx)

    def _admin(self) -> QWidget:
        from .admin_view import AdminView

        view = AdminView(self.ctx)
        view.database_replaced.connect(self._database_replaced)
        return view

    # The idle watcher filters every event of the application: a window closed (or hidden
    # by the program) stops it, so closed windows never go on costing every event a call.
    # A minimised window (a spontaneous hide) keeps watching and locks on time.
    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt naming)
        super().hideEvent(event)
        if not event.spontaneous():
            self.idle.stop()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if not event.spontaneous():
            self.idle.start()

    def _database_replaced(self) -> None:
        """A restore swapped the database file: every service and screen of this window
        was built on the old one, so start again at the log-in, on the restored file (the
        person signed in may not even exist in it: no sign-out is recorded)."""
        self.idle.stop()
        self.ctx.database_replaced()
        self.signed_out.emit()

    def _sync(self) -> QWidget:
        from .sync_view import SyncView

        return SyncView(self.ctx)

    def _committee(self) -> QWidget:
        from .committee_view import CommitteeView

        return CommitteeView(self.ctx)

    def add_page(self, key: str, label: str, factory: Callable[[], QWidget]) -> None:
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        self.holders[key] = holder
        self.factories[key] = factory
        self.stack.addWidget(holder)
        button = QPushButton(label)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(lambda _c=False, k=key: self.show_page(k))
        self.group.addButton(button)
        self.buttons[key] = button
        self.nav_layout.addWidget(button)

    @property
    def pages(self) -> list[str]:
        """The keys of the screens, in the order of the navigation bar."""
        return list(self.holders)

    def page(self, key: str) -> Any:
        """The screen ``key``, built now if it was never shown."""
        built = self.built.get(key)
        if built is None:
            try:
                built = self.factories[key]()
            except Exception as exc:  # one broken screen must not take the window down
                log.exception("cannot build the screen %s", key)
                self.failed[key] = exc
                built = QLabel(self.tr("This screen cannot be opened: %1").replace(
                    "%1", user_message(exc)))
                built.setWordWrap(True)
            holder_layout = self.holders[key].layout()
            assert holder_layout is not None
            holder_layout.addWidget(built)
            self.holders[key].setFocusProxy(built)
            self.built[key] = built
        return built

    @property
    def profile(self) -> Any:
        return self.page("profile")

    def show_page(self, key: str) -> Any:
        if key not in self.holders:
            return None
        page = self.page(key)
        self.buttons[key].setChecked(True)
        self.stack.setCurrentWidget(self.holders[key])
        if isinstance(page, Refreshes):
            page.refresh()
        page.setFocus()
        return page

    def current_key(self) -> str:
        holder = self.stack.currentWidget()
        return next((k for k, h in self.holders.items() if h is holder), "")

    def open_beneficiary(self, beneficiary_id: Any) -> None:
        try:
            bid = uuid.UUID(str(beneficiary_id))
        except ValueError:
            log.warning("not a beneficiary id: %r", beneficiary_id)
            return
        self.show_page("profile")
        self.profile.load(bid)

    def new_application_for(self, beneficiary_id: Any) -> None:
        """The interview, started with the person already identified."""
        view = self.show_page("interview")
        if isinstance(view, StartsForBeneficiary):
            view.start_for(uuid.UUID(str(beneficiary_id)))

    def new_contact_for(self, beneficiary_id: Any) -> None:
        view = self.show_page("contact")
        if isinstance(view, StartsForBeneficiary):
            view.start_for(uuid.UUID(str(beneficiary_id)))

    def show_shortcuts(self) -> None:
        """F1: the sheet of keys."""
        from .shortcuts_sheet import ShortcutsSheet

        self.ctx.dialogs.run_dialog(ShortcutsSheet(self))

    def _opener(self, key: str) -> Callable[[], Any]:
        return lambda: self.show_page(key)

    def _on_current(self, action: Callable[[QWidget | None], None]) -> Callable[[], None]:
        """A window key, applied to the screen shown (``screens``: the screens that take
        part in it)."""
        return lambda: action(self.built.get(self.current_key()))

    def _shortcut(self, keys: str, fn: Callable[[], Any]) -> None:
        sc = QShortcut(QKeySequence.fromString(keys, QKeySequence.SequenceFormat.PortableText), self)
        sc.setContext(Qt.ShortcutContext.WindowShortcut)
        sc.activated.connect(fn)

    # -- signing out ----------------------------------------------------------------------
    def has_open_interview(self) -> bool:
        view = self.built.get("interview")
        if view is None:
            return False
        from .interview_view import InterviewView

        session = view.session if isinstance(view, InterviewView) else None
        return session is not None and not session.finished

    def _may_close_interview(self) -> bool:
        contact = self.built.get("contact")
        if (not self.has_open_interview() and isinstance(contact, HoldsTyping)
                and contact.has_unsaved_text()):
            return self.ctx.dialogs.confirm(
                self, self.tr("Sign out"),
                self.tr("A contact is typed and not saved; signing out loses it. "
                        "Sign out now?"))
        return not self.has_open_interview() or self.ctx.dialogs.confirm(
            self, self.tr("Sign out"),
            self.tr("An interview is open. The steps already completed are saved and can "
                    "be resumed later; what is typed on the current step is not. "
                    "Sign out now?"))

    def request_sign_out(self) -> bool:
        """The Sign out button: asks first when an interview is open; audited."""
        if self.locked or not self._may_close_interview():
            return False
        self._end_session(None)
        return True

    def _end_session(self, by: Any) -> None:
        actor = self.ctx.require_actor()
        if by is None:
            try:
                self.ctx.auth.logout(actor)
            except Exception:  # signing out must work even when the audit cannot be written
                log.exception("could not record the sign-out of %s", actor.username)
        self.idle.stop()
        self.signed_out.emit()

    # -- the idle lock --------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.lock_page is not None

    def lock(self) -> None:
        if self.locked:
            return
        actor = self.ctx.require_actor()
        # The window's own focus child: also known when another window is active.
        self._focus_before_lock = self.focusWidget()
        # No shortcut may reach the hidden content (Ctrl+N, Alt+1… would act unseen).
        self._shortcuts_before_lock = [(sc, sc.isEnabled()) for sc in self.findChildren(QShortcut)]
        for sc, _ in self._shortcuts_before_lock:
            sc.setEnabled(False)
        page = LockPage(actor, role_label(actor.role))
        page.unlock_requested.connect(self.try_unlock)
        page.sign_out_requested.connect(self.sign_out_at_lock)
        self.lock_page = page
        self.frame.addWidget(page)
        self.frame.setCurrentWidget(page)
        page.setFocus()
        try:
            self.ctx.auth.lock(actor)
        except Exception:  # the window locks whatever the database says
            log.exception("could not record the lock of %s", actor.username)

    def try_unlock(self, password: str) -> bool:
        if self.lock_page is None:
            return True
        try:
            self.ctx.auth.unlock(self.ctx.require_actor(), password)
        except UserError as exc:
            self.lock_page.refuse(user_message(exc))
            return False
        self._unlocked()
        return True

    def sign_out_at_lock(self, admin_username: str, admin_password: str) -> bool:
        """An administrator signs the locked user out with their own credentials."""
        if self.lock_page is None or not self._may_close_interview():
            return False
        try:
            by = self.ctx.auth.sign_out_locked(self.ctx.require_actor(), admin_username,
                                               admin_password)
        except UserError as exc:
            self.lock_page.refuse(user_message(exc))
            return False
        self._end_session(by)
        return True

    def _unlocked(self) -> None:
        page = self.lock_page
        self.lock_page = None
        self.frame.setCurrentWidget(self.content)
        if page is not None:
            self.frame.removeWidget(page)
            page.deleteLater()
        for sc, enabled in self._shortcuts_before_lock:
            sc.setEnabled(enabled)
        self._shortcuts_before_lock = []
        self.idle.reset()
        if self._focus_before_lock is not None and isValid(self._focus_before_lock):
            self._focus_before_lock.setFocus()
        self._focus_before_lock = None
