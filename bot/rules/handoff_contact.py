"""How a person's after-hours answer reaches the parent: reading the parent's choice and address.

Outside office hours a web parent is asked "by email, by text message, or here in the chat?"
(buttons, or typed words in either language: "por correo", "text me", "sms", "email"); then, for
email or text, the address — unless it came with the choice ("email me at ana@example.com"), or
the parent is signed in and chose email (the account's address is used). A parent on SMS or
WhatsApp is not asked: the answer comes by text to the same number.

While asking, the hand-off's `contact_by` holds the step (ASK_HOW, ASK_EMAIL, ASK_PHONE); once
answered, the channel (email | sms | chat). Standard library only: the Rasa server reads replies
with this module before the model sees them (so an address never reaches the tracker store).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from bot.rules.email_address import canonical_email

ASK_HOW, ASK_EMAIL, ASK_PHONE = "ask_how", "ask_email", "ask_phone"
#: The steps of the question: `contact_by` values that mean "still asking".
ASKING: Final = (ASK_HOW, ASK_EMAIL, ASK_PHONE)
EMAIL, SMS, CHAT = "email", "sms", "chat"
#: The choices, in the order the buttons show them (catalog `handoff.contact.button.<choice>`).
CHOICES: Final = (EMAIL, SMS, CHAT)
#: A choice is read only in a short reply: a longer message is a question for the assistant.
MAX_CHOICE_WORDS: Final = 6
#: The intent of the buttons' payloads, so a payload the Rasa server could not read first still
#: means "the hand-off" to the model (no new intent, no retraining).
PAYLOAD_INTENT: Final = "human_handoff"

_CHOICE_WORDS: Final = {
    EMAIL: ("email", "e-mail", "e mail", "mail", "emailme", "correo", "correo electronico", "electronico"),
    SMS: (
        "sms", "text", "texts", "text me", "texto", "textos", "mensaje", "mensajes", "mensaje de texto",
        "celular", "cell", "cellphone", "movil", "textear",
    ),
    CHAT: ("chat", "here", "aqui", "en el chat", "in the chat", "this chat", "este chat", "aca"),
}  # fmt: skip
#: The parent will write or call the office themself: no choice of how to be answered.
_DOING_IT_THEMSELVES: Final = re.compile(
    r"\b(?:i ?'?ll|i will|i can|i'm going to|im going to|gonna|let me|voy a|les voy a|le voy a|yo les|yo le)"
    r" (?:\w+ )?(?:email|e-mail|mail|write|text|call|escribir|mandar|llamar|enviar)\w*\b"
)
_EMAIL: Final = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}", re.UNICODE)
_PHONE_CHARS: Final = re.compile(r"\+?\d[\d\s().\-]{8,}\d")
_PAYLOAD: Final = re.compile(rf"^/{PAYLOAD_INTENT}(\{{.*\}})$", re.DOTALL)


@dataclass(frozen=True)
class ContactReply:
    """What a reply to the question does: the hand-off's next `contact_by`, what the parent is
    told (catalog `handoff.contact.<says>`), and the address to keep sealed, if one was given."""

    contact_by: str
    says: str
    address: str | None = None


def button_payload(choice: str) -> str:
    """The payload of a choice's button: /human_handoff{"contact_by": "email"}."""
    if choice not in CHOICES:
        raise ValueError(f"unknown choice {choice!r}")
    return f"/{PAYLOAD_INTENT}{json.dumps({'contact_by': choice})}"


def _folded(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces."""
    plain = "".join(
        char for char in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(char)
    )
    return " ".join(re.sub(r"[^\w@+-]+", " ", plain).split())


def choice_in(text: str) -> str | None:
    """The channel a short reply names (a button's payload, or words in English or Spanish), or
    None when it names none or more than one, or asks something ("can you email me?" is a
    question for the assistant; "email me" is a choice)."""
    payload = _PAYLOAD.match(text.strip())
    if payload:
        try:
            chosen = json.loads(payload.group(1)).get("contact_by")
        except (ValueError, AttributeError):
            return None
        return chosen if chosen in CHOICES else None
    words = _folded(text)
    if not words or len(words.split()) > MAX_CHOICE_WORDS or "?" in text or "¿" in text:
        return None  # "is there a phone number?" asks the assistant something
    if _DOING_IT_THEMSELVES.search(words):
        return None  # "ok I'll email them, thanks": the parent writes to the office themself
    padded = f" {words} "
    named = {
        choice
        for choice, phrases in _CHOICE_WORDS.items()
        if any(f" {phrase} " in padded for phrase in phrases)
    }
    return named.pop() if len(named) == 1 else None


def email_in(text: str) -> str | None:
    """The email address written in `text` (canonical form), or None."""
    found = _EMAIL.search(canonical_email(text))
    return found.group(0) if found else None


def us_phone_in(text: str) -> str | None:
    """A US phone number written in `text`, in E.164 ("+12135550187"), or None.

    North American numbering: ten digits (an optional leading 1 or +1), area code and exchange
    not starting with 0 or 1, and no N11 service code.
    """
    found = _PHONE_CHARS.search(text)
    if not found:
        return None
    digits = re.sub(r"\D", "", found.group(0))
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        return None
    area, exchange = digits[:3], digits[3:6]
    if area[0] in "01" or exchange[0] in "01" or area[1:] == "11" or exchange[1:] == "11":
        return None
    return f"+1{digits}"


def read_contact_reply(asking: str, text: str, signed_in: bool) -> ContactReply | None:
    """What the parent's reply does while `asking` (one of ASKING), or None when it is not an
    answer to the question (then the assistant answers it as usual and the question stays open).

    An address answers once a channel was chosen, or with the choice ("email me at ana@example.com");
    alone, before any choice, it is left to the assistant. A choice moves to asking for the
    address (email for a signed-in parent: the account's, nothing to ask); at the address step a
    reply that tries and fails ("ana@gmail", "555-12") is asked again.
    """
    if asking not in ASKING:
        return None
    email, phone = email_in(text), us_phone_in(text)
    choice = choice_in(text) or _choice_around_address(text, email)
    if asking == ASK_HOW and choice is None:
        return None  # an address alone answers another question (a form's?), not ours
    if email:
        return ContactReply(EMAIL, "will_email", email)
    if phone:
        return ContactReply(SMS, "will_text", phone)
    if choice == EMAIL:
        return (
            ContactReply(EMAIL, "will_email_account") if signed_in else ContactReply(ASK_EMAIL, "ask_email")
        )
    if choice == SMS:
        return ContactReply(ASK_PHONE, "ask_phone")
    if choice == CHAT:
        return ContactReply(CHAT, "will_chat")
    if asking == ASK_EMAIL and "@" in text:
        return ContactReply(ASK_EMAIL, "bad_email")
    if asking == ASK_PHONE and sum(char.isdigit() for char in text) >= 7:
        return ContactReply(ASK_PHONE, "bad_phone")
    return None


def _choice_around_address(text: str, email: str | None) -> str | None:
    """The choice in the words around an address ("please email me at ana@example.com")."""
    rest = canonical_email(text)
    if email:
        rest = rest.replace(email, " ")
    phone = _PHONE_CHARS.search(rest)
    if phone:
        rest = rest.replace(phone.group(0), " ")
    return choice_in(rest)


def display_address(address: str) -> str:
    """An address as the parent reads it back: an email as typed, a phone as (213) 555-0187."""
    if address.startswith("+1") and len(address) == 12:
        digits = address[2:]
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return address
