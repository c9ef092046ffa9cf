"""Grades as parents say them and as CDE's GSoffered writes them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.grades import PERMIT_GRADES, Grade, GradeSpan, parse_grade, parse_grade_span


@pytest.mark.parametrize(
    ("typed", "grade"),
    [
        ("5th", Grade.G5),
        ("fifth grade", Grade.G5),
        ("Fifth", Grade.G5),
        ("quinto", Grade.G5),
        ("quinto grado", Grade.G5),
        ("5to", Grade.G5),
        ("5º", Grade.G5),
        ("5°", Grade.G5),
        ("grade 5", Grade.G5),
        ("grado 5", Grade.G5),
        ("5", Grade.G5),
        ("cinco", Grade.G5),
        ("kinder", Grade.K),
        ("kínder", Grade.K),
        ("K", Grade.K),
        ("kindergarten", Grade.K),
        ("TK", Grade.TK),
        ("T.K.", Grade.TK),
        ("transitional kindergarten", Grade.TK),
        ("kínder de transición", Grade.TK),
        ("12", Grade.G12),
        ("12th grade", Grade.G12),
        ("doceavo", Grade.G12),
        ("senior", Grade.G12),
        ("primer grado", Grade.G1),
        ("1ro", Grade.G1),
        ("1st", Grade.G1),
        ("2do", Grade.G2),
        ("3er grado", Grade.G3),
        ("séptimo", Grade.G7),
        ("noveno grado", Grade.G9),
        ("my son is going into 5th grade", Grade.G5),
        ("va a entrar a quinto", Grade.G5),
        ("she will be in kinder", Grade.K),
        ("in grade five next year", Grade.G5),
    ],
)
def test_grades_parents_type(typed: str, grade: Grade) -> None:
    assert parse_grade(typed) is grade


@pytest.mark.parametrize(
    "typed",
    ["", "preschool", "13", "13th", "0", "grade 13", "I have two kids", "first grade and second grade", "ok"],
)
def test_not_a_permit_grade(typed: str) -> None:
    assert parse_grade(typed) is None


def test_codes_round_trip_and_order() -> None:
    assert [grade.code for grade in PERMIT_GRADES] == ["TK", "K"] + [str(number) for number in range(1, 13)]
    assert all(Grade.from_code(grade.code) is grade for grade in Grade)
    assert Grade.P < Grade.TK < Grade.K < Grade.G1 < Grade.G12
    with pytest.raises(ValueError):
        Grade.from_code("13")


@given(st.sampled_from(PERMIT_GRADES))
def test_every_permit_grade_parses_from_its_code(grade: Grade) -> None:
    assert parse_grade(grade.code) is grade
    assert parse_grade(grade.code.lower()) is grade


@pytest.mark.parametrize(
    ("gs_offered", "span"),
    [
        ("K-5", GradeSpan(Grade.K, Grade.G5)),
        ("9-12", GradeSpan(Grade.G9, Grade.G12)),
        ("P-12", GradeSpan(Grade.P, Grade.G12)),
        ("P-K", GradeSpan(Grade.P, Grade.K)),
        ("K", GradeSpan(Grade.K, Grade.K)),
        ("8", GradeSpan(Grade.G8, Grade.G8)),
        ("9-Adult", GradeSpan(Grade.G9, Grade.G12, adult=True)),
        ("TK-5", GradeSpan(Grade.TK, Grade.G5)),
        ("", None),
        ("Adult", None),
        ("5-3", None),
        ("1-13", None),
        ("K to 5", None),
    ],
)
def test_cde_grade_spans(gs_offered: str, span: GradeSpan | None) -> None:
    assert parse_grade_span(gs_offered) == span


def test_span_membership() -> None:
    span = parse_grade_span("K-5")
    assert span is not None
    assert Grade.K in span and Grade.G5 in span
    assert Grade.TK not in span and Grade.G6 not in span
    p_span = parse_grade_span("P-6")
    assert p_span is not None and Grade.TK in p_span  # P covers the preschool years, TK included
