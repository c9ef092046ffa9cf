"""Rasa's REST channel, with each message cut to a sensible length before NLU sees it.

A 100 kB message made the stock channel time out: the parent got no answer and Rasa logged the
whole text. Cut to MAX_MESSAGE_CHARACTERS, it gets a polite "please rephrase" like any other.
The webhook stays /webhooks/rest/webhook.

When a turn produces no reply at all (the action server is down: Rasa logs the error and answers
nothing), the parent is told politely to try again, in the language of the page or the message.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request

from bot.language.detection import guess_language
from bot.nlg.catalog import Catalog

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

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's REST endpoints; a turn that would end in silence gets an apology instead."""

        async def answered(message: UserMessage) -> None:
            await on_new_message(message)
            collector = message.output_channel
            if (
                isinstance(collector, CollectingOutputChannel)
                and not collector.messages
                and (message.text or "").strip()
            ):
                await collector.send_text_message(
                    message.sender_id, apology(message.text or "", message.metadata)
                )

        return super().blueprint(answered)


_CATALOG = Catalog()


def apology(text: str, metadata: dict[str, Any] | None) -> str:
    """ "Something went wrong, please try again" in the page's language, else the message's, else both."""
    hint = (metadata or {}).get("language")
    if hint in ("en", "es"):
        return _CATALOG.text("basics.try_again", hint)
    guess = guess_language(text[:MAX_MESSAGE_CHARACTERS])
    if guess is not None and guess.words >= 2:
        return _CATALOG.text("basics.try_again", guess.language)
    return "\n".join(_CATALOG.text("basics.try_again", locale) for locale in ("en", "es"))
