"""How much the assistant answers by itself: conversations, questions answered, fallbacks, hand-offs.

Read from Rasa's SQL tracker store (table `events`: sender_id, type_name, timestamp as a unix
float, intent_name, action_name, data as JSON text; rasa.core.tracker_store.SQLTrackerStore) and
grouped by the conversation's language (the last `language` slot set) and channel (the
`input_channel` of its first parent message in the period).

- a *parent message* is a `user` event; it *fell back* when its intent is nlu_fallback or the
  assistant answered it with a fallback action; it was *answered* when its intent is one of the
  FAQ intents (domain/faq.yml) and it did not fall back;
- a conversation was *handed off* when the parent asked for a person (human_handoff), the hand-off
  action ran, or a help-desk ticket exists for it (`ticket_conversations`: sender ids).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.core.settings import PROJECT_ROOT

FALLBACK_INTENTS = frozenset({"nlu_fallback"})
FALLBACK_ACTIONS = frozenset({"action_default_fallback", "action_respond_to_fallback"})
HANDOFF_INTENTS = frozenset({"human_handoff"})
HANDOFF_ACTIONS = frozenset({"action_hand_off"})
UNKNOWN = "unknown"


@dataclass(frozen=True)
class TrackerEvent:
    """One row of the tracker store's `events` table."""

    sender_id: str
    type_name: str
    timestamp: float
    intent_name: str | None
    action_name: str | None
    data: str | None

    def payload(self) -> dict[str, object]:
        """The event's JSON data (empty when missing or unreadable)."""
        try:
            parsed = json.loads(self.data or "{}")
        except ValueError:
            return {}
        return parsed if isinstance(parsed, dict) else {}


@dataclass
class Segment:
    """The numbers of one language and channel."""

    language: str
    channel: str
    conversations: int = 0
    parent_messages: int = 0
    fallback_messages: int = 0
    handoff_conversations: int = 0
    answered_by_topic: Counter[str] = field(default_factory=Counter)

    @property
    def answered(self) -> int:
        """Parent messages answered from the FAQ topics."""
        return sum(self.answered_by_topic.values())

    @property
    def fallback_rate(self) -> float:
        """Share of parent messages the assistant did not understand."""
        return self.fallback_messages / self.parent_messages if self.parent_messages else 0.0

    @property
    def handoff_rate(self) -> float:
        """Share of conversations handed to a person."""
        return self.handoff_conversations / self.conversations if self.conversations else 0.0

    def add(self, other: Segment) -> None:
        """Add another segment's counts to this one (for totals)."""
        self.conversations += other.conversations
        self.parent_messages += other.parent_messages
        self.fallback_messages += other.fallback_messages
        self.handoff_conversations += other.handoff_conversations
        self.answered_by_topic.update(other.answered_by_topic)


def faq_intents(domain_file: Path = PROJECT_ROOT / "domain" / "faq.yml") -> frozenset[str]:
    """The intents of the FAQ topics, as the domain lists them."""
    domain = yaml.safe_load(domain_file.read_text(encoding="utf-8")) or {}
    return frozenset(str(intent) for intent in domain.get("intents") or [])


def _conversation(events: list[TrackerEvent], topics: Collection[str], handed_off: bool) -> Segment:
    """One conversation's counts; `events` in the order they were stored."""
    segment = Segment(language=UNKNOWN, channel=UNKNOWN, conversations=1)
    intents: list[str] = []
    fell_back: list[bool] = []
    for event in events:
        if event.type_name == "slot":
            payload = event.payload()
            if payload.get("name") == "language" and payload.get("value"):
                segment.language = str(payload["value"])
        elif event.type_name == "user":
            if segment.channel == UNKNOWN:
                segment.channel = str(event.payload().get("input_channel") or UNKNOWN)
            intents.append(event.intent_name or "")
            fell_back.append(event.intent_name in FALLBACK_INTENTS)
            handed_off = handed_off or event.intent_name in HANDOFF_INTENTS
        elif event.type_name == "action" and intents:
            fell_back[-1] = fell_back[-1] or event.action_name in FALLBACK_ACTIONS
            handed_off = handed_off or event.action_name in HANDOFF_ACTIONS
    segment.parent_messages = len(intents)
    segment.fallback_messages = sum(fell_back)
    segment.handoff_conversations = int(handed_off)
    segment.answered_by_topic = Counter(
        intent for intent, failed in zip(intents, fell_back, strict=True) if intent in topics and not failed
    )
    return segment


def deflection_segments(
    events: Iterable[TrackerEvent],
    topics: Collection[str],
    ticket_conversations: Collection[str] = (),
    languages: dict[str, str] | None = None,
) -> list[Segment]:
    """Segments by (language, channel), sorted; conversations without a parent message are skipped.

    `languages` gives a conversation's language set before the period (sender id -> language);
    a `language` slot set during the period wins.
    """
    by_sender: dict[str, list[TrackerEvent]] = {}
    for event in events:
        by_sender.setdefault(event.sender_id, []).append(event)
    segments: dict[tuple[str, str], Segment] = {}
    for sender_id, conversation in by_sender.items():
        counted = _conversation(conversation, topics, sender_id in ticket_conversations)
        if not counted.parent_messages:
            continue
        if counted.language == UNKNOWN and languages:
            counted.language = languages.get(sender_id, UNKNOWN)
        key = (counted.language, counted.channel)
        segments.setdefault(key, Segment(*key, conversations=0)).add(counted)
    return [segments[key] for key in sorted(segments)]


def total(segments: Iterable[Segment]) -> Segment:
    """Every segment added together."""
    result = Segment("all", "all")
    for segment in segments:
        result.add(segment)
    return result
