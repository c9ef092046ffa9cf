"""Registering a parent account and activating it with a password set on the web page.

The chat never learns whether an email already had an account: both cases get the same answer,
and only the mailbox's owner is told (an activation link, or "an account already exists").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.accounts.links import ACTIVATION, LinkClaims, LinkProblem, link_for, make_token, read_token
from bot.mail.messages import compose
from bot.mail.outbox import queue_email
from bot.rules.passwords import password_problems
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus, OutboxMessage, UsedLink

#: At most this many emails to one address per hour, whoever asks (no mail bombing).
MAX_EMAILS_PER_ADDRESS_PER_HOUR = 3


@dataclass(frozen=True)
class RegistrationRequest:
    """What the parent gave in the registration form (already validated by bot.rules)."""

    first_name: str
    middle_name: str | None
    last_name: str
    email: str
    language: str


@dataclass(frozen=True)
class ActivationResult:
    """What the activation page shows: `code` is activated|problems|expired|invalid|used."""

    code: str
    language: str = "en"
    first_name: str = ""
    problems: list[str] = field(default_factory=list)


def _recently_mailed(session: Session, email: str) -> int:
    since = datetime.now(timezone.utc) - timedelta(hours=1)
    count = session.scalar(
        select(func.count(OutboxMessage.id)).where(
            OutboxMessage.recipient == email, OutboxMessage.created_at >= since
        )
    )
    return int(count or 0)


def _queue(session: Session, account: Account, kind: str, language: str, **params: str) -> None:
    if _recently_mailed(session, account.email) >= MAX_EMAILS_PER_ADDRESS_PER_HOUR:
        return
    content = compose(kind, language, first_name=account.first_name, **params)
    queue_email(session, account.email, content.subject, content.body)


def _queue_activation(session: Session, account: Account) -> None:
    link = link_for(make_token(account.id, ACTIVATION), ACTIVATION)
    _queue(session, account, "activation", account.language, link=link)


def register(request: RegistrationRequest, database_url: str | None = None) -> None:
    """Create a pending account and mail its activation link, or tell the owner it exists."""
    try:
        with unit_of_work(database_url) as session:
            existing = session.scalar(select(Account).where(Account.email == request.email))
            if existing is None:
                account = Account(
                    email=request.email,
                    first_name=request.first_name,
                    middle_name=request.middle_name,
                    last_name=request.last_name,
                    language=request.language,
                )
                session.add(account)
                session.flush()
                _queue_activation(session, account)
            elif existing.status == AccountStatus.pending_activation:
                _queue_activation(session, existing)
            else:
                _queue(session, existing, "account_exists", request.language)
    except IntegrityError:  # the same email registered at the same moment elsewhere
        register(request, database_url)


def resend_activation(email: str, database_url: str | None = None) -> None:
    """Mail a new activation link when `email` has a pending account; silent otherwise."""
    with unit_of_work(database_url) as session:
        account = session.scalar(select(Account).where(Account.email == email))
        if account is not None and account.status == AccountStatus.pending_activation:
            _queue_activation(session, account)


def activation_page_state(token: str, database_url: str | None = None) -> ActivationResult:
    """Whether the link can still set a password (code 'ready'), and in which language to speak."""
    try:
        claims = read_token(token, ACTIVATION)
    except LinkProblem as problem:
        return _problem_result(problem, database_url)
    with unit_of_work(database_url) as session:
        account = session.get(Account, claims.account_id)
        if account is None:
            return ActivationResult("invalid")
        used = session.scalar(select(UsedLink).where(UsedLink.link_id == claims.link_id))
        code = "used" if used or account.status == AccountStatus.active else "ready"
        return ActivationResult(code, account.language, account.first_name)


def activate(
    token: str, password: str, confirmation: str, database_url: str | None = None
) -> ActivationResult:
    """Set the first password of a pending account through its activation link."""
    state = activation_page_state(token, database_url)
    if state.code != "ready":
        return state
    claims = read_token(token, ACTIVATION)
    with unit_of_work(database_url) as session:
        account = session.get(Account, claims.account_id)
        assert account is not None
        problems = password_problems(password, account.email)
        if password != confirmation:
            problems.append("mismatch")
        if problems:
            return ActivationResult("problems", account.language, account.first_name, problems)
        account.password_hash = PasswordHasher().hash(password)
        account.status = AccountStatus.active
        account.activated_at = datetime.now(timezone.utc)
        account.credentials_changed_at = account.activated_at  # earlier links and codes stop working
        session.add(UsedLink(link_id=claims.link_id, account_id=account.id))
        return ActivationResult("activated", account.language, account.first_name)


def resend_for_link(token: str, database_url: str | None = None) -> ActivationResult:
    """From an expired link's page: mail a fresh activation link to the account's owner."""
    claims: LinkClaims | None
    try:
        claims = read_token(token, ACTIVATION)
    except LinkProblem as problem:
        claims = problem.claims
    if claims is None:
        return ActivationResult("invalid")
    with unit_of_work(database_url) as session:
        account = session.get(Account, claims.account_id)
        if account is None:
            return ActivationResult("invalid")
        if account.status == AccountStatus.pending_activation:
            _queue_activation(session, account)
        return ActivationResult("resent", account.language, account.first_name)


def _problem_result(problem: LinkProblem, database_url: str | None) -> ActivationResult:
    if problem.claims is None:
        return ActivationResult("invalid")
    with unit_of_work(database_url) as session:
        account = session.get(Account, problem.claims.account_id)
        if account is None:
            return ActivationResult("invalid")
        return ActivationResult(problem.code, account.language, account.first_name)
