"""Every pair of statuses: the allowed moves, written out independently of the table, and the refusals."""

from __future__ import annotations

import itertools

import pytest

from bot.rules.status import TERMINAL, TRANSITIONS, Status, can_move, check_transition, parse_status

ALLOWED = {
    "submitted": "pending_documents pending_release under_review provisionally_enrolled abandoned withdrawn",
    "pending_documents": "pending_release under_review provisionally_enrolled abandoned withdrawn",
    "pending_release": "pending_documents under_review provisionally_enrolled denied abandoned withdrawn",
    "under_review": "pending_documents pending_release provisionally_enrolled approved denied withdrawn",
    "provisionally_enrolled": "approved denied withdrawn",
    "approved": "revoked withdrawn",
    "denied": "appealed_district appealed_county",
    "appealed_district": "approved denied withdrawn",
    "appealed_county": "approved denied withdrawn",
    "abandoned": "",
    "revoked": "",
    "withdrawn": "",
}
CODES = [status.value for status in Status]
PAIRS = list(itertools.product(CODES, CODES))


def test_the_model_has_the_twelve_statuses_of_the_domain_guide() -> None:
    assert sorted(CODES) == sorted(ALLOWED)


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_every_pair(source: str, target: str) -> None:
    outcome = check_transition(source, target)
    expected = target in ALLOWED[source].split()
    assert can_move(source, target) is expected
    assert outcome.ok is expected
    if expected:
        assert outcome.value is Status(target)
    elif source == target:
        assert outcome.problem == "same_status"
    elif not ALLOWED[source]:
        assert outcome.problem == "from_terminal"
    else:
        assert outcome.problem == "not_allowed"


def test_terminal_statuses_are_those_that_go_nowhere() -> None:
    assert {status.value for status in TERMINAL} == {"abandoned", "revoked", "withdrawn"}
    assert all(TRANSITIONS[status] == frozenset() for status in TERMINAL)


def test_unknown_codes_are_refused_either_side() -> None:
    assert check_transition("under_review", "accepted").problem == "unknown_status"
    assert check_transition("pending", "approved").problem == "unknown_status"


def test_status_codes_are_read_forgivingly() -> None:
    assert parse_status(" Under Review ") is Status.UNDER_REVIEW
    assert parse_status("appealed-county") is Status.APPEALED_COUNTY
    assert parse_status("approve") is None
    assert check_transition(Status.UNDER_REVIEW, "Approved").value is Status.APPROVED
