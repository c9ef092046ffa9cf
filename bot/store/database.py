"""The database connection: `DATABASE_URL`, SQLite under var/ by default; one session per unit of work."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    """`DATABASE_URL`, or an SQLite file in the project's var/ directory."""
    default = f"sqlite:///{PROJECT_ROOT / 'var' / 'permits.db'}"
    return os.environ.get("DATABASE_URL", default)


@cache
def engine_for(url: str) -> Engine:
    """One engine (connection pool) per database URL and process."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_pre_ping=True)
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
