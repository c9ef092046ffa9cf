"""The production lock store (bot/rasa_plugins/conversation_lock.py) on a real Redis server."""

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.rasa_venv import run_check


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = free_port()
    folder: Path = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def report(redis_port: int) -> dict:
    return run_check("tests/fault/conversation_lock_check.py", str(redis_port))


def test_two_servers_take_turns_on_one_conversation_and_each_keeps_its_arrival_order(report: dict):
    two = report["two_servers"]
    assert two["overlaps"] == 0
    assert two["order"] == {"0": list(range(10)), "1": list(range(10))}
    assert two["keys_left"] == 0 and two["queues_left"] == 0  # nothing left behind


def test_a_server_that_holds_past_the_lifetime_cannot_free_the_next_holder(report: dict):
    assert report["past_lifetime"] == {
        "second_took_it_at_once": True,
        "second_still_holds": True,
        "freed_after": True,
    }


def test_without_redis_the_messages_of_a_server_are_still_answered_one_at_a_time_in_order(report: dict):
    assert report["without_redis"] == {"order": [0, 1, 2, 3, 4], "overlaps": 0}
