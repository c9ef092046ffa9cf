"""Can a permit be requested for this school and grade? Magnet status and grade range.

CDE's ``Magnet`` flag means "a magnet school and/or has a magnet program": a whole-school
magnet is closed to incoming permits (seed), while a comprehensive school with a magnet
program may still take a permit into its regular program (verify with the office).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bot.core.codes import Code, Direction
from bot.core.policy import Policy, load_policy
from bot.rules.grades import Grade, parse_grade_span

MAGNET_SCHOOL: Final = "magnet_school"
GRADE_NOT_OFFERED: Final = "grade_not_offered"
MAGNET_PROGRAM_RESIDENTS_ONLY: Final = "magnet_program_residents_only"
GRADES_UNKNOWN: Final = "grades_unknown"

_MAGNET_WORD = re.compile(
    r"\bmag(net)?\b", re.IGNORECASE
)  # CDE abbreviates: "... Arts/Theatre/Entertain Mag"


class MagnetStatus(Code):
    """How a school relates to magnet programs, read from CDE's flag and the school's name."""

    NONE = "none"
    MAGNET_SCHOOL = "magnet_school"  # the whole school is a magnet
    HAS_MAGNET_PROGRAM = "has_magnet_program"  # flagged, but a comprehensive school
    UNKNOWN = "unknown"  # CDE left the flag empty


@dataclass(frozen=True)
class SchoolEligibility:
    """Whether a request can go ahead: ``refusals`` block it, ``caveats`` are said alongside."""

    refusals: tuple[str, ...]
    caveats: tuple[str, ...]

    @property
    def eligible(self) -> bool:
        """True when nothing refuses the request."""
        return not self.refusals


def magnet_status(cde_magnet_flag: str, school_name: str) -> MagnetStatus:
    """Classify a school from CDE's ``Magnet`` column ("Y"/"N"/"") and its ``School`` name."""
    flag = cde_magnet_flag.strip().upper()
    if flag == "Y":
        # Whole-school magnets are usually named "... Magnet"; others may host a magnet center.
        return (
            MagnetStatus.MAGNET_SCHOOL
            if _MAGNET_WORD.search(school_name)
            else MagnetStatus.HAS_MAGNET_PROGRAM
        )
    if flag == "N":
        return MagnetStatus.NONE
    return MagnetStatus.UNKNOWN


def school_eligibility(
    direction: Direction,
    grade: Grade,
    gs_offered: str,
    magnet: MagnetStatus,
    *,
    policy: Policy | None = None,
) -> SchoolEligibility:
    """Check a requested school for a direction and grade.

    Refusals: magnet_school (incoming permits into a whole-school magnet, when the policy
    closes magnets to them), grade_not_offered (``grade`` outside CDE's ``GSoffered``).
    Caveats: magnet_program_residents_only, grades_unknown (empty or unreadable GSoffered).
    """
    policy = policy or load_policy()
    refusals: list[str] = []
    caveats: list[str] = []
    if direction is Direction.INCOMING and not policy.magnet_open_to_incoming:
        if magnet is MagnetStatus.MAGNET_SCHOOL:
            refusals.append(MAGNET_SCHOOL)
        elif magnet is MagnetStatus.HAS_MAGNET_PROGRAM:
            caveats.append(MAGNET_PROGRAM_RESIDENTS_ONLY)
    span = parse_grade_span(gs_offered)
    if span is None:
        caveats.append(GRADES_UNKNOWN)
    elif grade not in span:
        refusals.append(GRADE_NOT_OFFERED)
    return SchoolEligibility(refusals=tuple(refusals), caveats=tuple(caveats))
