"""The NLU pipeline's closed entity sets are the values the actions know."""

from pathlib import Path

import yaml

from bot.core.codes import Direction
from bot.core.policy import load_policy
from tests.domain import load_domain

ROOT = Path(__file__).resolve().parents[2]


def closed_sets() -> dict[str, list[str]]:
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    (component,) = [c for c in pipeline if c["name"].endswith("ClosedSetEntityFilter")]
    return component["closed_sets"]


def test_the_closed_sets_are_the_policy_reasons_directions_languages_and_fields() -> None:
    policy = load_policy()
    sets = closed_sets()
    reasons = {code for direction in Direction for code in policy.reasons(direction)}
    assert set(sets["permit_reason"]) == reasons
    assert set(sets["permit_direction"]) == {direction.value for direction in Direction}
    assert set(sets["language"]) == {"en", "es"}
    assert set(sets["registration_field"]) == {
        "parent_first_name",
        "parent_middle_name",
        "parent_last_name",
        "parent_email",
    }
    assert set(sets) <= set(load_domain()["entities"])


def test_every_synonym_of_a_closed_entity_maps_into_its_set() -> None:
    allowed = set().union(*map(set, closed_sets().values()))
    targets = set()
    for path in (ROOT / "data" / "nlu").rglob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "synonym" in block:
                targets.add(str(block["synonym"]))
    assert targets <= allowed
