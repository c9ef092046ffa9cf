"""Rasa's socket.io channel (the web widget), with conversations held by an agent kept silent.

    bot.rasa_plugins.live_socketio.LiveSocketIOInput:   # in credentials.yml, instead of `socketio:`
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

Same name, path and events as the stock channel, so the widget needs no change. The agent's
lines reach the widget through bot.rasa_plugins.handoff_relay, which emits `bot_uttered` to the
conversation's room on this channel's socket.io server.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.rasa_plugins.handoff_guard import MessageHandler, held_conversations_go_to_agent


class LiveSocketIOInput(SocketIOInput):
    """The stock socket.io input; messages of held conversations go to the agent only."""

    @classmethod
    def name(cls) -> str:
        """The stock channel's name: the webhook stays /webhooks/socketio and trackers agree."""
        return "socketio"

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:  # type: ignore[override]
        """The stock blueprint around the hand-off check."""
        return super().blueprint(held_conversations_go_to_agent(on_new_message))

    def is_connected(self, sender_id: str) -> bool:
        """Whether a widget of the conversation is connected to this server now."""
        rooms: dict[str, Any] = getattr(getattr(self.sio, "manager", None), "rooms", {}) or {}
        return bool((rooms.get("/") or {}).get(sender_id))
