"""What the parent's last message carried: entity values, and entity text as typed."""

from __future__ import annotations

from rasa_sdk import Tracker


def latest_entity(tracker: Tracker, entity: str) -> str | None:
    """The value of `entity` in the parent's last message (a button payload or NLU), or None."""
    value = next(tracker.get_latest_entity_values(entity), None)
    return str(value) if value not in (None, "") else None


def entity_text(tracker: Tracker, entity: str) -> str | None:
    """The characters the parent typed for the first `entity` of the last message, or None.

    "she was born on March 3 2015 in Tijuana" gives "March 3 2015" for `date`, so the rules read
    the date itself, with its own ambiguity check, rather than the whole sentence.
    """
    text = str(tracker.latest_message.get("text") or "")
    for found in tracker.latest_message.get("entities") or []:
        start, end = found.get("start"), found.get("end")
        if found.get("entity") == entity and isinstance(start, int) and isinstance(end, int) and start < end:
            return text[start:end] or None
    return None
