"""When a permit application can be made, from permits.yml ``application_windows``.

Semantics (seed, plus the district page on late outgoing requests):

* Applications for school year Y (July 1 – June 30) open on the opening day (Feb 1) of
  the calendar year Y starts in: 2027-28 opens 2027-02-01.
* Incoming: no closing date. A year stays open from its opening day until the year
  ends on June 30, so on 2026-11-28 incoming requests for 2026-27 are open and those for
  2027-28 open on 2027-02-01.
* Outgoing: closes at the end of the closing day (Apr 30) of the same calendar year:
  2027-28 runs 2027-02-01 to 2027-04-30. Reasons listed in ``except_reasons``
  (parent employment) are still accepted afterwards, until the year ends.
* A school year that has ended (after June 30) is closed for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.core.codes import Code, Direction
from bot.core.policy import Policy, load_policy
from bot.rules.school_year import SchoolYear


class WindowState(Code):
    """Where a date falls relative to a school year's application window."""

    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    OPEN_LATE = "open_late"  # after the closing day, for an excepted reason
    CLOSED = "closed"
    YEAR_ENDED = "year_ended"


@dataclass(frozen=True)
class ApplicationWindow:
    """One school year's window for a direction (and reason), seen from ``on``."""

    direction: Direction
    school_year: SchoolYear
    on: date
    state: WindowState
    opens: date
    closes: date | None  # the published closing day; None = no closing date
    late_reasons: frozenset[str]  # reasons still accepted after ``closes``

    @property
    def is_open(self) -> bool:
        """True when an application for this year and reason can be made on ``on``."""
        return self.state in (WindowState.OPEN, WindowState.OPEN_LATE)


def application_window(
    direction: Direction,
    school_year: SchoolYear,
    on: date,
    reason: str | None = None,
    *,
    policy: Policy | None = None,
) -> ApplicationWindow:
    """The window for ``school_year`` seen on day ``on``; ``reason`` matters only after outgoing closes.

    ``reason=None`` asks about the general rule. Raises ValueError for a reason code the
    policy does not list for ``direction``.
    """
    policy = policy or load_policy()
    if reason is not None and not policy.is_reason(reason, direction):
        raise ValueError(f"{reason!r} is not a {direction.value} reason")
    rules = policy.windows
    opens = date(school_year.start_year, rules.opens_month, rules.opens_day)
    closing = rules.closing[direction]
    closes: date | None = None
    late: frozenset[str] = frozenset()
    if closing is not None:
        closes = date(school_year.start_year, closing.month, closing.day)
        late = closing.except_reasons

    if on > school_year.last_day:
        state = WindowState.YEAR_ENDED
    elif on < opens:
        state = WindowState.NOT_YET_OPEN
    elif closes is None or on <= closes:
        state = WindowState.OPEN
    elif reason in late:
        state = WindowState.OPEN_LATE
    else:
        state = WindowState.CLOSED
    return ApplicationWindow(direction, school_year, on, state, opens, closes, late)


def application_windows(
    direction: Direction, on: date, reason: str | None = None, *, policy: Policy | None = None
) -> tuple[ApplicationWindow, ApplicationWindow]:
    """The windows for the current school year and the next one, seen on day ``on``.

    This answers "can I still apply?" and "when does it open?" in one call.
    """
    current = SchoolYear.containing(on)
    return (
        application_window(direction, current, on, reason, policy=policy),
        application_window(direction, current.next(), on, reason, policy=policy),
    )
