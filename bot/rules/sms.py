"""Text messages (SMS and WhatsApp): segments, splitting long answers, numbered options, keywords.

An SMS is carried in segments. When every character is in the GSM-7 alphabet a lone message holds
160 characters and each segment of a longer one 153 (the rest is the header that joins them), and
the characters of the extension table (``€ [ ] { } ^ ~ | \\``) count twice. GSM-7 has "ñ", "é",
"¿" and "¡" but not "á", "í", "ó" or "ú": one character outside it turns the whole message into
UCS-2, 70 UTF-16 units alone and 67 a segment (an emoji outside the BMP takes two units). So most
Spanish answers are UCS-2. WhatsApp takes 4096 characters a message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Literal

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[]~|€\f")
GSM7_SINGLE, GSM7_SEGMENT = 160, 153
UCS2_SINGLE, UCS2_SEGMENT = 70, 67
WHATSAPP_MAX_CHARS = 4096
#: Segments in one SMS that we send: Twilio joins them, and phones show one message. Kept small
#: (4 UCS-2 segments = 268 characters) because long concatenated messages are delivered less reliably.
SEGMENTS_PER_MESSAGE = 4
#: Messages of one answer: past this the answer is cut (at a word) and ends with a note.
MESSAGES_PER_ANSWER = 5

Encoding = Literal["GSM-7", "UCS-2"]
Keyword = Literal["help", "stop", "start"]
#: Whole-message keywords (accents and case ignored), with the language they were written in.
#: STOP-like words are Twilio's default opt-out list plus the Spanish ones; START-like likewise.
KEYWORDS: dict[str, tuple[Keyword, str | None]] = {
    "help": ("help", "en"),
    "info": ("help", None),
    "ayuda": ("help", "es"),
    "stop": ("stop", "en"),
    "stopall": ("stop", "en"),
    "unsubscribe": ("stop", "en"),
    "cancel": ("stop", "en"),
    "end": ("stop", "en"),
    "quit": ("stop", "en"),
    "alto": ("stop", "es"),
    "parar": ("stop", "es"),
    "start": ("start", "en"),
    "unstop": ("start", "en"),
    "comenzar": ("start", "es"),
}
_OPTION = re.compile(r"#?\s*(\d{1,3})\s*[.)]?")


def encoding_of(text: str) -> Encoding:
    """GSM-7 when every character is in the GSM-7 alphabet (basic or extension), else UCS-2."""
    return "GSM-7" if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text) else "UCS-2"


def _units(char: str, encoding: Encoding) -> int:
    if encoding == "GSM-7":
        return 2 if char in GSM7_EXTENSION else 1
    return 2 if ord(char) > 0xFFFF else 1  # a surrogate pair in UTF-16


def sms_segments(text: str) -> list[str]:
    """The segments a phone network carries `text` in; joined, they give back `text`.

    A character is never split (an extension character or a surrogate pair stays whole).
    """
    encoding = encoding_of(text)
    single, segment = (GSM7_SINGLE, GSM7_SEGMENT) if encoding == "GSM-7" else (UCS2_SINGLE, UCS2_SEGMENT)
    if sum(_units(c, encoding) for c in text) <= single:
        return [text] if text else []
    segments: list[str] = []
    current: list[str] = []
    used = 0
    for char in text:
        units = _units(char, encoding)
        if used + units > segment:
            segments.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += units
    segments.append("".join(current))
    return segments


def segment_count(text: str) -> int:
    """How many SMS segments `text` costs."""
    return len(sms_segments(text))


def split_text(text: str, fits: Callable[[str], bool]) -> list[str]:
    """`text` cut into pieces that each `fits`, preferably after a paragraph, a line, a sentence
    or a word; joined, the pieces give back `text`. `fits` must hold for any one character and
    for every prefix of a piece that fits."""
    pieces: list[str] = []
    rest = text
    while rest:
        if fits(rest):
            pieces.append(rest)
            break
        low, high = 1, len(rest)  # the longest prefix that fits
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if fits(rest[:middle]) else (low, middle - 1)
        cut = _best_cut(rest[:low])
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return pieces


def _best_cut(prefix: str) -> int:
    """Where to end a piece that may be at most `prefix`: at the best boundary in its second half."""
    half = len(prefix) // 2
    for boundary in ("\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " "):
        at = prefix.rfind(boundary)
        if at >= half and at > 0:
            return at + len(boundary)
    return len(prefix)


def sms_messages(
    text: str,
    *,
    note: str = "",
    per_message: int = SEGMENTS_PER_MESSAGE,
    max_messages: int = MESSAGES_PER_ANSWER,
) -> list[str]:
    """`text` as SMS messages of at most `per_message` segments each; joined, they give back
    `text`. Past `max_messages` the last message is cut at a word and ends with `note`."""
    pieces = split_text(text, lambda piece: segment_count(piece) <= per_message)
    if len(pieces) <= max_messages:
        return pieces
    kept = pieces[:max_messages]
    ending = "…" + (" " + note if note else "")
    last = split_text(kept[-1], lambda piece: segment_count(piece.rstrip() + ending) <= per_message)[0]
    return kept[:-1] + [last.rstrip() + ending]


def whatsapp_messages(text: str, limit: int = WHATSAPP_MAX_CHARS) -> list[str]:
    """`text` as WhatsApp messages of at most `limit` characters; joined, they give back `text`."""
    return split_text(text, lambda piece: len(piece) <= limit)


def numbered_options(titles: Sequence[str], line: Callable[[int, str], str], first: int = 1) -> str:
    """One line per option ("Reply 1 for Yes"), numbered from `first`; `line` words it."""
    return "\n".join(line(number, title) for number, title in enumerate(titles, start=first))


def chosen_option(reply: str, count: int) -> int | None:
    """The 0-based option a reply such as "2", " 2. ", "#2" or "2)" picks among `count`, else None."""
    match = _OPTION.fullmatch(unicodedata.normalize("NFKC", reply).strip())
    if not match:
        return None
    number = int(match.group(1))
    return number - 1 if 1 <= number <= count else None


def keyword_of(reply: str) -> tuple[Keyword, str | None] | None:
    """(keyword, language it was written in or None) when the whole reply is HELP, STOP, ALTO…"""
    folded = unicodedata.normalize("NFKD", reply.strip().strip(".!¡?¿ ").lower())
    word = "".join(c for c in folded if not unicodedata.combining(c))
    return KEYWORDS.get(word)
