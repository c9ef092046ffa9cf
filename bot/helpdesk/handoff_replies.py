"""What an agent does in a held conversation, and how it reaches the parent.

The agent's words go to the Rasa server's relay (bot/rasa_plugins/handoff_relay.py), which
speaks on the parent's channel: socket.io for the widget, Twilio for SMS and WhatsApp. With
several Rasa servers each is asked in turn until one has the parent's widget connected. A line
that reaches nobody stays in the transcript as not delivered; the parent gets it with the answer
to their next message, or, after hours, by email or text message if the parent chose so (the
last relay asked leaves it in the outbox: only the Rasa server opens the sealed address). Notices
to the parent (an agent joined, the assistant is back) and canned replies are written in the
parent's language from the catalogs, whatever the agent reads.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import aiohttp

from bot.core.secrets import keyed_digest
from bot.core.settings import RASA_PORT, RASA_RELAY_URLS
from bot.core.text import catalog
from bot.helpdesk import handoff_queue
from bot.language.detection import guess_language
from bot.rules.handoff import CANNED_REPLIES, RELAY_TOKEN_LABEL, RESOLUTIONS, may_act_on
from bot.staff.audit import record_staff_action

logger = logging.getLogger(__name__)
RELAY_TIMEOUT_SECONDS = 20
#: How the parent is told that a conversation was handed back, per resolution.
HAND_BACK_NOTICE = {"resolved": "handoff.resolved", "back_to_assistant": "handoff.back_to_assistant"}


@dataclass(frozen=True)
class Sent:
    """The outcome of one line to the parent."""

    line_id: int
    delivered: bool


class NotHolder(PermissionError):
    """The agent does not hold this conversation (someone else does, or it is not held)."""


def relay_urls() -> list[str]:
    """The Rasa servers' relay endpoints (RASA_RELAY_URLS, else the local server)."""
    bases = RASA_RELAY_URLS.value().split() or [f"http://127.0.0.1:{RASA_PORT.value()}"]
    return [f"{base.rstrip('/')}/webhooks/handoff/send" for base in bases]


async def _relay(handoff_id: int, author: str, text: str) -> bool:
    headers = {"Authorization": f"Bearer {keyed_digest(RELAY_TOKEN_LABEL)}"}
    timeout = aiohttp.ClientTimeout(total=RELAY_TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        urls = relay_urls()
        for number, url in enumerate(urls, start=1):
            body = {"handoff_id": handoff_id, "author": author, "text": text, "last": number == len(urls)}
            try:
                async with http.post(url, json=body, headers=headers) as answer:
                    if answer.status == 200 and (await answer.json()).get("delivered") is True:
                        return True
                    if answer.status != 200:
                        logger.warning("The hand-off relay at %s answered %s", url, answer.status)
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                logger.warning("The hand-off relay at %s is unreachable: %s", url, error)
    return False


async def send_line(handoff_id: int, author: str, text: str, language: str | None) -> Sent:
    """Store the line (masked), carry it to the parent, record whether it arrived."""
    line_id = await asyncio.to_thread(handoff_queue.add_line, handoff_id, author, text, language, False)
    delivered = await _relay(handoff_id, author, text)
    if delivered:
        await asyncio.to_thread(handoff_queue.mark_delivered, line_id, True)
    return Sent(line_id, delivered)


def _held_by(handoff_id: int, agent: str) -> handoff_queue.HandoffView:
    view = handoff_queue.find(handoff_id)
    if view is None or not may_act_on(view.status, view.agent, agent):
        raise NotHolder(f"handoff:{handoff_id}")
    return view


async def take_conversation(handoff_id: int, agent: str) -> bool:
    """Take a waiting conversation; the parent is told a person joined. False: someone was faster."""
    if not await asyncio.to_thread(handoff_queue.take, handoff_id, agent):
        return False
    view = await asyncio.to_thread(handoff_queue.find, handoff_id)
    if view is not None:
        await send_line(
            handoff_id, "bot", catalog().text("handoff.agent_joined", view.language), view.language
        )
    return True


async def agent_reply(handoff_id: int, agent: str, text: str) -> Sent:
    """The agent's own words, in whatever language they wrote them."""
    view = await asyncio.to_thread(_held_by, handoff_id, agent)
    guess = guess_language(text)
    sent = await send_line(handoff_id, "agent", text, guess.language if guess else view.language)
    await asyncio.to_thread(record_staff_action, agent, "handoff_reply", f"handoff:{handoff_id}")
    return sent


async def canned_reply(handoff_id: int, agent: str, name: str) -> Sent:
    """A canned reply from the catalog, in the parent's language."""
    if name not in CANNED_REPLIES:
        raise ValueError(f"unknown canned reply {name!r}")
    view = await asyncio.to_thread(_held_by, handoff_id, agent)
    text = catalog().text(f"handoff.canned.{name}", view.language)
    sent = await send_line(handoff_id, "agent", text, view.language)
    await asyncio.to_thread(record_staff_action, agent, "handoff_canned_reply", f"handoff:{handoff_id}", name)
    return sent


async def hand_back_conversation(handoff_id: int, agent: str, resolution: str) -> bool:
    """End the hold (the bot answers from the parent's next message on) and tell the parent, in
    their language. False when this agent does not hold the conversation."""
    if resolution not in RESOLUTIONS:
        raise ValueError(f"unknown resolution {resolution!r}")
    if not await asyncio.to_thread(handoff_queue.hand_back, handoff_id, agent, resolution):
        return False
    view = await asyncio.to_thread(handoff_queue.find, handoff_id)
    if view is not None:
        notice = catalog().text(HAND_BACK_NOTICE[resolution], view.language)
        await send_line(handoff_id, "bot", notice, view.language)
    return True
