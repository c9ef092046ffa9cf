"""Many messages from one parent at once, through nginx and two Rasa servers."""

import json
import re
import uuid
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import create_engine, text

from tests.fault.conftest import Production, Reply

QUESTIONS = [
    "When can I apply?",
    "¿Qué documentos necesito?",
    "What is a permit?",
    "¿Cuándo puedo solicitar?",
]
BURST = 16


TAG = re.compile(r"burst-[a-z]{2}")


def tag(number: int) -> str:
    """A label without digits (digits in stored texts are masked as possible personal data)."""
    return "burst-" + chr(97 + number // 26) + chr(97 + number % 26)


def user_turns(prod: Production, sender: str) -> list[tuple[str | None, int]]:
    """Each stored user message's tag, with how many bot messages followed it before the next one."""
    engine = create_engine(prod.tracker_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
        ).all()
    engine.dispose()
    turns: list[tuple[str | None, int]] = []
    for type_name, data in rows:
        if type_name == "user":
            found = TAG.search(json.loads(data).get("text") or "")  # metadata keeps only `language`
            turns.append((found.group(0) if found else None, 0))
        elif type_name == "bot" and turns:
            turns[-1] = (turns[-1][0], turns[-1][1] + 1)
    return turns


def event_times(prod: Production, sender: str) -> list[float]:
    """When each stored event of the conversation happened, in the order the rows were written."""
    engine = create_engine(prod.tracker_url)
    with engine.connect() as connection:
        times = connection.execute(
            text("SELECT timestamp FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
        ).scalars()
        found = [float(t) for t in times]
    engine.dispose()
    return found


def burst(prod: Production, sender: str, both_servers: bool = False) -> list:
    def one(n: int) -> Reply:
        server = n % 2 if both_servers else None
        return prod.say(sender, f"{QUESTIONS[n % len(QUESTIONS)]} {tag(n)}", server=server)

    with ThreadPoolExecutor(BURST) as pool:
        return list(pool.map(one, range(BURST)))


def test_a_burst_from_one_parent_is_answered_whole_and_in_order_by_one_server(prod: Production, sender: str):
    replies = burst(prod, sender)
    assert [r.status for r in replies] == [200] * BURST
    assert all(r.text for r in replies), "a message got no answer"
    assert len({r.upstream for r in replies}) == 1  # the whole conversation on one Rasa server

    turns = user_turns(prod, sender)
    stored = [label for label, _ in turns]
    assert sorted(stored) == sorted(tag(n) for n in range(BURST))  # none lost, none twice
    answered_in = [tag(n) for n in sorted(range(BURST), key=lambda n: replies[n].answered_at)]
    assert stored == answered_in  # one turn after the other, in the order they were answered
    assert all(bot_messages >= 1 for _, bot_messages in turns)  # no turn interleaved with another


def test_a_burst_sent_to_both_servers_at_once_is_still_answered_one_turn_at_a_time(
    prod: Production, sender: str
):
    """What sticky routing normally prevents (a failover, a misrouted channel): the conversation
    lock is one Redis key taken atomically, so the two servers still take turns."""
    replies = burst(prod, sender, both_servers=True)
    assert [r.status for r in replies] == [200] * BURST
    assert all(r.text for r in replies), "a message got no answer"
    assert len({r.upstream for r in replies}) == 2  # both servers answered this conversation

    turns = user_turns(prod, sender)
    stored = [label for label, _ in turns]
    assert sorted(stored) == sorted(tag(n) for n in range(BURST))  # none lost, none twice
    assert all(bot_messages >= 1 for _, bot_messages in turns)
    # Each turn began after the one before was stored: two servers answering at once would each
    # append a turn begun before the other's ended (and blind to it).
    times = event_times(prod, sender)
    assert times == sorted(times)


def test_conversations_spread_over_both_servers_and_each_stays_on_its_own(prod: Production):
    seen: dict[str, str] = {}  # two parents on each server (the hash decides which)
    for _ in range(60):
        sender = f"fault-{uuid.uuid4().hex[:10]}"
        upstream = prod.say(sender, "hello").upstream
        if list(seen.values()).count(upstream) < 2:
            seen[sender] = upstream
        if len(seen) == 4:
            break
    assert len(set(seen.values())) == 2
    with ThreadPoolExecutor(len(seen)) as pool:
        results = dict(zip(seen, pool.map(lambda s: burst(prod, s), seen), strict=True))
    for sender, replies in results.items():
        assert {r.upstream for r in replies} == {seen[sender]}
        assert all(r.status == 200 and r.text for r in replies)
        tagged = [label for label, _ in user_turns(prod, sender) if label]  # not the "hello" above
        assert sorted(tagged) == sorted(tag(n) for n in range(BURST))
