"""What an SMS or WhatsApp parent reads: the bot's messages as plain texts, buttons as numbered lines.

No Rasa import: the messages are the dicts Rasa's CollectingOutputChannel keeps
({"text", "buttons": [{"title", "payload"}], "image", ...}); the tracker's events are plain dicts too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bot.core.facts import policy_facts
from bot.core.text import Catalog
from bot.rules.sms import chosen_option, numbered_options, sms_messages, whatsapp_messages

TextChannel = Literal["sms", "whatsapp"]
WHATSAPP_PREFIX = "whatsapp:"


@dataclass(frozen=True)
class TwilioAddress:
    """Where a message came from: the channel and the phone number in E.164 ("+13235551234")."""

    channel: TextChannel
    phone: str

    @classmethod
    def parse(cls, sender: str | None) -> TwilioAddress | None:
        """Twilio's `From` ("whatsapp:+1…" or "+1…"), or None when it is no phone number."""
        if not sender:
            return None
        channel: TextChannel = "whatsapp" if sender.startswith(WHATSAPP_PREFIX) else "sms"
        phone = sender.removeprefix(WHATSAPP_PREFIX).strip()
        digits = phone.removeprefix("+")
        if not (phone.startswith("+") and digits.isdigit() and 6 <= len(digits) <= 15):
            return None
        return cls(channel, phone)

    @property
    def twilio_address(self) -> str:
        """The address in Twilio's form, to reply on the channel the parent used."""
        return f"{WHATSAPP_PREFIX}{self.phone}" if self.channel == "whatsapp" else self.phone


def buttons_offered(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The buttons of the bot's messages since the parent's last message, numbered as they were sent."""
    offered: list[dict[str, Any]] = []
    for event in events:
        if event.get("event") == "user":
            offered = []
        elif event.get("event") == "bot":
            data = event.get("data") or {}
            offered.extend(b for b in data.get("buttons") or [] if isinstance(b, dict) and b.get("payload"))
    return offered


def text_for_reply(reply: str, offered: Sequence[Mapping[str, Any]]) -> str:
    """The payload of the button a numeric reply picks ("2" → "/deny"), else the reply as typed."""
    chosen = chosen_option(reply, len(offered))
    return reply if chosen is None else str(offered[chosen]["payload"])


def render_messages(
    catalog: Catalog, messages: Iterable[Mapping[str, Any]], locale: str, channel: TextChannel
) -> list[str]:
    """The texts to send, in order: each message with its buttons as "Reply 1 for …" lines
    (numbered across the whole turn, as `buttons_offered` counts them), split for the channel."""
    facts = policy_facts(catalog, locale)
    next_number = 1
    texts: list[str] = []
    for message in messages:
        parts = [str(message["text"]).strip()] if message.get("text") else []
        titles = [str(b.get("title", "")) for b in message.get("buttons") or [] if b.get("payload")]
        if titles:
            parts.append(
                numbered_options(
                    titles,
                    lambda number, title: catalog.text(
                        "channels.sms.option", locale, number=number, title=title
                    ),
                    first=next_number,
                )
            )
            next_number += len(titles)
        if message.get("image"):
            parts.append(str(message["image"]))
        whole = "\n\n".join(part for part in parts if part)
        if not whole:
            continue
        if channel == "whatsapp":
            pieces = whatsapp_messages(whole)
        else:
            pieces = sms_messages(whole, note=catalog.text("channels.sms.shortened", locale, **facts))
        texts.extend(piece.strip() for piece in pieces if piece.strip())
    return texts


def keyword_text(catalog: Catalog, key: str, locale: str) -> str:
    """A keyword's answer ("channels.sms.help") with the district's contacts filled in."""
    return catalog.text(f"channels.sms.{key}", locale, **policy_facts(catalog, locale))
