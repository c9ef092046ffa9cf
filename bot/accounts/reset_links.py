"""Signed password-reset links: single use, one hour, and dead once the password changes after them.

Unlike activation links they carry their issue time to the microsecond (claim "i"), so a reset
can end every link issued before it, even within the same second, and the language of the email
that carried them (claim "g"), so the page speaks as the email did.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Final

from itsdangerous import BadSignature, URLSafeSerializer

from bot.accounts.links import LinkProblem, link_for
from bot.core.secrets import secret_key

RESET: Final = "reset"
RESET_LIFETIME: Final = timedelta(hours=1)
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND: Final = timedelta(microseconds=1)


@dataclass(frozen=True)
class ResetClaims:
    """What a genuine reset link says."""

    account_id: int
    link_id: str
    issued_at: datetime
    language: str


def _serializer() -> URLSafeSerializer:
    # Expiry is checked against the signed "i" claim, so tests and callers can pass `now`.
    return URLSafeSerializer(secret_key(), salt=f"permits-{RESET}")


def make_reset_link(account_id: int, language: str, now: datetime) -> str:
    """The full URL of a new reset page for `account_id`, issued at `now`."""
    claims = {
        "a": account_id,
        "l": secrets.token_urlsafe(12),
        "i": (now - _EPOCH) // _MICROSECOND,
        "g": language,
    }
    return link_for(str(_serializer().dumps(claims)), RESET)


def read_reset_token(token: str, now: datetime) -> ResetClaims:
    """The claims of a genuine token; raises LinkProblem("invalid"), or ("expired") after an hour
    (expired links still name their account, so the page can offer a new one)."""
    try:
        data = _serializer().loads(token)
    except BadSignature:
        raise LinkProblem("invalid") from None
    claims = _claims(data)
    if claims is None:
        raise LinkProblem("invalid")
    if now - claims.issued_at > RESET_LIFETIME:
        raise LinkProblem("expired", None)
    return claims


def claims_even_if_expired(token: str) -> ResetClaims | None:
    """The claims of a genuine token whatever its age; None when forged or malformed."""
    try:
        return _claims(_serializer().loads(token))
    except BadSignature:
        return None


def _claims(data: object) -> ResetClaims | None:
    if not isinstance(data, dict):
        return None
    account_id, link_id, issued, language = (data.get(name) for name in ("a", "l", "i", "g"))
    if not (isinstance(account_id, int) and isinstance(link_id, str) and isinstance(language, str)):
        return None
    if not isinstance(issued, int):
        return None
    return ResetClaims(account_id, link_id, _EPOCH + issued * _MICROSECOND, language)
