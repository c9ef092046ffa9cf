"""Typed answers are answers: the form takes a valid value for the question it asked, whatever
intent the classifier guessed (issue 16).

A form's slots are filled from the text only when the classifier's intent is not one that
interrupts the form (`not_intent` in domain/). "sibling" read as "what are the reasons?", a bare
confirmation number read as "how do I check my status?" or "ya plz" read as a thank-you then made
the form step aside, answer a question nobody asked, and ask again. Here the form's validation
action reads the last message with bot/rules first: when it holds a valid answer to the question
asked (and is not a question itself), the slot is filled and the form goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.rules.corrections import Correction, read_correction
from bot.rules.parent_asks import looks_like_question, says_dont_know
from bot.rules.typed_answers import fold

#: Reads an answer to one question from the parent's text: the value to fill, or None.
Reader = Callable[[str, Tracker], "str | None"]

#: Intents that always win over an answer: a person, or the other language.
NEVER_AN_ANSWER = frozenset({"human_handoff", "switch_language"})
#: "salir del LAUSD" read as "stop" is still the direction: questions whose answers the rules read
#: strictly take them over a "stop"; free-text questions never do ("stop it" is not a name).
READ_OVER_STOP = frozenset(
    {"app_direction", "app_reason", "release_in_hand", "application_confirmed", "student_grade"}
)
STOP_WORDS = frozenset(
    {"stop", "parar", "para", "salir", "cancel", "cancelar", "quit", "exit", "basta", "ya no"}
)


def latest_text(tracker: Tracker) -> str:
    """The parent's last message as typed."""
    return str(tracker.latest_message.get("text") or "")


def latest_intent_name(tracker: Tracker) -> str | None:
    """The classifier's intent for the parent's last message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def typed_answer(
    readers: dict[str, Reader], tracker: Tracker, allow_questions: bool = False
) -> dict[str, Any]:
    """{requested slot: value} when the last message answers the question asked, else {}."""
    slot = tracker.get_slot("requested_slot")
    reader = readers.get(str(slot))
    text = latest_text(tracker).strip()
    intent = latest_intent_name(tracker)
    if reader is None or not text or text.startswith("/") or intent in NEVER_AN_ANSWER:
        return {}
    if intent == "stop" and (slot not in READ_OVER_STOP or fold(text) in STOP_WORDS):
        return {}
    if not allow_questions and looks_like_question(text):
        return {}
    value = reader(text, tracker)
    return {str(slot): value} if value is not None else {}


class TypedAnswers:
    """Mixin for a FormValidationAction: `TYPED_READERS` names a reader per slot it can read."""

    TYPED_READERS: dict[str, Reader] = {}
    #: Slots whose reader also reads questions ("how do I make an account?" at the email question).
    READS_QUESTIONS: frozenset[str] = frozenset()

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events: list[EventType] = await super().get_extraction_events(dispatcher, tracker, domain)  # type: ignore[misc]
        requested = tracker.get_slot("requested_slot")
        already = set(tracker.slots_to_validate()) | {e.get("name") for e in events if isinstance(e, dict)}
        if requested and requested not in already:
            found = typed_answer(
                self.TYPED_READERS, tracker, allow_questions=requested in self.READS_QUESTIONS
            )
            events += [SlotSet(name, value) for name, value in found.items()]
        return events


class Corrections:
    """Mixin for a FormValidationAction: "my last name is actually X" anywhere in the form changes
    that answer, says so, and the form goes on where the parent was (issue 16).

    A form lists `CORRECTION_FIELDS` (bot.rules.corrections) and implements `apply_correction`.
    """

    CORRECTION_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = ()

    async def apply_correction(
        self, correction: Correction, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any] | None:
        """The slots to set for `correction`, or None when it does not apply here."""
        raise NotImplementedError

    def marker_needed(self, tracker: Tracker) -> bool:
        """Whether naming a field needs "wrong / actually / not" to count (yes, except at a summary)."""
        return True

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = latest_text(tracker)
        correction = None
        if (
            text
            and not text.startswith("/")
            and latest_intent_name(tracker) not in NEVER_AN_ANSWER | {"stop"}
        ):
            correction = read_correction(
                text, self.CORRECTION_FIELDS, marker_needed=self.marker_needed(tracker)
            )
        requested = tracker.get_slot("requested_slot")
        if correction is not None and correction.field == requested and correction.new_value is None:
            # "mi apellido está mal" at the last-name question is not a last name: asked again
            return [SlotSet(str(requested), None)]
        if correction is not None and correction.field != requested:
            slots = await self.apply_correction(correction, dispatcher, tracker, domain)
            if slots is not None:
                if requested and requested not in slots:  # the text was not the answer to the question asked
                    slots[str(requested)] = None
                tracker.slots.update(slots)
                events: list[EventType] = [SlotSet(name, value) for name, value in slots.items()]
                following = await self.next_requested_slot(dispatcher, tracker, domain)  # type: ignore[attr-defined]
                return events + ([following] if following else [])
        events = await super().run(dispatcher, tracker, domain)  # type: ignore[misc]
        return list(events)


#: Questions where "I don't have it" is itself an answer (no release yet, no middle name).
DONT_KNOW_IS_AN_ANSWER = frozenset(
    {"release_in_hand", "application_confirmed", "registration_confirmed", "parent_middle_name"}
)


class DontKnow:
    """Mixin for a FormValidationAction: "I don't know" or "I don't have it with me" at a question
    gets a way out (what the question means, come back later, a person), not "that isn't a date"
    (issue 16, item 2). The question is asked again; nothing answered so far is lost.

    The reply is `utter_dont_know_<slot>` when the domain has one, else `utter_dont_know`.
    """

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        text = latest_text(tracker)
        if (
            requested
            and requested not in DONT_KNOW_IS_AN_ANSWER
            and text
            and not text.startswith("/")
            and latest_intent_name(tracker) not in NEVER_AN_ANSWER | {"stop"}
            and says_dont_know(text)
            and "?" not in text
        ):
            specific = f"utter_dont_know_{requested}"
            dispatcher.utter_message(
                response=specific if specific in domain.get("responses", {}) else "utter_dont_know"
            )
            return [SlotSet(str(requested), None), SlotSet("requested_slot", requested)]
        events = await super().run(dispatcher, tracker, domain)  # type: ignore[misc]
        return list(events)
