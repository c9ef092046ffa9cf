"""Staff accounts: an admin adds one, the person opens a one-time setup link and chooses a password
(bot.rules.passwords) and enrols an authenticator app (TOTP, pyotp).

The setup link is signed (itsdangerous) and lives SETUP_MAX_AGE_SECONDS; it works only while the
account is still `invited` and only if it is the newest link issued (a new link ends older ones).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Final

import pyotp
import segno
from argon2 import PasswordHasher
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.clock import as_utc
from bot.core.secrets import secret_key
from bot.core.settings import public_base_url
from bot.rules.email_address import canonical_email
from bot.rules.passwords import password_problems, passwords_match
from bot.rules.staff_roles import ACTIVE, DISABLED, INVITED, parse_role
from bot.staff.audit import audit_staff
from bot.store.database import unit_of_work
from bot.store.staff_models import StaffSession, StaffUser

SETUP_MAX_AGE_SECONDS: Final = 48 * 3600
#: The name authenticator apps show beside the code.
TOTP_ISSUER: Final = "LAUSD Permits staff"
SETUP_PATH: Final = "/staff/setup/"


class StaffAccountProblem(ValueError):
    """An account cannot be added or changed: ``code`` says why (bad_role, bad_email, exists)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key(), salt="permits-staff-setup")


def setup_link(staff_user_id: int, issued_at: datetime) -> str:
    """The full URL of a setup link for this account, issued at ``issued_at``."""
    token = _serializer().dumps({"s": staff_user_id, "i": int(issued_at.timestamp())})
    return f"{public_base_url()}{SETUP_PATH}{token}"


def add_staff_user(
    email: str, role: str, *, actor: str = "cli", database_url: str | None = None, now: datetime | None = None
) -> str:
    """Add (or re-invite) a staff account and return its one-time setup link.

    A new address is created as `invited`. An existing account is set back to `invited` with the new
    role: its password, second factor and sessions stop working until the new link is used.
    Raises StaffAccountProblem(bad_role | bad_email).
    """
    parsed = parse_role(role)
    if parsed is None:
        raise StaffAccountProblem("bad_role")
    address = canonical_email(email)
    if "@" not in address or len(address) > 254 or any(char.isspace() for char in address):
        raise StaffAccountProblem("bad_email")
    moment = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    with unit_of_work(database_url) as session:
        user = session.scalar(select(StaffUser).where(StaffUser.email == address))
        if user is None:
            user = StaffUser(email=address, role=parsed.value)
            session.add(user)
        user.role = parsed.value
        user.status = INVITED
        user.password_hash = None
        user.totp_secret = None
        user.last_totp_step = None
        user.credentials_changed_at = moment
        for open_session in user.sessions:
            open_session.ended_at = open_session.ended_at or moment
        session.flush()
        audit_staff(session, actor, "staff_invited", f"staff:{user.id}", f"{address} as {parsed.value}")
        return setup_link(user.id, moment)


def disable_staff_user(email: str, *, actor: str = "cli", database_url: str | None = None) -> bool:
    """Disable an account and end its sessions; False when no account has this address."""
    moment = datetime.now(timezone.utc)
    with unit_of_work(database_url) as session:
        user = session.scalar(select(StaffUser).where(StaffUser.email == canonical_email(email)))
        if user is None:
            return False
        user.status = DISABLED
        user.credentials_changed_at = moment
        for open_session in session.scalars(
            select(StaffSession).where(StaffSession.staff_user_id == user.id)
        ):
            open_session.ended_at = open_session.ended_at or moment
        audit_staff(session, actor, "staff_disabled", f"staff:{user.id}", user.email)
        return True


@dataclass(frozen=True)
class SetupState:
    """What the setup page shows: ``code`` ready | problems | done | expired | invalid.

    When ready, ``secret`` is the TOTP secret to enrol (kept in the database from the first view so
    the QR code stays the same on a reload) and ``qr_svg`` its QR code as inline SVG.
    """

    code: str
    email: str = ""
    secret: str = ""
    qr_svg: str = ""
    problems: list[str] = field(default_factory=list)


