"""EC 46600.2 decision due dates and appeal deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.deadlines import (
    AppealStage,
    RequestTiming,
    county_appeal_deadline,
    decision_due,
    district_appeal_deadline,
    request_timing,
)

STARTS = date(2026, 8, 13)


def test_fifteen_days_before_is_current_year_sixteen_is_future_year() -> None:
    assert request_timing(STARTS - timedelta(days=15), STARTS) is RequestTiming.CURRENT_YEAR
    assert request_timing(STARTS - timedelta(days=16), STARTS) is RequestTiming.FUTURE_YEAR
    assert request_timing(STARTS + timedelta(days=40), STARTS) is RequestTiming.CURRENT_YEAR


def test_current_year_decision_within_30_days_of_receipt() -> None:
    due = decision_due(date(2026, 9, 10), STARTS)
    assert (due.timing, due.due) == (RequestTiming.CURRENT_YEAR, date(2026, 10, 10))


def test_future_year_decision_14_days_after_instruction_starts() -> None:
    due = decision_due(date(2026, 3, 2), STARTS)
    assert (due.timing, due.due) == (RequestTiming.FUTURE_YEAR, date(2026, 8, 27))


@given(st.integers(min_value=-300, max_value=400))
def test_decision_is_never_due_before_receipt_or_instruction(days_before: int) -> None:
    received = STARTS - timedelta(days=days_before)
    due = decision_due(received, STARTS)
    assert due.due > received
    assert due.due >= STARTS or due.timing is RequestTiming.CURRENT_YEAR
    assert (due.timing is RequestTiming.CURRENT_YEAR) == (days_before <= 15)


def test_appeal_deadlines_from_policy() -> None:
    district = district_appeal_deadline(date(2026, 10, 1))
    assert (district.stage, district.due, district.days, district.verify) == (
        AppealStage.DISTRICT,
        date(2026, 10, 15),
        14,
        True,
    )
    county = county_appeal_deadline(date(2026, 10, 20))
    assert (county.stage, county.due, county.days, county.verify) == (
        AppealStage.COUNTY,
        date(2026, 11, 19),
        30,
        False,
    )
