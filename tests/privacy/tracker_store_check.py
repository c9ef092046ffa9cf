"""Run by .venv's Python (the Rasa server's venv) from test_tracker_store.py; prints a JSON report.

It saves a registration-like tracker through RedactingTrackerStore into the SQLite file given as
argv[1] (steps from the JSON in argv[2]; none: only read), then prints the raw rows and the
slot values of the tracker read back. Each read is also compared with a read by a new store (which
remembers nothing): the store remembers conversations between messages, and must read the same.
A step ["other", text] is a message handled by another server (another store on the same file);
["session"] starts a new session, as Rasa does (a read returns the events from the latest start on).
"""

import asyncio
import json
import sqlite3
import sys

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.redacting_tracker_store import RedactingTrackerStore

SLOTS = ["requested_slot", "parent_first_name", "parent_email", "human_check", "language"]


def domain() -> Domain:
    text_slot = {"type": "text", "influence_conversation": False, "mappings": [{"type": "custom"}]}
    return Domain.from_dict({"slots": {name: dict(text_slot) for name in SLOTS}, "intents": ["inform"]})


def new_store(path: str) -> RedactingTrackerStore:
    return RedactingTrackerStore(domain=domain(), dialect="sqlite", host=f"sqlite:///{path}")


async def read_as_fresh(path: str, tracker: DialogueStateTracker | None) -> bool:
    fresh = await new_store(path).retrieve("parent-1")
    dump = [event.as_dict() for event in tracker.events] if tracker else None
    return dump == ([event.as_dict() for event in fresh.events] if fresh else None)


async def another_server(path: str, text: str) -> None:
    other = new_store(path)
    tracker = await other.retrieve("parent-1")
    tracker.update(
        UserUttered(text, parse_data={"text": text, "intent": {"name": "inform", "confidence": 1.0}})
    )
    await other.save(tracker)


async def main(path: str, scenario: dict) -> None:
    store = new_store(path)
    full_reads = []
    event_query = store._event_query
    store._event_query = lambda *args, **kwargs: full_reads.append(1) or event_query(*args, **kwargs)
    tracker = await store.retrieve("parent-1") or DialogueStateTracker("parent-1", domain().slots)
    as_fresh = []
    for step in scenario["steps"]:
        for kind, *args in step:
            if kind == "other":
                await another_server(path, args[0])
                tracker = await store.retrieve("parent-1")
                continue
            if kind == "session":
                for event in (
                    ActionExecuted("action_session_start"),
                    SessionStarted(),
                    ActionExecuted("action_listen"),
                ):
                    tracker.update(event)
            elif kind == "ask":
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
        as_fresh.append(await read_as_fresh(path, tracker))
    tracker = await store.retrieve("parent-1")
    rows = sqlite3.connect(path).execute("select type_name, intent_name, data from events").fetchall()
    slots = tracker.current_slot_values() if tracker else None
    texts = [event.text for event in tracker.events if isinstance(event, UserUttered)] if tracker else []
    report = {
        "rows": rows,
        "slots": slots,
        "as_fresh": as_fresh,
        "full_reads": len(full_reads),
        "texts": texts,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], json.loads(sys.argv[2])))
