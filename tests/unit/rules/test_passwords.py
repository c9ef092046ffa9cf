"""The activation page's password rules (seed), one code per broken rule."""

from __future__ import annotations

import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.core.policy import PasswordRules
from bot.rules.passwords import (
    COMMON,
    LENGTH,
    LETTERS_AND_DIGITS,
    PASSWORD_PROBLEMS,
    REPEATED,
    SAME_AS_USER_ID,
    SPACES,
    common_passwords,
    longest_run,
    password_problems,
    passwords_match,
)

EMAIL = "maria.lopez@gmail.com"


def test_a_good_password_has_no_problems() -> None:
    assert password_problems("Sol7Luna29", EMAIL) == []


@pytest.mark.parametrize(
    ("password", "problems"),
    [
        # "Password must be between 8 and 20 characters in length and no spaces."
        ("Ab3cd5e", [LENGTH]),
        ("Ab3cd5eF7h", []),
        ("Ab3cd5eF7hAb3cd5eF7h", []),
        ("Ab3cd5eF7hAb3cd5eF7hX", [LENGTH]),
        ("Sol7 Luna29", [SPACES]),
        ("Sol7\tLuna29", [SPACES]),
        # "Password must consist of a mix of alphabetic and numeric characters."
        ("SolyLunaMar", [LETTERS_AND_DIGITS]),
        ("7294618305", [LETTERS_AND_DIGITS]),
        ("!?#%&*+=-_", [LETTERS_AND_DIGITS]),
        # '"aaaa" in your password would make it invalid'; three in a row is already a run.
        ("Solaaaa7Luna", [REPEATED]),
        ("Sol1112Luna", [REPEATED]),
        ("Sol11Luna2", []),
        # 'Commonly used passwords include values like "abcd1234" or "password1".'
        ("abcd1234", [COMMON]),
        ("password1", [COMMON]),
        ("PASSWORD1", [COMMON]),
        ("", [LENGTH, LETTERS_AND_DIGITS]),
        ("aaa", [LENGTH, LETTERS_AND_DIGITS, REPEATED, COMMON]),
    ],
)
def test_seed_rules(password: str, problems: list[str]) -> None:
    assert password_problems(password, EMAIL) == problems


def test_cannot_be_the_user_id_in_any_case() -> None:
    assert SAME_AS_USER_ID in password_problems("Maria.Lopez@Gmail.com", EMAIL)
    assert password_problems("maria.lopez1", "maria.lopez1@gmail.com") == [SAME_AS_USER_ID]
    assert password_problems("MARIA.LOPEZ1", " maria.lopez1@gmail.com ") == [SAME_AS_USER_ID]
    assert SAME_AS_USER_ID not in password_problems("maria.lopez1x", "maria.lopez1@gmail.com")
    assert SAME_AS_USER_ID not in password_problems("Sol7Luna29", "")


def test_problems_come_in_rule_order_and_all_at_once() -> None:
    assert password_problems("aaa a", "aaa a") == [
        LENGTH,
        SPACES,
        SAME_AS_USER_ID,
        LETTERS_AND_DIGITS,
        REPEATED,
    ]
    assert set(PASSWORD_PROBLEMS) == {LENGTH, SPACES, SAME_AS_USER_ID, LETTERS_AND_DIGITS, REPEATED, COMMON}


def test_rules_are_taken_from_policy_or_given() -> None:
    strict = PasswordRules(min_length=12, max_length=64, max_run=1)
    assert password_problems("Sol7Luna29", EMAIL, rules=strict) == [LENGTH]
    assert password_problems("Sol7Luna29xyz", EMAIL, rules=strict) == []
    assert password_problems("Sol11Luna29xyz", EMAIL, rules=strict) == [REPEATED]


def test_common_list_is_djangos_maintained_list() -> None:
    common = common_passwords()
    assert len(common) > 10_000
    assert {"abcd1234", "password1", "123456", "iloveyou"} <= common
    assert all(word == word.lower() for word in list(common)[:500])


def test_longest_run() -> None:
    assert [longest_run(text) for text in ("", "a", "aab", "a1112", "abcccc")] == [0, 1, 2, 3, 4]


def test_confirmation_must_match_exactly() -> None:
    assert passwords_match("Sol7Luna29", "Sol7Luna29")
    assert not passwords_match("Sol7Luna29", "sol7luna29")
    assert not passwords_match("Sol7Luna29", "Sol7Luna29 ")


SAFE = string.ascii_letters + string.digits + "!#$%&*+-=?@_.ñÑáé"


@st.composite
def acceptable_passwords(draw: st.DrawFn) -> str:
    """Passwords built to satisfy every rule: 8-20 characters, a letter, a digit, runs of at most 2."""
    size = draw(st.integers(min_value=8, max_value=20))
    chars = [draw(st.sampled_from(string.ascii_letters)), draw(st.sampled_from(string.digits))]
    chars += draw(st.lists(st.sampled_from(SAFE), min_size=size - 2, max_size=size - 2))
    order = draw(st.permutations(chars))
    password = "".join(order)
    assume(longest_run(password) <= 2)
    assume(password.lower() not in common_passwords())
    return password


emails = st.builds(
    "{}@{}".format,
    st.text(string.ascii_letters + string.digits + "._", min_size=1, max_size=20),
    st.sampled_from(["gmail.com", "lausd.net", "yahoo.com.mx", "Example.ORG"]),
)


@given(acceptable_passwords(), emails)
def test_every_password_built_to_satisfy_the_rules_passes(password: str, email: str) -> None:
    assume(password.casefold() not in {email.casefold(), email.rpartition("@")[0].casefold()})
    assert password_problems(password, email) == []


@given(acceptable_passwords(), st.integers(min_value=0, max_value=19), st.sampled_from(" \t\u00a0"))
def test_any_whitespace_breaks_the_spaces_rule(password: str, at: int, space: str) -> None:
    assert SPACES in password_problems(password[:at] + space + password[at:], EMAIL)


@given(acceptable_passwords(), st.integers(min_value=0, max_value=19), st.integers(min_value=3, max_value=5))
def test_any_run_of_three_breaks_the_repeat_rule(password: str, at: int, times: int) -> None:
    at = min(at, len(password) - 1)
    assert REPEATED in password_problems(password[:at] + password[at] * times + password[at:], EMAIL)


@given(st.text(max_size=30), emails)
def test_problems_are_always_known_codes_without_duplicates(password: str, email: str) -> None:
    problems = password_problems(password, email)
    assert set(problems) <= set(PASSWORD_PROBLEMS)
    assert len(problems) == len(set(problems))
    assert (LENGTH in problems) == (not 8 <= len(password) <= 20)
