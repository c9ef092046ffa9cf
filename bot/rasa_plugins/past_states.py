"""Each policy of a prediction replays the whole conversation to build its past states.

``DialogueStateTracker.past_states`` rebuilds a tracker for every event of the conversation and
takes each one's state (``Domain.states_for_tracker_history``): 9 % of the Rasa server's time per
message in the production profile (docs/performance.md, session 9). MemoizationPolicy (without
the turns only rules have) and RulePolicy (with them) each do it for the same tracker in the same
prediction. Here the replay is done once per state of a tracker and kept (the last 64 trackers);
each variant of the states is then derived from it exactly as Rasa derives it.

The replay is reused only for the same tracker object (weakly held), the same domain and the same
events (the event list object, its length and its last event: Rasa only appends to a conversation,
and a reset replaces the list). Every caller gets new state dictionaries, since the featurizers
remove keys from the last one. tests/privacy (the conversation check) compares it with Rasa's own.
Applied when Rasa loads a module of bot.rasa_plugins.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from rasa.shared.core.constants import PREVIOUS_ACTION
from rasa.shared.core.trackers import DialogueStateTracker

_original_past_states = DialogueStateTracker.past_states
#: Trackers are compared by content (no hash): kept by id, with a weak reference to check identity.
_recent: OrderedDict[int, tuple[weakref.ref[DialogueStateTracker], tuple[Any, ...], list[_Step]]] = (
    OrderedDict()
)
#: Trackers whose last states are kept (those of the messages being answered at the same time).
KEPT = 64


@dataclass(frozen=True)
class _Step:
    """One prior tracker of the replay, as states_for_tracker_history reads it."""

    state: dict[str, Any]  # get_active_state
    previous_action: dict[str, Any]  # _get_prev_action_sub_state
    keeps_hidden_flag: bool  # a follow-up action or the loop's own turn: "hidden" does not change
    hide_rule_turn: bool


def _replay(tracker: DialogueStateTracker, domain: Any, omit_unset_slots: bool) -> list[_Step]:
    """Replays the conversation once (Rasa's generate_all_prior_trackers)."""
    return [
        _Step(
            domain.get_active_state(prior, omit_unset_slots=omit_unset_slots),
            dict(domain._get_prev_action_sub_state(prior) or {}),
            bool(prior.followup_action) or prior.latest_action_name == prior.active_loop_name,
            hide_rule_turn,
        )
        for prior, hide_rule_turn in tracker.generate_all_prior_trackers()
    ]


def _own(state: dict[str, Any]) -> dict[str, Any]:
    """A copy of a state with its own sub-state dictionaries (their values are strings and tuples)."""
    return {name: dict(sub) if isinstance(sub, dict) else sub for name, sub in state.items()}


def _states(
    steps: list[_Step], domain: Any, ignore_rule_only_turns: bool, rule_only_data: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """What Domain.states_for_tracker_history returns, from the replayed steps (same order of work)."""
    states: list[dict[str, Any]] = []
    last_ml_action = None
    turn_was_hidden = False
    for step in steps:
        if ignore_rule_only_turns:
            if not turn_was_hidden:  # the previous ML action, from the last turn not hidden
                last_ml_action = step.previous_action
            if not step.keeps_hidden_flag:
                turn_was_hidden = step.hide_rule_turn
            if turn_was_hidden:
                continue
        state = _own(step.state)
        if ignore_rule_only_turns:
            domain._remove_rule_only_features(state, rule_only_data)
            if states:
                domain._substitute_rule_only_user_input(state, states[-1])
            if last_ml_action:
                state[PREVIOUS_ACTION] = dict(last_ml_action)
        states.append(domain._clean_state(state))
    return states


def past_states(
    self: DialogueStateTracker,
    domain: Any,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """DialogueStateTracker.past_states, with the conversation replayed once per state of the tracker."""
    events = self.events
    key = (id(domain), id(events), len(events), id(events[-1]) if events else None, omit_unset_slots)
    remembered = _recent.get(id(self))
    if remembered is not None and remembered[0]() is self and remembered[1] == key:
        steps = remembered[2]
    else:
        steps = _replay(self, domain, omit_unset_slots)
        _recent[id(self)] = (weakref.ref(self), key, steps)
        _recent.move_to_end(id(self))
        while len(_recent) > KEPT:
            _recent.popitem(last=False)
    return _states(steps, domain, ignore_rule_only_turns, rule_only_data)


def apply() -> None:
    """Make past states built once per tracker state (idempotent)."""
    DialogueStateTracker.past_states = past_states  # type: ignore[method-assign]
