"""Answers that depend on what the parent named (a permit reason)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.core.codes import Direction
from bot.core.facts import bullets
from bot.core.policy import load_policy
from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rules.application_answers import read_direction
from bot.rules.parent_asks import wants_to_upload
from bot.rules.reason_words import read_reason


def direction_in_play(tracker: Tracker) -> Direction:
    """The direction named now, else the application's or the conversation's: outgoing conversations
    get outgoing reasons and documents (issue 16)."""
    for value in [
        *tracker.get_latest_entity_values("permit_direction"),
        read_direction(str(tracker.latest_message.get("text") or "")),
        tracker.get_slot("app_direction"),
        tracker.get_slot("permit_direction"),
    ]:
        if value in ("incoming", "outgoing"):
            return Direction(str(value))
    return Direction.INCOMING


def remembered_direction(tracker: Tracker) -> list[EventType]:
    """The direction the last message says ("lo queremos cambiar a Glendale"), kept for the next
    questions ("y q papeles piden?" then gets the documents for leaving)."""
    said = read_direction(str(tracker.latest_message.get("text") or ""))
    if said and said != tracker.get_slot("permit_direction"):
        return [SlotSet("permit_direction", said)]
    return []


#: How many of the parent's messages back a reason the assistant talked about stays "that".
FOLLOW_UP_TURNS = 3


def reason_in_play(tracker: Tracker) -> str | None:
    """The reason the assistant's recent answers were about (their `permit_reason`), if any."""
    turns = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            turns += 1
            if turns > FOLLOW_UP_TURNS:
                return None
        elif event.get("event") == "bot":
            reason = (event.get("metadata") or {}).get("permit_reason")
            if isinstance(reason, str):
                return reason
    return None


def missing_in_play(tracker: Tracker) -> list[str]:
    """The documents still missing from the application whose status was just shown (checklist
    codes, in the bot message's metadata), if it was shown in the last few turns."""
    turns = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            turns += 1
            if turns > FOLLOW_UP_TURNS:
                return []
        elif event.get("event") == "bot":
            missing = (event.get("metadata") or {}).get("missing_documents")
            if isinstance(missing, str) and missing:
                return [code for code in missing.split(",") if code]
    return []


def _known_reason(tracker: Tracker, direction: Direction) -> str | None:
    """The permit reason the parent named now, or earlier in the conversation (typed in words too)."""
    text = str(tracker.latest_message.get("text") or "")
    candidates = [
        *tracker.get_latest_entity_values("permit_reason"),
        read_reason(text),
        tracker.get_slot("permit_reason"),
        tracker.get_slot("app_reason"),
        reason_in_play(tracker),  # "wat papers do i need 4 that" after a reason was explained
    ]
    for value in candidates:
        if isinstance(value, str) and load_policy().is_reason(value, direction):
            return value
    return None


def _named_now(tracker: Tracker) -> bool:
    """Whether the parent's last message names a permit reason."""
    text = str(tracker.latest_message.get("text") or "")
    return bool(next(tracker.get_latest_entity_values("permit_reason"), None) or read_reason(text))


def _suffix(direction: Direction) -> str:
    return "_outgoing" if direction == Direction.OUTGOING else ""


class ActionExplainDocuments(Action):
    """Which documents a reason needs; asks for the reason first when it is not known."""

    def name(self) -> str:
        return "action_explain_documents"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if wants_to_upload(str(tracker.latest_message.get("text") or "")):
            return [FollowupAction("action_start_upload")]  # "I need to upload documents": do it
        direction = direction_in_play(tracker)
        reason = _known_reason(tracker, direction)
        missing = [] if reason and _named_now(tracker) else missing_in_play(tracker)
        if missing:  # "wat else do i need 2 send" right after a status answer: that application's
            locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
            items = [catalog().text(f"documents.{code}", locale) for code in missing]
            dispatcher.utter_message(
                text=catalog().text(
                    "status_chat_lines.still_missing", locale, documents=bullets(catalog(), locale, items)
                )
            )
        elif reason:
            dispatcher.utter_message(
                response=f"utter_reason_documents{_suffix(direction)}", permit_reason=reason
            )
        else:
            dispatcher.utter_message(response=f"utter_ask_documents_reason{_suffix(direction)}")
        return remembered_direction(tracker)


class ActionExplainReasons(Action):
    """The eight reasons, or what one named reason means and which documents it needs."""

    def name(self) -> str:
        return "action_explain_reasons"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        direction = direction_in_play(tracker)
        text = str(tracker.latest_message.get("text") or "")
        # the rules read the whole sentence ("I work all day and my mother-in-law watches them" is
        # childcare); an extractor's entity (or a button's) when they read none
        typed = None if text.startswith("/") else read_reason(text)
        named_now = typed or next(tracker.get_latest_entity_values("permit_reason"), None)
        if not (isinstance(named_now, str) and load_policy().is_reason(named_now, direction)):
            dispatcher.utter_message(response=f"utter_permit_reasons{_suffix(direction)}")
        elif direction == Direction.OUTGOING:
            dispatcher.utter_message(
                response="utter_reason_meaning", permit_reason=named_now, permit_direction="outgoing"
            )
            dispatcher.utter_message(response="utter_reason_documents_outgoing", permit_reason=named_now)
        else:
            dispatcher.utter_message(response="utter_reason_meaning", permit_reason=named_now)
            dispatcher.utter_message(response="utter_reason_documents", permit_reason=named_now)
        return remembered_direction(tracker)
