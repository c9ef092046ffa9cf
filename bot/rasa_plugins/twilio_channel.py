"""SMS and WhatsApp through Twilio, replacing Rasa's stock connector (credentials.yml, by module path).

    bot.rasa_plugins.twilio_channel.TwilioChannel:     # webhook: /webhooks/twilio/webhook

What it does that the stock one does not:
- Every POST must carry a valid `X-Twilio-Signature` (twilio's RequestValidator, computed on
  TWILIO_PUBLIC_URL + path, the address Twilio called; behind a proxy the request's own URL
  differs). Unsigned or forged requests get 403 and reach no conversation. Without an auth token
  every request is refused: it fails closed.
- One webhook for SMS and WhatsApp; each reply goes out on the channel the message came in on.
- Buttons become "Reply 1 for …" lines (catalog `channels.sms.option`, in the conversation's
  language); a numeric reply becomes the payload of that button. The buttons offered are read
  from the conversation itself (the bot events since the parent's last message, in the tracker
  store), so any Rasa server behind the load balancer maps "2" the same way, and nothing else
  needs storing.
- Long answers are split (SMS segments, WhatsApp's 4096 characters) by bot.rules.sms.
- HELP/AYUDA are answered from the catalog; STOP/ALTO/START likewise (for SMS Twilio's own
  keywords are handled by Twilio at the carrier level, so nothing is sent for them). Keywords
  never reach the conversation.
- Messages are sent with aiohttp (bot.rasa_plugins.twilio_rest), not a blocking client.

Conversation ids: one per channel and phone, "sms-<hmac>" / "whatsapp-<hmac>" (HMAC-SHA256 of the
number under the project secret): the tracker store never holds a phone number, and SMS and
WhatsApp are two conversations. A WhatsApp account can outlive the SIM it was made with and a
recycled number reaches a stranger by SMS, so joining them could show one parent's answers
(their name in a summary) to another.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from bot.core.secrets import keyed_digest
from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rasa_plugins.handoff_guard import held_conversations_go_to_agent, remember_reply_address
from bot.rasa_plugins.twilio_render import (
    TwilioAddress,
    buttons_offered,
    keyword_text,
    render_messages,
    text_for_reply,
)
from bot.rasa_plugins.twilio_rest import TwilioSettings, send_texts
from bot.rules.sms import keyword_of

logger = logging.getLogger(__name__)
#: Keywords Twilio itself honours on SMS (and confirms): we must not answer them again.
TWILIO_SMS_KEYWORDS = frozenset(
    {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "start", "unstop"}
)
KEYWORD_REPLY = {"help": "help", "stop": "stopped", "start": "started"}


def conversation_id(address: TwilioAddress) -> str:
    """The Rasa sender id of a phone on one channel: keyed, so no number is stored in clear."""
    return f"{address.channel}-{keyed_digest(f'{address.channel}:{address.phone}')}"


class TwilioChannel(InputChannel):
    """Signed Twilio webhooks for SMS and WhatsApp, rendered for plain-text phones."""

    @classmethod
    def name(cls) -> str:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Credentials come from the environment only; credentials.yml names the class."""
        return cls(TwilioSettings.from_env())

    def __init__(self, settings: TwilioSettings) -> None:
        self.settings = settings
        self.catalog = catalog()
        if not settings.auth_token:
            logger.warning("TWILIO_AUTH_TOKEN is not set: every Twilio webhook will be refused (403).")

    def signed_by_twilio(self, request: Request) -> bool:
        """Whether X-Twilio-Signature matches the form under our auth token."""
        signature = request.headers.get("X-Twilio-Signature", "")
        if not (signature and self.settings.auth_token):
            return False
        base = self.settings.public_url or f"{request.scheme}://{request.host}"
        url = base + request.path + (f"?{request.query_string}" if request.query_string else "")
        return bool(RequestValidator(self.settings.auth_token).validate(url, request.form, signature))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """GET / (health) and POST /webhook."""
        twilio_webhook = Blueprint("twilio_webhook", __name__)
        on_new_message = held_conversations_go_to_agent(on_new_message)  # an agent may hold it

        @twilio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @twilio_webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not self.signed_by_twilio(request):
                logger.warning("Refused a Twilio webhook without a valid signature.")
                return response.text("forbidden", status=403)
            address = TwilioAddress.parse(request.form.get("From"))
            if address is None:
                return response.text("no sender", status=400)
            texts = await self._answer(request, address, on_new_message)
            if texts:
                sender = self.settings.sender_for(address, request.form.get("To") or "")
                await send_texts(self.settings, address, texts, sender)
            return response.text("", status=204)

        return twilio_webhook

    async def _answer(
        self,
        request: Request,
        address: TwilioAddress,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> list[str]:
        """The texts to send back for one incoming message."""
        body = (request.form.get("Body") or "").strip()
        sender_id = conversation_id(address)
        tracker_store = request.app.ctx.agent.tracker_store
        tracker = await tracker_store.retrieve(sender_id)
        keyword = keyword_of(body)
        if keyword is not None:
            word, written_in = keyword
            language = written_in or (tracker.get_slot("language") if tracker else None) or DEFAULT_LANGUAGE
            handled_by_twilio = (
                bool(request.form.get("OptOutType")) or body.strip(".! ").lower() in TWILIO_SMS_KEYWORDS
            )
            if word != "help" and address.channel == "sms" and handled_by_twilio:
                return []
            return [keyword_text(self.catalog, KEYWORD_REPLY[word], language)]
        if not body:
            return []  # a picture or a location alone: nothing to answer yet
        offered = buttons_offered(e.as_dict() for e in tracker.events) if tracker else []
        collector = CollectingOutputChannel()
        await on_new_message(
            UserMessage(
                text_for_reply(body, offered),
                collector,
                sender_id,
                input_channel=self.name(),
                metadata={"channel": address.channel},
            )
        )
        await remember_reply_address(sender_id, address.phone)  # if handed to a person
        tracker = await tracker_store.retrieve(sender_id)
        language = (tracker.get_slot("language") if tracker else None) or DEFAULT_LANGUAGE
        return render_messages(self.catalog, collector.messages, language, address.channel)

    def get_output_channel(self) -> None:  # type: ignore[override]
        """No proactive messages through Rasa: notifications go through bot.notifications' outbox."""
        return None
