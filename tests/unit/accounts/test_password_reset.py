"""Password reset: same answer for every address, one-hour single-use links, old links and codes die."""

from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from sqlalchemy import select

from bot.accounts.password_reset import (
    request_password_reset,
    resend_reset_for_link,
    reset_page_state,
    reset_password,
)
from bot.accounts.registration import RegistrationRequest, register
from bot.accounts.sign_in import request_sign_in_code, verify_sign_in_code
from bot.store.database import unit_of_work
from bot.store.models import Account
from tests.unit.accounts.helpers import active_account, mailed_code, outbox, reset_token

CHAT = "sender-1"


def requested_token(database: str, now: datetime | None = None, language: str = "en") -> str:
    assert request_password_reset("ana@example.com", CHAT, language, now=now).code == "sent"
    return reset_token(outbox(database)[-1])


def stored_hash(database: str) -> str:
    with unit_of_work(database) as session:
        return str(session.scalar(select(Account.password_hash)))


def test_the_link_sets_a_new_password_that_obeys_the_rules(database):
    active_account(database)
    token = requested_token(database)
    message = outbox(database)[0]
    assert message.subject == "Reset the password of your LAUSD parent account"
    assert "within 60 minutes" in message.body
    assert reset_page_state(token).code == "ready"
    weak = reset_password(token, "password1", "password1")
    assert weak.code == "problems" and "common" in weak.problems
    assert reset_password(token, "Nueva42Clave", "Nueva42Clav").problems == ["mismatch"]
    assert reset_password(token, "Nueva42Clave", "Nueva42Clave").code == "done"
    assert PasswordHasher().verify(stored_hash(database), "Nueva42Clave")
    with unit_of_work(database) as session:
        assert session.scalar(select(Account.credentials_changed_at)) is not None


def test_a_link_cannot_be_used_twice(database):
    active_account(database)
    token = requested_token(database)
    assert reset_password(token, "Nueva42Clave", "Nueva42Clave").code == "done"
    again = reset_password(token, "Otra77Clave", "Otra77Clave")
    assert again.code == "used"
    assert PasswordHasher().verify(stored_hash(database), "Nueva42Clave")


def test_an_older_link_dies_when_a_newer_one_is_used(database):
    active_account(database)
    now = datetime.now(timezone.utc)
    older = requested_token(database, now)
    newer = requested_token(database, now + timedelta(minutes=2))
    assert (
        reset_password(newer, "Nueva42Clave", "Nueva42Clave", now=now + timedelta(minutes=3)).code == "done"
    )
    assert reset_page_state(older, now=now + timedelta(minutes=4)).code == "superseded"
    assert (
        reset_password(older, "Otra77Clave", "Otra77Clave", now=now + timedelta(minutes=4)).code
        == "superseded"
    )
    later = requested_token(database, now + timedelta(minutes=5))
    assert reset_page_state(later, now=now + timedelta(minutes=6)).code == "ready"


def test_a_sign_in_code_sent_before_the_reset_stops_working(database):
    active_account(database)
    request_sign_in_code("ana@example.com", CHAT, "en")
    code = mailed_code(outbox(database)[0])
    assert reset_password(requested_token(database), "Nueva42Clave", "Nueva42Clave").code == "done"
    assert verify_sign_in_code(CHAT, code).code == "revoked"


def test_an_unknown_address_gets_the_same_answer_and_no_email(database):
    active_account(database)
    known = request_password_reset("ana@example.com", CHAT, "en")
    unknown = request_password_reset("nobody@example.com", "sender-2", "en")
    assert unknown == known
    assert [message.recipient for message in outbox(database)] == ["ana@example.com"]


def test_a_pending_account_gets_its_activation_email_again(database):
    register(RegistrationRequest("Luis", None, "Pérez", "luis@example.com", "es"))
    assert request_password_reset("luis@example.com", CHAT, "es").code == "pending"
    first, resent = outbox(database)
    assert resent.subject == "Active su cuenta de padre del LAUSD" and "/activate/" in resent.body
    assert "/reset/" not in resent.body


def test_three_links_per_address_an_hour(database):
    active_account(database)
    answers = [request_password_reset("ana@example.com", f"chat-{n}", "en").code for n in range(4)]
    assert answers == ["sent", "sent", "sent", "limited"]
    assert len(outbox(database)) == 3


def test_an_expired_link_offers_a_fresh_one_and_a_forged_one_is_invalid(database):
    active_account(database)
    now = datetime.now(timezone.utc)
    token = requested_token(database, now)
    after_an_hour = now + timedelta(hours=1, seconds=1)
    assert reset_page_state(token, now=after_an_hour).code == "expired"
    assert reset_password(token, "Nueva42Clave", "Nueva42Clave", now=after_an_hour).code == "expired"
    assert resend_reset_for_link(token, now=after_an_hour).code == "resent"
    assert reset_page_state(reset_token(outbox(database)[-1]), now=after_an_hour).code == "ready"
    assert reset_page_state(token[:-2] + "xx").code == "invalid"
    assert reset_page_state("not-a-token").code == "invalid"


def test_the_page_speaks_the_language_of_the_email(database):
    active_account(database, language="es")
    state = reset_page_state(requested_token(database, language="es"))
    assert (state.code, state.language, state.first_name) == ("ready", "es", "Ana")
