"""Grades named inside sentences, in English and Spanish, and words that only look like grades."""

from __future__ import annotations

import pytest

from bot.rules.grade_mentions import grade_mentions


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.grade.code) for m in grade_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my son starts 5th grade in August", [("5th grade", "5")]),
        ("esta en quinto", [("quinto", "5")]),
        ("mi hijo de tercero", [("tercero", "3")]),
        ("va a entrar a primero de secundaria", [("primero de secundaria", "7")]),
        ("tercero de secundaria", [("tercero de secundaria", "9")]),
        ("quinto de primaria", [("quinto de primaria", "5")]),
        ("my 2nd son is in kinder", [("kinder", "K")]),
        ("TK this fall", [("TK", "TK")]),
        ("kinder de transición", [("kinder de transición", "TK")]),
        ("transitional kindergarten", [("transitional kindergarten", "TK")]),
        ("hes going to be a junior", [("junior", "11")]),
        ("grade 5", [("grade 5", "5")]),
        ("5to grado", [("5to grado", "5")]),
        ("3ro", [("3ro", "3")]),
        ("she is in first", [("first", "1")]),
        ("ninth", [("ninth", "9")]),
        ("a third grader", [("third grader", "3")]),
        ("my 2nd grader's permit", [("2nd grader's", "2")]),
        ("k", [("k", "K")]),
        ("my twins are in 2nd and 4th grade", [("2nd", "2"), ("4th grade", "4")]),
    ],
)
def test_grades_in_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the first day of school",
        "el primer dia de clases",
        "my second child",
        "is this the third time i ask",
        "on the 5th of march",
        "el primero de mayo",
        "Hollywood Senior High",
        "k paso",
        "a second opinion",
        "cuarto de secundaria",  # secundaria has three years
        "13th grade",
    ],
)
def test_words_that_only_look_like_grades(text: str) -> None:
    assert found(text) == []
