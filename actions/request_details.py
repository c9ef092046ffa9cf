"""Details the parent gave with the request are not asked again (issue 16, item 5).

"I want her to come into LAUSD, to Toluca Lake Elementary; we live in Burbank and I work near the
school" names the district, the school and the reason before the form starts, and before the sign-in
that comes first. The request's details are kept in the `app_given` slot (CDE codes and a reason
code, no personal data), and when the form reaches one of those questions it fills it from them
instead of asking: the same validator checks it (a magnet school is still refused, and then asked).
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.entities import entity_text
from bot.core.codes import Direction
from bot.core.policy import load_policy
from bot.rules.district_names import district_aliases
from bot.rules.place_mentions import named_places, one_of, school_name_as_written, school_phrases
from bot.rules.reason_words import read_reason
from bot.schools.lookup import LAUSD, district_by_cds, find_lausd_school, residence_districts, school_by_cds

GIVEN_SLOT = "app_given"
DETAILS = ("district", "school", "school_name", "reason")
#: The longest school name kept from a request (the form's own answer allows the same).
MAX_SCHOOL_NAME = 80
#: Which form question each kept detail answers, per direction.
ANSWERS = {
    "incoming": {"district": "residence_district", "school": "requested_school", "reason": "app_reason"},
    "outgoing": {"district": "requested_district", "school_name": "requested_school", "reason": "app_reason"},
}


def request_details(text: str, school_named: str | None, direction: str | None) -> dict[str, str]:
    """The district (CDE code), LAUSD school (CDE code) or other school (its name) and reason (code)
    the request names."""
    details: dict[str, str] = {}
    aliases = {
        alias: district.cds
        for district in residence_districts()
        if district.name != LAUSD
        for alias in district_aliases(district.name)
    }
    district = one_of(named_places(text, aliases, not_after_work=True))
    if district:
        details["district"] = district
    written = school_named or (school_name_as_written(text) if direction == "outgoing" else None)
    if direction == "outgoing" and written:  # another district's school: its name as written
        details["school_name"] = re.sub(r"[;=]", " ", written).strip()[:MAX_SCHOOL_NAME]
    phrases = ([school_named] if school_named else []) + school_phrases(text)
    exact = [m.candidates[0].cds for m in map(find_lausd_school, phrases) if m.verdict == "exact"]
    school = one_of(exact)
    if school:
        details["school"] = school
    reason = read_reason(text, direction)
    if reason and (direction is None or load_policy().is_reason(reason, Direction(direction))):
        details["reason"] = reason
    return details


def encode(details: dict[str, str]) -> str | None:
    """The slot value: "district=0123;reason=sibling", or None when nothing is kept."""
    return ";".join(f"{key}={value}" for key, value in sorted(details.items())) or None


def decode(value: Any) -> dict[str, str]:
    """The details kept in the slot."""
    pairs = (part.partition("=") for part in str(value or "").split(";") if "=" in part)
    return {key: found for key, _, found in pairs if key in DETAILS and found}


def kept_details(tracker: Tracker, direction: str | None) -> dict[str, str]:
    """What the last message names, added to what an earlier request in this conversation named."""
    text = str(tracker.latest_message.get("text") or "")
    kept = decode(tracker.get_slot(GIVEN_SLOT))
    if text and not text.startswith("/"):
        kept.update(request_details(text, entity_text(tracker, "school"), direction))
    return kept


def keep(details: dict[str, str]) -> EventType:
    """The event that keeps `details` for the form."""
    return SlotSet(GIVEN_SLOT, encode(details))


def answer_value(detail: str, value: str) -> str | None:
    """What the form's validator reads for a kept detail: the name for a place, the code for a reason."""
    if detail == "district":
        district = district_by_cds(value)
        return district.name if district else None
    if detail == "school":
        school = school_by_cds(value)
        return school.name if school else None
    return value


class GivenDetails:
    """Mixin for the application form's validation: fills the next questions from `app_given`."""

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events: list[EventType] = await super().get_extraction_events(dispatcher, tracker, domain)  # type: ignore[misc]
        given = decode(tracker.get_slot(GIVEN_SLOT))
        answers = ANSWERS.get(str(tracker.get_slot("app_direction")), {})
        by_slot = {answers[detail]: detail for detail in given if detail in answers}
        if not by_slot:
            return events
        set_now = {e.get("name") for e in events if isinstance(e, dict) and e.get("event") == "slot"}
        requested = tracker.get_slot("requested_slot")
        form_slots = self.domain_slots(domain)  # type: ignore[attr-defined]
        required = await self.required_slots(form_slots, dispatcher, tracker, domain)  # type: ignore[attr-defined]
        used = []
        for slot in required:
            if tracker.get_slot(slot) is not None or slot in set_now or slot == requested:
                continue
            if slot not in by_slot:
                break
            value = answer_value(by_slot[slot], given[by_slot[slot]])
            used.append(by_slot[slot])
            if value is None:
                break
            events.append(SlotSet(slot, value))
        if used:
            kept = {detail: value for detail, value in given.items() if detail not in used}
            events.append(SlotSet(GIVEN_SLOT, encode(kept)))
        return events

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The validated answers, and what is left of `app_given` (rasa_sdk keeps only form slots)."""
        events: list[EventType] = await super().get_validation_events(dispatcher, tracker, domain)  # type: ignore[misc]
        recent = tracker.slots_to_validate()
        if GIVEN_SLOT in recent:
            events.append(SlotSet(GIVEN_SLOT, recent[GIVEN_SLOT]))
        return events
