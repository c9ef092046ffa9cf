"""No question asked a third time in the same words (issue 16).

A form asks its question again after every answer it could not use. The first repeat is fine;
from the third time on, the question comes with different words around it (it says why it is
asked again), and with a way out: a person, or stopping. The count is the number of times the
same question was asked since another question was asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

#: From this ask on, the question is rephrased and the way out offered.
REPHRASE_FROM = 3


def times_asked_in_a_row(bot_actions: Iterable[str | None], utter_action: str) -> int:
    """How many times `utter_action` was asked since a different question (`utter_ask_*`) was asked,
    counting backwards over the bot's responses (newest last)."""
    count = 0
    for name in reversed(list(bot_actions)):
        if name == utter_action:
            count += 1
        elif name and name.startswith("utter_ask_"):
            break
    return count


def is_form_question(utter_action: str) -> bool:
    """Forms ask with `utter_ask_<slot>`."""
    return utter_action.startswith("utter_ask_")


def with_way_out(
    message: Mapping[str, Any], intro: str, help_line: str, way_out: list[dict[str, str]]
) -> dict[str, Any]:
    """The question again, said differently: why it is asked again, the question and its choices,
    and the way out (a person, stop) as buttons besides the question's own."""
    buttons = list(message.get("buttons") or [])
    known = {button["payload"] for button in buttons}
    return {
        **message,
        "text": f"{intro}\n{message['text']}\n{help_line}",
        "buttons": buttons + [button for button in way_out if button["payload"] not in known],
    }
