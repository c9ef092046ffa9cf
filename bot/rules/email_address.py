"""The one form of an email address used to compare, store, look up and rate-limit it.

``PARENT.One@Example.com``, ``parent.one@example.com `` and the full-width letters a phone
keyboard can produce all name the same mailbox for the district, so they are one account, one
rate-limit key and one digest. Only the standard library and bot.core are used: the Rasa
server's venv (the tracker store's digests) needs the same functions.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from bot.core.secrets import keyed_digest

_MAX_ROUNDS: Final = 4  # two rounds settle every character in Unicode 15; four is a margin


def canonical_email(text: str) -> str:
    """``text`` trimmed, Unicode NFKC-normalised and lower-cased (idempotent).

    NFKC comes first (it turns full-width letters and ideographic spaces into plain ones), then
    the trim and the lower-casing. A few characters need a second round (a modifier capital
    becomes a plain capital under NFKC; "İ" lower-cases into "i" and a combining dot), so the
    steps repeat until nothing changes: the result of this function is its own canonical form.
    """
    folded = text
    for _ in range(_MAX_ROUNDS):
        again = unicodedata.normalize("NFKC", folded).strip().lower()
        if again == folded:
            break
        folded = again
    return folded


def email_digest(email: str) -> str:
    """The searchable stand-in for an email address (the keyed digest of its canonical form), as
    the tracker store keeps it beside a sealed email slot and the forget command looks it up."""
    return keyed_digest(canonical_email(email))
