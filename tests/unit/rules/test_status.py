from datetime import date
from itertools import product

import pytest

from bot.rules.status import (
    TRANSITIONS,
    Status,
    abandonment_date,
    check_transition,
    is_final,
    parse_status,
    warning_due,
)

ALLOWED = {
    ("submitted", "pending_documents"),
    ("submitted", "pending_release"),
    ("submitted", "under_review"),
    ("submitted", "withdrawn"),
    ("submitted", "abandoned"),
    ("pending_documents", "pending_release"),
    ("pending_documents", "under_review"),
    ("pending_documents", "abandoned"),
    ("pending_documents", "withdrawn"),
    ("pending_release", "pending_documents"),
    ("pending_release", "under_review"),
    ("pending_release", "abandoned"),
    ("pending_release", "withdrawn"),
    ("under_review", "pending_documents"),
    ("under_review", "pending_release"),
    ("under_review", "provisionally_enrolled"),
    ("under_review", "approved"),
    ("under_review", "denied"),
    ("under_review", "withdrawn"),
    ("provisionally_enrolled", "approved"),
    ("provisionally_enrolled", "denied"),
    ("provisionally_enrolled", "withdrawn"),
    ("approved", "revoked"),
    ("approved", "withdrawn"),
    ("denied", "appealed_district"),
    ("denied", "appealed_county"),
    ("appealed_district", "approved"),
    ("appealed_district", "denied"),
    ("appealed_district", "appealed_county"),
    ("appealed_county", "approved"),
    ("appealed_county", "denied"),
}


@pytest.mark.parametrize(("current", "target"), list(product(Status, Status)))
def test_every_pair_is_allowed_or_refused_as_the_table_says(current: Status, target: Status) -> None:
    outcome = check_transition(current, target)
    assert outcome.ok == ((current.value, target.value) in ALLOWED)
    if current is target:
        assert outcome.problem == "same_status"
    elif is_final(current):
        assert outcome.problem == "final_status"


def test_final_statuses_and_every_status_has_a_row() -> None:
    assert set(TRANSITIONS) == set(Status)
    assert {s.value for s in Status if is_final(s)} == {"abandoned", "revoked", "withdrawn"}


def test_status_codes_are_read_forgivingly() -> None:
    assert parse_status("Under Review") is Status.UNDER_REVIEW
    assert parse_status("pending-documents") is Status.PENDING_DOCUMENTS
    assert parse_status("approved!") is None


def test_abandonment_and_its_warning() -> None:
    submitted = date(2027, 2, 1)
    assert abandonment_date(submitted, 30) == date(2027, 3, 3)
    assert not warning_due(submitted, 30, 7, date(2027, 2, 23))
    assert warning_due(submitted, 30, 7, date(2027, 2, 24))
