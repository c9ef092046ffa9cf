"""How a conversation is named in the application database: never by its raw sender id.

A sender id can be a phone number (SMS, WhatsApp); tables store its SHA-256 instead.
"""

from __future__ import annotations

import hashlib


def conversation_key(sender_id: str) -> str:
    """The SHA-256 hex digest of a Rasa sender id."""
    return hashlib.sha256(sender_id.encode("utf-8")).hexdigest()
