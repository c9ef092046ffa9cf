"""One conversation, one message at a time, across every Rasa server: a Redis lock in two calls.

Configured in deploy/endpoints.prod.yml::

    lock_store:
      type: bot.rasa_plugins.conversation_lock.ConversationLockStore
      url: ${REDIS_HOST}
      port: ${REDIS_PORT}
      password: ${REDIS_PASSWORD}
      db: ${REDIS_DB}
      key_prefix: permits

Rasa's own ``RedisLockStore`` keeps a list of tickets in one Redis value that it reads, changes and
writes back: about seven blocking Redis calls per message, and two servers can both take the same
conversation's lock (rasa issue 9213). Here:

- messages of a conversation that reach the same server wait for each other in arrival order on an
  ``asyncio.Lock`` (no Redis call while they wait);
- the one being answered holds the Redis key ``<prefix>:conversation-lock:<id>``, taken with
  ``SET NX PX`` (atomic: a second server cannot take it too) and given back with a script that
  deletes it only if it still holds this server's random token. A server that dies holding it
  frees it after ``lock_lifetime`` seconds, as Rasa's tickets expire.

Both calls are asynchronous, so the server answers other parents while Redis replies.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import redis.asyncio
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

#: Deletes the key only if it still holds the caller's token (another server may hold it since).
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""
#: How often a message polls while another server holds its conversation (after a failover only:
#: nginx sends a conversation to one server).
POLL_SECONDS = 0.02


@dataclass
class _Queue:
    """The messages of one conversation on this server: the one answered and those waiting."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class ConversationLockStore(LockStore):
    """A lock per conversation: in order inside a server, exclusive across servers (Redis)."""

    def __init__(self, endpoint_config: EndpointConfig | None = None) -> None:
        """Connects to the Redis server the endpoint configuration names (localhost by default)."""
        settings: dict[str, Any] = dict(endpoint_config.kwargs) if endpoint_config else {}
        timeout = float(settings.get("socket_timeout") or 5)
        self.red = redis.asyncio.Redis(
            host=(endpoint_config.url if endpoint_config else None) or "localhost",
            port=int(settings.get("port") or 6379),
            db=int(settings.get("db") or 0),
            password=settings.get("password") or None,
            socket_connect_timeout=timeout,
            socket_timeout=timeout,
        )
        prefix = str(settings.get("key_prefix") or "rasa")
        if not prefix.isalnum():
            raise ValueError(f"lock_store key_prefix must be alphanumeric, not {prefix!r}")
        self.key_prefix = f"{prefix}:conversation-lock:"
        self._release = self.red.register_script(_RELEASE)
        self._queues: dict[str, _Queue] = {}
        super().__init__()

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        """Holds the conversation: after the messages that arrived before on this server, and
        while no other server holds it (if Redis cannot be reached, the order on this server only)."""
        queue = self._queues.setdefault(conversation_id, _Queue())
        queue.users += 1
        try:
            async with queue.lock:
                key = self.key_prefix + conversation_id
                token = secrets.token_hex(16)
                held = await self._take(key, token, lock_lifetime)
                try:
                    yield TicketLock(conversation_id)
                finally:
                    if held:
                        await self._give_back(key, token)
        finally:
            queue.users -= 1
            if queue.users == 0:
                self._queues.pop(conversation_id, None)

    async def _take(self, key: str, token: str, lock_lifetime: float) -> bool:
        """Sets the key, waiting while another server holds it (at most its lifetime, then once more).

        False when Redis cannot be reached: the parent is answered all the same, in this server's
        order (nginx sends a conversation to one server), and the outage is logged.
        """
        lifetime_ms = max(1, int(lock_lifetime * 1000))
        deadline = time.monotonic() + lock_lifetime + 1
        while True:
            try:
                if await self.red.set(key, token, nx=True, px=lifetime_ms):
                    return True
            except Exception as error:  # noqa: BLE001 - any client error: answered without Redis
                logger.warning(
                    "Redis could not be reached for a conversation lock (%s).", type(error).__name__
                )
                return False
            if time.monotonic() > deadline:
                raise LockError("Another server held the conversation longer than a lock's lifetime.")
            await asyncio.sleep(POLL_SECONDS)

    async def _give_back(self, key: str, token: str) -> None:
        """Deletes the key if this server still holds it; a failure only delays the next message."""
        try:
            await self._release(keys=[key], args=[token])
        except Exception:  # noqa: BLE001 - it expires by itself after its lifetime
            logger.warning("A conversation lock could not be released; it expires by itself.")

    # Rasa's ticket interface, for callers that read a lock: nothing is stored as tickets here.
    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """No ticket lock is stored (the lock is a Redis key): None."""
        return None

    def delete_lock(self, conversation_id: str) -> None:
        """Nothing to delete: the key is given back when the message is answered."""

    def save_lock(self, lock: TicketLock) -> None:
        """Nothing to save: tickets are not used."""
