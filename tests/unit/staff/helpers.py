"""Staff accounts for the console tests, made through the same services an administrator uses."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pyotp

from bot.staff.accounts import add_staff_user, complete_setup, setup_page_state

PASSWORD = "Consola42Permisos"


def token_of(link: str) -> str:
    """The token at the end of a setup link."""
    return link.rsplit("/", 1)[1]


def code_at(secret: str, moment: datetime) -> str:
    """The authenticator's code at ``moment``."""
    return pyotp.TOTP(secret).at(moment)


def make_staff(database: str, email: str, role: str) -> str:
    """An active staff account (invited, then set up with PASSWORD); returns its TOTP secret.

    Setup uses the code of the current 30-second step, so the first sign-in must use a later one
    (``next_code``)."""
    token = token_of(add_staff_user(email, role, database_url=database))
    secret = setup_page_state(token, database_url=database).secret
    now = datetime.now(timezone.utc)
    done = complete_setup(token, PASSWORD, PASSWORD, code_at(secret, now), database_url=database)
    assert done.code == "done", done.problems
    return secret


def next_code(secret: str, steps: int = 1) -> str:
    """The code of a later step (accepted: the server allows one step of clock drift)."""
    return code_at(secret, datetime.now(timezone.utc) + timedelta(seconds=30 * steps))
