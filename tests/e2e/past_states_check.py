"""Run in the Rasa server's venv: the replay kept by bot/rasa_plugins/past_states.py gives the same
past states as Rasa's own ``Domain.states_for_tracker_history``:
- on every prediction of the conversation tests (``rasa test core``, the model given);
- on every prefix of conversations stored by a running server (tests/e2e/data: six registrations
  from the bench, whose stored events carry RulePolicy's hidden turns, which test stories lack),
  with and without the turns only rules have.
Prints one JSON line: the calls compared, how many reused a replay, how many differed, the hidden
turns seen, and whether the conversation tests passed.
usage: past_states_check.py MODEL OUT_DIR
"""

import contextlib
import json
import sys
from collections import Counter
from pathlib import Path

from rasa.__main__ import main as rasa_main
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins import past_states  # the package applies its patches, past_states among them

counts: Counter[str] = Counter()
kept = DialogueStateTracker.past_states


def compared(self, domain, omit_unset_slots=False, ignore_rule_only_turns=False, rule_only_data=None):  # type: ignore[no-untyped-def]
    before = past_states._recent.get(id(self))
    got = kept(self, domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    counts["reused"] += before is not None and past_states._recent.get(id(self)) is before
    rasas = domain.states_for_tracker_history(
        self,
        omit_unset_slots=omit_unset_slots,
        ignore_rule_only_turns=ignore_rule_only_turns,
        rule_only_data=rule_only_data,
    )
    counts["compared"] += 1
    counts["differing"] += got != rasas
    return got


def stored_conversations() -> None:
    domain = Domain.load("domain")
    rule_only = {"slots": [slot.name for slot in domain.slots][:6], "loops": list(domain.form_names)}
    stored = json.loads((Path(__file__).parent / "data" / "stored_conversations.json").read_text())
    for conversation in stored:
        events = deserialise_events(conversation["events"])
        counts["hidden_turns"] += sum(isinstance(e, ActionExecuted) and e.hide_rule_turn for e in events)
        for end in range(1, len(events) + 1):
            tracker = DialogueStateTracker.from_events(
                conversation["conversation"], events[:end], domain.slots
            )
            for ignore_rule_only_turns in (True, False):
                for rule_only_data in (rule_only, None):
                    tracker.past_states(domain, False, ignore_rule_only_turns, rule_only_data)


def main(model: str, out: str) -> None:
    DialogueStateTracker.past_states = compared  # type: ignore[method-assign]
    sys.argv = ["rasa", "test", "core", "--model", model, "--stories", "tests/conversations", "--out", out]
    with contextlib.suppress(SystemExit):  # rasa's command line exits when done
        rasa_main()
    failed = (Path(out) / "failed_test_stories.yml").read_text()
    stored_conversations()
    print(json.dumps({**counts, "stories_passed": "None of the test stories failed" in failed}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
