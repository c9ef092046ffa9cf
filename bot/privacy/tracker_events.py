"""What the conversation store may keep of each Rasa event (serialised as a dict).

Rasa rebuilds the tracker from the store on every message, so a slot value the conversation still
needs cannot simply be masked: the values of personal slots are *sealed* (encrypted by the store's
``Sealer``) and opened again when the tracker is read. Everything else is text that nobody needs
after the turn, so it is masked:

- a user message that answers a personal slot ("María", "3 de marzo de 2015", "4819") is replaced
  whole by ``[<slot>]``, its entities' values by ``[<entity>]``;
- in every other string (user and bot texts, entities, metadata, buttons), the known values of
  personal slots become ``[<slot>]`` (the summary echoes the parent's name and email) and
  ``bot.rules.pii`` masks emails, phones, dates and codes;
- a non-personal slot whose value contains personal data is sealed too, so that nothing readable
  stays and the conversation still works.

Structural keys (event type, intent and action names, timestamps) are kept: policies need them.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.rules.pii import mask_personal_data

SEALED_PREFIX = "sealed:v1:"
Event = dict[str, Any]
_STRUCTURAL_KEYS = frozenset(
    {"event", "timestamp", "name", "policy", "input_channel", "message_id", "intent", "intent_ranking"}
    | {"entity", "extractor", "role", "group", "start", "end", "confidence", "confidence_entity"}
    | {"value_key", "utter_action"}
)
_MIN_KNOWN_VALUE = 3  # shorter slot values ("no", "K") are not searched for in texts

#: Slots whose values are sealed and whose answers are never stored as typed.
PERSONAL_SLOTS = frozenset(
    {"parent_first_name", "parent_middle_name", "parent_last_name", "parent_email", "parent_email_again"}
    | {"human_check", "human_check_digits", "registered_email", "sign_in_code", "sign_in_email", "phone"}
    | {"student_first_name", "student_last_name", "student_birthdate", "sibling_name", "work_address"}
    | {"employer_name", "childcare_provider", "reason_explanation", "confirmation_number"}
)
#: Sealed slots that also get a keyed digest, so that "forget this account" finds the conversation.
INDEXED_SLOTS = frozenset({"parent_email", "registered_email", "sign_in_email"})


class Sealer(Protocol):
    """Authenticated encryption of short strings (the Rasa plugin uses Fernet)."""

    def seal(self, plain: str) -> str:
        """An opaque token for ``plain``."""

    def open(self, token: str) -> str | None:
        """The plain text of ``token``, or None when it was sealed with another key or altered."""


@dataclass(frozen=True)
class RedactionPolicy:
    """Which slots are personal (sealed, answers masked whole) and which are also indexed."""

    personal_slots: frozenset[str] = PERSONAL_SLOTS
    indexed_slots: frozenset[str] = INDEXED_SLOTS


def redact_new_events(
    events: Sequence[Event],
    first_new: int,
    policy: RedactionPolicy,
    sealer: Sealer,
    digest: Callable[[str], str],
) -> list[Event]:
    """The storable form of ``events[first_new:]``; earlier events give the context.

    ``digest`` maps an indexed slot's value to its searchable keyed digest (``email_digest``).
    """
    known = _known_values(events, policy)
    requested: str | None = None
    stored: list[Event] = []
    for index, event in enumerate(events):
        if index >= first_new:
            stored.append(_redact(event, requested, known, policy, sealer, digest))
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            value = event.get("value")
            requested = value if isinstance(value, str) else None
        elif event.get("event") in {"restart", "session_started"}:
            requested = None
    return stored


def open_sealed_values(events: Iterable[Event], sealer: Sealer) -> list[Event]:
    """``events`` as read from the store, with every sealed slot value opened (None if it cannot be)."""
    opened: list[Event] = []
    for event in events:
        value = event.get("value")
        if event.get("event") == "slot" and isinstance(value, str) and value.startswith(SEALED_PREFIX):
            plain = sealer.open(value[len(SEALED_PREFIX) :])
            event = {**event, "value": None if plain is None else json.loads(plain)}
            event.pop("value_key", None)
        opened.append(event)
    return opened


def _redact(
    event: Event,
    requested: str | None,
    known: list[tuple[str, re.Pattern[str]]],
    policy: RedactionPolicy,
    sealer: Sealer,
    digest: Callable[[str], str],
) -> Event:
    event = copy.deepcopy(event)
    kind = event.get("event")
    if kind == "slot":
        return _redact_slot(event, policy, sealer, digest)
    if kind == "user" and requested in policy.personal_slots:
        placeholder = f"[{requested}]"
        event["text"] = placeholder
        parse_data = event.get("parse_data")
        if isinstance(parse_data, dict):
            parse_data["text"] = placeholder
            for entity in parse_data.get("entities") or []:
                if isinstance(entity, dict):
                    entity["value"] = f"[{entity.get('entity', 'entity')}]"
    redacted: Event = _mask_strings(event, known)
    return redacted


def _redact_slot(
    event: Event, policy: RedactionPolicy, sealer: Sealer, digest: Callable[[str], str]
) -> Event:
    name, value = event.get("name"), event.get("value")
    if value is None:
        return event
    if name in policy.personal_slots or _mask_strings(value, []) != value:
        if name in policy.indexed_slots and isinstance(value, str):
            event["value_key"] = digest(value)
        event["value"] = SEALED_PREFIX + sealer.seal(json.dumps(value))
    return event


def _known_values(events: Sequence[Event], policy: RedactionPolicy) -> list[tuple[str, re.Pattern[str]]]:
    """Patterns for the values personal slots took in this conversation, longest first."""
    values: dict[str, str] = {}
    for event in events:
        value = event.get("value")
        name = event.get("name")
        if event.get("event") != "slot" or name not in policy.personal_slots or not isinstance(value, str):
            continue
        if len(value.strip()) >= _MIN_KNOWN_VALUE and not value.startswith(SEALED_PREFIX):
            values[value.strip()] = str(name)
    ordered = sorted(values.items(), key=lambda item: -len(item[0]))
    return [
        (f"[{name}]", re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.IGNORECASE))
        for value, name in ordered
    ]


def _mask_strings(value: Any, known: list[tuple[str, re.Pattern[str]]]) -> Any:
    """``value`` with every string masked, except under structural keys."""
    if isinstance(value, str):
        for placeholder, pattern in known:
            value = pattern.sub(placeholder, value)
        return mask_personal_data(value)
    if isinstance(value, list):
        return [_mask_strings(item, known) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in _STRUCTURAL_KEYS else _mask_strings(item, known)
            for key, item in value.items()
        }
    return value
