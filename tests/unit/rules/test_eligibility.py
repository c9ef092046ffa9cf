"""Magnet schools and grade ranges."""

from __future__ import annotations

import pytest

from bot.core.codes import Direction
from bot.rules.eligibility import (
    GRADE_NOT_OFFERED,
    GRADES_UNKNOWN,
    MAGNET_PROGRAM_RESIDENTS_ONLY,
    MAGNET_SCHOOL,
    MagnetStatus,
    magnet_status,
    school_eligibility,
)
from bot.rules.grades import Grade

INCOMING, OUTGOING = Direction.INCOMING, Direction.OUTGOING


@pytest.mark.parametrize(
    ("flag", "name", "status"),
    [
        ("Y", "Daniel Pearl Journalism & Communications Magnet", MagnetStatus.MAGNET_SCHOOL),
        ("Y", "Cesar E. Chavez Learning Academies - Arts/Theatre/Entertain Mag", MagnetStatus.MAGNET_SCHOOL),
        ("Y", "Hollywood Senior High", MagnetStatus.HAS_MAGNET_PROGRAM),
        ("Y", "Eagle Rock High", MagnetStatus.HAS_MAGNET_PROGRAM),
        ("y ", "Magnolia Elementary", MagnetStatus.HAS_MAGNET_PROGRAM),  # "Magnolia" is not "Magnet"
        ("N", "Some Magnet Street Elementary", MagnetStatus.NONE),
        ("", "Anywhere Elementary", MagnetStatus.UNKNOWN),
    ],
)
def test_magnet_status_from_cde_flag_and_name(flag: str, name: str, status: MagnetStatus) -> None:
    assert magnet_status(flag, name) is status


def test_whole_school_magnet_refuses_incoming_permits() -> None:
    result = school_eligibility(INCOMING, Grade.G9, "9-12", MagnetStatus.MAGNET_SCHOOL)
    assert result.refusals == (MAGNET_SCHOOL,) and not result.eligible


def test_school_with_a_magnet_program_is_a_caveat_not_a_refusal() -> None:
    result = school_eligibility(INCOMING, Grade.G9, "9-12", MagnetStatus.HAS_MAGNET_PROGRAM)
    assert result.eligible and result.caveats == (MAGNET_PROGRAM_RESIDENTS_ONLY,)


def test_outgoing_permits_are_not_about_lausd_magnets() -> None:
    result = school_eligibility(OUTGOING, Grade.G9, "9-12", MagnetStatus.MAGNET_SCHOOL)
    assert result.eligible and result.caveats == ()


@pytest.mark.parametrize(
    ("grade", "gs_offered", "refusals", "caveats"),
    [
        (Grade.G5, "K-5", (), ()),
        (Grade.G6, "K-5", (GRADE_NOT_OFFERED,), ()),
        (Grade.TK, "K-5", (GRADE_NOT_OFFERED,), ()),
        (Grade.TK, "P-12", (), ()),
        (Grade.G12, "9-Adult", (), ()),
        (Grade.G3, "", (), (GRADES_UNKNOWN,)),
        (Grade.G3, "Adult", (), (GRADES_UNKNOWN,)),
    ],
)
def test_grade_against_gs_offered(
    grade: Grade, gs_offered: str, refusals: tuple[str, ...], caveats: tuple[str, ...]
) -> None:
    result = school_eligibility(INCOMING, grade, gs_offered, MagnetStatus.NONE)
    assert (result.refusals, result.caveats) == (refusals, caveats)


def test_every_refusal_is_reported() -> None:
    result = school_eligibility(INCOMING, Grade.G2, "9-12", MagnetStatus.MAGNET_SCHOOL)
    assert result.refusals == (MAGNET_SCHOOL, GRADE_NOT_OFFERED)
