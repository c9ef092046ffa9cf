"""Run in the Rasa server's venv: the event-by-event check of action responses
(bot/rasa_plugins/action_validation.py) accepts exactly what Rasa's full schema accepts.

The responses tried: every event kind Rasa knows, each with well-typed fields, with each field of
the wrong type, without its required fields, and under an unknown name; events that are not
objects; events and responses that are not lists. Prints one JSON line: the responses compared,
how many the full schema accepts, and how many the two checks disagree on.
"""

import itertools
import json

from rasa.core.actions.action import RemoteAction

from bot.rasa_plugins import action_validation

WRONG = [None, 1, 1.5, "text", True, [], {}, [{"entity": "x"}], {"name": 3}]


def events() -> list:
    spec = RemoteAction.action_response_format_spec()["properties"]["events"]["items"]
    tried: list = [5, "slot", None, [], {}, {"event": 3}, {"event": "nonsense"}, {"event": ["slot"]}]
    for alternative in spec["oneOf"]:
        name = alternative["properties"]["event"]["const"]
        fields = [f for f in alternative["properties"] if f != "event"] + ["timestamp", "metadata"]
        good = {"event": name, "name": "x", "value": 1, "entities": [], "timestamp": 1.0}
        tried += [good, {"event": name}, {**good, "timestamp": None, "metadata": None}]
        for field, value in itertools.product(fields, WRONG):
            tried.append({**good, field: value})
        for field in alternative.get("required", []):
            tried.append({key: value for key, value in good.items() if key != field})
    return tried


def responses() -> list:
    found: list = [
        {},
        {"events": []},
        {"events": "x"},
        {"responses": "x"},
        {"responses": [1]},
        {"responses": [{}]},
    ]
    every = events()
    found += [{"events": [event]} for event in every]
    found += [
        {"events": list(pair), "responses": [{"text": "t"}]} for pair in zip(every, every[1:], strict=False)
    ]
    return found


def main() -> None:
    full = action_validation._response_validator()
    tried = responses()
    accepted = [full.is_valid(response) for response in tried]
    fast = [action_validation._passes_by_event_name(response) for response in tried]
    disagree = sum(a != b for a, b in zip(accepted, fast, strict=True))
    print(json.dumps({"compared": len(tried), "accepted": sum(accepted), "disagree": disagree}))


main()
