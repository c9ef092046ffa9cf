"""Who the parent is in this conversation: the account a sign-in code linked, checked on every use."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.accounts.sign_in_state import SignedInParent, issue_sign_in_state, signed_in_parent

#: The slot holding the signed sign-in token (never an account id a caller could write).
SIGN_IN_SLOT = "sign_in_state"

#: What the parent asked for before signing in (`after_sign_in`); action_sign_in_done sets it as
#: `next_step` and the rules in data/rules/next_steps.yml start that flow.
FLOWS_AFTER_SIGN_IN = ("apply", "status", "upload")


def next_step(step: str) -> SlotSet:
    """Tell the rules what comes next (a form, a flow after sign-in, or `done`: wait for the parent)."""
    return SlotSet("next_step", step)


def session_started_at(tracker: Tracker) -> float | None:
    """When Rasa started this chat session (its latest `session_started` event), or None."""
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            stamp = event.get("timestamp")
            return float(stamp) if isinstance(stamp, (int, float)) else None
    return None


async def signed_in_parent_of(tracker: Tracker) -> SignedInParent | None:
    """The parent signed in to this conversation, checked now (bot.accounts.sign_in_state): never
    taken from a slot as written, since the action server's caller writes the slots."""
    token = tracker.get_slot(SIGN_IN_SLOT)
    if not token:
        return None
    return await asyncio.to_thread(signed_in_parent, token, tracker.sender_id, session_started_at(tracker))


async def signed_in_account(tracker: Tracker) -> int | None:
    """The id of the account signed in to this conversation (checked as above), or None."""
    parent = await signed_in_parent_of(tracker)
    return parent.account_id if parent is not None else None


async def sign_in_events(tracker: Tracker, account_id: int, first_name: str) -> dict[str, Any]:
    """The slots that sign this conversation in to `account_id` (after a correct code)."""
    token = await asyncio.to_thread(
        issue_sign_in_state, account_id, tracker.sender_id, session_started_at(tracker)
    )
    return {SIGN_IN_SLOT: token, "account_first_name": first_name if token else None}


def require_sign_in(dispatcher: CollectingDispatcher, flow: str) -> list[EventType]:
    """Ask the parent to sign in first, and remember where to go afterwards."""
    dispatcher.utter_message(response=f"utter_sign_in_first_{flow}")
    return [SlotSet("after_sign_in", flow), next_step("sign_in_form")]
