"""The rules of the hand-off queue: who may do what to a conversation handed to a person.

waiting --take--> held --hand back--> resolved. Only the agent holding a conversation replies
to it or hands it back; a conversation is taken by one agent only (the store makes the take a
conditional update, so two agents clicking at once cannot both win).
"""

from __future__ import annotations

from bot.rules.handoff_contact import ASK_HOW

WAITING, HELD, RESOLVED = "waiting", "held", "resolved"
STATUSES = (WAITING, HELD, RESOLVED)
OPEN_STATUSES = (WAITING, HELD)
#: How an agent ends a hand-off: the question is answered, or the bot can carry on.
RESOLUTIONS = ("resolved", "back_to_assistant")
#: Why a conversation was handed over.
TRIGGERS = ("asked", "fallbacks", "unfinished")
#: The label whose keyed digest (bot.core.secrets) the web server shows the Rasa server's relay.
RELAY_TOKEN_LABEL = "hand-off relay v1"
#: Canned replies an agent may send (catalog `handoff.canned.<name>`, sent in the parent's language).
CANNED_REPLIES = ("greeting", "documents", "status", "more_time", "anything_else", "goodbye")
#: How many of the conversation's last lines are copied into the agent's transcript.
TRANSCRIPT_LINES = 12


def can_take(status: str) -> bool:
    """Whether a conversation in `status` may be taken by an agent."""
    return status == WAITING


def may_act_on(status: str, holder: str | None, agent: str) -> bool:
    """Whether `agent` may reply to or hand back a conversation (only its holder, while held)."""
    return status == HELD and holder is not None and holder == agent


def bot_answers(status: str | None) -> bool:
    """Whether the assistant answers the parent: yes unless a person holds the conversation."""
    return status != HELD


TEXT_CHANNELS = ("sms", "whatsapp")


def queued_message(
    channel: str, office_open: bool, already_queued: bool, in_form: bool = False
) -> tuple[str, str]:
    """What the parent is told when the conversation joins the queue (a `handoff.*` catalog key),
    and how the person's answer will reach them (the hand-off's `contact_by`).

    During office hours the answer comes in the conversation itself. Outside them the parent is
    told when; on SMS or WhatsApp the answer comes by text to the same number (nothing to ask),
    elsewhere the parent is asked how they want it — email, text message or the chat
    (bot.rules.handoff_contact; `contact_by` is ASK_HOW until they answer) — unless they are in
    the middle of a form, whose next answers (an email address, a phone number) must not be
    taken for that choice: then the answer comes in the chat, which the page remembers.
    """
    texting = channel in TEXT_CHANNELS
    contact_by = channel if texting else "chat"
    if already_queued:
        return "already_queued", contact_by
    if office_open:
        return ("queued_text" if texting else "queued_chat"), contact_by
    if texting:
        return "after_hours_text", contact_by
    if in_form:
        return "after_hours_chat", contact_by
    return "after_hours_choose", ASK_HOW
