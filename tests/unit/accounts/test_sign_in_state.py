"""The signed-in parent never comes from anything a caller can write (issue 20, item 1).

The probe posted a made-up tracker with ``account_id: "7"`` to the action server and read a
family's application. The sign-in is now a signed token checked on every use; these tests forge,
alter, copy, age and outlive it, and each time the conversation is not signed in.
"""

import asyncio
from datetime import datetime, timedelta, timezone

from itsdangerous import URLSafeSerializer
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.session import SIGN_IN_SLOT, sign_in_events
from actions.status import ActionStartStatusCheck
from bot.accounts.sign_in_state import SIGN_IN_LIFETIME, issue_sign_in_state, signed_in_parent
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus
from tests.unit.accounts.helpers import active_account
from tests.unit.status.helpers import make_application, number

SENDER = "parent-chat"
SESSION = 1_800_000_000.25  # when Rasa started this chat session
NOW = datetime(2027, 3, 1, 18, 0, tzinfo=timezone.utc)


def check(token, sender: str = SENDER, session: float | None = SESSION, now: datetime = NOW):
    return signed_in_parent(token, sender, session, now=now)


def test_a_token_from_a_correct_code_signs_in_this_conversation(database):
    account_id = active_account(database)
    token = issue_sign_in_state(account_id, SENDER, SESSION, now=NOW)
    parent = check(token)
    assert parent is not None and (parent.account_id, parent.first_name) == (account_id, "Ana")
    assert str(account_id) != token and "Ana" not in token


def test_a_made_up_or_forged_token_is_not_signed_in(database):
    account_id = active_account(database)
    forged_with_another_key = URLSafeSerializer("guessed-secret", salt="permits-sign-in-state").dumps(
        {"a": account_id, "c": "x", "s": 0, "i": 0, "k": 0}
    )
    for token in [str(account_id), "7", account_id, "", None, {"a": account_id}, forged_with_another_key]:
        assert check(token) is None, token


def test_an_altered_token_is_not_signed_in(database):
    mine = active_account(database)
    theirs = active_account(database, email="luis@example.com")
    token = issue_sign_in_state(mine, SENDER, SESSION, now=NOW)
    payload, signature = token.rsplit(".", 1)
    encoder = URLSafeSerializer("any", salt="any")  # encodes a payload the way the token does
    claims = encoder.load_payload(payload.encode())
    altered = encoder.dump_payload({**claims, "a": theirs}).decode()
    assert altered != payload and check(f"{altered}.{signature}") is None
    assert check(token[:-1] + ("A" if token[-1] != "A" else "B")) is None


def test_another_conversations_token_is_not_signed_in(database):
    account_id = active_account(database)
    token = issue_sign_in_state(account_id, SENDER, SESSION, now=NOW)
    assert check(token, sender="attacker-chat") is None


def test_a_new_chat_session_ends_the_sign_in(database):
    account_id = active_account(database)
    token = issue_sign_in_state(account_id, SENDER, SESSION, now=NOW)
    assert check(token, session=SESSION + 3600) is None
    assert check(token, session=None) is None


def test_the_sign_in_expires_two_hours_after_the_code(database):
    account_id = active_account(database)
    token = issue_sign_in_state(account_id, SENDER, SESSION, now=NOW)
    assert check(token, now=NOW + SIGN_IN_LIFETIME - timedelta(seconds=1)) is not None
    assert check(token, now=NOW + SIGN_IN_LIFETIME) is None
    assert check(token, now=NOW - timedelta(minutes=5)) is None  # "issued" in the future


def test_a_password_change_or_a_closed_account_ends_the_sign_in(database):
    account_id = active_account(database)
    token = issue_sign_in_state(account_id, SENDER, SESSION, now=NOW)
    with unit_of_work(database) as session:
        session.get(Account, account_id).credentials_changed_at = NOW + timedelta(minutes=1)
    assert check(token, now=NOW + timedelta(minutes=2)) is None
    renewed = issue_sign_in_state(account_id, SENDER, SESSION, now=NOW + timedelta(minutes=3))
    assert check(renewed, now=NOW + timedelta(minutes=4)) is not None
    with unit_of_work(database) as session:
        session.get(Account, account_id).status = AccountStatus.duplicate
    assert check(renewed, now=NOW + timedelta(minutes=5)) is None
    assert issue_sign_in_state(account_id, SENDER, SESSION, now=NOW) is None


def status_request(sender: str, slots: dict, events: list | None = None) -> list[str]:
    """What the status action says to a caller whose tracker carries ``slots``."""
    message = {
        "text": "what is the status of my application",
        "intent": {"name": "check_status"},
        "entities": [],
    }
    tracker = Tracker(sender, {"language": "en", **slots}, message, events or [], False, None, {}, None)
    dispatcher = CollectingDispatcher()
    events_out = asyncio.run(ActionStartStatusCheck().run(dispatcher, tracker, {}))
    return [message.get("response") for message in dispatcher.messages] + [
        event["value"] for event in events_out if event.get("name") == "next_step"
    ]


def test_the_probes_made_up_tracker_reads_nothing(database):
    account_id = active_account(database)
    make_application(database, account_id, number("7K3M9QX2"))
    started = [{"event": "session_started", "timestamp": SESSION}]
    signed = asyncio.run(
        sign_in_events(Tracker(SENDER, {}, {}, started, False, None, {}, None), account_id, "Ana")
    )
    assert status_request(SENDER, {SIGN_IN_SLOT: signed[SIGN_IN_SLOT]}, started) == [
        "utter_status_answer",
        "done",
    ]
    for forged in [{"account_id": str(account_id)}, {SIGN_IN_SLOT: str(account_id)}]:
        assert status_request("probe", forged, started) == ["status_form"]
    # A real token copied into the prober's own conversation does not work either.
    assert status_request("probe", {SIGN_IN_SLOT: signed[SIGN_IN_SLOT]}, started) == ["status_form"]
