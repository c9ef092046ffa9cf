"""Rasa's REST channel, with each message cut to a sensible length before NLU sees it.

A 100 kB message made the stock channel time out: the parent got no answer and Rasa logged the
whole text. Cut to MAX_MESSAGE_CHARACTERS, it gets a polite "please rephrase" like any other.
The webhook stays /webhooks/rest/webhook.
"""

from __future__ import annotations

from rasa.core.channels.rest import RestInput
from sanic.request import Request

MAX_MESSAGE_CHARACTERS = 2000


class CappedRestInput(RestInput):
    """REST input whose messages are at most MAX_MESSAGE_CHARACTERS long."""

    @classmethod
    def name(cls) -> str:
        """The same name (and webhook path) as Rasa's REST channel."""
        return "rest"

    def _extract_message(self, req: Request) -> str | None:
        text = super()._extract_message(req)
        return text[:MAX_MESSAGE_CHARACTERS] if isinstance(text, str) else text
