"""Password reset: a single-use link mailed to the owner opens the same password page as activation.

Asking gives the same answer whether or not the address has an account. Setting a new password
stamps `credentials_changed_at`, which ends every earlier reset link and sign-in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.accounts.links import LinkProblem
from bot.accounts.owner import account_by_email, mail_owner
from bot.accounts.registration import resend_activation
from bot.accounts.reset_links import (
    RESET_LIFETIME,
    ResetClaims,
    claims_even_if_expired,
    make_reset_link,
    read_reset_token,
)
from bot.accounts.set_password import LinkState, PasswordPageResult, set_password_through_link
from bot.core.clock import as_utc, utc_now
from bot.core.text import LOCALES
from bot.limits import PASSWORD_RESET_PER_CONVERSATION, PASSWORD_RESET_PER_EMAIL, allow
from bot.rules.email_address import canonical_email
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus, UsedLink


@dataclass(frozen=True)
class ResetRequest:
    """What happened to a reset request: "sent" (an active account got a link, OR the address has
    no account: never tell them apart), "pending" (the account waits for activation: a new
    activation email went instead; internal only, word it like "sent"), "limited" (nothing sent)."""

    code: str


def request_password_reset(
    email: str,
    conversation_key: str,
    language: str,
    *,
    now: datetime | None = None,
    database_url: str | None = None,
) -> ResetRequest:
    """Mail a reset link to the owner of `email`, in `language` (see ResetRequest).

    Limits are counted before the account is looked up, so "limited" reveals nothing either.
    """
    now = now or utc_now()
    with unit_of_work(database_url) as session:
        if not (
            allow(session, PASSWORD_RESET_PER_CONVERSATION, conversation_key, now)
            and allow(session, PASSWORD_RESET_PER_EMAIL, canonical_email(email), now)
        ):
            return ResetRequest("limited")
        account = account_by_email(session, email)
        if account is None:
            return ResetRequest("sent")
        pending_email = account.email if account.status == AccountStatus.pending_activation else None
        if pending_email is None:
            _mail_reset_link(session, account, language, now)
    if pending_email is not None:
        resend_activation(pending_email, database_url)
        return ResetRequest("pending")
    return ResetRequest("sent")


def _mail_reset_link(session: Session, account: Account, language: str, now: datetime) -> None:
    link = make_reset_link(account.id, language, now)
    minutes = int(RESET_LIFETIME.total_seconds() // 60)
    mail_owner(session, account, "password_reset", language, link=link, minutes=minutes)


def reset_page_state(
    token: str, *, now: datetime | None = None, database_url: str | None = None
) -> PasswordPageResult:
    """Whether the link can still set a password: code ready | expired | used | superseded | invalid."""
    now = now or utc_now()
    with unit_of_work(database_url) as session:
        return _reset_link(session, token, now).page


def reset_password(
    token: str,
    password: str,
    confirmation: str,
    *,
    now: datetime | None = None,
    database_url: str | None = None,
) -> PasswordPageResult:
    """Set a new password through a reset link: code done | problems, or the page's other states
    (the same procedure as activation, bot.accounts.set_password)."""
    now = now or utc_now()
    return set_password_through_link(
        partial(_reset_link, token=token, now=now),
        password,
        confirmation,
        done="done",
        now=now,
        database_url=database_url,
    )


def resend_reset_for_link(
    token: str, *, now: datetime | None = None, database_url: str | None = None
) -> PasswordPageResult:
    """From an expired link's page: mail a fresh reset link to the owner. Code resent | limited | invalid."""
    now = now or utc_now()
    claims = claims_even_if_expired(token)
    if claims is None:
        return PasswordPageResult("invalid")
    with unit_of_work(database_url) as session:
        account = session.get(Account, claims.account_id)
        if account is None or account.status != AccountStatus.active:
            return PasswordPageResult("invalid")
        language = _page_language(claims, account)
        if not allow(session, PASSWORD_RESET_PER_EMAIL, canonical_email(account.email), now):
            return PasswordPageResult("limited", language, account.first_name)
        _mail_reset_link(session, account, language, now)
        return PasswordPageResult("resent", language, account.first_name)


def _reset_link(session: Session, token: str, now: datetime) -> LinkState:
    """What a reset link allows at `now`."""
    try:
        claims = read_reset_token(token, now)
    except LinkProblem as problem:
        expired = claims_even_if_expired(token) if problem.code == "expired" else None
        account = session.get(Account, expired.account_id) if expired else None
        if expired is None or account is None:
            return LinkState(PasswordPageResult("invalid"))
        return LinkState(PasswordPageResult("expired", _page_language(expired, account), account.first_name))
    account = session.get(Account, claims.account_id)
    if account is None or account.status != AccountStatus.active:
        return LinkState(PasswordPageResult("invalid"))
    language, name = _page_language(claims, account), account.first_name
    if session.scalar(select(UsedLink.id).where(UsedLink.link_id == claims.link_id)) is not None:
        return LinkState(PasswordPageResult("used", language, name))
    changed = account.credentials_changed_at
    if changed is not None and as_utc(changed) >= claims.issued_at:
        return LinkState(PasswordPageResult("superseded", language, name))
    return LinkState(PasswordPageResult("ready", language, name), account, claims.link_id)


def _page_language(claims: ResetClaims, account: Account) -> str:
    """The language of the email that carried the link, else the account's."""
    return claims.language if claims.language in LOCALES else account.language
