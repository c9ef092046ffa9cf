"""The hand-off queue: one open hand-off per conversation, one agent per conversation, only the
holder replies and hands back, transcripts are masked, and the bot is silent only while held."""

from __future__ import annotations

import threading

from sqlalchemy import select

from bot.helpdesk.handoff_queue import (
    NewHandoff,
    add_line,
    find,
    hand_back,
    open_handoff,
    open_queue,
    take,
    transcript,
)
from bot.rules.handoff import bot_answers
from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry


def queued(key: str = "conv-1", language: str = "es", channel: str = "socketio") -> int:
    new = NewHandoff(key, f"sender-{key}", channel, language, "check_status", "asked")
    handoff_id, created = open_handoff(
        new,
        [("parent", "mi correo es ana@example.com y mi número 323-555-0142"), ("bot", "¿En qué le ayudo?")],
    )
    assert created
    return handoff_id


def test_asking_twice_keeps_one_place_in_the_queue(database):
    first = queued()
    again, created = open_handoff(
        NewHandoff("conv-1", "sender-conv-1", "socketio", "es", "", "fallbacks"), []
    )
    assert (again, created) == (first, False)
    assert [view.handoff_id for view in open_queue()] == [first]


def test_the_transcript_is_stored_masked(database):
    handoff_id = queued()
    lines = transcript(handoff_id)
    assert [line.author for line in lines] == ["parent", "bot"]
    assert "ana@example.com" not in lines[0].text and "555-0142" not in lines[0].text
    assert lines[0].text.startswith("mi correo es ")


def test_two_agents_cannot_take_the_same_conversation(database):
    handoff_id = queued()
    assert take(handoff_id, "maria@lausd.example") is True
    assert take(handoff_id, "joe@lausd.example") is False
    view = find(handoff_id)
    assert view is not None and (view.status, view.agent) == ("held", "maria@lausd.example")


def test_agents_racing_in_threads_get_exactly_one_winner(database):
    handoff_id = queued()
    results: list[bool] = []
    start = threading.Barrier(6)

    def click(agent: str) -> None:
        start.wait()
        results.append(take(handoff_id, agent))

    threads = [threading.Thread(target=click, args=(f"agent{n}@lausd.example",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 5 + [True]
    with unit_of_work(database) as session:
        takes = session.scalars(select(AuditEntry).where(AuditEntry.action == "take_handoff")).all()
    assert len(takes) == 1


def test_only_the_holder_hands_back_and_the_conversation_leaves_the_queue(database):
    handoff_id = queued()
    assert hand_back(handoff_id, "maria@lausd.example", "resolved") is False  # nobody holds it yet
    take(handoff_id, "maria@lausd.example")
    assert hand_back(handoff_id, "joe@lausd.example", "resolved") is False
    assert hand_back(handoff_id, "maria@lausd.example", "back_to_assistant") is True
    assert open_queue() == []
    view = find(handoff_id)
    assert view is not None and view.status == "resolved"
    # A new request after the hand-back opens a new hand-off.
    again, created = open_handoff(NewHandoff("conv-1", "sender-conv-1", "socketio", "es", "", "asked"), [])
    assert created and again != handoff_id


def test_waiting_conversations_are_listed_before_held_ones(database):
    older, newer = queued("conv-1"), queued("conv-2", "en")
    take(older, "maria@lausd.example")
    assert [(v.handoff_id, v.status) for v in open_queue()] == [(newer, "waiting"), (older, "held")]


def test_agent_lines_are_masked_and_remember_whether_they_were_delivered(database):
    handoff_id = queued()
    add_line(handoff_id, "agent", "Llámenos al 213-555-0100", "es", delivered=False)
    line = transcript(handoff_id)[-1]
    assert (line.author, line.language, line.delivered) == ("agent", "es", False)
    assert "555-0100" not in line.text
    assert transcript(handoff_id, after_line=line.line_id) == []


def test_the_bot_is_silent_only_while_a_person_holds_the_conversation():
    assert bot_answers(None) and bot_answers("waiting") and bot_answers("resolved")
    assert not bot_answers("held")


def test_the_staff_tool_lists_waiting_then_held_conversations(database, capsys):
    from bot.staff.cli import main

    older, newer = queued("conv-1", "es", "sms"), queued("conv-2", "en")
    take(older, "staff:maria@lausd.net")
    assert main(["inbox"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"#{newer:<5} waiting  en  socketio")
    assert (
        lines[1].startswith(f"#{older:<5} held     es  sms") and "held by staff:maria@lausd.net" in lines[1]
    )
    assert lines[2] == "1 waiting, 1 held. Take them at /staff/inbox."
    hand_back(older, "staff:maria@lausd.net", "resolved")
    take(newer, "staff:joe@lausd.net")
    hand_back(newer, "staff:joe@lausd.net", "resolved")
    assert main(["inbox"]) == 0
    assert capsys.readouterr().out.strip() == "Nobody is waiting and no conversation is held."


def test_forgetting_and_retention_delete_hand_offs_with_their_transcripts(database):
    from datetime import timedelta

    from bot.core.clock import utc_now
    from bot.privacy.handoffs import forget_handoffs, purge_handoffs

    kept, forgotten, closed, expired = queued("conv-1"), queued("conv-2"), queued("conv-3"), queued("conv-4")
    assert forget_handoffs({"conv-2"}, None) == 1
    assert find(forgotten) is None and transcript(forgotten) == []
    take(closed, "staff:maria@lausd.net")
    hand_back(closed, "staff:maria@lausd.net", "resolved")
    assert purge_handoffs(utc_now() - timedelta(days=1), set()) == 0  # closed just now: kept
    assert purge_handoffs(utc_now() + timedelta(seconds=1), {"conv-4"}, dry_run=True) == 2
    assert find(closed) is not None
    assert purge_handoffs(utc_now() + timedelta(seconds=1), {"conv-4"}) == 2
    assert find(closed) is None and transcript(closed) == []
    assert find(expired) is None and transcript(expired) == []  # its conversation expired: waiting or not
    assert find(kept) is not None and len(transcript(kept)) == 2  # still waiting: never purged
