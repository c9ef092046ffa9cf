"""Offline fixtures: a fresh SQLite database (migrated by Alembic) and a local outbox folder."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store.migrate import upgrade_to_head


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'permits.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("OUTBOX_DIR", str(tmp_path / "outbox"))
    monkeypatch.setenv("SECRET_KEY", "test-secret")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://permits.example.org")
    monkeypatch.delenv("SMTP_HOST", raising=False)
    upgrade_to_head(url)
    yield url
