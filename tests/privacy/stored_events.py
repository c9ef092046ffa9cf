"""The tracker store as a person reading the database would see it."""

import json
import sqlite3
from pathlib import Path

# Digits in these occur by chance: times, scores, encrypted tokens and hex ids.
CHANCE_DIGITS = {"timestamp", "value_key", "model_id", "message_id"}


def _readable(value: object) -> object:
    if isinstance(value, dict):
        return {k: _readable(v) for k, v in value.items() if k not in CHANCE_DIGITS}
    if isinstance(value, list):
        return [_readable(v) for v in value]
    if isinstance(value, str) and value.startswith("sealed:v1:"):
        return "sealed"
    if isinstance(value, float):  # a four-digit code can sit inside 0.0010583935075272903
        return "score"
    return value


def readable_events(tracker_db: Path, sender: str | None = None) -> str:
    """Stored events (of one conversation, or of all) as JSON, without what holds digits by chance."""
    with sqlite3.connect(tracker_db) as db:
        if sender is None:
            rows = db.execute("select data from events").fetchall()
        else:
            rows = db.execute("select data from events where sender_id = ? order by id", (sender,)).fetchall()
    assert rows, "the conversation was not stored"
    return json.dumps([_readable(json.loads(data)) for (data,) in rows], ensure_ascii=False)
