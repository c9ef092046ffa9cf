"""Plays the simulated-parent conversations against the running servers, a few at a time."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

import requests

from tests.parents import checks
from tests.parents.conversations import Conversation, Turn
from tests.parents.given import create_account, create_application
from tests.parents.placeholders import ConversationState, MailSource, PlaceholderMissing
from tests.parents.transcript import ConversationResult, TurnRecord


@dataclass(frozen=True)
class Target:
    """Where the servers of this run are, and what the conversations share."""

    rasa_url: str
    database_url: str
    mailbox: MailSource
    today: date
    activate: Callable[[str], None]
    timeout: float = 90.0


def send(target: Target, sender: str, message: str, language: str) -> list[dict[str, Any]]:
    """One message through the REST channel, with the page's language as metadata."""
    body = {"sender": sender, "message": message, "metadata": {"language": language}}
    response = requests.post(f"{target.rasa_url}/webhooks/rest/webhook", json=body, timeout=target.timeout)
    response.raise_for_status()
    replies = response.json()
    return replies if isinstance(replies, list) else []


def _payload_for(title: str, previous: list[dict[str, Any]]) -> str | None:
    wanted = checks.fold(title)
    for message in previous:
        for button in message.get("buttons") or []:
            if wanted in checks.fold(str(button.get("title") or "")):
                return str(button.get("payload") or "")
    return None


#: Fixtures are made one at a time: SQLite takes one writer, and the servers write too.
_FIXTURES = threading.Lock()


def _prepare(conversation: Conversation, target: Target, sender: str) -> ConversationState:
    mailbox_name = f"parent-{uuid.uuid4().hex[:10]}"  # short: the sender id may be long
    state = ConversationState(
        mailbox=target.mailbox,
        new_email=f"{mailbox_name}-new@example.org",
        page_language=conversation.page_language,
    )
    if conversation.account:
        email = f"{mailbox_name}@example.org"
        with _FIXTURES:
            account = create_account(
                email, conversation.account, conversation.page_language, target.database_url
            )
        state.email, state.parent_first_name = account.email, account.first_name
        if conversation.application:
            application = create_application(
                account,
                conversation.application,
                conversation.page_language,
                target.today,
                target.database_url,
            )
            state.number = application.confirmation_number
            state.birthdate = application.birthdate.isoformat()
            state.given_number = True
    return state


def _play_turn(
    turn: Turn,
    written: str,
    state: ConversationState,
    target: Target,
    sender: str,
    expected_language: str,
    previous: list[dict[str, Any]],
    loops: checks.LoopWatch,
) -> TurnRecord:
    if turn.tap:
        payload = _payload_for(turn.parent, previous)
        if payload is None:
            record = TurnRecord(sent="", shown_as=f"[tap] {turn.parent}")
            record.problems.append(f"no button {turn.parent!r} to tap")
            return record
        record = TurnRecord(sent=payload, shown_as=f"[tap] {turn.parent} ({payload})")
    else:
        record = TurnRecord(sent=written, shown_as=written)
    started = time.monotonic()
    try:
        record.replies = send(target, sender, record.sent, state.page_language)
    except requests.RequestException as error:
        record.problems.append(f"the server did not answer: {error}")
        return record
    finally:
        record.seconds = time.monotonic() - started
    state.saw_replies(checks.reply_texts(record.replies))
    record.problems += checks.check_no_silence(record.replies)
    record.problems += checks.check_no_error(record.replies)
    record.problems += loops.check(record.replies)
    record.problems += checks.check_language(record.replies, expected_language)
    try:
        record.problems += checks.check_expectations(turn, record.replies, state.fill)
    except PlaceholderMissing as missing:
        record.problems.append(f"expectation placeholder: {missing}")
    return record


def play(conversation: Conversation, target: Target) -> ConversationResult:
    """Play one conversation to its end; every turn is checked and recorded."""
    sender = f"parents-{conversation.language}-{conversation.name}-{uuid.uuid4().hex[:8]}"
    result = ConversationResult(conversation, sender)
    try:
        state = _prepare(conversation, target, sender)
    except Exception as error:  # a fixture the runner could not make: reported, never silent
        result.setup_problem = f"could not create the fixtures: {error!r}"
        return result
    expected = conversation.page_language
    loops = checks.LoopWatch()
    previous: list[dict[str, Any]] = []
    for turn in conversation.turns:
        try:
            if turn.activate_account:
                target.activate(state.activation_link())
            written = state.fill(turn.parent) if not turn.tap else turn.parent
        except PlaceholderMissing as missing:
            record = TurnRecord(
                sent="", shown_as=turn.parent, problems=[f"cannot write this turn: {missing}"]
            )
            result.turns.append(record)
            break  # the parent cannot go on (e.g. no code ever came)
        expected = checks.parent_language(written, expected, turn.language)
        record = _play_turn(turn, written, state, target, sender, expected, previous, loops)
        result.turns.append(record)
        previous = record.replies
    return result


def play_all(conversations: list[Conversation], target: Target, at_once: int = 4) -> list[ConversationResult]:
    """Every conversation, `at_once` at a time; results in the conversations' order."""
    with ThreadPoolExecutor(max_workers=max(1, at_once)) as pool:
        return list(pool.map(lambda c: play(c, target), conversations))
