"""The application database goes down at the moment a parent submits (#9): a clear message, nothing
half-written, and the retry after recovery gives exactly one application and one number."""

from __future__ import annotations

import re
import subprocess
import time

from argon2 import PasswordHasher
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from bot.store.application_models import Application
from bot.store.models import Account, AccountStatus
from tests.fault.conftest import PORTS, Production, Reply, Smtp

NUMBER = re.compile(r"\bLA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]\b")
CODE = re.compile(r"\b(\d{6})\b")


def admin_sql(prod: Production, statement: str) -> None:
    """Run SQL as PostgreSQL's superuser of the layout (over its private socket)."""
    socket_dir = str(prod.prod_dir / "pg-run")
    command = [
        "psql",
        "-X",
        "-q",
        "-h",
        socket_dir,
        "-p",
        str(PORTS["PG_PORT"]),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-c",
        statement,
    ]
    subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, timeout=60)


def applications(prod: Production, account_id: int) -> list[str]:
    engine = create_engine(prod.database_url)
    try:
        with Session(engine) as session:
            return list(
                session.scalars(
                    select(Application.confirmation_number).where(Application.account_id == account_id)
                )
            )
    finally:
        engine.dispose()


def active_account(prod: Production, email: str) -> int:
    engine = create_engine(prod.database_url)
    try:
        with Session(engine) as session, session.begin():
            account = Account(
                email=email,
                first_name="Ana",
                last_name="Lopez",
                language="en",
                status=AccountStatus.active,
                password_hash=PasswordHasher().hash("Maple7Harbor"),
            )
            session.add(account)
            session.flush()
            return account.id
    finally:
        engine.dispose()


def button(reply: Reply, words: str) -> str:
    return next(
        b["payload"]
        for m in reply.messages
        for b in m.get("buttons", [])
        if words.lower() in b["title"].lower()
    )


def code_for(smtp: Smtp, email: str) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        mails = smtp.mailbox.to(email)
        if mails:
            return CODE.search(mails[-1].get_content()).group(1)
        time.sleep(0.3)
    raise AssertionError("no sign-in code arrived")


def test_submitting_while_the_database_is_down_then_again_after_recovery(
    prod: Production, smtp: Smtp, sender: str
):
    email = f"{sender}@example.com"
    account_id = active_account(prod, email)
    prod.say(sender, "I want to apply for an incoming permit")
    prod.say(sender, email)
    assert "first name" in prod.say(sender, code_for(smtp, email)).text
    for answer in ("Sofia", "Lopez", "5th grade", "March 14, 2016", "Compton Unified"):
        prod.say(sender, answer)
    reasons = prod.say(sender, "Ninth Street Elementary")
    prod.say(sender, button(reasons, "employment"))
    prod.say(sender, "Kaiser Permanente")
    release = prod.say(sender, "4867 Sunset Blvd")
    summary = prod.say(sender, button(release, "no"))
    submit = button(summary, "submit")

    admin_sql(prod, "ALTER DATABASE permits ALLOW_CONNECTIONS false")
    admin_sql(prod, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'permits'")
    try:
        failed = prod.say(sender, submit)
    finally:
        admin_sql(prod, "ALTER DATABASE permits ALLOW_CONNECTIONS true")
    assert failed.status == 200
    assert "couldn't save your application" in failed.text and NUMBER.search(failed.text) is None
    assert applications(prod, account_id) == []  # nothing half-written

    done = prod.say(sender, button(failed, "submit"))  # the summary is shown again with its button
    number = NUMBER.search(done.text).group(0)
    again = prod.say(sender, submit)  # a second tap after success
    assert NUMBER.search(again.text) is None or NUMBER.search(again.text).group(0) == number
    assert applications(prod, account_id) == [number]
