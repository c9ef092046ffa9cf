"""Registering a parent account and activating it with a password set on the web page.

The chat never learns whether an email already had an account: both cases get the same answer,
and only the mailbox's owner is told (an activation link, or "an account already exists").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.accounts.links import ACTIVATION, LinkClaims, LinkProblem, link_for, make_token, read_token
from bot.accounts.owner import account_by_email
from bot.accounts.set_password import LinkState, PasswordPageResult, set_password_through_link
from bot.core.clock import utc_now
from bot.limits import ACCOUNT_EMAIL_PER_ADDRESS, REGISTRATION_PER_CONVERSATION, allow
from bot.mail.messages import compose
from bot.mail.outbox import queue_email
from bot.rules.email_address import canonical_email
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus, PendingRegistration, UsedLink


@dataclass(frozen=True)
class RegistrationRequest:
    """What the parent gave in the registration form (already validated by bot.rules)."""

    first_name: str
    middle_name: str | None
    last_name: str
    email: str
    language: str


@dataclass(frozen=True)
class RegistrationOutcome:
    """`code`: "registered" (the same answer whether the address was new, pending or active) or
    "limited" (too many registrations from this conversation: nothing stored or sent)."""

    code: str


def _queue(session: Session, account: Account, kind: str, language: str, **params: str) -> None:
    # Counted by the canonical address in the database: every process and every conversation
    # shares the count, so rotating sender ids cannot fill one mailbox.
    if not allow(session, ACCOUNT_EMAIL_PER_ADDRESS, canonical_email(account.email)):
        return
    content = compose(kind, language, first_name=account.first_name, **params)
    queue_email(session, account.email, content.subject, content.body)


def _queue_activation(session: Session, account: Account, registration: PendingRegistration | None) -> None:
    # The email greets nobody by name: the name was typed by whoever registered the address.
    token = make_token(account.id, ACTIVATION, registration.id if registration else None)
    language = registration.language if registration else account.language
    _queue(session, account, "activation", language, link=link_for(token, ACTIVATION))


def register(
    request: RegistrationRequest, conversation_key: str | None = None, database_url: str | None = None
) -> RegistrationOutcome:
    """Create a pending account and mail its activation link, or tell the owner it exists.

    `conversation_key` (a digest of the sender id) counts registrations per conversation in the
    database: "limited" means nothing was stored or sent. A pending account registered again
    keeps its details; the new ones are kept beside it and become the account's only if the
    mailbox's owner opens the link mailed for them.
    """
    email = canonical_email(request.email)
    try:
        with unit_of_work(database_url) as session:
            if conversation_key is not None and not allow(
                session, REGISTRATION_PER_CONVERSATION, conversation_key
            ):
                return RegistrationOutcome("limited")
            existing = account_by_email(session, email)
            if existing is None:
                account = Account(
                    email=email,
                    email_key=email,
                    first_name=request.first_name,
                    middle_name=request.middle_name,
                    last_name=request.last_name,
                    language=request.language,
                )
                session.add(account)
                session.flush()
                _queue_activation(session, account, _pending(session, account, request))
            elif existing.status == AccountStatus.pending_activation:
                _queue_activation(session, existing, _pending(session, existing, request))
            else:
                _queue(session, existing, "account_exists", request.language)
    except IntegrityError:  # the same email registered at the same moment elsewhere
        return register(request, None, database_url)
    return RegistrationOutcome("registered")


def _pending(session: Session, account: Account, request: RegistrationRequest) -> PendingRegistration:
    registration = PendingRegistration(
        account_id=account.id,
        first_name=request.first_name,
        middle_name=request.middle_name,
        last_name=request.last_name,
        language=request.language,
    )
    session.add(registration)
    session.flush()
    return registration


def resend_activation(email: str, database_url: str | None = None) -> None:
    """Mail a new activation link when `email` has a pending account; silent otherwise.

    The link carries no registration: opening it activates the account with the details it has.
    """
    with unit_of_work(database_url) as session:
        account = account_by_email(session, email)
        if account is not None and account.status == AccountStatus.pending_activation:
            _queue_activation(session, account, None)


def activation_page_state(token: str, database_url: str | None = None) -> PasswordPageResult:
    """Whether the link can still set a password (code 'ready'), and in which language to speak."""
    with unit_of_work(database_url) as session:
        return _activation_link(session, token).page


def activate(
    token: str, password: str, confirmation: str, database_url: str | None = None
) -> PasswordPageResult:
    """Set the first password of a pending account through its activation link: code activated |
    problems, or the page's other states (the same procedure as a reset, bot.accounts.set_password)."""
    return set_password_through_link(
        partial(_activation_link, token=token),
        password,
        confirmation,
        done="activated",
        now=utc_now(),
        database_url=database_url,
    )


