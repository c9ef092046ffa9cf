"""The typed loader of permits.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.codes import Direction
from bot.core.data_file import DataFileError
from bot.core.policy import (
    DEFAULT_POLICY_PATH,
    Confidence,
    DocumentRequirement,
    clear_policy_cache,
    load_policy,
    parse_policy,
)

SEED_REASONS = [
    "parent_employment",
    "specialized_program",
    "continuing_enrollment",
    "sibling",
    "childcare",
    "bullying",
    "military",
    "exception",
]


def raw_policy() -> dict[str, object]:
    loaded = yaml.safe_load(DEFAULT_POLICY_PATH.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_the_eight_incoming_reasons_in_the_seed_order() -> None:
    assert list(load_policy().incoming_reasons) == SEED_REASONS


def test_reason_lookup_by_direction() -> None:
    policy = load_policy()
    assert policy.is_reason("childcare", Direction.INCOMING)
    assert policy.is_reason("parent_employment", Direction.OUTGOING)
    assert not policy.is_reason("homework", Direction.INCOMING)
    assert policy.reasons(Direction.OUTGOING)["bullying"].provenance.confidence is Confidence.LAW


def test_documents_for_childcare_always_then_reason_then_if_applicable() -> None:
    documents = load_policy().documents_for("childcare")
    assert [(doc.code, doc.requirement) for doc in documents] == [
        ("release_from_residence", DocumentRequirement.ALWAYS),
        ("childcare_affidavit", DocumentRequirement.FOR_REASON),
        ("provider_letter", DocumentRequirement.FOR_REASON),
        ("iep_or_504", DocumentRequirement.IF_APPLICABLE),
    ]
    by_code = {doc.code: doc for doc in documents}
    assert by_code["childcare_affidavit"].confidence is Confidence.SEED
    assert not by_code["childcare_affidavit"].hedged
    assert by_code["provider_letter"].hedged  # typical: the bot says "usually"


def test_a_reason_marked_verify_marks_its_documents() -> None:
    documents = {doc.code: doc for doc in load_policy().documents_for("bullying")}
    assert documents["incident_reports"].verify  # the reason is verify: true
    assert not documents["release_from_residence"].verify


@pytest.mark.parametrize("reason", SEED_REASONS)
def test_every_reason_starts_with_the_release(reason: str) -> None:
    documents = load_policy().documents_for(reason)
    assert documents[0].code == "release_from_residence"
    assert len(documents) >= 3


def test_numbers_come_from_the_file() -> None:
    policy = load_policy()
    assert policy.provisional_weekdays == 40
    assert (policy.windows.opens_month, policy.windows.opens_day) == (2, 1)
    outgoing = policy.windows.closing[Direction.OUTGOING]
    assert outgoing is not None and (outgoing.month, outgoing.day) == (4, 30)
    assert outgoing.except_reasons == {"parent_employment"}
    assert policy.windows.closing[Direction.INCOMING] is None
    assert (policy.district_appeal.days, policy.county_appeal.days) == (14, 30)
    assert policy.district_appeal.provenance.verify and not policy.county_appeal.provenance.verify
    assert not policy.magnet_open_to_incoming
    rules = policy.password_rules
    assert (rules.min_length, rules.max_length, rules.max_run) == (8, 20, 2)


def test_loaded_once_and_cached() -> None:
    assert load_policy() is load_policy()
    assert load_policy(DEFAULT_POLICY_PATH) is load_policy()


def test_path_overridable(tmp_path: Path) -> None:
    raw = raw_policy()
    raw["password_rules"] = {"min_length": 10, "max_length": 30, "max_run": 3, "source": "test"}
    path = tmp_path / "other-district.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert load_policy(path).password_rules.min_length == 10
    assert load_policy().password_rules.min_length == 8
    clear_policy_cache()
    assert load_policy(str(path)).password_rules.max_run == 3


def test_the_loaded_policy_cannot_be_mutated() -> None:
    with pytest.raises(TypeError):
        load_policy().incoming_reasons["new"] = load_policy().incoming_reasons["sibling"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda raw: raw["incoming_reasons"]["sibling"].update(documents=["nope"]), "unknown documents"),
        (lambda raw: raw["documents"]["pay_stub"].update(confidence="rumour"), "unknown level"),
        (lambda raw: raw["documents"]["pay_stub"].pop("source"), "source"),
        (lambda raw: raw["application_windows"]["opens"].update(day=31, month=2), "day is out of range"),
        (lambda raw: raw["application_windows"]["outgoing_closes"].update(month=1), "closes before"),
        (lambda raw: raw["application_windows"]["outgoing_closes"].update(except_reasons=["x"]), "unknown"),
        (lambda raw: raw["decision_deadlines"].update(current_year_decision_days="30"), "integer"),
        (lambda raw: raw["magnet_schools"].update(open_to_incoming_permits="no"), "true or false"),
        (lambda raw: raw.pop("appeals"), "appeals"),
    ],
)
def test_a_bad_edit_fails_with_a_message(edit: object, message: str) -> None:
    raw = raw_policy()
    assert callable(edit)
    edit(raw)
    with pytest.raises(DataFileError, match=message):
        parse_policy(raw)


def test_a_missing_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        load_policy(tmp_path / "missing.yml")
