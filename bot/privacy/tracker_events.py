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
  stays and the conversation still works;
- a bot message whose response arguments include ``personal_values`` (names an action read from
  the database, e.g. the student's first name in a status answer) has those values masked as
  ``[name]``, and the list itself is not stored.

Which slots are personal is decided against the domain, by default: every slot is personal (sealed,
its answers masked whole, its values searched for in texts) unless ``NON_PERSONAL_SLOTS`` names
it with the reason its values can never identify anyone. A slot added to the domain is therefore
sealed until someone argues otherwise, and tests/unit/privacy/test_personal_slots.py fails when a
slot that takes typed text is declared non-personal. ``CLOSED_ANSWER_SLOTS`` are sealed (their first
value is what the parent typed) but their checked values are words of a closed list ("incoming",
"sibling", a public school's name), so they are not searched for in other texts.

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
_ANY_SEPARATOR = r"[\W_]*"
_MIN_KNOWN_VALUE = 3  # shorter slot values ("no", "K") are not searched for in texts

#: Slots stored in clear, each with the reason its values never identify anyone. Never a slot
#: filled from what the parent types (``from_text``): its first value is the raw message.
NON_PERSONAL_SLOTS: dict[str, str] = {
    "requested_slot": "the name of the form's current question",
    "session_started_metadata": "the channel's metadata, kept to 'language' by the channels",
    "language": "en or es",
    "next_step": "a flow name",
    "after_sign_in": "a flow name: apply, status or upload",
    "app_years_open": "school years open now",
    "app_fixing": "a flag: the parent is choosing an answer to fix",
    "app_stopped": "a flag: no application window is open",
    "correction_pending": "a flag: the parent is choosing an answer to fix",
    "requested_school_cds": "a public CDE school code",
    "residence_district_cds": "a public CDE district code",
    "requested_district_cds": "a public CDE district code",
    "permit_reason": "an entity of a closed list (bot.nlu.closed_entities keeps known values only)",
    "permit_direction": "an entity of a closed list: incoming or outgoing",
}
#: Sealed, but their checked values come from a closed list, so they are not searched for in texts.
CLOSED_ANSWER_SLOTS = frozenset(
    {"app_direction", "app_school_year", "student_grade", "app_reason", "release_in_hand"}
    | {"application_confirmed", "registration_confirmed", "residence_district", "requested_district"}
    | {"requested_school", "sibling_school", "current_school", "program_name"}
)
#: Sealed slots that also get a keyed digest, so that "forget this account" finds the conversation.
INDEXED_SLOTS = frozenset({"parent_email", "registered_email", "signin_email", "reset_email"})
#: Response argument naming values (read from the database by an action) to mask in that message.
PERSONAL_VALUES_ARGUMENT = "personal_values"
_NAME_PLACEHOLDER = "[name]"


def personal_values(*values: str | None) -> dict[str, list[str]]:
    """Response arguments that mask ``values`` in the stored message: ``utter_message(..., **personal_values(name))``."""
    return {PERSONAL_VALUES_ARGUMENT: [value for value in values if value]}


def personal_slots(slot_names: Iterable[str]) -> frozenset[str]:
    """The slots among ``slot_names`` (a domain's) whose values are sealed: all but NON_PERSONAL_SLOTS."""
    return frozenset(name for name in slot_names if name not in NON_PERSONAL_SLOTS)


class Sealer(Protocol):
    """Authenticated encryption of short strings (the Rasa plugin uses Fernet)."""

    def seal(self, plain: str) -> str:
        """An opaque token for ``plain``."""

    def open(self, token: str) -> str | None:
        """The plain text of ``token``, or None when it was sealed with another key or altered."""


@dataclass(frozen=True)
class RedactionPolicy:
    """Which slots are personal (sealed, answers masked whole) and which are also indexed.

    Every slot is personal unless ``non_personal_slots`` names it; ``also_personal`` overrides
    that list (endpoints.yml ``personal_slots:``).
    """

    non_personal_slots: frozenset[str] = frozenset(NON_PERSONAL_SLOTS)
    closed_answer_slots: frozenset[str] = CLOSED_ANSWER_SLOTS
    indexed_slots: frozenset[str] = INDEXED_SLOTS
    also_personal: frozenset[str] = frozenset()

    def is_personal(self, slot: object) -> bool:
        """Whether the values of ``slot`` are sealed and its answers masked whole."""
        return isinstance(slot, str) and (slot in self.also_personal or slot not in self.non_personal_slots)

    def is_searched(self, slot: object) -> bool:
        """Whether the values of ``slot`` are looked for, and masked, in every other text."""
        return self.is_personal(slot) and slot not in self.closed_answer_slots


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
    if kind == "user" and policy.is_personal(requested):
        placeholder = f"[{requested}]"
        event["text"] = placeholder
        parse_data = event.get("parse_data")
        if isinstance(parse_data, dict):
            parse_data["text"] = placeholder
            for entity in parse_data.get("entities") or []:
                if isinstance(entity, dict):
                    entity["value"] = f"[{entity.get('entity', 'entity')}]"
    if kind == "bot":
        known = _personal_values_of(event) + known
    redacted: Event = _mask_strings(event, known)
    return redacted


def _personal_values_of(event: Event) -> list[tuple[str, re.Pattern[str]]]:
    """Patterns for the ``personal_values`` an action passed with this message (removed from it)."""
    metadata = event.get("metadata")
    values = metadata.pop(PERSONAL_VALUES_ARGUMENT, None) if isinstance(metadata, dict) else None
    if not isinstance(values, list):
        return []
    patterns = (_value_pattern(value) for value in values if isinstance(value, str))
    return [(_NAME_PLACEHOLDER, pattern) for pattern in patterns if pattern is not None]


def _redact_slot(
    event: Event, policy: RedactionPolicy, sealer: Sealer, digest: Callable[[str], str]
) -> Event:
    name, value = event.get("name"), event.get("value")
    if value is None:
        return event
    if policy.is_personal(name) or _mask_strings(value, []) != value:
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
        if event.get("event") != "slot" or not policy.is_searched(name) or not isinstance(value, str):
            continue
        if not value.startswith(SEALED_PREFIX):
            values[value.strip()] = str(name)
    ordered = sorted(values.items(), key=lambda item: -len(item[0]))
    patterns = [(f"[{name}]", _value_pattern(value)) for value, name in ordered]
    return [(placeholder, pattern) for placeholder, pattern in patterns if pattern is not None]


def _value_pattern(value: str) -> re.Pattern[str] | None:
    """``value`` found whatever separates its parts ("244.688" = "244 688"), or None if too short."""
    parts = re.findall(r"[^\W_]+", value)
    if sum(len(part) for part in parts) < _MIN_KNOWN_VALUE:
        return None
    body = _ANY_SEPARATOR.join(re.escape(part) for part in parts)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)


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
