"""Hostile input through the pure rules and the registration form's validators.

Random Unicode, 100 kB strings, markup, SQL and template injection, control characters and empty
strings: nothing raises, a refused answer names a response that exists in both languages, and what
a validator keeps is bounded, printable and free of markup.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.registration import ValidateRegistrationForm
from bot.applications.questions import every_question
from bot.core.text import Catalog
from bot.rules.answers import extract_digits, extract_email, extract_name, means_no_answer
from bot.rules.confirmation import parse_confirmation_number
from bot.rules.dates import parse_date
from bot.rules.grades import parse_grade
from bot.rules.identity import normalize_email, normalize_name, normalize_us_phone
from bot.rules.passwords import password_problems
from bot.rules.pii import mask_personal_data
from tests.domain import load_domain

HOSTILE = [
    "",
    " ",
    "\x00",
    "\x1b[31mred\x1b[0m",
    "\u202egnp.exe",
    "\r\n\t\v\f",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE accounts; --",
    "1 OR 1=1",
    "{{ 7*7 }}",
    "{% for x in ().__class__.__base__.__subclasses__() %}{% endfor %}",
    "${7*7}",
    "%{name}s %(name)s",
    "../../etc/passwd",
    "a@b.c" * 20_000,
    "x" * 100_000,
    "é" * 100_000,
    "😀" * 25_000,
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
]
RULES = [
    extract_name,
    means_no_answer,
    extract_email,
    extract_digits,
    parse_confirmation_number,
    parse_grade,
    normalize_name,
    normalize_email,
    normalize_us_phone,
    mask_personal_data,
    lambda text: parse_date(text, today=date(2026, 11, 28)),
    lambda text: password_problems(text, "parent@example.com"),
]
SLOTS = [
    "parent_first_name",
    "parent_middle_name",
    "parent_last_name",
    "parent_email",
    "parent_email_again",
    "human_check",
    "registration_confirmed",
]
RESPONSES = load_domain()["responses"]
CATALOG = Catalog()


@contextmanager
def within(seconds: float, what: str) -> Iterator[None]:
    """Fail (instead of hanging) when the block runs longer than ``seconds``: a quadratic regex is a DoS."""

    def too_slow(signum: int, frame: object) -> None:
        raise AssertionError(f"{what} took more than {seconds} s: super-linear on a long message")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def validate(slot: str, value: str, intent: str) -> tuple[dict, list[str]]:
    message = {"text": value, "intent": {"name": intent}, "entities": []}
    slots = {"parent_email": "ana@example.com", "human_check_digits": "4819"}
    tracker = Tracker("t", slots, message, [], False, None, {"name": "registration_form"}, None)
    dispatcher = CollectingDispatcher()
    method = getattr(ValidateRegistrationForm(), f"validate_{slot}")
    result = asyncio.run(method(value, dispatcher, tracker, {}))
    return result, [m["response"] for m in dispatcher.messages]


def assert_safe_outcome(slot: str, result: dict, responses: list[str]) -> None:
    """Refused: one response, in the domain and in both catalogs. Kept: short, printable, no markup."""
    for name in responses:
        key = RESPONSES[name][0]["text"]
        assert CATALOG.has(key, "en") and CATALOG.has(key, "es"), name
    for kept in result.values():
        if isinstance(kept, str):
            assert len(kept) <= 254 and kept.isprintable() or kept == "", kept[:80]
            assert not any(mark in kept for mark in ("<", ">", "{{", "{%", "${")), kept[:80]
    if result.get(slot) is None and slot != "registration_confirmed":
        assert len(responses) == 1, (slot, responses)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_the_pure_rules_never_raise(text: str) -> None:
    for number, rule in enumerate(RULES):
        with within(2.0, f"rule {getattr(rule, '__name__', number)}"):
            rule(text)


@pytest.mark.parametrize("slot", SLOTS)
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_the_validators_refuse_politely_or_keep_something_safe(slot: str, text: str) -> None:
    for intent in ("inform", "affirm", "deny"):
        with within(2.0, f"validate_{slot}"):
            result, responses = validate(slot, text, intent)
        assert_safe_outcome(slot, result, responses)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slot=st.sampled_from(SLOTS), text=st.text(max_size=300), intent=st.sampled_from(["inform", "affirm"]))
def test_random_unicode_through_any_validator(slot: str, text: str, intent: str) -> None:
    result, responses = validate(slot, text, intent)
    assert_safe_outcome(slot, result, responses)
    for rule in RULES:
        rule(text)


APPLICATION_SLOTS = every_question()  # every question the form can ask, from the one list


def validate_application(slot: str, value: str, intent: str) -> tuple[dict, list[str]]:
    from actions.application_form import ValidateApplicationForm

    message = {"text": value, "intent": {"name": intent}, "entities": []}
    slots = {
        "language": "es",
        "app_direction": "incoming",
        "student_grade": "5",
        "app_school_year": "2026-27",
    }
    tracker = Tracker("t", slots, message, [], False, None, {"name": "application_form"}, None)
    dispatcher = CollectingDispatcher()
    result = asyncio.run(
        getattr(ValidateApplicationForm(), f"validate_{slot}")(value, dispatcher, tracker, {})
    )
    return result, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize("slot", APPLICATION_SLOTS)
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_the_application_form_refuses_politely_or_keeps_something_safe(slot: str, text: str) -> None:
    for intent in ("inform", "affirm", "deny"):
        with within(2.0, f"validate_{slot}"):
            result, responses = validate_application(slot, text, intent)
        for name in responses:
            key = RESPONSES[name][0]["text"]
            assert CATALOG.has(key, "en") and CATALOG.has(key, "es"), name
        for kept in result.values():
            if isinstance(kept, str):
                assert len(kept) <= 254 and kept.isprintable(), kept[:80]
                assert not any(mark in kept for mark in ("<", ">", "{{", "{%", "${")), kept[:80]
        if result.get(slot) is None and slot not in ("application_confirmed", "app_school_year"):
            assert len(responses) >= 1, (slot, text[:40])
