"""The life of a permit application: statuses, the changes allowed between them, and the date that
matters in each (our model, derived from EC 46600-46611; the labels are not LAUSD's).

submitted -> pending_documents | pending_release | under_review -> provisionally_enrolled ->
approved | denied -> appealed_district -> appealed_county; abandoned, withdrawn, revoked end it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from bot.rules.codes import Code, Outcome


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


S = Status
_OPEN: Final = (S.SUBMITTED, S.PENDING_DOCUMENTS, S.PENDING_RELEASE, S.UNDER_REVIEW)
#: Every change staff (or the deadlines job) may make; anything else is refused.
TRANSITIONS: Final[dict[Status, frozenset[Status]]] = {
    S.SUBMITTED: frozenset(
        {S.PENDING_DOCUMENTS, S.PENDING_RELEASE, S.UNDER_REVIEW, S.WITHDRAWN, S.ABANDONED}
    ),
    S.PENDING_DOCUMENTS: frozenset({S.PENDING_RELEASE, S.UNDER_REVIEW, S.ABANDONED, S.WITHDRAWN}),
    S.PENDING_RELEASE: frozenset({S.PENDING_DOCUMENTS, S.UNDER_REVIEW, S.ABANDONED, S.WITHDRAWN}),
    S.UNDER_REVIEW: frozenset(
        {S.PENDING_DOCUMENTS, S.PENDING_RELEASE, S.PROVISIONALLY_ENROLLED, S.APPROVED, S.DENIED, S.WITHDRAWN}
    ),
    S.PROVISIONALLY_ENROLLED: frozenset({S.APPROVED, S.DENIED, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.REVOKED, S.WITHDRAWN}),
    S.DENIED: frozenset({S.APPEALED_DISTRICT, S.APPEALED_COUNTY}),  # county after the district's final letter
    S.APPEALED_DISTRICT: frozenset({S.APPROVED, S.DENIED, S.APPEALED_COUNTY}),
    S.APPEALED_COUNTY: frozenset({S.APPROVED, S.DENIED}),
    S.ABANDONED: frozenset(),
    S.REVOKED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
#: Statuses in which the district still owes a decision (the statutory date applies).
AWAITING_DECISION: Final = frozenset({*_OPEN, S.PROVISIONALLY_ENROLLED})
#: Statuses in which missing documents lead to abandonment.
AWAITING_DOCUMENTS: Final = frozenset({S.SUBMITTED, S.PENDING_DOCUMENTS})


def parse_status(text: str) -> Status | None:
    """The status for a code ("under_review", "under-review", "Under Review"), or None."""
    code = "_".join(text.strip().casefold().replace("-", " ").split())
    return Status(code) if code in {s.value for s in Status} else None


def check_transition(current: Status, target: Status) -> Outcome[Status]:
    """The target when the change is allowed; problems: same_status, not_allowed, final_status."""
    if current is target:
        return Outcome(problem="same_status")
    if not TRANSITIONS[current]:
        return Outcome(problem="final_status")
    if target not in TRANSITIONS[current]:
        return Outcome(problem="not_allowed")
    return Outcome(value=target)


def is_final(status: Status) -> bool:
    """True when nothing can follow (abandoned, revoked, withdrawn)."""
    return not TRANSITIONS[status]


def abandonment_date(submitted: date, abandon_days: int) -> date:
    """The day an application still missing documents is closed as abandoned."""
    return submitted + timedelta(days=abandon_days)


def warning_due(submitted: date, abandon_days: int, warn_days_before: int, today: date) -> bool:
    """True from `warn_days_before` days before abandonment (the parent is warned once)."""
    return today >= abandonment_date(submitted, abandon_days) - timedelta(days=warn_days_before)
