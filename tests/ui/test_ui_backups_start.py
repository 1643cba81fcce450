"""The desk's start: the damaged-database check before the log-in opens, and the automatic
backups run off the GUI thread (issue 9)."""

from __future__ import annotations

from makarem_desk.backups import AUTO, BackupService
from makarem_desk.services.actor import SYSTEM


def test_a_damaged_database_stops_the_start_naming_the_backup(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.main import DatabaseOpener

    good = BackupService(ctx.db).backup_now(SYSTEM).path
    path = ctx.db.sqlite_path
    ctx.db.dispose()
    with open(path, "r+b") as f:  # garbage over the tables' pages
        f.seek(4096)
        f.write(b"\xa5" * (path.stat().st_size - 3 * 4096))
    opener = DatabaseOpener(str(ctx.db.url))
    with qtbot.assertNotEmitted(opener.opened), \
            qtbot.waitSignal(opener.failed, timeout=10000) as failed:
        opener.start()
    error = failed.args[0]
    assert "تالف" in error.message_ar and str(good) in error.message_ar
    assert f'restore "{good}"' in error.message


def test_automatic_backup_at_start_then_only_when_due(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.ui.backup_schedule import BackupSchedule

    schedule = BackupSchedule(ctx)
    schedule.start()  # ctx runs tasks inline: the copy is there when start returns
    assert schedule.timer.isActive() and not schedule.busy
    [first] = BackupService(ctx.db).list_backups(SYSTEM)
    assert first.kind == AUTO
    schedule.run(at_start=False)  # the timer's look: not due for four hours
    assert BackupService(ctx.db).list_backups(SYSTEM) == [first]
    schedule.timer.stop()
