"""The status of a permit application: the codes, which moves are allowed, and the date that matters.

The status model is the project's own, derived from the Education Code sections that
bot/policy/permits.yml cites (EC 46600: permits, release and revocation; 46600.2: decision dates;
46601: appeals to the county board; 46603: provisional attendance; the text is at
https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=EDC&sectionNum=46600
and the neighbouring sections); the labels are not LAUSD's. The allowed moves are data
(``TRANSITIONS``) so a reviewer can read the whole model in one table. Terminal statuses end the
request: a parent applies again instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Final

from bot.core.codes import Code
from bot.core.policy import load_policy
from bot.rules.calendar import provisional_enrollment_end
from bot.rules.codes import Outcome
from bot.rules.deadlines import AppealStage, county_appeal_deadline, decision_due, district_appeal_deadline


class Status(Code):
    """Where an application stands."""

    SUBMITTED = "submitted"
    PENDING_DOCUMENTS = "pending_documents"
    PENDING_RELEASE = "pending_release"
    UNDER_REVIEW = "under_review"
    PROVISIONALLY_ENROLLED = "provisionally_enrolled"
    APPROVED = "approved"
    DENIED = "denied"
    APPEALED_DISTRICT = "appealed_district"
    APPEALED_COUNTY = "appealed_county"
    ABANDONED = "abandoned"
    REVOKED = "revoked"
    WITHDRAWN = "withdrawn"


class DateKind(Code):
    """Which date matters to the parent in a status."""

    DECISION_DUE = "decision_due"
    ABANDONMENT = "abandonment"
    APPEAL_DEADLINE = "appeal_deadline"
    PROVISIONAL_END = "provisional_end"
    NONE = "none"


S = Status
#: Every allowed move. Anything else is refused; a status never moves to itself.
TRANSITIONS: Final[Mapping[Status, frozenset[Status]]] = MappingProxyType(
    {
        S.SUBMITTED: frozenset(
            {
                S.PENDING_DOCUMENTS,
                S.PENDING_RELEASE,
                S.UNDER_REVIEW,
                S.PROVISIONALLY_ENROLLED,
                S.ABANDONED,
                S.WITHDRAWN,
            }
        ),
        S.PENDING_DOCUMENTS: frozenset(
            {S.PENDING_RELEASE, S.UNDER_REVIEW, S.PROVISIONALLY_ENROLLED, S.ABANDONED, S.WITHDRAWN}
        ),
        # A receiving district's refusal without a release is not an appealable denial (EC
        # 46600.1(d)(2)(C)), but it still ends the request as "denied" in our model.
        S.PENDING_RELEASE: frozenset(
            {
                S.PENDING_DOCUMENTS,
                S.UNDER_REVIEW,
                S.PROVISIONALLY_ENROLLED,
                S.DENIED,
                S.ABANDONED,
                S.WITHDRAWN,
            }
        ),
        S.UNDER_REVIEW: frozenset(
            {
                S.PENDING_DOCUMENTS,
                S.PENDING_RELEASE,
                S.PROVISIONALLY_ENROLLED,
                S.APPROVED,
                S.DENIED,
                S.WITHDRAWN,
            }
        ),
        S.PROVISIONALLY_ENROLLED: frozenset({S.APPROVED, S.DENIED, S.WITHDRAWN}),
        S.APPROVED: frozenset({S.REVOKED, S.WITHDRAWN}),
        # The district's own appeal first; a denial after it (the final letter) goes to the county.
        S.DENIED: frozenset({S.APPEALED_DISTRICT, S.APPEALED_COUNTY}),
        S.APPEALED_DISTRICT: frozenset({S.APPROVED, S.DENIED, S.WITHDRAWN}),
        S.APPEALED_COUNTY: frozenset({S.APPROVED, S.DENIED, S.WITHDRAWN}),
        S.ABANDONED: frozenset(),
        S.REVOKED: frozenset(),
        S.WITHDRAWN: frozenset(),
    }
)
TERMINAL: Final = frozenset(status for status, targets in TRANSITIONS.items() if not targets)
#: Statuses in which the parent may still owe documents: the abandonment clock runs.
AWAITING_PARENT: Final = frozenset({S.SUBMITTED, S.PENDING_DOCUMENTS, S.PENDING_RELEASE})

UNKNOWN_STATUS: Final = "unknown_status"
SAME_STATUS: Final = "same_status"
FROM_TERMINAL: Final = "from_terminal"
NOT_ALLOWED: Final = "not_allowed"

#: Days before abandonment when the parent is warned once. The project's choice (issue #6),
#: not a district rule, so it is a constant rather than a policy fact.
ABANDONMENT_WARNING_DAYS: Final = 7


def parse_status(code: str | Status) -> Status | None:
    """The Status for a code ("under_review", any case, dashes or spaces allowed), or None."""
    if isinstance(code, Status):
        return code
    try:
        return Status("_".join(code.strip().lower().replace("-", " ").split()))
    except ValueError:
        return None


def can_move(from_status: str | Status, to_status: str | Status) -> bool:
    """True when an application may go from ``from_status`` to ``to_status``."""
    return check_transition(from_status, to_status).ok


def check_transition(from_status: str | Status, to_status: str | Status) -> Outcome[Status]:
    """The target Status when the move is allowed, else a problem code.

    Problems: unknown_status (either code), same_status, from_terminal (abandoned, revoked,
    withdrawn never move), not_allowed (anything else missing from TRANSITIONS).
    """
    source, target = parse_status(from_status), parse_status(to_status)
    if source is None or target is None:
        return Outcome(problem=UNKNOWN_STATUS)
    if source is target:
        return Outcome(problem=SAME_STATUS)
    if source in TERMINAL:
        return Outcome(problem=FROM_TERMINAL)
    if target not in TRANSITIONS[source]:
        return Outcome(problem=NOT_ALLOWED)
    return Outcome(value=target)


def abandonment_days(path: Path | str | None = None) -> int:
    """Days after submission when an incomplete application is abandoned (permits.yml processing)."""
    return load_policy(path).processing.abandoned_after_days_incomplete


@dataclass(frozen=True)
class StatusFacts:
    """What the key date of an application depends on (all dates are Los Angeles dates).

    ``instruction_starts`` is the first day of instruction of the requested school year (None
    when the calendar does not cover it); ``appealed_to`` is the furthest appeal already made.
    """

    submitted_on: date
    instruction_starts: date | None
    documents_missing: bool
    decided_on: date | None = None
    provisional_start: date | None = None
    appealed_to: AppealStage | None = None
    excluded_days: frozenset[date] = frozenset()


@dataclass(frozen=True)
class KeyDate:
    """The date that matters in a status, and what kind it is (``day`` is None for kind none)."""

    kind: DateKind
    day: date | None = None


NO_DATE: Final = KeyDate(DateKind.NONE)


def abandonment_date(submitted_on: date) -> date:
    """The day an application still missing documents is abandoned."""
    return submitted_on + timedelta(days=abandonment_days())


def abandonment_warning_date(submitted_on: date) -> date:
    """The day the parent is warned that the application will be abandoned."""
    return abandonment_date(submitted_on) - timedelta(days=ABANDONMENT_WARNING_DAYS)


def key_date(status: str | Status, facts: StatusFacts) -> KeyDate:
    """The date that matters for a parent in ``status``; NO_DATE when none applies or is known.

    Waiting for the parent with documents missing: abandonment. Waiting for the district:
    the statutory decision date (EC 46600.2). Provisionally enrolled: its estimated end.
    Denied: the last day of the next appeal (district, then county; none after the county).
    """
    current = parse_status(status)
    if current in AWAITING_PARENT and facts.documents_missing:
        return KeyDate(DateKind.ABANDONMENT, abandonment_date(facts.submitted_on))
    if current in AWAITING_PARENT or current is S.UNDER_REVIEW:
        return _decision_due(facts)
    if current is S.PROVISIONALLY_ENROLLED:
        if facts.provisional_start is None:
            return _decision_due(facts)
        end = provisional_enrollment_end(facts.provisional_start, facts.excluded_days)
        return KeyDate(DateKind.PROVISIONAL_END, end)
    if current is S.DENIED and facts.decided_on is not None:
        if facts.appealed_to is None:
            return KeyDate(DateKind.APPEAL_DEADLINE, district_appeal_deadline(facts.decided_on).due)
        if facts.appealed_to is AppealStage.DISTRICT:
            return KeyDate(DateKind.APPEAL_DEADLINE, county_appeal_deadline(facts.decided_on).due)
    return NO_DATE


def _decision_due(facts: StatusFacts) -> KeyDate:
    if facts.instruction_starts is None:
        return NO_DATE
    return KeyDate(DateKind.DECISION_DUE, decision_due(facts.submitted_on, facts.instruction_starts).due)
