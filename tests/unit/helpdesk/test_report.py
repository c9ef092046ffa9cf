"""The deflection report counts what Rasa's SQL tracker store holds, per language and channel."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.secrets import conversation_digest
from bot.helpdesk.report import main
from bot.helpdesk.tickets import open_ticket

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime.now(LA)
TODAY, YESTERDAY = NOW.date(), NOW.date() - timedelta(days=1)
# The columns of rasa.core.tracker_store.SQLTrackerStore.SQLEvent (Rasa 3.6).
SCHEMA = """CREATE TABLE events (
    id INTEGER NOT NULL PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"""


class Tracker:
    """Writes rows the way Rasa's SQL tracker store does (action_name = data["name"])."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path)
        self.connection.execute(SCHEMA)
        self.clock = (NOW - timedelta(hours=1)).timestamp()

    def _row(
        self, sender: str, type_name: str, data: dict, intent: str | None = None, at: float | None = None
    ):
        self.clock += 1
        stamp = self.clock if at is None else at
        data = {"event": type_name, "timestamp": stamp, **data}
        self.connection.execute(
            "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (sender, type_name, stamp, intent, data.get("name"), json.dumps(data)),
        )

    def user(self, sender: str, intent: str, channel: str, at: float | None = None) -> None:
        parse = {"intent": {"name": intent, "confidence": 0.9}, "entities": []}
        self._row(sender, "user", {"text": "…", "parse_data": parse, "input_channel": channel}, intent, at)

    def action(self, sender: str, name: str) -> None:
        self._row(sender, "action", {"name": name, "policy": "RulePolicy", "confidence": 1.0})

    def language(self, sender: str, value: str, at: float | None = None) -> None:
        self._row(sender, "slot", {"name": "language", "value": value}, at=at)


@pytest.fixture
def tracker_url(tmp_path: Path, database: str) -> str:
    path = tmp_path / "tracker.db"
    tracker = Tracker(path)
    long_ago = (NOW - timedelta(days=10)).timestamp()
    # Spanish on the web widget: two questions answered, one not understood.
    tracker.action("es-web", "action_session_start")
    tracker.user("es-web", "ask_documents", "socketio")
    tracker.language("es-web", "es")
    tracker.action("es-web", "utter_documents")
    tracker.user("es-web", "inform", "socketio")
    tracker.action("es-web", "action_respond_to_fallback")
    tracker.user("es-web", "ask_appeal", "socketio")
    tracker.action("es-web", "utter_appeal")
    # English by REST: asks for a person.
    tracker.user("en-asks", "greet", "rest")
    tracker.language("en-asks", "en")
    tracker.user("en-asks", "check_status", "rest")
    tracker.user("en-asks", "human_handoff", "rest")
    tracker.action("en-asks", "action_hand_off")
    # English by REST: a help-desk ticket after misunderstood messages.
    tracker.user("en-ticket", "nlu_fallback", "rest")
    tracker.language("en-ticket", "en")
    tracker.user("en-ticket", "ask_magnet", "rest")
    # Spanish SMS: the language was set in an earlier visit.
    tracker.language("es-sms", "es", at=long_ago)
    tracker.user("es-sms", "ask_application_dates", "twilio")
    # Outside the period: not counted.
    tracker.user("old", "ask_magnet", "rest", at=long_ago)
    tracker.connection.commit()
    tracker.connection.close()
    open_ticket(conversation_digest("en-ticket"), "rest", "en", "fallbacks", "> [summary]")
    open_ticket(conversation_digest("someone-else"), "rest", "en", "asked", "> [summary]")
    return f"sqlite:///{path}"


def report(tracker_url: str, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["--from", str(YESTERDAY), "--to", str(TODAY), "--tracker-url", tracker_url, *extra]) == 0
    return capsys.readouterr().out


def test_the_numbers_per_language_and_channel(tracker_url, capsys):
    numbers = json.loads(report(tracker_url, capsys, "--json"))
    segments = {(s["language"], s["channel"]): s for s in numbers["segments"]}
    assert set(segments) == {("en", "rest"), ("es", "socketio"), ("es", "twilio")}
    web, rest = segments["es", "socketio"], segments["en", "rest"]
    assert (web["conversations"], web["parent_messages"], web["fallback_messages"]) == (1, 3, 1)
    assert web["answered_by_topic"] == {"ask_appeal": 1, "ask_documents": 1}
    assert (web["fallback_rate"], web["handoff_rate"]) == (0.3333, 0.0)
    assert (rest["conversations"], rest["parent_messages"], rest["answered"]) == (2, 5, 2)
    assert rest["answered_by_topic"] == {"ask_magnet": 1, "check_status": 1}  # greet is not a question
    assert (rest["fallback_rate"], rest["handoff_conversations"], rest["handoff_rate"]) == (0.2, 2, 1.0)
    assert segments["es", "twilio"]["answered_by_topic"] == {"ask_application_dates": 1}
    total = numbers["total"]
    assert (total["conversations"], total["parent_messages"], total["answered"]) == (4, 9, 5)
    assert (total["handoff_rate"], total["fallback_rate"]) == (0.5, round(2 / 9, 4))


def test_the_table_for_people(tracker_url, capsys):
    table = report(tracker_url, capsys).splitlines()
    assert table[0] == f"Deflection report {YESTERDAY} to {TODAY} (Los Angeles days)"
    assert table[2].split() == [
        "language",
        "channel",
        "conversations",
        "messages",
        "answered",
        "fallback",
        "hand-off",
    ]
    assert table[3].split() == ["en", "rest", "2", "5", "2", "20.0%", "100.0%"]
    assert table[4].split() == ["es", "socketio", "1", "3", "2", "33.3%", "0.0%"]
    assert table[6].split() == ["all", "all", "4", "9", "5", "22.2%", "50.0%"]
    assert "Questions answered, by topic:" in table


def test_a_period_without_conversations_and_a_missing_store(tmp_path, database, capsys):
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute(SCHEMA)
    assert (
        main(["--from", "2020-01-01", "--to", "2020-01-31", "--tracker-url", f"sqlite:///{empty}", "--json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["total"]["conversations"] == 0
    assert (
        main(
            [
                "--from",
                "2020-01-01",
                "--to",
                "2020-01-31",
                "--tracker-url",
                f"sqlite:///{tmp_path / 'none.db'}",
            ]
        )
        == 1
    )
    assert "cannot be read" in capsys.readouterr().err