def _activation_link(session: Session, token: str) -> LinkState:
    """What an activation link allows now; when ready, it activates the account on use."""
    try:
        claims = read_token(token, ACTIVATION)
    except LinkProblem as problem:
        return LinkState(_problem_result(session, problem))
    account = session.get(Account, claims.subject_id)
    if account is None or account.status == AccountStatus.duplicate:
        return LinkState(PasswordPageResult("invalid"))
    used = session.scalar(select(UsedLink).where(UsedLink.link_id == claims.link_id))
    if used or account.status == AccountStatus.active:
        return LinkState(PasswordPageResult("used", account.language, account.first_name))
    # The page speaks to the person who typed these details: the ones this link would apply.
    registration = _registration(session, account, claims)
    speaker = registration if registration is not None else account
    return LinkState(
        PasswordPageResult("ready", speaker.language, speaker.first_name),
        account,
        claims.link_id,
        partial(_become_active, claims=claims),
    )


def _become_active(session: Session, account: Account, now: datetime, *, claims: LinkClaims) -> None:
    """What activation changes besides the password: the registration's details, the status."""
    take_registration(session, account, claims)
    account.status = AccountStatus.active
    account.activated_at = now


def resend_for_link(token: str, database_url: str | None = None) -> PasswordPageResult:
    """From an expired link's page: mail a fresh activation link to the account's owner."""
    claims: LinkClaims | None
    try:
        claims = read_token(token, ACTIVATION)
    except LinkProblem as problem:
        claims = problem.claims
    if claims is None:
        return PasswordPageResult("invalid")
    with unit_of_work(database_url) as session:
        account = session.get(Account, claims.subject_id)
        if account is None:
            return PasswordPageResult("invalid")
        if account.status == AccountStatus.pending_activation:
            _queue_activation(session, account, _registration(session, account, claims))
        return PasswordPageResult("resent", account.language, account.first_name)


def _registration(session: Session, account: Account, claims: LinkClaims) -> PendingRegistration | None:
    """The pending registration an activation link was mailed for, if it is still waiting."""
    if claims.registration_id is None:
        return None
    registration = session.get(PendingRegistration, claims.registration_id)
    return registration if registration is not None and registration.account_id == account.id else None


def take_registration(session: Session, account: Account, claims: LinkClaims) -> None:
    """On activation: the account takes the details of the registration whose link was opened
    (the mailbox's owner typed them, or accepted them by opening it); every pending registration
    of the account is then deleted, so none can rename it later."""
    registration = _registration(session, account, claims)
    if registration is not None:
        account.first_name = registration.first_name
        account.middle_name = registration.middle_name
        account.last_name = registration.last_name
        account.language = registration.language
    session.execute(delete(PendingRegistration).where(PendingRegistration.account_id == account.id))


def _problem_result(session: Session, problem: LinkProblem) -> PasswordPageResult:
    if problem.claims is None:
        return PasswordPageResult("invalid")
    account = session.get(Account, problem.claims.subject_id)
    if account is None:
        return PasswordPageResult("invalid")
    return PasswordPageResult(problem.code, account.language, account.first_name)
