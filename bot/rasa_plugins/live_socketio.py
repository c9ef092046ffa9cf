"""Rasa's socket.io channel (the web widget), with conversations held by an agent kept silent.

    bot.rasa_plugins.live_socketio.LiveSocketIOInput:   # in credentials.yml, instead of `socketio:`
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

Same name, path and events as the stock channel, so the widget needs no change. The agent's
lines reach the widget through bot.rasa_plugins.handoff_relay, which emits `bot_uttered` to the
conversation's room on this channel's socket.io server.

Messages are capped as on the REST channel: engine.io takes packets of at most MAX_BODY_BYTES,
a message that is not text is dropped, the text is cut at 2,000 characters and the metadata keeps
only its allowed keys (``language``) before the hand-off check and Rasa see them.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.rasa_plugins.capped_rest import MAX_MESSAGE_CHARACTERS
from bot.rasa_plugins.handoff_guard import MessageHandler, held_conversations_go_to_agent
from bot.rules.chat_requests import MAX_BODY_BYTES, RequestRefused, clean_metadata

logger = logging.getLogger(__name__)


class LiveSocketIOInput(SocketIOInput):
    """The stock socket.io input; messages of held conversations go to the agent only."""

    @classmethod
    def name(cls) -> str:
        """The stock channel's name: the webhook stays /webhooks/socketio and trackers agree."""
        return "socketio"

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:  # type: ignore[override]
        """The stock blueprint around the hand-off check, with messages capped first."""
        blueprint = super().blueprint(capped_messages(held_conversations_go_to_agent(on_new_message)))
        if self.sio is not None:  # engine.io reads a packet whole: the same cap as a REST body
            self.sio.eio.max_http_buffer_size = MAX_BODY_BYTES
        return blueprint

    def is_connected(self, sender_id: str) -> bool:
        """Whether a widget of the conversation is connected to this server now."""
        rooms: dict[str, Any] = getattr(getattr(self.sio, "manager", None), "rooms", {}) or {}
        return bool((rooms.get("/") or {}).get(sender_id))


def capped_messages(on_new_message: MessageHandler) -> MessageHandler:
    """``on_new_message`` for sensible messages only: text cut, metadata reduced to its allowed keys."""

    async def handle(message: UserMessage) -> Any:
        if not isinstance(message.text, str):
            logger.warning("Dropped a socket.io message whose text is not a string.")
            return None
        message.text = message.text[:MAX_MESSAGE_CHARACTERS]
        try:
            message.metadata = clean_metadata(message.metadata)
        except RequestRefused as refused:
            logger.warning("Socket.io metadata dropped: %s", refused.reason)
            message.metadata = {}
        return await on_new_message(message)

    return handle
