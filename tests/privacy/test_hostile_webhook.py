"""Hostile messages through the REST webhook of the real servers: a 200 and a reply, never a 500."""

import pytest

from tests.privacy.conftest import say

HOSTILE = [
    "",
    " ",
    "\x00\x01\x02\x1b[2J",
    "x" * 100_000,
    "<script>alert(1)</script>",
    "'; DROP TABLE events; --",
    "{{ 7*7 }} ${7*7} %{name}",
    "😀" * 1000,
    "\u202eevil",
]


@pytest.mark.parametrize("message", HOSTILE, ids=range(len(HOSTILE)))
def test_every_hostile_message_gets_an_answer(var_dir, sender, message):
    replies = say(sender, message)
    if message.strip(" \x00"):
        assert replies and all(reply.get("text") or reply.get("buttons") for reply in replies)
    assert "<script>" not in str(replies)
    # The conversation goes on afterwards.
    assert say(sender, "When can I apply?")
