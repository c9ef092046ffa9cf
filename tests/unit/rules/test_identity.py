"""Names, email (the portal user ID) and US phone numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.identity import (
    DIGITS,
    EMPTY,
    INVALID,
    INVALID_CHARACTERS,
    INVALID_FORMAT,
    MAX_NAME_LENGTH,
    MISMATCH,
    NOT_US,
    TOO_LONG,
    confirm_email,
    normalize_email,
    normalize_name,
    normalize_us_phone,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("María José", "María José"),
        ("O'Brien", "O'Brien"),
        ("O\u2019Brien", "O'Brien"),  # the phone keyboard's apostrophe
        ("Núñez-García", "Núñez-García"),
        ("  de la   Cruz ", "de la Cruz"),
        ("Ma. Guadalupe", "Ma. Guadalupe"),
        ("Jean-Luc", "Jean-Luc"),
        ("Zoë", "Zoë"),
        ("Jose\u0301", "José"),  # decomposed accent, composed on the way in
        ("Nguyễn", "Nguyễn"),
        ("李小龙", "李小龙"),
    ],
)
def test_accepted_names_are_trimmed_and_collapsed(typed: str, stored: str) -> None:
    assert normalize_name(typed).value == stored


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", EMPTY),
        ("   ", EMPTY),
        ("Ana3", DIGITS),
        ("Ana 😀", INVALID_CHARACTERS),
        ("<b>Ana</b>", INVALID_CHARACTERS),
        ("<script>alert(1)</script>", INVALID_CHARACTERS),
        ("Ana; DROP TABLE", INVALID_CHARACTERS),
        ("ana@gmail.com", INVALID_CHARACTERS),
        ("A" * (MAX_NAME_LENGTH + 1), TOO_LONG),
        ("A" * 10_000, TOO_LONG),
        ("--", INVALID_FORMAT),
        ("-Ana", INVALID_FORMAT),
        ("Ana-", INVALID_FORMAT),
        ("O'", INVALID_FORMAT),
        ("Ana--Luz", INVALID_FORMAT),
        ("D' Angelo", INVALID_FORMAT),
        ("Ma.Lupe", INVALID_FORMAT),
        (".Ana", INVALID_FORMAT),
    ],
)
def test_rejected_names(typed: str, problem: str) -> None:
    outcome = normalize_name(typed)
    assert (outcome.value, outcome.problem) == (None, problem)
    assert not outcome.ok


words = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzáéíóúñüçABCDEFGHIJKLMNÑOPQRSTUVWXYZÁÉÍÓÚ"),
    min_size=1,
    max_size=20,
)


@given(st.lists(st.tuples(words, st.sampled_from([" ", "-", "'", "   "])), min_size=1, max_size=4), words)
def test_letter_words_joined_by_separators_are_names(parts: list[tuple[str, str]], last: str) -> None:
    name = "".join(word + separator for word, separator in parts) + last
    outcome = normalize_name(name)
    if len(" ".join(name.split())) > MAX_NAME_LENGTH:
        assert outcome.problem == TOO_LONG
    else:
        assert outcome.value == " ".join(name.split())
        assert normalize_name(outcome.value).value == outcome.value  # idempotent


@given(st.text(max_size=60))
def test_any_text_gets_a_value_or_a_known_problem(text: str) -> None:
    outcome = normalize_name(text)
    assert outcome.problem in {None, EMPTY, TOO_LONG, DIGITS, INVALID_CHARACTERS, INVALID_FORMAT}
    if outcome.value is not None:
        assert outcome.value == outcome.value.strip() and "  " not in outcome.value
        assert not any(char.isdigit() or char in "<>@;&" for char in outcome.value)


@given(words, st.integers(min_value=0, max_value=9))
def test_a_digit_anywhere_is_refused(word: str, digit: int) -> None:
    assert normalize_name(f"{word}{digit}{word}").problem == DIGITS


def test_email_is_normalised_without_dns() -> None:
    # one account per mailbox (issue 20): the whole address is canonical, case included
    assert normalize_email("  Maria.Lopez@GMAIL.com ").value == "maria.lopez@gmail.com"
    assert normalize_email("padre@escuela-que-no-existe-123456.org").value is not None


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", EMPTY),
        ("maria", INVALID),
        ("maria@", INVALID),
        ("maria@localhost", INVALID),
        ("a b@c.org", INVALID),
    ],
)
def test_bad_emails(typed: str, problem: str) -> None:
    assert normalize_email(typed).problem == problem


def test_reentered_email_must_match() -> None:
    assert confirm_email("maria@gmail.com", "Maria@Gmail.com ").value == "maria@gmail.com"
    assert confirm_email("maria@gmail.com", "mario@gmail.com").problem == MISMATCH
    assert confirm_email("maria@gmail.com", "mario").problem == INVALID
    assert confirm_email("maria", "maria").problem == INVALID


@pytest.mark.parametrize(
    "typed",
    ["(213) 241-1000", "213-241-1000", "213.241.1000", "2132411000", "+1 213 241 1000", "1-213-241-1000"],
)
def test_us_phone_in_any_writing_becomes_e164(typed: str) -> None:
    assert normalize_us_phone(typed).value == "+12132411000"


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", EMPTY),
        ("241-1000", INVALID),
        ("12", INVALID),
        ("call me", INVALID),
        ("+52 55 1234 5678", NOT_US),  # Mexico City
        ("+1 416 322 1234", NOT_US),  # Toronto shares +1
        ("1" * 60, TOO_LONG),
    ],
)
def test_bad_phones(typed: str, problem: str) -> None:
    assert normalize_us_phone(typed).problem == problem


@given(st.sampled_from(["213", "310", "323", "562", "626", "818"]), st.integers(2_000_000, 9_999_999))
def test_a_number_reads_the_same_in_every_writing(area: str, local: int) -> None:
    digits = f"{area}{local}"
    writings = [
        digits,
        f"({area}) {digits[3:6]}-{digits[6:]}",
        f"+1 {area} {digits[3:6]} {digits[6:]}",
        f"1.{digits}",
    ]
    outcomes = {normalize_us_phone(writing) for writing in writings}
    assert len(outcomes) == 1
    outcome = outcomes.pop()
    assert outcome.value in (None, f"+1{digits}")
