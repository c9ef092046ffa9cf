"""Staff sign-in (email + password + TOTP code) and the sessions that follow it.

The browser holds a signed cookie carrying a random session id; the database keeps only its
SHA-256, so a copied table opens nothing. A session ends after IDLE_MINUTES without a request,
after MAX_HOURS in all, at sign-out, or when the account is disabled or re-invited.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from bot.core.clock import as_utc
from bot.core.secrets import keyed_digest, secret_key
from bot.limits import STAFF_SIGN_IN_PER_ADDRESS, STAFF_SIGN_IN_PER_EMAIL, allow
from bot.rules.email_address import canonical_email
from bot.rules.staff_roles import ACTIVE, Role, parse_role
from bot.staff.accounts import totp_step_matching
from bot.staff.audit import audit_staff
from bot.store.database import unit_of_work
from bot.store.staff_models import StaffSession, StaffUser

IDLE_MINUTES: Final = 30
MAX_HOURS: Final = 10


@dataclass(frozen=True)
class StaffMember:
    """The signed-in staff member of a request: who, which role, and the form token of the session."""

    id: int
    email: str
    role: Role
    csrf_token: str

    @property
    def actor(self) -> str:
        """How audit entries and status histories name this person."""
        return f"staff:{self.email}"


@dataclass(frozen=True)
class SignInResult:
    """``code``: signed_in (``cookie`` set) | refused | limited."""

    code: str
    cookie: str = ""


def _cookie_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(secret_key(), salt="permits-staff-session")


def _digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def sign_in(
    email: str,
    password: str,
    totp_code: str,
    remote_address: str,
    *,
    database_url: str | None = None,
    now: datetime | None = None,
) -> SignInResult:
    """Check all three factors and open a session. The answer never says which one was wrong."""
    address = canonical_email(email)[:254]
    moment = now or datetime.now(timezone.utc)
    with unit_of_work(database_url) as session:
        if not (
            allow(session, STAFF_SIGN_IN_PER_ADDRESS, remote_address, moment)
            and allow(session, STAFF_SIGN_IN_PER_EMAIL, address, moment)
        ):
            audit_staff(session, "anonymous", "staff_sign_in_limited", "staff:sign-in", _typed(address))
            return SignInResult("limited")
    with unit_of_work(database_url) as session:
        user = session.scalar(select(StaffUser).where(StaffUser.email == address))
        password_ok = _password_matches(user.password_hash if user else None, password)
        if user is None or not password_ok or user.status != ACTIVE or not user.totp_secret:
            audit_staff(session, "anonymous", "staff_sign_in_refused", "staff:sign-in", _typed(address))
            return SignInResult("refused")
        step = totp_step_matching(user.totp_secret, totp_code, user.last_totp_step, moment)
        if step is None:
            audit_staff(session, f"staff:{user.email}", "staff_sign_in_refused", f"staff:{user.id}", "code")
            return SignInResult("refused")
        user.last_totp_step = step
        session_id = secrets.token_urlsafe(32)
        session.add(
            StaffSession(
                token_hash=_digest(session_id),
                staff_user_id=user.id,
                csrf_token=secrets.token_urlsafe(32),
                created_at=moment,
                last_seen_at=moment,
                expires_at=moment + timedelta(hours=MAX_HOURS),
            )
        )
        audit_staff(session, f"staff:{user.email}", "staff_signed_in", f"staff:{user.id}")
        return SignInResult("signed_in", str(_cookie_serializer().dumps(session_id)))


@cache
def _dummy_hash() -> str:
    """Verified against when the address has no account: a wrong address takes as long as a wrong password."""
    return PasswordHasher().hash(secrets.token_urlsafe(16))


def _typed(address: str) -> str:
    """The address typed at a refused sign-in, as a keyed digest (it may be anyone's address)."""
    return f"email digest {keyed_digest(address)[:16]}"


def _password_matches(stored_hash: str | None, password: str) -> bool:
    try:
        return PasswordHasher().verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def _open_session(cookie: str) -> str | None:
    try:
        value = _cookie_serializer().loads(cookie)
    except BadSignature:
        return None
    return value if isinstance(value, str) else None


def staff_for_cookie(
    cookie: str, *, database_url: str | None = None, now: datetime | None = None
) -> StaffMember | None:
    """The staff member of a live session, its idle clock restarted; None for anything else."""
    session_id = _open_session(cookie) if cookie else None
    if session_id is None:
        return None
    moment = now or datetime.now(timezone.utc)
    with unit_of_work(database_url) as session:
        found = session.scalar(select(StaffSession).where(StaffSession.token_hash == _digest(session_id)))
        if found is None or found.ended_at is not None:
            return None
        user = found.staff_user
        idle_since = moment - timedelta(minutes=IDLE_MINUTES)
        role = parse_role(user.role)
        if (
            as_utc(found.expires_at) <= moment
            or as_utc(found.last_seen_at) <= idle_since
            or user.status != ACTIVE
            or role is None
        ):
            found.ended_at = moment
            return None
        found.last_seen_at = moment
        return StaffMember(user.id, user.email, role, found.csrf_token)


def sign_out(cookie: str, *, database_url: str | None = None) -> None:
    """End the session of this cookie (nothing happens for an unknown one)."""
    session_id = _open_session(cookie) if cookie else None
    if session_id is None:
        return
    with unit_of_work(database_url) as session:
        found = session.scalar(select(StaffSession).where(StaffSession.token_hash == _digest(session_id)))
        if found is not None and found.ended_at is None:
            found.ended_at = datetime.now(timezone.utc)
            audit_staff(
                session, f"staff:{found.staff_user.email}", "staff_signed_out", f"staff:{found.staff_user_id}"
            )
