"""Application windows: Feb 1 opening, Apr 30 outgoing close (parent employment excepted)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.codes import Direction
from bot.core.policy import load_policy
from bot.rules.school_year import SchoolYear
from bot.rules.windows import WindowState, application_window, application_windows

INCOMING, OUTGOING = Direction.INCOMING, Direction.OUTGOING
NOV_28 = date(2026, 11, 28)


def test_incoming_on_nov_28_current_year_open_next_year_opens_feb_1() -> None:
    current, upcoming = application_windows(INCOMING, NOV_28)
    assert (current.school_year.label, current.state, current.closes) == ("2026-27", WindowState.OPEN, None)
    assert current.is_open
    assert (upcoming.school_year.label, upcoming.state, upcoming.opens) == (
        "2027-28",
        WindowState.NOT_YET_OPEN,
        date(2027, 2, 1),
    )
    assert not upcoming.is_open


def test_outgoing_for_2027_28_runs_feb_1_to_apr_30() -> None:
    window = application_window(OUTGOING, SchoolYear(2027), NOV_28, "childcare")
    assert (window.state, window.opens, window.closes) == (
        WindowState.NOT_YET_OPEN,
        date(2027, 2, 1),
        date(2027, 4, 30),
    )
    on = application_window(OUTGOING, SchoolYear(2027), date(2027, 2, 1), "childcare")
    assert on.state is WindowState.OPEN
    last = application_window(OUTGOING, SchoolYear(2027), date(2027, 4, 30), "childcare")
    assert last.state is WindowState.OPEN
    after = application_window(OUTGOING, SchoolYear(2027), date(2027, 5, 1), "childcare")
    assert after.state is WindowState.CLOSED and not after.is_open


def test_after_apr_30_outgoing_only_parent_employment() -> None:
    late = application_window(OUTGOING, SchoolYear(2027), date(2027, 5, 1), "parent_employment")
    assert late.state is WindowState.OPEN_LATE and late.is_open
    assert late.late_reasons == {"parent_employment"}
    general = application_window(OUTGOING, SchoolYear(2027), date(2027, 5, 1))
    assert general.state is WindowState.CLOSED
    current, _ = application_windows(OUTGOING, NOV_28, "parent_employment")
    assert current.state is WindowState.OPEN_LATE
    current, _ = application_windows(OUTGOING, NOV_28, "sibling")
    assert current.state is WindowState.CLOSED


def test_incoming_never_closes_before_the_year_ends() -> None:
    assert application_window(INCOMING, SchoolYear(2026), date(2027, 6, 30)).state is WindowState.OPEN
    assert application_window(INCOMING, SchoolYear(2026), date(2027, 7, 1)).state is WindowState.YEAR_ENDED
    assert application_window(INCOMING, SchoolYear(2026), date(2026, 1, 31)).state is WindowState.NOT_YET_OPEN


def test_an_unknown_reason_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        application_window(OUTGOING, SchoolYear(2027), NOV_28, "homework")


reasons = st.sampled_from([None, *load_policy().outgoing_reasons])


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.sampled_from(Direction), reasons
)
def test_window_semantics_for_any_day(on: date, direction: Direction, reason: str | None) -> None:
    incoming_reason = reason if reason in load_policy().incoming_reasons else None
    chosen = reason if direction is OUTGOING else incoming_reason
    current, upcoming = application_windows(direction, on, chosen)
    assert (
        current.school_year == SchoolYear.containing(on)
        and upcoming.school_year == current.school_year.next()
    )
    for window in (current, upcoming):
        assert window.opens == date(window.school_year.start_year, 2, 1)
    # The year we are in opened last February; the next one opens this coming February.
    assert on >= current.opens
    late_reason = chosen == "parent_employment"
    if direction is INCOMING:
        assert current.state is WindowState.OPEN and current.closes is None
        assert upcoming.is_open == (on >= upcoming.opens)
    else:
        assert current.closes == date(current.school_year.start_year, 4, 30)
        assert current.is_open == late_reason  # today is always after last April 30
        assert upcoming.closes is not None
        assert upcoming.is_open == (
            upcoming.opens <= on <= upcoming.closes or (on >= upcoming.opens and late_reason)
        )
        if upcoming.is_open:
            assert upcoming.state is (WindowState.OPEN if on <= upcoming.closes else WindowState.OPEN_LATE)
