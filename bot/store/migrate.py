"""Bring a database to the latest schema with Alembic (used by `make run` and the tests)."""

from __future__ import annotations

import sys

from alembic import command
from alembic.config import Config

from bot.core.settings import PROJECT_ROOT, database_url
from bot.store.database import engine_for


def upgrade_to_head(url: str | None = None) -> None:
    """Apply every migration to the database at `url` (DATABASE_URL by default)."""
    target = url or database_url()
    engine_for(target)  # creates the SQLite file's folder
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", target.replace("%", "%%"))
    command.upgrade(config, "head")


if __name__ == "__main__":
    upgrade_to_head(sys.argv[1] if len(sys.argv) > 1 else None)
