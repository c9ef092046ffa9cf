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

from bot.accounts.owner import account_by_email, mail_owner
from bot.accounts.registration import resend_activation
from bot.core.clock import as_utc, utc_now
from bot.core.secrets import keyed_digest
from bot.limits import (
    LIMITS,
    SIGN_IN_CODE_ATTEMPTS,
    SIGN_IN_CODE_PER_CONVERSATION,
    SIGN_IN_CODE_PER_EMAIL,
    SIGN_IN_GUESSES_PER_ADDRESS,
    allow,
    limit_reached,
    record,
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

    `code`: "ok" (account_id, first_name, language set; the code is spent), "wrong" (not this
    code: the same answer for an active, an unknown and a pending address, with no count of
    tries left), "locked" (too many wrong tries on this code, or on this address from any
    conversation), "expired", "revoked" (the right code, but the password changed after it was
    sent), "no_code" (nothing pending for this conversation), "not_a_code" (no six digits in
    the text; not counted as a try).
    """

    code: str
    account_id: int | None = None
    first_name: str = ""
    language: str = ""


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
    address = canonical_email(email)
    pending_email: str | None = None
    with unit_of_work(database_url) as session:
        if not (
            allow(session, SIGN_IN_CODE_PER_CONVERSATION, conversation_key, now)
            and allow(session, SIGN_IN_CODE_PER_EMAIL, address, now)
        ):
            return SignInRequest("limited")
        account = account_by_email(session, address)
        active = account is not None and account.status == AccountStatus.active
        if account is not None and account.status == AccountStatus.pending_activation:
            pending_email = account.email
        # Every address gets a code row; only an active account's owner is mailed its code. The
        # stand-in rows make a wrong code read the same whatever the address (see verify).
        code = _issue_code(
            session, account.id if active and account else None, address, conversation_key, now
        )
        if active and account is not None:
            minutes = int(CODE_LIFETIME.total_seconds() // 60)
            mail_owner(session, account, "sign_in_code", language, code=code, minutes=minutes)
    if pending_email is not None:
        resend_activation(pending_email, database_url)
        return SignInRequest("pending")
    return SignInRequest("sent")


def _issue_code(
    session: Session, account_id: int | None, address: str, conversation_key: str, now: datetime
) -> str:
    conversation = keyed_digest(conversation_key)
    # Only the newest code of a conversation can be typed: earlier ones end here.
    session.execute(
        update(SignInCode)
        .where(SignInCode.conversation_key == conversation, SignInCode.used_at.is_(None))
        .values(used_at=now)
    )
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    session.add(
        SignInCode(
            account_id=account_id,
            conversation_key=conversation,
            address_key=keyed_digest(address),
            code_hash=keyed_digest(code),
            created_at=now,
            expires_at=now + CODE_LIFETIME,
        )
    )
    return code


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
        address = row.address_key or f"account:{row.account_id}"
        if limit_reached(session, SIGN_IN_GUESSES_PER_ADDRESS, address, now):
            return SignInResult("locked")  # guessed too often from any conversation: wait
        account = session.get(Account, row.account_id) if row.account_id is not None else None
        right = hmac.compare_digest(row.code_hash, keyed_digest(digits))
        if account is None or not right:
            return _count_wrong_try(session, row.id, address, now)
        changed = account.credentials_changed_at
        if account.status != AccountStatus.active or (
            changed is not None and as_utc(changed) > as_utc(row.created_at)
        ):
            return SignInResult("revoked")
        # Single use even when two processes check the same code at once: one update wins.
        claimed = session.execute(
            update(SignInCode)
            .where(SignInCode.id == row.id, SignInCode.used_at.is_(None))
            .values(used_at=now)
        )
        if claimed.rowcount != 1:
            return SignInResult("no_code")
        return SignInResult("ok", account.id, account.first_name, account.language)


def _count_wrong_try(session: Session, code_id: int, address: str, now: datetime) -> SignInResult:
    record(session, SIGN_IN_GUESSES_PER_ADDRESS, address, now)
    session.execute(
        update(SignInCode)
        .where(SignInCode.id == code_id, SignInCode.attempts < MAX_ATTEMPTS)
        .values(attempts=SignInCode.attempts + 1)
    )
    attempts = int(session.scalar(select(SignInCode.attempts).where(SignInCode.id == code_id)) or 0)
    return SignInResult("wrong") if attempts < MAX_ATTEMPTS else SignInResult("locked")