def _invited_user(session: Session, token: str) -> StaffUser | str:
    """The account a setup token is for, or a problem code (expired | invalid)."""
    try:
        data = _serializer().loads(token, max_age=SETUP_MAX_AGE_SECONDS)
    except SignatureExpired:
        return "expired"
    except BadSignature:
        return "invalid"
    if not (isinstance(data, dict) and isinstance(data.get("s"), int) and isinstance(data.get("i"), int)):
        return "invalid"
    user = session.get(StaffUser, data["s"])
    if user is None or user.status != INVITED or user.credentials_changed_at is None:
        return "invalid"
    if int(as_utc(user.credentials_changed_at).timestamp()) != data["i"]:
        return "invalid"  # an older link: a newer one was issued
    return user


def provisioning_qr_svg(secret: str, email: str) -> str:
    """The otpauth:// URI of ``secret`` as an inline SVG QR code (segno), labelled for screen readers."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=TOTP_ISSUER)
    svg = segno.make(uri, error="m").svg_inline(scale=4, title="QR code of the authenticator secret")
    return str(svg)


def setup_page_state(token: str, *, database_url: str | None = None) -> SetupState:
    """The setup page for ``token``: a TOTP secret to enrol, or why the link does not work."""
    with unit_of_work(database_url) as session:
        user = _invited_user(session, token)
        if isinstance(user, str):
            return SetupState(user)
        if not user.totp_secret:
            user.totp_secret = pyotp.random_base32()
        return SetupState(
            "ready", user.email, user.totp_secret, provisioning_qr_svg(user.totp_secret, user.email)
        )


def complete_setup(
    token: str, password: str, confirmation: str, totp_code: str, *, database_url: str | None = None
) -> SetupState:
    """Set the password and confirm the authenticator in one step; the link then stops working.

    Problems are password rule codes (bot.rules.passwords), ``mismatch`` and ``totp``.
    """
    with unit_of_work(database_url) as session:
        user = _invited_user(session, token)
        if isinstance(user, str):
            return SetupState(user)
        if not user.totp_secret:
            user.totp_secret = pyotp.random_base32()
        problems = password_problems(password, user.email)
        if not passwords_match(password, confirmation):
            problems.append("mismatch")
        step = totp_step_matching(user.totp_secret, totp_code, None)
        if step is None:
            problems.append("totp")
        if problems:
            qr = provisioning_qr_svg(user.totp_secret, user.email)
            return SetupState("problems", user.email, user.totp_secret, qr, problems)
        moment = datetime.now(timezone.utc)
        user.password_hash = PasswordHasher().hash(password)
        user.last_totp_step = step
        user.status = ACTIVE
        user.activated_at = moment
        user.credentials_changed_at = moment
        audit_staff(session, f"staff:{user.email}", "staff_setup_done", f"staff:{user.id}")
        return SetupState("done", user.email)


def totp_step_matching(
    secret: str, code: str, last_step: int | None, now: datetime | None = None
) -> int | None:
    """The 30-second step whose code is ``code`` (this step or one either side), or None.

    A step at or before ``last_step`` is refused: a code works once.
    """
    digits = "".join(code.split())
    if len(digits) != 6 or not digits.isdecimal():
        return None
    totp = pyotp.TOTP(secret)
    moment = now or datetime.now(timezone.utc)
    current = totp.timecode(moment)
    for step in (current - 1, current, current + 1):
        if last_step is not None and step <= last_step:
            continue
        if pyotp.utils.strings_equal(totp.generate_otp(step), digits):
            return step
    return None


@dataclass(frozen=True)
class StaffAccountLine:
    """One staff account as the admin page lists it (never its secrets)."""

    id: int
    email: str
    role: str
    status: str
    activated_at: datetime | None
    open_sessions: int


def staff_accounts(*, database_url: str | None = None) -> list[StaffAccountLine]:
    """Every staff account, by email, with how many sessions are open now."""
    now = datetime.now(timezone.utc)
    with unit_of_work(database_url) as session:
        lines = []
        for user in session.scalars(select(StaffUser).order_by(StaffUser.email)):
            live = [s for s in user.sessions if s.ended_at is None and as_utc(s.expires_at) > now]
            lines.append(
                StaffAccountLine(user.id, user.email, user.role, user.status, user.activated_at, len(live))
            )
        return lines
