"""What a chat request from a browser or a client may carry, checked before Rasa reads it.

Rasa's REST channel took any JSON: a body that is not an object gave a 500, a non-string
``message`` a silent 200, a missing ``sender`` joined the shared conversation "default", and a
5 MB ``metadata`` value stalled every conversation and was written whole into the tracker store.
Here a request is refused (HTTP 400, or 413 for its size) unless it is a small JSON object with a
``sender`` and a string ``message``; its metadata keeps only the keys a channel of ours sends
(``language``), and is refused when it is too big or too deeply nested.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Final

#: The whole REST body. A 100 kB message is still answered (the channel cuts it to 2,000 characters).
MAX_BODY_BYTES: Final = 128 * 1024
#: The metadata object, serialised as JSON.
MAX_METADATA_BYTES: Final = 1024
#: Nesting of the metadata: an object of plain values (``{"language": "es"}``) is depth 1.
MAX_METADATA_DEPTH: Final = 2
#: Metadata keys our channels send; every other key is dropped before the tracker sees it.
ALLOWED_METADATA_KEYS: Final = frozenset({"language"})
#: A sender id: our widget's session ids are 32 hex characters, a phone digest 64.
MAX_SENDER_CHARS: Final = 128
_MAX_VALUE_CHARS: Final = 32


class RequestRefused(ValueError):
    """A chat request Rasa must not see; ``status`` is the HTTP answer (400 or 413)."""

    def __init__(self, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class ChatRequest:
    """A checked REST request: who writes, what, and the metadata kept."""

    sender: str
    message: str
    metadata: dict[str, Any] = field(default_factory=dict)


def parse_rest_body(body: bytes) -> ChatRequest:
    """The checked request in ``body`` (raw bytes of a POST); raises RequestRefused."""
    if len(body) > MAX_BODY_BYTES:
        raise RequestRefused("request body too large", status=413)
    try:
        data = json.loads(body or b"null")
    except (ValueError, RecursionError):
        raise RequestRefused("the body is not JSON") from None
    if not isinstance(data, dict):
        raise RequestRefused("the body must be a JSON object")
    sender = data.get("sender")
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        raise RequestRefused(f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters")
    message = data.get("message")
    if not isinstance(message, str):
        raise RequestRefused("'message' must be a string")
    return ChatRequest(sender, message, clean_metadata(data.get("metadata")))


def clean_metadata(metadata: Any) -> dict[str, Any]:
    """The allowed keys of ``metadata`` (None: none); raises RequestRefused when it is not sensible."""
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        raise RequestRefused("'metadata' must be an object")
    try:
        size = len(json.dumps(metadata, ensure_ascii=False).encode())
    except (TypeError, ValueError, RecursionError):
        raise RequestRefused("'metadata' cannot be read") from None
    if size > MAX_METADATA_BYTES:
        raise RequestRefused(f"'metadata' is larger than {MAX_METADATA_BYTES} bytes", status=413)
    if _depth(metadata) > MAX_METADATA_DEPTH:
        raise RequestRefused(f"'metadata' is nested deeper than {MAX_METADATA_DEPTH} levels")
    return {
        key: value
        for key, value in metadata.items()
        if key in ALLOWED_METADATA_KEYS and isinstance(value, str) and len(value) <= _MAX_VALUE_CHARS
    }


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(item) for item in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(item) for item in value), default=0)
    return 0
