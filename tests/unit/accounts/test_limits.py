"""Rate limits live in the database: every process sees the same count, keys are never stored raw."""

from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session

from bot.limits import LIMITS, RETENTION_SECONDS, check_and_count
from bot.store.service_models import RateEvent

EMAIL = "ana@example.com"


def attempt(url_or_engine: str | Engine, now: datetime, key: str = EMAIL) -> bool:
    """One attempt in its own session and transaction, as a request in some process makes it."""
    engine = create_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    with Session(engine) as session, session.begin():
        return check_and_count(session, "test:email", key, 3, 3600, now)


def test_two_processes_share_one_count(database):
    now = datetime.now(timezone.utc)
    actions, pages = create_engine(database), create_engine(database)  # two processes' pools
    assert [attempt(actions, now), attempt(pages, now), attempt(actions, now)] == [True, True, True]
    assert attempt(pages, now) is False
    assert attempt(actions, now, key="luis@example.com") is True
    assert attempt(pages, now + timedelta(hours=1, seconds=1)) is True
    actions.dispose()
    pages.dispose()


def test_refused_attempts_are_not_counted_and_keys_are_hashed(database):
    now = datetime.now(timezone.utc)
    for _ in range(6):
        attempt(database, now)
    engine = create_engine(database)
    with Session(engine) as session:
        events = session.scalars(select(RateEvent)).all()
    engine.dispose()
    assert len(events) == 3
    assert {len(event.key_hash) for event in events} == {64}
    assert all(EMAIL not in event.key_hash and event.bucket == "test:email" for event in events)


def test_old_events_are_pruned(database):
    long_ago = datetime.now(timezone.utc) - timedelta(seconds=RETENTION_SECONDS + 60)
    attempt(database, long_ago)
    attempt(database, long_ago, key="luis@example.com")
    attempt(database, datetime.now(timezone.utc))
    engine = create_engine(database)
    with Session(engine) as session:
        assert len(session.scalars(select(RateEvent)).all()) == 1
    engine.dispose()


def test_every_named_limit_is_positive_and_kept_long_enough():
    assert {"sign_in_code:email", "password_reset:email", "registration:conversation"} <= set(LIMITS)
    assert LIMITS["sign_in_code:attempts"].limit == 5
    assert LIMITS["password_reset:email"].limit == 3 and LIMITS["password_reset:email"].window_seconds == 3600
    assert all(limit.limit > 0 and 0 < limit.window_seconds <= RETENTION_SECONDS for limit in LIMITS.values())
