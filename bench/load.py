"""Simulated parents over the REST webhook: closed-loop load, latency percentiles, throughput."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field

import aiohttp

# Mixed conversations of the permit assistant: FAQ in both languages, the start of registration,
# a status query with a made-up confirmation number.
OURS: list[list[str]] = [
    ["When can I apply for a permit?", "What documents do I need for child care?", "thank you"],
    ["hola", "¿Cuándo puedo solicitar un permiso?", "¿Qué documentos necesito?", "gracias"],
    ["I want to create an account", "Maria", "none", "stop"],
    ["quiero crear una cuenta", "Ana", "no tengo", "cancelar"],
    ["What is the status of my application?", "PRM-2026-004217", "bye"],
    ["¿Cómo va mi solicitud?", "PRM-2026-118834", "adiós"],
]
# The stock `rasa init` assistant's own vocabulary.
STOCK: list[list[str]] = [
    ["hello", "I am sad", "yes", "bye"],
    ["hi", "great", "goodbye"],
    ["hey", "very bad", "no", "are you a bot?"],
]


@dataclass
class Result:
    """Latencies (seconds) of one load round and its wall time."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    empty: int = 0
    wall: float = 0.0

    def percentile(self, p: float) -> float:
        """The p-th percentile latency in milliseconds."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    @property
    def rate(self) -> float:
        """Messages answered per second over the round."""
        return len(self.latencies) / self.wall if self.wall else 0.0

    def line(self) -> str:
        """One printable summary line."""
        mean = 1000 * statistics.fmean(self.latencies) if self.latencies else float("nan")
        return (
            f"n={len(self.latencies):4d} p50={self.percentile(50):7.0f} ms p95={self.percentile(95):7.0f} ms "
            f"p99={self.percentile(99):7.0f} ms mean={mean:6.0f} ms {self.rate:6.1f} msg/s "
            f"errors={self.errors} empty={self.empty}"
        )


async def say(session: aiohttp.ClientSession, url: str, sender: str, text: str, result: Result) -> None:
    """One message; its latency is recorded, failures counted."""
    started = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            body = await response.json(content_type=None)
            if response.status != 200:
                result.errors += 1
                return
    except (aiohttp.ClientError, asyncio.TimeoutError):
        result.errors += 1
        return
    result.latencies.append(time.perf_counter() - started)
    if not body:
        result.empty += 1


async def parent(url: str, scripts: list[list[str]], messages: int, result: Result, seed: int) -> None:
    """One simulated parent: whole conversations, new sender each, until `messages` are sent."""
    chooser = random.Random(seed)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        sent = 0
        while sent < messages:
            sender = f"bench-{uuid.uuid4().hex[:12]}"
            for text in chooser.choice(scripts):
                await say(session, url, sender, text, result)
                sent += 1
                if sent >= messages:
                    break


async def run_round(base: str, scripts: list[list[str]], parents: int, messages_each: int) -> Result:
    """`parents` concurrent parents, `messages_each` messages each, against `base` (http://host:port)."""
    url = f"{base}/webhooks/rest/webhook"
    result = Result()
    started = time.perf_counter()
    await asyncio.gather(*(parent(url, scripts, messages_each, result, seed) for seed in range(parents)))
    result.wall = time.perf_counter() - started
    return result


async def first_answer(base: str, timeout: float = 600) -> float:
    """Seconds until the webhook first answers a message (the server is starting)."""
    started = time.perf_counter()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        while time.perf_counter() - started < timeout:
            try:
                async with session.post(
                    f"{base}/webhooks/rest/webhook", json={"sender": "bench-warmup", "message": "hello"}
                ) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(0.5)
    raise TimeoutError(f"{base} did not answer within {timeout} s")
