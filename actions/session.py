"""Who the parent is in this conversation: the account linked by a sign-in code (or the website)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

#: What the parent asked for before signing in (`after_sign_in`); action_sign_in_done sets it as
#: `next_step` and the rules in data/rules/next_steps.yml start that flow.
FLOWS_AFTER_SIGN_IN = ("apply", "status", "upload")


def next_step(step: str) -> SlotSet:
    """Tell the rules what comes next (a form, a flow after sign-in, or `done`: wait for the parent)."""
    return SlotSet("next_step", step)


def signed_in_account(tracker: Tracker) -> int | None:
    """The account id linked to this conversation, or None."""
    value = tracker.get_slot("account_id")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def require_sign_in(dispatcher: CollectingDispatcher, flow: str) -> list[EventType]:
    """Ask the parent to sign in first, and remember where to go afterwards."""
    dispatcher.utter_message(response=f"utter_sign_in_first_{flow}")
    return [SlotSet("after_sign_in", flow), next_step("sign_in_form")]
