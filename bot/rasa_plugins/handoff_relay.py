"""The agent's words to the parent, on the channel the parent uses (an internal endpoint).

    bot.rasa_plugins.handoff_relay.HandoffRelayInput:    # credentials.yml; POST /webhooks/handoff/send

The web server's inbox POSTs {"handoff_id": 12, "author": "agent", "text": "…", "last": true}
with `Authorization: Bearer <relay_token()>` (an HMAC of a fixed label under the project secret,
which both servers read): no token, no message. The relay looks the conversation up in the
hand-off table and:

- web widget (socket.io): emits `bot_uttered` to the conversation's room, if the widget is
  connected to *this* server (with several Rasa servers the inbox asks each in turn, and says
  which is the last);
- SMS / WhatsApp: sends the text through Twilio's API to the sealed phone of the hand-off;
- REST: cannot push; the line goes out with the answer to the parent's next message.

After hours a web parent may have chosen email or a text message (bot.rasa_plugins.handoff_contact):
an agent's line (`"author": "agent"`) that no widget received live is then left in the outbox by
the last server asked, for the delivery worker: by email to the address the parent gave (or
their account's), by SMS to the number they gave, in the parent's language. Notices (a person
joined, the assistant is back) are not sent that way.

Answers {"delivered": true|false}. Neither the text nor the address is logged.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.core.secrets import keyed_digest
from bot.core.text import catalog
from bot.rasa_plugins import handoff_state
from bot.rasa_plugins.live_socketio import LiveSocketIOInput
from bot.rasa_plugins.twilio_render import TwilioAddress
from bot.rasa_plugins.twilio_rest import TwilioSettings, send_texts
from bot.rules.handoff import RELAY_TOKEN_LABEL, TEXT_CHANNELS
from bot.rules.handoff_contact import EMAIL, SMS
from bot.rules.sms import sms_messages, whatsapp_messages

logger = logging.getLogger(__name__)
MAX_LINE_CHARACTERS = 2000


def relay_token() -> str:
    """The bearer token the web server shows the relay (derived from the shared secret)."""
    return keyed_digest(RELAY_TOKEN_LABEL)


def _authorised(request: Request) -> bool:
    given = request.headers.get("Authorization", "")
    return hmac.compare_digest(given.encode(), f"Bearer {relay_token()}".encode())


class HandoffRelayInput(InputChannel):
    """Not a channel parents write to: the endpoint that carries an agent's line to a parent."""

    @classmethod
    def name(cls) -> str:
        return "handoff"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """POST /send (authenticated)."""
        relay = Blueprint("handoff_relay", __name__)

        @relay.route("/send", methods=["POST"])
        async def send(request: Request) -> HTTPResponse:
            if not _authorised(request):
                return response.json({"error": "forbidden"}, status=403)
            body = request.json if isinstance(request.json, dict) else {}
            handoff_id, line, author = body.get("handoff_id"), body.get("text"), body.get("author", "agent")
            if not isinstance(handoff_id, int) or not isinstance(line, str) or not line.strip():
                return response.json({"error": "handoff_id and text are required"}, status=400)
            route = await asyncio.to_thread(handoff_state.reply_route, handoff_id)
            if route is None:
                return response.json({"error": "no such hand-off"}, status=404)
            line = line.strip()[:MAX_LINE_CHARACTERS]
            delivered = await _deliver(request, route, line)
            last_asked = body.get("last", True) is True  # with several servers, the widget may be elsewhere
            if not delivered and last_asked and author == "agent" and route.channel not in TEXT_CHANNELS:
                delivered = await asyncio.to_thread(_leave_in_outbox, route, line)
            return response.json({"delivered": delivered})

        return relay


async def _deliver(request: Request, route: handoff_state.ReplyRoute, line: str) -> bool:
    if route.channel == "socketio":
        for channel in getattr(request.app.ctx, "input_channels", []):
            if isinstance(channel, LiveSocketIOInput) and channel.is_connected(route.sender_id):
                await channel.get_output_channel().send_text_message(route.sender_id, line)
                return True
        return False
    if route.channel in ("sms", "whatsapp"):
        if not route.phone:
            logger.warning("A hand-off on %s has no reply address yet.", route.channel)
            return False
        settings = TwilioSettings.from_env()
        address = TwilioAddress(route.channel, route.phone)  # type: ignore[arg-type]
        texts = sms_messages(line) if route.channel == "sms" else whatsapp_messages(line)
        sent = await send_texts(settings, address, texts, settings.sender_for(address, ""))
        return sent == len(texts)
    return False


def _leave_in_outbox(route: handoff_state.ReplyRoute, line: str) -> bool:
    """The agent's line by email or text message, as the parent chose after hours; False when
    the parent chose the chat (or nothing) and the line waits for their next message there."""
    words = catalog()
    if route.contact_by == EMAIL:
        address = route.phone or (handoff_state.account_email(route.account_id) if route.account_id else None)
        if not address:
            return False
        subject = words.text("handoff.email_subject", route.language)
        body = words.text("handoff.email_body", route.language, answer=line)
        handoff_state.queue_outbox("email", address, subject, body)
        return True
    if route.contact_by == SMS and route.phone:
        handoff_state.queue_outbox(
            "sms", route.phone, "", words.text("handoff.sms_answer", route.language, answer=line)
        )
        return True
    return False
