"""How a conversation is named in the application database: never by its raw sender id.

A sender id can be a phone number (SMS, WhatsApp): a plain hash of it could be reversed by trying
every number, so tables store an HMAC keyed with the project's secret (the same scheme as
bot.limits).
"""

from __future__ import annotations

import hashlib
import hmac

from bot.core.secrets import secret_key


def conversation_key(sender_id: str) -> str:
    """HMAC-SHA256 (hex) of a Rasa sender id under SECRET_KEY."""
    return hmac.new(secret_key().encode("utf-8"), sender_id.encode("utf-8"), hashlib.sha256).hexdigest()
