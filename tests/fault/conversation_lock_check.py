"""Run by .venv's Python (the Rasa server's venv) from test_conversation_lock.py; prints a JSON report.

Two ConversationLockStore objects on the Redis server at 127.0.0.1:argv[1] play two Rasa servers.
"""

import asyncio
import json
import logging
import sys
import time

from rasa.utils.endpoints import EndpointConfig

from bot.rasa_plugins.conversation_lock import ConversationLockStore


def store(port: int) -> ConversationLockStore:
    return ConversationLockStore(EndpointConfig(url="127.0.0.1", port=port, db=0, key_prefix="check"))


async def turns_of_two_servers(port: int) -> dict:
    """Ten messages of one conversation on each server at once: who held it when."""
    servers = [store(port), store(port)]
    holding: list[str] = []
    overlaps = 0
    order: dict[int, list[int]] = {0: [], 1: []}

    async def message(server: int, number: int) -> None:
        nonlocal overlaps
        async with servers[server].lock("parent-1"):
            holding.append(f"{server}-{number}")
            if len(holding) > 1:
                overlaps += 1
            order[server].append(number)
            await asyncio.sleep(0.01)  # the turn's work
            holding.remove(f"{server}-{number}")

    tasks = []
    for number in range(10):
        for server in (0, 1):
            tasks.append(asyncio.create_task(message(server, number)))
            await asyncio.sleep(0)  # arrival order on each server
    await asyncio.gather(*tasks)
    left = await servers[0].red.keys("check:*")
    return {
        "overlaps": overlaps,
        "order": order,
        "keys_left": len(left),
        "queues_left": len(servers[0]._queues),
    }


async def a_server_past_the_lifetime_loses_the_key_and_cannot_free_the_next(port: int) -> dict:
    """Server 0 holds the conversation past the lock's lifetime (as a server that died would):
    server 1 then takes it, and server 0 giving it back late does not delete server 1's key."""
    first, second = store(port), store(port)
    stale_exit = first.lock("parent-3", lock_lifetime=0.2)
    await stale_exit.__aenter__()
    await asyncio.sleep(0.4)  # first's key expired
    second_exit = second.lock("parent-3", lock_lifetime=30)
    started = time.monotonic()
    await second_exit.__aenter__()
    waited = time.monotonic() - started
    await stale_exit.__aexit__(None, None, None)  # first gives back a key it no longer holds
    still = await second.red.get("check:conversation-lock:parent-3")
    await second_exit.__aexit__(None, None, None)
    after = await second.red.get("check:conversation-lock:parent-3")
    return {
        "second_took_it_at_once": waited < 0.5,
        "second_still_holds": still is not None,
        "freed_after": after is None,
    }


async def without_redis() -> dict:
    """No Redis at all: the messages of this server are still answered, one at a time, in order."""
    server = ConversationLockStore(
        EndpointConfig(url="127.0.0.1", port=1, db=0, key_prefix="check", socket_timeout=1)
    )
    order: list[int] = []
    holding = 0
    overlaps = 0

    async def message(number: int) -> None:
        nonlocal holding, overlaps
        async with server.lock("parent-4"):
            holding += 1
            overlaps += holding > 1
            order.append(number)
            await asyncio.sleep(0.005)
            holding -= 1

    await asyncio.gather(*(message(n) for n in range(5)))
    return {"order": order, "overlaps": overlaps}


async def main(port: int) -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    report = {
        "two_servers": await turns_of_two_servers(port),
        "past_lifetime": await a_server_past_the_lifetime_loses_the_key_and_cannot_free_the_next(port),
        "without_redis": await without_redis(),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
