"""Keeps the bot silent in a conversation an agent holds, on every channel.

Each of our input channels passes its message handler through `held_conversations_go_to_agent`
before Rasa's processor sees a message. The hand-off table is read each time (one indexed
query), so every Rasa server agrees, and a restart changes nothing:

- held by an agent: the parent's message is stored (masked) for the agent's transcript and the
  bot says nothing — the message never reaches the model or the tracker;
- waiting for a person: the bot still answers (the parent may keep asking), and the message is
  also copied to the transcript the agent will see, with the bot's answers (collected on REST,
  SMS and WhatsApp; copied as they go out on the widget's socket.io channel). After hours, a
  reply to "how should the answer reach you?" is handled first (handoff_contact);
- otherwise: the bot answers as usual.

An agent's line that could not be pushed to the parent (a REST client, a closed widget) goes
out with the answer to the parent's next message.

When the hand-off table cannot be read (the database is down), the bot answers: a parent is
never left in silence because of our bookkeeping.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage

from bot.rasa_plugins import handoff_state
from bot.rasa_plugins.handoff_contact import answered_contact_question
from bot.rules.handoff import HELD

logger = logging.getLogger(__name__)
MessageHandler = Callable[[UserMessage], Awaitable[Any]]


def held_conversations_go_to_agent(on_new_message: MessageHandler) -> MessageHandler:
    """`on_new_message`, except for conversations handed to a person (see the module)."""

    async def handle(message: UserMessage) -> Any:
        said = (message.text or "").strip()
        handoff = None
        try:
            handoff = await asyncio.to_thread(handoff_state.open_handoff_of, message.sender_id)
            if handoff is not None and await answered_contact_question(handoff, message):
                return None
            if handoff is not None and said:
                await asyncio.to_thread(handoff_state.record_parent_line, handoff.handoff_id, said)
        except Exception:  # noqa: BLE001 - the database is down: the bot answers as if no hand-off
            logger.exception("The hand-off table could not be read; the bot answers.")
        if handoff is not None and handoff.status == HELD:
            await _deliver_waiting_agent_lines(handoff.handoff_id, message)
            return None
        if handoff is None:
            return await on_new_message(message)
        # Waiting: the agent will read the assistant's answers too.
        collector = message.output_channel
        if isinstance(collector, CollectingOutputChannel):
            answered_before = len(collector.messages)
            result = await on_new_message(message)
            answers = [str(m.get("text") or "") for m in collector.messages[answered_before:]]
        else:  # the widget: answers go out one by one as they are made
            copy = CopiedToTranscript(collector)
            message.output_channel = copy
            result = await on_new_message(message)
            answers = copy.texts
        await _record_bot_lines(handoff.handoff_id, [answer for answer in answers if answer])
        return result

    return handle


class CopiedToTranscript(OutputChannel):
    """An output channel that sends through `inner` and keeps the texts it sent."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def name(self) -> str:  # type: ignore[override]
        """The inner channel's name: responses are chosen per channel."""
        return self.inner.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Keep the text, then send the whole message (buttons and all) on the inner channel."""
        if message.get("text"):
            self.texts.append(str(message["text"]))
        await self.inner.send_response(recipient_id, message)


async def _record_bot_lines(handoff_id: int, answers: list[str]) -> None:
    try:
        for answer in answers:
            await asyncio.to_thread(handoff_state.record_line, handoff_id, "bot", answer)
    except Exception:  # noqa: BLE001 - the transcript misses a line; the parent got it anyway
        logger.exception("The assistant's answer could not be added to a hand-off transcript.")


async def _deliver_waiting_agent_lines(handoff_id: int, message: UserMessage) -> None:
    try:
        lines = await asyncio.to_thread(handoff_state.undelivered_agent_lines, handoff_id)
        for _, line in lines:
            await message.output_channel.send_text_message(message.sender_id, line)
        await asyncio.to_thread(handoff_state.mark_delivered, [line_id for line_id, _ in lines])
    except Exception:  # noqa: BLE001 - they stay undelivered and are tried again next time
        logger.exception("The agent's waiting lines could not be delivered.")


async def remember_reply_address(sender_id: str, phone: str) -> None:
    """Keep (sealed) the phone of a text conversation that was just handed to a person, so that
    the agent's replies reach it. Never fails the parent's turn."""
    try:
        await asyncio.to_thread(handoff_state.remember_reply_address, sender_id, phone)
    except Exception:  # noqa: BLE001 - the agent sees "not delivered" and the reply waits
        logger.exception("The reply address of a hand-off could not be stored.")
