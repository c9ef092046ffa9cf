"""After hours, the web parent's answer to "how should the person's answer reach you?".

The hand-off action asks (bot/locales/handoff.*.yml `after_hours_choose`, with buttons); while
the hand-off waits with `contact_by` at a step of the question, each message of the parent is
read here first (bot.rules.handoff_contact). A reply that answers — a button, "por correo",
"text me", an email address, a mobile number — is handled here and never reaches the model or
the tracker store: the address is sealed into the hand-off (handoff_state.set_contact), the
parent is told what will happen, in their language, and the transcript gets both lines, masked.
Anything else goes on to the assistant as usual, and the question stays open.
"""

from __future__ import annotations

import asyncio

from rasa.core.channels.channel import UserMessage

from bot.core.text import catalog
from bot.rasa_plugins import handoff_state
from bot.rules.handoff import WAITING
from bot.rules.handoff_contact import ASKING, choice_in, display_address, read_contact_reply


async def answered_contact_question(handoff: handoff_state.OpenHandoff, message: UserMessage) -> bool:
    """Handle the parent's message if it answers the question; True when it did."""
    said = (message.text or "").strip()
    if handoff.status != WAITING or handoff.contact_by not in ASKING or not said:
        return False
    reply = read_contact_reply(str(handoff.contact_by), said, handoff.signed_in)
    if reply is None:
        return False
    if not await asyncio.to_thread(
        handoff_state.set_contact, handoff.handoff_id, reply.contact_by, reply.address
    ):
        return False  # an agent took the conversation a moment ago: the agent reads this message
    words = catalog()
    address = display_address(reply.address) if reply.address else ""
    answer = words.text(f"handoff.contact.{reply.says}", handoff.language, address=address)
    await message.output_channel.send_text_message(message.sender_id, answer)
    chosen = choice_in(said) if said.startswith("/") else None  # a button: its title, not its payload
    parent_line = words.text(f"handoff.contact.button.{chosen}", handoff.language) if chosen else said
    await asyncio.to_thread(handoff_state.record_line, handoff.handoff_id, "parent", parent_line)
    await asyncio.to_thread(handoff_state.record_line, handoff.handoff_id, "bot", answer)
    return True
