"""Rate limits shared by every process that uses the database (the action server, the web pages).

Each counted attempt is a RateEvent row; a limit allows `limit` events per `key` in the last
`window_seconds`. Keys (an email, a conversation id) are stored only as an HMAC-SHA256 hex digest
keyed with the project's secret, so the table never holds an address and a leaked table cannot
be reversed with a list of known emails or phone numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Final

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.core.secrets import keyed_digest
from bot.store.service_models import RateEvent

HOUR: Final = 3600
DAY: Final = 24 * HOUR


@dataclass(frozen=True)
class Limit:
    """At most `limit` events per key within `window_seconds`."""

    limit: int
    window_seconds: int


SIGN_IN_CODE_PER_EMAIL: Final = "sign_in_code:email"
SIGN_IN_CODE_PER_CONVERSATION: Final = "sign_in_code:conversation"
SIGN_IN_CODE_ATTEMPTS: Final = "sign_in_code:attempts"
SIGN_IN_GUESSES_PER_ADDRESS: Final = "sign_in_code:guesses"
PASSWORD_RESET_PER_EMAIL: Final = "password_reset:email"
PASSWORD_RESET_PER_CONVERSATION: Final = "password_reset:conversation"
REGISTRATION_PER_CONVERSATION: Final = "registration:conversation"
ACCOUNT_EMAIL_PER_ADDRESS: Final = "account_email:address"
UPLOADS_PER_IP: Final = "upload:ip"
STAFF_SIGN_IN_PER_EMAIL: Final = "staff_sign_in:email"
STAFF_SIGN_IN_PER_ADDRESS: Final = "staff_sign_in:ip"

#: Every named limit, in one place.
LIMITS: Final[dict[str, Limit]] = {
    # Codes mailed to one address: enough for a parent who retries, too few to flood a mailbox.
    SIGN_IN_CODE_PER_EMAIL: Limit(3, HOUR),
    # Wrong codes typed for one address from any conversation: a guesser who opens new
    # conversations for new codes stops after 10 of a million; the owner waits an hour at worst.
    SIGN_IN_GUESSES_PER_ADDRESS: Limit(10, HOUR),
    # One conversation asking codes for many addresses is probing, not signing in.
    SIGN_IN_CODE_PER_CONVERSATION: Limit(5, HOUR),
    # Wrong tries of one code before it dies (counted on the SignInCode row, window = its life):
    # 5 guesses out of a million, and a new code needs a new, limited request.
    SIGN_IN_CODE_ATTEMPTS: Limit(5, 10 * 60),
    # Reset links mailed to one address per hour (the links themselves live an hour).
    PASSWORD_RESET_PER_EMAIL: Limit(3, HOUR),
    # One conversation asking resets for many addresses is probing.
    PASSWORD_RESET_PER_CONVERSATION: Limit(5, HOUR),
    # Registrations from one conversation in a day (each mails a stranger's address). Counted in
    # the database by a digest of the sender id, so a new browser tab does not reset it.
    REGISTRATION_PER_CONVERSATION: Limit(3, DAY),
    # Activation and "an account already exists" emails to one mailbox (canonical address), from
    # any conversation: rotating sender ids cannot fill a stranger's inbox.
    ACCOUNT_EMAIL_PER_ADDRESS: Limit(3, HOUR),
    # Files sent from one address in an hour: a family photographs a few pages per document; a
    # school office helping many families stays well under it; a script filling the disk does not.
    UPLOADS_PER_IP: Limit(60, HOUR),
    # Staff sign-in tries per account: a person mistyping is well under it, a password guesser stops.
    STAFF_SIGN_IN_PER_EMAIL: Limit(10, HOUR),
    # Staff sign-in tries per network address (an office behind one address has a few staff).
    STAFF_SIGN_IN_PER_ADDRESS: Limit(30, HOUR),
}

#: Events older than this are deleted as new ones arrive (the longest window, at least a day).
RETENTION_SECONDS: Final = max([DAY, *(limit.window_seconds for limit in LIMITS.values())])


def check_and_count(
    session: Session,
    bucket: str,
    key: str,
    limit: int,
    window_seconds: int,
    now: datetime | None = None,
) -> bool:
    """Count one attempt for `key` in `bucket` and say whether it is allowed.

    A refused attempt is not counted, so waiting always helps. The event is written first and
    the count taken after it, so two processes racing for the last place both see each other
    (on SQLite the writes are serialised) instead of both getting in.
    """
    now = now or datetime.now(timezone.utc)
    digest = keyed_digest(key)
    session.execute(delete(RateEvent).where(RateEvent.at < now - timedelta(seconds=RETENTION_SECONDS)))
    event = RateEvent(bucket=bucket, key_hash=digest, at=now)
    session.add(event)
    session.flush()
    since = now - timedelta(seconds=window_seconds)
    counted = session.scalar(
        select(func.count(RateEvent.id)).where(
            RateEvent.bucket == bucket, RateEvent.key_hash == digest, RateEvent.at > since
        )
    )
    if int(counted or 0) > limit:
        session.delete(event)
        session.flush()
        return False
    return True


def limit_reached(session: Session, bucket: str, key: str, now: datetime | None = None) -> bool:
    """Whether `key` already used every event the named limit of `bucket` allows (counts nothing)."""
    named = LIMITS[bucket]
    now = now or datetime.now(timezone.utc)
    counted = session.scalar(
        select(func.count(RateEvent.id)).where(
            RateEvent.bucket == bucket,
            RateEvent.key_hash == keyed_digest(key),
            RateEvent.at > now - timedelta(seconds=named.window_seconds),
        )
    )
    return int(counted or 0) >= named.limit


def record(session: Session, bucket: str, key: str, now: datetime | None = None) -> None:
    """Count one event for `key` in `bucket` (e.g. a wrong guess), whatever the count already is."""
    session.add(RateEvent(bucket=bucket, key_hash=keyed_digest(key), at=now or datetime.now(timezone.utc)))
    session.flush()


def allow(session: Session, bucket: str, key: str, now: datetime | None = None) -> bool:
    """`check_and_count` with the named limit of `bucket` from LIMITS."""
    named = LIMITS[bucket]
    return check_and_count(session, bucket, key, named.limit, named.window_seconds, now)
