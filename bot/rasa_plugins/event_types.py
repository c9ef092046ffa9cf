"""Rasa turns every stored or received event into its class by walking all of Event's subclasses
(``Event.resolve_by_type``): a recursive class walk for each event, every time a conversation is
read and every time the action server answers, 4 % of the Rasa server's time per message
(docs/performance.md). The class found for a type name is kept here, so the walk runs once per
type. Names Rasa does not know still go to Rasa's own lookup (its default, its error).

Applied when Rasa loads a module of bot.rasa_plugins. Event classes are defined when their modules
are imported, before any conversation is read.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import Event

_original = Event.resolve_by_type
_classes: dict[str, type[Event]] = {}


def resolve_by_type(type_name: str, default: Any = None) -> Any:
    """Event.resolve_by_type, remembering each class found by its type name."""
    found = _classes.get(type_name)
    if found is None:
        found = _original(type_name, default)
        if found is not None and getattr(found, "type_name", None) == type_name:
            _classes[type_name] = found
    return found


def apply() -> None:
    """Make Event.resolve_by_type remember its answers (idempotent)."""
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign]
