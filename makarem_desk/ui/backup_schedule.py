"""Automatic backups while the desk runs: one when it starts, then a look every few
minutes whether the interval set for the installation has passed.  The copy runs on the
task pool, never on the GUI thread; a failure is logged and audited (it is the
administrator's Backups screen that shows the copies), never a dialog at the counter."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from .context import AppContext

log = logging.getLogger(__name__)
LOOK_EVERY_MS = 10 * 60 * 1000


class BackupSchedule(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        from ..backups import BackupService

        self.ctx = ctx
        self.service = BackupService(ctx.db)
        self.busy = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.run(at_start=False))

    def start(self) -> None:
        self.run(at_start=True)
        self.timer.start(LOOK_EVERY_MS)

    def run(self, *, at_start: bool) -> None:
        if self.busy:
            return
        from ..services.actor import SYSTEM

        self.busy = True
        self.ctx.tasks.run(lambda _p: self.service.automatic_backup(SYSTEM, at_start=at_start),
                           self._done, self._failed, cancellable=False)

    def _done(self, info: Any) -> None:
        self.busy = False
        if info is not None:
            log.info("automatic backup written: %s", info.path)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        log.error("automatic backup failed: %s", getattr(exc, "message", exc))
