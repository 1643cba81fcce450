"""What every screen is given: the database's services, the bus, the task runner, the
dialogs facade, and who is signed in.  Built once at start-up (or by a test) and passed
down through constructors; no module-level singletons."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from ..db import Database
from ..services.actor import Actor
from ..services.auth import AuthService
from ..services.dashboard import DashboardService
from ..services.setup import SetupService
from ..services.site_settings import SiteSettingsService
from ..worker import Job
from .bus import EventBus
from .dialogs import Dialogs
from .tasks import TaskRunner

if TYPE_CHECKING:  # each of these is imported when a screen first needs it (start-up)
    from ..checklists.model import FormSet
    from ..documents.service import DocumentService
    from ..interview.services import InterviewServices
    from ..reports.export import ReportExportService
    from ..reports.figures import ReportService
    from ..search import SearchService
    from ..services.beneficiaries import BeneficiaryService
    from ..services.follow_up import FollowUpService
    from ..services.library import LibraryService
    from ..services.referrals import ReferralService
    from ..sync import CommitteeService, SyncService
    from ..sync.key_service import KeyService

S = TypeVar("S")


@dataclass
class AppContext:
    db: Database
    bus: EventBus
    tasks: TaskRunner
    dialogs: Dialogs
    actor: Actor | None = None
    today: date | None = None  # fixed by tests; None means the real date
    keys_dir: Path | None = None  # None: keys/ in the data folder (or $MAKAREM_KEYS_DIR)
    monotonic: Callable[[], float] = time.monotonic  # the idle lock's clock; tests drive it
    _services: dict[str, object] = field(default_factory=dict)

    @property
    def auth(self) -> AuthService:
        return self._service("auth", lambda: AuthService(self.db))

    @property
    def setup(self) -> SetupService:
        return self._service("setup", lambda: SetupService(self.db))

    @property
    def site_settings(self) -> SiteSettingsService:
        return self._service("site_settings", lambda: SiteSettingsService(self.db))

    @property
    def keys(self) -> KeyService:
        """The administrator's keys and trusted installations (``sync.key_service``)."""
        def make() -> KeyService:
            from ..sync.key_service import KeyService
            from ..sync.keys import KeyStore

            return KeyService(self.db, KeyStore(self.keys_dir))

        return self._service("keys", make)

    @property
    def sync(self) -> SyncService:
        """Batches to and from the committee, with this installation's keys."""
        def make() -> SyncService:
            from ..sync import SyncService
            from ..sync.keys import KeyStore

            return SyncService(self.db, KeyStore(self.keys_dir))

        return self._service("sync", make)

    @property
    def committee(self) -> CommitteeService:
        """The committee's queue and decisions (POL-H5)."""
        def make() -> CommitteeService:
            from ..sync import CommitteeService

            return CommitteeService(self.db)

        return self._service("committee", make)

    @property
    def dashboard(self) -> DashboardService:
        return self._service("dashboard", lambda: DashboardService(self.db))

    @property
    def search(self) -> SearchService:
        def make() -> SearchService:
            from ..search import SearchService

            return SearchService(self.db)

        return self._service("search", make)

    @property
    def beneficiaries(self) -> BeneficiaryService:
        def make() -> BeneficiaryService:
            from ..services.beneficiaries import BeneficiaryService

            return BeneficiaryService(self.db, today=self.today_date())

        return self._service("beneficiaries", make)

    @property
    def forms(self) -> FormSet:
        def make() -> FormSet:
            from ..checklists.loader import load_forms

            return load_forms()

        return self._service("forms", make)

    def forget_forms(self) -> None:
        """After a new forms folder is installed: the next interview reads it."""
        for name in ("forms", "interview"):
            self._services.pop(name, None)

    @property
    def interview(self) -> InterviewServices:
        """The services an interview uses (``makarem_desk.interview.services``)."""
        def make() -> InterviewServices:
            from ..interview.services import InterviewServices

            return InterviewServices.for_database(self.db, self.forms, today=self.today)

        return self._service("interview", make)

    @property
    def referrals(self) -> ReferralService:
        """POL-H3 outside an interview: needs no forms (the inbox works while a forms
        folder is refused)."""
        def make() -> ReferralService:
            from ..services.referrals import ReferralService

            return ReferralService(self.db)

        return self._service("referrals", make)

    @property
    def documents(self) -> DocumentService:
        def make() -> DocumentService:
            from ..documents.service import DocumentService

            return DocumentService(self.db)

        return self._service("documents", make)

    @property
    def follow_up(self) -> FollowUpService:
        """The follow-up lists and service targets (``services.follow_up``)."""
        def make() -> FollowUpService:
            from ..services.follow_up import FollowUpService

            return FollowUpService(self.db)

        return self._service("follow_up", make)

    @property
    def library(self) -> LibraryService:
        def make() -> LibraryService:
            from ..services.library import LibraryService

            return LibraryService(self.db)

        return self._service("library", make)

    @property
    def reports(self) -> ReportService:
        """The report's figures (``reports.figures.ReportService``)."""
        def make() -> ReportService:
            from ..reports.figures import ReportService

            return ReportService(self.db)

        return self._service("reports", make)

    @property
    def report_exports(self) -> ReportExportService:
        """The report saved as a PDF or a workbook, audited (``reports.export``)."""
        def make() -> ReportExportService:
            from ..reports.export import ReportExportService

            return ReportExportService(self.db)

        return self._service("report_exports", make)

    def database_replaced(self) -> None:
        """After a restore: no connection, cached service or signed-in person carries over
        from the file that was replaced (a connection opened before the swap would still
        read, and write, the old file)."""
        self.db.dispose()
        self.db.forget_installation()
        self._services.clear()
        self.actor = None

    def today_date(self) -> date:
        return self.today or date.today()

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("no one is signed in")
        return self.actor

    def job(self, name: str, **params: object) -> Job:
        """Heavy work (``worker.JOBS``) for ``ctx.tasks.run_job``, done for whoever is
        signed in, on this window's database and keys."""
        return Job(name, params, self.db.url.render_as_string(hide_password=False),
                   self.require_actor(), self.keys_dir)

    def _service(self, name: str, make: Callable[[], S]) -> S:
        """The service cached under ``name``, made by ``make`` the first time it is asked
        for (one name, one service class: the accessors above keep them together)."""
        if name not in self._services:
            self._services[name] = make()
        return cast(S, self._services[name])
