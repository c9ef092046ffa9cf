"""Who is signed in to a conversation: a signed token kept in a slot, checked on every use.

A conversation's slots come from whoever calls the action server, so a slot that simply named an
account (``account_id: "7"``) let a forged tracker read a family's application. After a correct
sign-in code the conversation instead holds a token signed with the project's secret that says:

- which account (``a``), and for which conversation: a keyed digest of the sender id (``c``), so a
  token copied into another conversation is refused;
- which chat session (``s``, the moment Rasa started it): a new session ends the sign-in, also
  when Rasa carries the other slots over;
- when it was issued (``i``): it lasts ``SIGN_IN_LIFETIME`` from then, whatever the parent does;
- the account's ``credentials_changed_at`` at that moment (``k``): a password change or reset
  ends every sign-in made before it.

A token that is forged, altered, another conversation's or session's, expired, or whose account
is not active or changed its password means "not signed in": the parent is asked to sign in again.

Why a fixed lifetime and not an idle timeout: checking idleness would need a write on every
message; two hours cover the longest application form with its questions (about 20 minutes) many
times over, and a parent on a shared computer is signed out the same afternoon.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from itsdangerous import BadSignature, URLSafeSerializer

from bot.core.clock import as_utc, utc_now
from bot.core.secrets import secret_key
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus

#: How long a sign-in lasts from the moment the code was accepted.
SIGN_IN_LIFETIME: Final = timedelta(hours=2)
#: Clocks of two servers may differ a little; a token "issued" further in the future is refused.
_CLOCK_SKEW: Final = timedelta(minutes=1)
_PURPOSE: Final = "permits-sign-in-state"


@dataclass(frozen=True)
class SignedInParent:
    """The account a conversation is signed in to, read from the database at the moment of use."""

    account_id: int
    first_name: str
    language: str


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(secret_key(), salt=_PURPOSE)


def _conversation_digest(sender_id: str) -> str:
    # Keyed with a purpose of its own, so the digest matches no other table's key.
    key = hmac.new(secret_key().encode(), _PURPOSE.encode(), hashlib.sha256).digest()
    return hmac.new(key, sender_id.encode(), hashlib.sha256).hexdigest()[:32]


def _stamp(moment: datetime | None) -> int:
    """A moment as whole microseconds since the epoch (0 for none): exact and JSON-friendly."""
    return 0 if moment is None else round(as_utc(moment).timestamp() * 1_000_000)


def session_stamp(session_started_at: float | None) -> int:
    """The chat session's start (Rasa's event timestamp, seconds) in milliseconds; 0 if unknown."""
    return 0 if session_started_at is None else round(session_started_at * 1000)


def issue_sign_in_state(
    account_id: int,
    sender_id: str,
    session_started_at: float | None,
    *,
    now: datetime | None = None,
    database_url: str | None = None,
) -> str | None:
    """A new token for `account_id` in this conversation and session; None if the account is not active."""
    now = now or utc_now()
    with unit_of_work(database_url) as session:
        account = session.get(Account, account_id)
        if account is None or account.status != AccountStatus.active:
            return None
        payload = {
            "a": account.id,
            "c": _conversation_digest(sender_id),
            "s": session_stamp(session_started_at),
            "i": _stamp(now),
            "k": _stamp(account.credentials_changed_at),
        }
    return str(_serializer().dumps(payload))


def signed_in_parent(
    token: Any,
    sender_id: str,
    session_started_at: float | None,
    *,
    now: datetime | None = None,
    database_url: str | None = None,
) -> SignedInParent | None:
    """The parent `token` signs in to this conversation and session, or None (see the module)."""
    claims = _valid_claims(token, sender_id, session_started_at, now or utc_now())
    if claims is None:
        return None
    with unit_of_work(database_url) as session:
        account = session.get(Account, claims["a"])
        if account is None or account.status != AccountStatus.active:
            return None
        if _stamp(account.credentials_changed_at) != claims["k"]:
            return None  # the password changed (or was reset) after this sign-in
        return SignedInParent(account.id, account.first_name, account.language)


def _valid_claims(
    token: Any, sender_id: str, session_started_at: float | None, now: datetime
) -> dict[str, Any] | None:
    if not isinstance(token, str) or not token or len(token) > 1000:
        return None
    try:
        claims = _serializer().loads(token)
    except BadSignature:
        return None
    if not (isinstance(claims, dict) and all(isinstance(claims.get(name), int) for name in "asik")):
        return None
    if not hmac.compare_digest(str(claims.get("c", "")), _conversation_digest(sender_id)):
        return None
    if claims["s"] != session_stamp(session_started_at):
        return None
    issued = claims["i"]
    if not _stamp(now - SIGN_IN_LIFETIME) < issued <= _stamp(now + _CLOCK_SKEW):
        return None
    return claims
