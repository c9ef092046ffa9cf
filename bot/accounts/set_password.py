"""Setting a parent's password through an emailed link: the one procedure behind the activation
page and the password-reset page.

Each page says only what its link allows (`LinkState`, read in the same unit of work) and what
else changes when the password is set (activation: the account becomes active). Everything else
happens here, the same way for both: the password is checked with bot.rules.passwords, only its
argon2 hash is stored, every earlier link and sign-in code stops working, the link is recorded as
used, and a form submitted twice at the same moment gets the page's answer ("link used") instead
of an error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from argon2 import PasswordHasher
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.rules.passwords import password_problems
from bot.store.database import unit_of_work
from bot.store.models import Account, UsedLink


@dataclass(frozen=True)
class PasswordPageResult:
    """What a password page shows: `code` is the page's state (ready, problems, used, expired,
    invalid, the page's own "done" code...), in `language`, greeting `first_name`."""

    code: str
    language: str = "en"
    first_name: str = ""
    problems: list[str] = field(default_factory=list)


#: What else setting the password changes, in the same transaction, at the given moment.
OnSet = Callable[[Session, Account, datetime], None]


@dataclass(frozen=True)
class LinkState:
    """What a link allows now. `account` and `link_id` are set only when it can set a password
    (`page.code` is "ready"); `on_set` is the page's own change (activation: become active)."""

    page: PasswordPageResult
    account: Account | None = None
    link_id: str = ""
    on_set: OnSet | None = None


#: Reads a link's state inside the caller's unit of work.
LinkReader = Callable[[Session], LinkState]


def hash_password(password: str) -> str:
    """The argon2id hash stored for a parent's password (the password itself is never stored)."""
    return PasswordHasher().hash(password)


def set_password_through_link(
    read_link: LinkReader,
    password: str,
    confirmation: str,
    *,
    done: str,
    now: datetime,
    database_url: str | None = None,
) -> PasswordPageResult:
    """Set the password of the account `read_link` finds ready: code `done`, or "problems" with
    the rules it breaks (and "mismatch"), or the link's own state (used, expired, invalid...).

    The hash is computed before anything is written, so a second submission of the same form is
    never held behind this one's lock; if it wins, this one's record of the used link collides
    and the page is read again: "used".
    """
    try:
        with unit_of_work(database_url) as session:
            link = read_link(session)
            account = link.account
            if link.page.code != "ready" or account is None:
                return link.page
            problems = password_problems(password, account.email)
            if password != confirmation:
                problems.append("mismatch")
            if problems:
                return PasswordPageResult("problems", link.page.language, link.page.first_name, problems)
            password_hash = hash_password(password)
            if link.on_set is not None:
                link.on_set(session, account, now)
            account.password_hash = password_hash
            account.credentials_changed_at = now  # earlier links and sign-in codes stop working
            session.add(UsedLink(link_id=link.link_id, account_id=account.id))
            session.flush()
            return PasswordPageResult(done, link.page.language, link.page.first_name)
    except IntegrityError:  # the same form submitted twice at the same moment: no HTTP 500
        with unit_of_work(database_url) as session:
            return read_link(session).page
