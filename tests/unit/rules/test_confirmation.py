"""Confirmation numbers: format, randomness, tolerant parsing, and a check symbol proven to catch
every single-symbol substitution and every adjacent transposition."""

from __future__ import annotations

import math
import re
import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.confirmation import (
    ALPHABET,
    CONFIRMATION_NUMBER_REGEX,
    RANDOM_SYMBOLS,
    check_symbol,
    damm_step,
    new_confirmation_number,
    parse_confirmation_number,
)

CANONICAL = re.compile(r"^LA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$")
SIZE = len(ALPHABET)
TABLE = [[damm_step(state, value) for value in range(SIZE)] for state in range(SIZE)]


def test_alphabet_has_no_look_alikes() -> None:
    assert SIZE == 32 and len(set(ALPHABET)) == SIZE
    assert not set("ILOU") & set(ALPHABET)
    assert sorted(ALPHABET) == list(ALPHABET)


def test_at_least_40_bits_of_randomness() -> None:
    assert RANDOM_SYMBOLS * math.log2(SIZE) >= 40


def test_new_numbers_are_canonical_valid_and_distinct() -> None:
    numbers = [new_confirmation_number() for _ in range(2000)]
    assert all(CANONICAL.match(number) for number in numbers)
    assert all(parse_confirmation_number(number) == number for number in numbers)
    assert len(set(numbers)) == len(numbers)


def test_new_numbers_come_from_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[str] = []

    def fake_choice(symbols: str) -> str:
        drawn.append(symbols)
        return "7"

    monkeypatch.setattr(secrets, "choice", fake_choice)
    assert new_confirmation_number() == f"LA-7777-7777-{check_symbol('77777777')}"
    assert drawn == [ALPHABET] * RANDOM_SYMBOLS


# --- Exhaustive proof over the Damm table: these properties hold for every number. ---


def test_table_is_a_quasigroup() -> None:
    """Rows and columns are permutations: a changed symbol changes the running state, and a
    changed state stays changed through every later symbol, so the final state is not 0."""
    assert all(sorted(row) == list(range(SIZE)) for row in TABLE)
    assert all(
        sorted(TABLE[state][value] for state in range(SIZE)) == list(range(SIZE)) for value in range(SIZE)
    )


def test_table_is_totally_anti_symmetric() -> None:
    """(s*x)*y != (s*y)*x for every state s and x != y: swapping two neighbours (the check
    symbol included, it is processed like any other) changes the state, hence the result."""
    for state in range(SIZE):
        for x in range(SIZE):
            for y in range(SIZE):
                if x != y:
                    assert TABLE[TABLE[state][x]][y] != TABLE[TABLE[state][y]][x]


def test_zero_diagonal_makes_the_check_symbol_the_running_state() -> None:
    assert all(TABLE[value][value] == 0 for value in range(SIZE))


bodies = st.text(st.sampled_from(ALPHABET), min_size=RANDOM_SYMBOLS, max_size=RANDOM_SYMBOLS)


def canonical(symbols: str) -> str:
    return f"LA-{symbols[:4]}-{symbols[4:8]}-{symbols[8:]}"


@given(bodies)
def test_every_single_substitution_is_rejected(body: str) -> None:
    symbols = body + check_symbol(body)
    assert parse_confirmation_number(canonical(symbols)) == canonical(symbols)
    for position in range(len(symbols)):
        for replacement in ALPHABET:
            if replacement != symbols[position]:
                typo = symbols[:position] + replacement + symbols[position + 1 :]
                assert parse_confirmation_number(canonical(typo)) is None


@given(bodies)
def test_every_adjacent_transposition_is_rejected(body: str) -> None:
    symbols = body + check_symbol(body)
    for position in range(len(symbols) - 1):
        first, second = symbols[position], symbols[position + 1]
        if first != second:
            swapped = symbols[:position] + second + first + symbols[position + 2 :]
            assert parse_confirmation_number(canonical(swapped)) is None


def test_exhaustive_substitutions_and_transpositions_for_every_first_two_symbols() -> None:
    """Bodies 'XY' + '7K3M9Q' for all 1024 X, Y: all 279 substitutions and all transpositions."""

    def valid(symbols: str) -> bool:
        return check_symbol(symbols[:RANDOM_SYMBOLS]) == symbols[RANDOM_SYMBOLS]

    for x in ALPHABET:
        for y in ALPHABET:
            body = x + y + "7K3M9Q"
            symbols = body + check_symbol(body)
            assert valid(symbols)
            for position in range(len(symbols)):
                for replacement in ALPHABET:
                    if replacement != symbols[position]:
                        assert not valid(symbols[:position] + replacement + symbols[position + 1 :])
                if position < RANDOM_SYMBOLS and symbols[position] != symbols[position + 1]:
                    swapped = (
                        symbols[:position]
                        + symbols[position + 1]
                        + symbols[position]
                        + symbols[position + 2 :]
                    )
                    assert not valid(swapped)


@pytest.mark.parametrize(
    "typed",
    [
        "LA-7K3M-9QX2-{c}",
        "la-7k3m-9qx2-{c}",
        "LA 7K3M 9QX2 {c}",
        "LA7K3M9QX2{c}",
        "7K3M-9QX2-{c}",
        "7k3m9qx2{c}",
        "  LA – 7K3M – 9QX2 – {c} ",
    ],
)
def test_parsing_tolerates_case_spaces_dashes_and_a_missing_prefix(typed: str) -> None:
    c = check_symbol("7K3M9QX2")
    assert parse_confirmation_number(typed.format(c=c)) == f"LA-7K3M-9QX2-{c}"


def test_parsing_reads_o_as_zero_and_i_l_as_one() -> None:
    body = "10A0B1C0"
    number = canonical(body + check_symbol(body))
    assert parse_confirmation_number("LA-IOAO-BLCO-" + number[-1]) == number
    assert parse_confirmation_number("la-loao-bicO-" + number[-1].lower()) == number


@pytest.mark.parametrize(
    "typed", ["", "LA-", "LA-7K3M-9QX2", "LA-7K3M-9QX2-RR", "LU-7K3M-9QX2-R", "LA-7K3M-9QX2-U", "hello world"]
)
def test_not_a_number(typed: str) -> None:
    assert parse_confirmation_number(typed) is None


@given(st.text(max_size=30))
def test_parsing_never_crashes_and_returns_canonical_or_none(text: str) -> None:
    parsed = parse_confirmation_number(text)
    assert parsed is None or CANONICAL.match(parsed)


# Rasa's RegexEntityExtractor wraps patterns in word boundaries.
EXTRACT = re.compile(rf"\b{CONFIRMATION_NUMBER_REGEX}\b", re.IGNORECASE)


@given(bodies, st.sampled_from(["{}", "{} ", "mi número es {} gracias", "my confirmation number is {}."]))
def test_the_nlu_regex_finds_numbers_in_messages(body: str, template: str) -> None:
    number = canonical(body + check_symbol(body))
    for written in (number, number.lower(), number.replace("-", " ")):
        found = EXTRACT.search(template.format(written))
        assert found is not None and parse_confirmation_number(found.group(0)) == number


@pytest.mark.parametrize(
    "message",
    ["what is my confirmation number", "landscaping", "application status", "something", "transportation"],
)
def test_the_nlu_regex_ignores_ordinary_words(message: str) -> None:
    assert EXTRACT.search(message) is None
