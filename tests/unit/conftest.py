"""Offline fixtures: a fresh SQLite database (migrated by Alembic) and a local outbox folder."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from bot.store.migrate import upgrade_to_head

# Property tests explore the same examples on every run (CI included): a failure found once is
# found again, and a green run stays green. Explore new ground with HYPOTHESIS_PROFILE=explore.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


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
