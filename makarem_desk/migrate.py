"""Alembic, driven from code: migrations are the only way the schema changes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    """The migrations shipped with this program, read once: alembic compiles every script
    each time it builds its map (about 90 ms), and every export, restore and database
    opened asked for the head again."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str | None:
    return _scripts().get_current_head()


def known_revision(revision: str) -> bool:
    """Whether this version's migrations know ``revision`` (an unknown one is newer)."""
    from alembic.script.revision import RevisionError
    from alembic.util import CommandError

    try:
        return _scripts().get_revision(revision) is not None
    except (RevisionError, CommandError, KeyError, ValueError):
        return False


def run_upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
