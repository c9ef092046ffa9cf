"""One-time sign-in codes: link a conversation to a parent account without a password in the chat.

The code is mailed to the account's owner, so whoever types it back has read that mailbox. The
chat's answer to a request never says whether the address has an account.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.accounts.clock import as_utc, utc_now
from bot.accounts.owner import account_by_email, mail_owner
from bot.accounts.registration import resend_activation
from bot.core.secrets import keyed_digest
from bot.limits import (
    LIMITS,
    SIGN_IN_CODE_ATTEMPTS,
    SIGN_IN_CODE_PER_CONVERSATION,
    SIGN_IN_CODE_PER_EMAIL,
    allow,
)
from bot.rules.email_address import canonical_email
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus
from bot.store.service_models import SignInCode

CODE_LIFETIME: Final = timedelta(minutes=10)
CODE_DIGITS: Final = 6
MAX_ATTEMPTS: Final = LIMITS[SIGN_IN_CODE_ATTEMPTS].limit
# Six digits, optionally grouped by one space, dash or dot ("123 456", "12-34-56").
_GROUPED_CODE = re.compile(r"(?<![0-9])[0-9](?:[ .\-]?[0-9]){5}(?![0-9])")


@dataclass(frozen=True)
class SignInRequest:
    """What happened to a code request.

    `code`: "sent" (an active account got a code, OR the address has no account: never tell
    them apart), "pending" (the account waits for activation: a new activation email was sent
    instead; internal only, word it like "sent"), "limited" (too many requests: nothing sent).
    """

    code: str


@dataclass(frozen=True)
class SignInResult:
    """What the typed code did.

    `code`: "ok" (account_id, first_name, language set; the code is spent), "wrong"
    (`remaining_attempts` left), "locked" (too many wrong tries), "expired", "revoked" (the
    password changed after the code was sent), "no_code" (nothing pending for this
    conversation), "not_a_code" (no six digits in the text; not counted as a try).
    """

    code: str
    account_id: int | None = None
    first_name: str = ""
    language: str = ""
    remaining_attempts: int = 0


def typed_code(text: str) -> str | None:
    """The six digits in what the parent typed ("my code is 123 456" → "123456"), or None."""
    grouped = _GROUPED_CODE.findall(text)
    if len(grouped) == 1:
        return re.sub(r"[^0-9]", "", grouped[0])
    digits = re.sub(r"[^0-9]", "", text)
    return digits if len(digits) == CODE_DIGITS else None


def request_sign_in_code(
    email: str,
    conversation_key: str,
    language: str,
    *,
    now: datetime | None = None,
    database_url: str | None = None,
) -> SignInRequest:
    """Mail a one-time code to the owner of `email` for this conversation (see SignInRequest).

    `conversation_key` is the conversation's sender id (stored only as an HMAC); the email is
    written in `language`, the conversation's language. Limits are counted before the account
    is looked up, so "limited" says nothing about the address either.
    """
    now = now or utc_now()
    pending_email: str | None = None
    with unit_of_work(database_url) as session:
        if not (
            allow(session, SIGN_IN_CODE_PER_CONVERSATION, conversation_key, now)
            and allow(session, SIGN_IN_CODE_PER_EMAIL, canonical_email(email), now)
        ):
            return SignInRequest("limited")
        account = account_by_email(session, email)
        if account is None:
            return SignInRequest("sent")
        if account.status == AccountStatus.pending_activation:
            pending_email = account.email
        else:
            _issue_code(session, account, keyed_digest(conversation_key), language, now)
    if pending_email is not None:
        resend_activation(pending_email, database_url)
        return SignInRequest("pending")
    return SignInRequest("sent")


def _issue_code(session: Session, account: Account, conversation: str, language: str, now: datetime) -> None:
    # Only the newest code of a conversation can be typed: earlier ones end here.
    session.execute(
        update(SignInCode)
        .where(SignInCode.conversation_key == conversation, SignInCode.used_at.is_(None))
        .values(used_at=now)
    )
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    session.add(
        SignInCode(
            account_id=account.id,
            conversation_key=conversation,
            code_hash=keyed_digest(code),
            created_at=now,
            expires_at=now + CODE_LIFETIME,
        )
    )
    minutes = int(CODE_LIFETIME.total_seconds() // 60)
    mail_owner(session, account, "sign_in_code", language, code=code, minutes=minutes)


def verify_sign_in_code(
    conversation_key: str,
    typed: str,
    *,
    now: datetime | None = None,
    database_url: str | None = None,
) -> SignInResult:
    """Check the code typed in this conversation against its newest pending code (see SignInResult)."""
    now = now or utc_now()
    digits = typed_code(typed)
    if digits is None:
        return SignInResult("not_a_code")
    with unit_of_work(database_url) as session:
        row = session.scalar(
            select(SignInCode)
            .where(SignInCode.conversation_key == keyed_digest(conversation_key), SignInCode.used_at.is_(None))
            .order_by(SignInCode.id.desc())
            .limit(1)
        )
        if row is None:
            return SignInResult("no_code")
        if row.attempts >= MAX_ATTEMPTS:
            return SignInResult("locked")
        if now >= as_utc(row.expires_at):
            return SignInResult("expired")
        account = session.get(Account, row.account_id)
        if account is None or account.status != AccountStatus.active:
            return SignInResult("revoked")
        changed = account.credentials_changed_at
        if changed is not None and as_utc(changed) > as_utc(row.created_at):
            return SignInResult("revoked")
        if not hmac.compare_digest(row.code_hash, keyed_digest(digits)):
            return _count_wrong_try(session, row.id)
        # Single use even when two processes check the same code at once: one update wins.
        claimed = session.execute(
            update(SignInCode)
            .where(SignInCode.id == row.id, SignInCode.used_at.is_(None))
            .values(used_at=now)
        )
        if claimed.rowcount != 1:
            return SignInResult("no_code")
        return SignInResult("ok", account.id, account.first_name, account.language)


def _count_wrong_try(session: Session, code_id: int) -> SignInResult:
    session.execute(
        update(SignInCode)
        .where(SignInCode.id == code_id, SignInCode.attempts < MAX_ATTEMPTS)
        .values(attempts=SignInCode.attempts + 1)
    )
    attempts = int(session.scalar(select(SignInCode.attempts).where(SignInCode.id == code_id)) or 0)
    remaining = max(MAX_ATTEMPTS - attempts, 0)
    return SignInResult("wrong", remaining_attempts=remaining) if remaining else SignInResult("locked")
