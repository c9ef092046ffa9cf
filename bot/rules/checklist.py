"""The document checklist of one application: what must be uploaded, and what is still missing.

Incoming: the release from the district of residence, the reason's documents, and (optional)
an IEP or 504 plan. Outgoing: LAUSD itself is the district of residence and issues the release,
so the checklist is the reason's evidence (the incoming list for the same reason, if any).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.codes import Direction
from bot.core.policy import Policy, load_policy
from bot.core.policy_model import DocumentRequirement


@dataclass(frozen=True)
class ChecklistItem:
    """One document code (see permits.yml `documents:`); optional items never count as missing."""

    code: str
    required: bool
    hedged: bool  # the requirement is typical or to verify: say "usually" and point to the office


def checklist(
    direction: Direction, reason: str, *, policy: Policy | None = None
) -> tuple[ChecklistItem, ...]:
    """The checklist for a permit in `direction` for `reason` (empty for an unknown reason)."""
    rules = policy or load_policy()
    if reason not in rules.incoming_reasons:
        return ()
    items = []
    for document in rules.documents_for(reason):
        if direction is Direction.OUTGOING and document.requirement is DocumentRequirement.ALWAYS:
            continue
        required = document.requirement is not DocumentRequirement.IF_APPLICABLE
        items.append(ChecklistItem(document.code, required, document.hedged))
    return tuple(items)


def missing_items(
    direction: Direction, reason: str, uploaded: Iterable[str], *, policy: Policy | None = None
) -> tuple[str, ...]:
    """Codes of the required documents with no upload yet, in checklist order."""
    have = set(uploaded)
    return tuple(
        item.code
        for item in checklist(direction, reason, policy=policy)
        if item.required and item.code not in have
    )
