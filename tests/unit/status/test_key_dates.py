"""The date that matters in each status, computed with the statutory and calendar rules."""

from __future__ import annotations

from datetime import date

import pytest

from bot.rules.deadlines import AppealStage
from bot.rules.status import (
    ABANDONMENT_WARNING_DAYS,
    DateKind,
    KeyDate,
    Status,
    StatusFacts,
    abandonment_days,
    abandonment_warning_date,
    key_date,
)

SUBMITTED = date(2027, 3, 1)
INSTRUCTION = date(2027, 8, 12)
COMPLETE = StatusFacts(submitted_on=SUBMITTED, instruction_starts=INSTRUCTION, documents_missing=False)
INCOMPLETE = StatusFacts(submitted_on=SUBMITTED, instruction_starts=INSTRUCTION, documents_missing=True)


def test_abandonment_days_come_from_permits_yml() -> None:
    assert abandonment_days() == 30
    assert ABANDONMENT_WARNING_DAYS == 7
    assert abandonment_warning_date(SUBMITTED) == date(2027, 3, 24)


@pytest.mark.parametrize("status", ["submitted", "pending_documents", "pending_release"])
def test_missing_documents_make_abandonment_the_date(status: str) -> None:
    assert key_date(status, INCOMPLETE) == KeyDate(DateKind.ABANDONMENT, date(2027, 3, 31))


@pytest.mark.parametrize("status", ["submitted", "pending_release", "under_review"])
def test_waiting_for_the_district_shows_the_statutory_decision_date(status: str) -> None:
    # A future-year request: no later than 14 days after instruction starts (EC 46600.2).
    assert key_date(status, COMPLETE) == KeyDate(DateKind.DECISION_DUE, date(2027, 8, 26))


def test_a_current_year_request_is_due_thirty_days_after_receipt() -> None:
    facts = StatusFacts(
        submitted_on=date(2027, 8, 2), instruction_starts=INSTRUCTION, documents_missing=False
    )
    assert key_date(Status.UNDER_REVIEW, facts) == KeyDate(DateKind.DECISION_DUE, date(2027, 9, 1))


def test_no_calendar_for_the_year_means_no_decision_date() -> None:
    facts = StatusFacts(submitted_on=SUBMITTED, instruction_starts=None, documents_missing=False)
    assert key_date("under_review", facts).kind is DateKind.NONE


def test_provisional_enrollment_ends_after_two_school_months() -> None:
    facts = StatusFacts(
        submitted_on=SUBMITTED, instruction_starts=INSTRUCTION, documents_missing=False,
        provisional_start=date(2025, 9, 8),
    )  # fmt: skip
    assert key_date("provisionally_enrolled", facts) == KeyDate(DateKind.PROVISIONAL_END, date(2025, 10, 31))


def test_provisional_enrollment_skips_the_winter_recess_given() -> None:
    recess = (
        frozenset(date(2025, 12, 22 + offset) for offset in (0, 1, 2, 3, 4))
        | frozenset(date(2025, 12, 29 + offset) for offset in (0, 1, 2))
        | {date(2026, 1, 1), date(2026, 1, 2)}
    )
    facts = StatusFacts(
        submitted_on=SUBMITTED, instruction_starts=INSTRUCTION, documents_missing=False,
        provisional_start=date(2025, 11, 3), excluded_days=recess,
    )  # fmt: skip
    assert key_date("provisionally_enrolled", facts).day == date(2026, 1, 9)


def test_provisional_without_a_start_date_still_shows_the_decision_date() -> None:
    assert key_date("provisionally_enrolled", COMPLETE).kind is DateKind.DECISION_DUE


def test_a_denial_shows_the_district_then_the_county_appeal_deadline() -> None:
    denied = StatusFacts(
        submitted_on=SUBMITTED,
        instruction_starts=INSTRUCTION,
        documents_missing=False,
        decided_on=date(2027, 5, 3),
    )
    assert key_date("denied", denied) == KeyDate(DateKind.APPEAL_DEADLINE, date(2027, 5, 17))
    after_district = StatusFacts(**{**denied.__dict__, "appealed_to": AppealStage.DISTRICT})
    assert key_date("denied", after_district) == KeyDate(DateKind.APPEAL_DEADLINE, date(2027, 6, 2))
    after_county = StatusFacts(**{**denied.__dict__, "appealed_to": AppealStage.COUNTY})
    assert key_date("denied", after_county).kind is DateKind.NONE


@pytest.mark.parametrize(
    "status", ["approved", "appealed_district", "appealed_county", "abandoned", "revoked", "withdrawn"]
)
def test_statuses_without_a_date(status: str) -> None:
    assert key_date(status, INCOMPLETE) == KeyDate(DateKind.NONE)
    assert key_date(status, COMPLETE) == KeyDate(DateKind.NONE)
