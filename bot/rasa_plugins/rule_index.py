"""RulePolicy finds the rules that apply by testing every rule key against the conversation at
every prediction: 530 keys here, 3–4 predictions a message, the largest share of the Rasa server's
time per message (docs/performance.md). Most keys fail on the latest state alone: they expect
another previous action or another intent. This index groups the keys by those two values, so
only the keys that can match are tested, by RulePolicy's own test, in RulePolicy's own order.
The answer is the same set of keys (tests/unit/rasa_plugins/test_rule_index.py).

Applied, like the action response validation, when Rasa loads a module of bot.rasa_plugins;
the class keeps its name, so events still say which policy predicted ("RulePolicy").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

_Requirement = tuple[str | None, str | None]  # (previous action, intent); None: any


def _required_value(sub_state: Any, key: str) -> str | None:
    """The value a rule state requires for ``key``, or None when any value can match."""
    if not isinstance(sub_state, dict):
        return None
    value = sub_state.get(key)
    if isinstance(value, str) and value and value != SHOULD_NOT_BE_SET:
        return value
    return None


def requirement(rule_key: str) -> _Requirement:
    """What the rule's latest state requires of the conversation's latest state.

    A rule whose latest state has no previous action is a conversation start: RulePolicy matches
    it without looking at the intent, so it requires nothing here.
    """
    states = json.loads(rule_key)
    if not states:
        return None, None
    latest = states[-1]
    previous_action = latest.get(PREVIOUS_ACTION)
    if not previous_action:
        return None, None
    return _required_value(previous_action, ACTION_NAME), _required_value(latest.get(USER), INTENT)


class RuleIndex:
    """The keys of one rule lookup, grouped by the previous action and intent they require."""

    def __init__(self, keys: Any) -> None:
        self.keys = frozenset(keys)
        self._groups: dict[_Requirement, list[str]] = {}
        for key in keys:  # the lookup's order: RulePolicy's order
            self._groups.setdefault(requirement(key), []).append(key)

    def candidates(self, latest_state: dict[str, Any]) -> dict[str, None]:
        """The keys whose latest rule state can match ``latest_state`` (a superset of the matches)."""
        action = _required_value(latest_state.get(PREVIOUS_ACTION), ACTION_NAME)
        intent = _required_value(latest_state.get(USER), INTENT)
        found: dict[str, None] = {}
        for wanted in {(action, intent), (action, None), (None, intent), (None, None)}:
            for key in self._groups.get(wanted, ()):
                found[key] = None
        return found


_original: Callable[..., set[str]] = RulePolicy._get_possible_keys
_INDEXES = "_permit_rule_indexes"


def _get_possible_keys(self: RulePolicy, lookup: dict[str, str], states: list[dict[str, Any]]) -> set[str]:
    """RulePolicy._get_possible_keys over the indexed candidates only."""
    if not states:
        return _original(self, lookup, states)
    indexes: dict[int, RuleIndex] = self.__dict__.setdefault(_INDEXES, {})
    index = indexes.get(id(lookup))
    if index is None or lookup.keys() != index.keys:  # a new or changed lookup (training edits it)
        index = indexes[id(lookup)] = RuleIndex(lookup)
    return _original(self, index.candidates(states[-1]), states)


def apply() -> None:
    """Make RulePolicy look up its rules through the index (idempotent)."""
    RulePolicy._get_possible_keys = _get_possible_keys  # type: ignore[method-assign]
