"""The database connection: `DATABASE_URL`, SQLite under var/ by default; one session per unit of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from bot.core.settings import database_url
from bot.privacy.files import private_file, private_folder, sqlite_file


@cache
def engine_for(url: str) -> Engine:
    """One engine (connection pool) per database URL and process."""
    database_file = sqlite_file(url)
    if database_file is not None:  # owner-only, before SQLite creates it (SECURITY.md)
        if not database_file.parent.exists():
            private_folder(database_file.parent)
        private_file(database_file)
    # hide_parameters: a failing statement is logged without its values (names, birth dates)
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_foreign_keys(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

    return engine


@contextmanager
def unit_of_work(url: str | None = None) -> Iterator[Session]:
    """A session that commits when the block succeeds, rolls back when it fails, then closes."""
    factory = sessionmaker(engine_for(url or database_url()), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
