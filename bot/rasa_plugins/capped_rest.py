"""Rasa's REST channel, with each message cut to a sensible length before NLU sees it.

A 100 kB message made the stock channel time out: the parent got no answer and Rasa logged the
whole text. Cut to MAX_MESSAGE_CHARACTERS, it gets a polite "please rephrase" like any other.
The webhook stays /webhooks/rest/webhook.

Before Rasa reads a request, ``bot.rules.chat_requests`` checks it: the whole body is capped
(MAX_BODY_BYTES, also the Rasa server's Sanic REQUEST_MAX_SIZE), a body that is not a JSON object,
a message that is not a string or a missing sender get a 400, and the metadata keeps only its
allowed keys (``language``), refused when too big or too deep. The channel name a caller claims
(``input_channel``) is ignored: a REST message is a REST message.

When a turn produces no reply at all (the action server is down: Rasa logs the error and answers
nothing), the parent is told politely to try again, in the language of the page or the message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.core.text import catalog
from bot.language.detection import guess_language
from bot.rasa_plugins.handoff_guard import held_conversations_go_to_agent
from bot.rules.chat_requests import MAX_BODY_BYTES, ChatRequest, RequestRefused, parse_rest_body

MAX_MESSAGE_CHARACTERS = 2000
logger = logging.getLogger(__name__)


class CappedRestInput(RestInput):
    """REST input whose messages are at most MAX_MESSAGE_CHARACTERS long."""

    @classmethod
    def name(cls) -> str:
        """The same name (and webhook path) as Rasa's REST channel."""
        return "rest"

    async def _extract_sender(self, req: Request) -> str | None:
        return _checked(req).sender

    def _extract_message(self, req: Request) -> str | None:
        return _checked(req).message[:MAX_MESSAGE_CHARACTERS]

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        """Only the allowed metadata keys (``language``) reach the tracker."""
        return _checked(request).metadata

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's REST endpoints; a turn that would end in silence gets an apology instead."""

        async def answered(message: UserMessage) -> None:
            # Rasa's REST channel logs a failed or timed-out turn with the parent's message in it
            # (an email, a birth date): the failure is logged here, without the text, and answered.
            try:
                await on_new_message(message)
            except asyncio.CancelledError:
                logger.error("A turn timed out (conversation %s...).", message.sender_id[:8])
            except Exception as error:
                logger.error(
                    "A turn failed: %s (conversation %s...).", type(error).__name__, message.sender_id[:8]
                )
            collector = message.output_channel
            if (
                isinstance(collector, CollectingOutputChannel)
                and not collector.messages
                and (message.text or "").strip()
            ):
                await collector.send_text_message(
                    message.sender_id, apology(message.text or "", message.metadata)
                )

        blueprint = super().blueprint(held_conversations_go_to_agent(answered))

        async def check_request(request: Request) -> HTTPResponse | None:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            try:
                request.ctx.chat_request = parse_rest_body(request.body)
            except RequestRefused as refused:
                return response.json({"error": refused.reason}, status=refused.status)
            return None

        async def cap_request_size(app: Sanic, _: Any) -> None:
            # read by each new connection: a bigger body is refused (413) before it is read whole
            app.config.REQUEST_MAX_SIZE = min(app.config.REQUEST_MAX_SIZE, MAX_BODY_BYTES)

        blueprint.middleware(check_request, "request")
        blueprint.listener("before_server_start")(cap_request_size)
        return blueprint


def _checked(request: Request) -> ChatRequest:
    """The request as bot.rules.chat_requests checked it (the blueprint's middleware ran first)."""
    checked = getattr(request.ctx, "chat_request", None)
    return checked if isinstance(checked, ChatRequest) else parse_rest_body(request.body)


def apology(text: str, metadata: dict[str, Any] | None) -> str:
    """ "Something went wrong, please try again" in the page's language, else the message's, else both."""
    hint = (metadata or {}).get("language")
    if hint in ("en", "es"):
        return catalog().text("basics.try_again", hint)
    guess = guess_language(text[:MAX_MESSAGE_CHARACTERS])
    if guess is not None and guess.words >= 2:
        return catalog().text("basics.try_again", guess.language)
    return "\n".join(catalog().text("basics.try_again", locale) for locale in ("en", "es"))
