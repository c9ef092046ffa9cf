"""Numbers, emails, dates and grades found inside parents' sentences, with canonical values."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.confirmation import new_confirmation_number
from bot.rules.mentions import MAX_TEXT, find_mentions

TODAY = date(2026, 11, 28)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.entity, m.value) for m in find_mentions(text, today=TODAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "hello, i applied in march for my son in 3rd grade, confirmation LA-29HZ-VYTB-Y, any news",
            [("3rd grade", "grade", "3"), ("LA-29HZ-VYTB-Y", "confirmation_number", "LA-29HZ-VYTB-Y")],
        ),
        ("status la 6fqg 00jb n pls", [("la 6fqg 00jb n", "confirmation_number", "LA-6FQG-00JB-N")]),
        ("q paso con 6FQG00JBN", [("6FQG00JBN", "confirmation_number", "LA-6FQG-00JB-N")]),
        ("born on March 3, 2015.", [("March 3, 2015", "date", "2015-03-03")]),
        (
            "nacio el 3 de marzo del 2015 y va a quinto",
            [("3 de marzo del 2015", "date", "2015-03-03"), ("quinto", "grade", "5")],
        ),
        ("es juanp23@Yahoo.com gracias", [("juanp23@Yahoo.com", "email", "juanp23@yahoo.com")]),
        (
            "my email is ana.lopez+kids@gmail.com.",
            [("ana.lopez+kids@gmail.com", "email", "ana.lopez+kids@gmail.com")],
        ),
        ("5/21/2014", [("5/21/2014", "date", "2014-05-21")]),
        (
            "her bday is nov 12th 2015 and she starts kinder",
            [("nov 12th 2015", "date", "2015-11-12"), ("kinder", "grade", "K")],
        ),
        ("2013-09-17", [("2013-09-17", "date", "2013-09-17")]),
    ],
)
def test_mentions_in_sentences(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "(323) 555-0117",  # a phone number is not a date
        "i called today and yesterday",  # relative days are not dates of birth
        "on the 5th of march",  # no year: not a date, and not 5th grade
        "la mama dice q",  # passes the check symbol, but has no digit, dashes or capitals
        "born 2015 in LA",
        "the first day of school",
        "k paso con mi solicitud",  # "k" is SMS Spanish for "que"
        "he goes to Hollywood Senior High",
    ],
)
def test_ordinary_words_are_not_mentions(text: str) -> None:
    assert found(text) == []


def test_a_number_with_a_wrong_check_symbol_is_not_a_mention() -> None:
    number = new_confirmation_number()
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert found(f"status of {wrong} please") == []
    assert found(f"status of {number} please") == [(number, "confirmation_number", number)]


def test_a_date_wins_over_a_grade_it_contains() -> None:
    assert found("March 5th, 2015") == [("March 5th, 2015", "date", "2015-03-05")]


@given(st.text(max_size=300))
def test_any_text_gives_mentions_inside_it(text: str) -> None:
    for mention in find_mentions(text, today=TODAY):
        assert 0 <= mention.start < mention.end <= min(len(text), MAX_TEXT)
        assert mention.value


def test_a_huge_message_is_read_only_to_the_limit() -> None:
    text = "x " * 50_000 + "LA-6FQG-00JB-N"
    assert find_mentions(text, today=TODAY) == []
