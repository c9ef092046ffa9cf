"""One account per mailbox (issue 20, item 2): the probe's attacks, replayed against the services.

- ``PARENT.ONE@example.com`` opened a second account beside ``parent.one@example.com``;
- rotating sender ids put 9 activation emails in one mailbox in a minute (the limit is 3 an hour);
- a squatted pending account mailed the owner an activation email greeting the attacker's name,
  and kept the attacker's name after the owner activated it.
"""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.accounts.registration import RegistrationRequest, activate, activation_page_state, register
from bot.accounts.sign_in import request_sign_in_code, verify_sign_in_code
from bot.rules.email_address import canonical_email, email_digest
from bot.rules.identity import normalize_email
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus
from tests.unit.accounts.helpers import active_account, mailed_code, outbox

LINK = re.compile(r"https://permits\.example\.org/activate/(\S+)")
PASSWORD = "Lagarto42Verde"


def registration(
    email: str, first: str = "Ana", last: str = "Núñez", language: str = "es"
) -> RegistrationRequest:
    return RegistrationRequest(first, None, last, email, language)


def link_in(body: str) -> str:
    match = LINK.search(body)
    assert match, body
    return match.group(1)


def accounts(database: str) -> list[tuple[str, str, AccountStatus]]:
    with unit_of_work(database) as session:
        rows = session.scalars(select(Account).order_by(Account.id))
        return [(row.email, row.first_name, row.status) for row in rows]


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        (" PARENT.One@Example.COM ", "parent.one@example.com"),
        ("ｐａｒｅｎｔ．ｏｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "parent.one@example.com"),  # a full-width keyboard
        ("\u3000ana@example.com\u00a0", "ana@example.com"),  # ideographic and no-break spaces
    ],
)
def test_every_writing_of_an_address_has_one_canonical_form(typed, canonical):
    assert canonical_email(typed) == canonical
    assert normalize_email(typed).value == canonical


@given(st.text(max_size=40))
def test_the_canonical_form_is_its_own_canonical_form(text):
    once = canonical_email(text)
    assert canonical_email(once) == once


def test_a_differently_written_address_reaches_the_same_account(database):
    register(registration("parent.one@example.com"))
    assert activate(link_in(outbox(database)[0].body), PASSWORD, PASSWORD).code == "activated"
    register(registration("PARENT.ONE@example.com", first="Otro"))
    assert accounts(database) == [("parent.one@example.com", "Ana", AccountStatus.active)]
    notice = outbox(database)[1]
    assert notice.recipient == "parent.one@example.com" and "ya existe" in notice.body


def test_the_database_refuses_a_second_account_for_the_same_mailbox(database):
    active_account(database, email="ana@example.com")
    with pytest.raises(IntegrityError):
        active_account(database, email="ANA@Example.com")


def test_rotating_conversations_cannot_fill_a_mailbox(database):
    for sender in range(9):
        register(registration(f"Victim@Example.com{' ' * (sender % 2)}"), f"conversation-{sender}")
    assert [message.recipient for message in outbox(database)] == ["victim@example.com"] * 3


def test_the_registration_limit_is_kept_per_conversation_in_the_database(database):
    answers = [register(registration(f"p{n}@example.com"), "one-conversation").code for n in range(4)]
    assert answers == ["registered"] * 3 + ["limited"]
    assert register(registration("p9@example.com"), "another-conversation").code == "registered"
    assert len(outbox(database)) == 4


def test_a_squatter_never_names_the_owners_account(database):
    register(registration("owner@example.com", first="Mallory", last="Squatter", language="en"), "attacker")
    register(registration("owner@example.com", first="Ana", last="Núñez", language="es"), "owner")
    squatters, owners = outbox(database)
    assert "Mallory" not in squatters.body and "Mallory" not in owners.body
    assert "Ana" not in owners.body  # no activation email greets anyone by a typed name
    assert owners.subject == "Active su cuenta de padre del LAUSD"  # in the owner's language
    owner_link = link_in(owners.body)
    assert activation_page_state(owner_link).first_name == "Ana"
    assert activate(owner_link, PASSWORD, PASSWORD).code == "activated"
    assert accounts(database) == [("owner@example.com", "Ana", AccountStatus.active)]
    with unit_of_work(database) as session:
        account = session.scalar(select(Account))
        assert (account.last_name, account.language) == ("Núñez", "es")
    assert activation_page_state(link_in(squatters.body)).code == "used"


def test_a_squatted_address_does_not_lock_the_owner_out_of_chat_sign_in(database):
    register(registration("owner@example.com", first="Mallory", language="en"), "attacker")
    assert request_sign_in_code("owner@example.com", "owner-chat", "es").code == "pending"
    resent = outbox(database)[-1]
    assert "Mallory" not in resent.body
    assert activate(link_in(resent.body), PASSWORD, PASSWORD).code == "activated"
    assert request_sign_in_code("Owner@Example.com", "owner-chat", "es").code == "sent"
    assert verify_sign_in_code("owner-chat", mailed_code(outbox(database)[-1])).code == "ok"


def test_the_searchable_digest_of_an_address_is_the_same_however_it_is_written(database):
    # The tracker store keeps this digest beside a sealed email slot; the forget command finds the
    # conversation by it whichever way the parent typed the address.
    writings = [
        " PARENT.One@Example.COM ",
        "ｐａｒｅｎｔ．ｏｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ",
        "parent.one@example.com",
    ]
    assert len({email_digest(text) for text in writings}) == 1
    assert email_digest("parent.two@example.com") != email_digest(writings[0])
