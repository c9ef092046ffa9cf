"""Run by .venv's Python (the Rasa server's venv) from test_tracker_store.py; prints a JSON report.

It saves a registration-like tracker through RedactingTrackerStore into the SQLite file given as
argv[1] (steps from the JSON in argv[2]; none: only read), then prints the raw rows and the
slot values of the tracker read back.
"""

import asyncio
import json
import sqlite3
import sys

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.redacting_tracker_store import RedactingTrackerStore

SLOTS = ["requested_slot", "parent_first_name", "parent_email", "human_check", "language"]


def domain() -> Domain:
    text_slot = {"type": "text", "influence_conversation": False, "mappings": [{"type": "custom"}]}
    return Domain.from_dict({"slots": {name: dict(text_slot) for name in SLOTS}, "intents": ["inform"]})


async def main(path: str, scenario: dict) -> None:
    store = RedactingTrackerStore(domain=domain(), dialect="sqlite", host=f"sqlite:///{path}")
    tracker = await store.retrieve("parent-1") or DialogueStateTracker("parent-1", domain().slots)
    for step in scenario["steps"]:
        for kind, *args in step:
            if kind == "ask":
                tracker.update(SlotSet("requested_slot", args[0]))
            elif kind == "user":
                parse = {
                    "text": args[0],
                    "intent": {"name": "inform", "confidence": 1.0},
                    "entities": args[1],
                }
                tracker.update(UserUttered(args[0], parse_data=parse))
            elif kind == "slot":
                tracker.update(SlotSet(args[0], args[1]))
            elif kind == "bot":
                tracker.update(ActionExecuted("utter_x"))
                tracker.update(BotUttered(args[0], metadata={"utter_action": "utter_x"}))
        await store.save(tracker)
        tracker = await store.retrieve("parent-1")  # as Rasa does on every message
    tracker = await store.retrieve("parent-1")
    rows = sqlite3.connect(path).execute("select type_name, intent_name, data from events").fetchall()
    slots = tracker.current_slot_values() if tracker else None
    print(json.dumps({"rows": rows, "slots": slots}))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], json.loads(sys.argv[2])))
