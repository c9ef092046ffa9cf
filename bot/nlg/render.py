"""Turn a response (as declared in domain.yml) into the message a parent sees.

Every string in a domain response is a catalog key: `text` names the reply, each button's
`title` names its label. Payloads stay as declared. No Rasa import: testable offline.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.core.facts import policy_facts, reason_facts
from bot.core.text import Catalog


def render_response(
    catalog: Catalog,
    response: Mapping[str, Any],
    locale: str,
    params: Mapping[str, Any],
) -> dict[str, Any]:
    """The message for one response variation in `locale` with `params` filled in."""
    values: dict[str, Any] = dict(policy_facts(catalog, locale))
    reason = params.get("permit_reason")
    if isinstance(reason, str):
        values.update(reason_facts(catalog, locale, reason))
        if params.get("permit_direction") == "outgoing" and values.get("reason_name"):
            # leaving LAUSD: what the reason means for the district the family wants
            values["reason_meaning"] = catalog.text(f"reasons.{reason}.meaning_outgoing", locale)
    values.update({k: v for k, v in params.items() if isinstance(v, (str, int, float))})
    message: dict[str, Any] = {"text": catalog.text(response["text"], locale, **values)}
    buttons = [
        {"title": catalog.text(button["title"], locale, **values), "payload": button["payload"]}
        for button in response.get("buttons") or []
    ]
    if buttons:
        message["buttons"] = buttons
    return message


def chosen_variation(variations: list[dict[str, Any]], slots: dict[str, Any]) -> dict[str, Any]:
    """The first variation whose `condition` (slot values, Rasa's format) the slots meet, else the
    first without one: "when can I apply?" in a conversation about leaving LAUSD gets the outgoing dates."""
    for variation in variations:
        conditions = variation.get("condition") or []
        if conditions and all(
            c.get("type") == "slot" and slots.get(str(c.get("name"))) == c.get("value") for c in conditions
        ):
            return variation
    return next((v for v in variations if not v.get("condition")), variations[0])
