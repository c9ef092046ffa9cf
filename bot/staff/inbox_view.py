"""`scripts/permits staff inbox`: the conversations waiting for a person and those held."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.clock import DISTRICT_TIME_ZONE, as_utc
from bot.helpdesk.handoff_queue import HandoffView


def inbox_lines(conversations: Sequence[HandoffView]) -> list[str]:
    """One line per conversation (waiting first, oldest first), then a count."""
    if not conversations:
        return ["Nobody is waiting and no conversation is held."]
    lines = []
    for view in conversations:
        since = as_utc(view.created_at).astimezone(DISTRICT_TIME_ZONE).strftime("%Y-%m-%d %H:%M")
        held = f"  held by {view.agent}" if view.agent and view.status == "held" else ""
        lines.append(
            f"#{view.handoff_id:<5} {view.status:<8} {view.language}  {view.channel:<9} since {since}"
            f"  {view.trigger:<10} {view.topic or '-'}{held}"
        )
    waiting = sum(1 for view in conversations if view.status == "waiting")
    lines.append(f"{waiting} waiting, {len(conversations) - waiting} held. Take them at /staff/inbox.")
    return lines
