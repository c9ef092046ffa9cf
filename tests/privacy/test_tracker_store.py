"""The redacting tracker store in the Rasa server's own venv: what it writes, what it reads back."""

import json
import os
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "maria.jose@example.com"
CONVERSATION = [
    [["ask", "parent_first_name"], ["bot", "What is your first name?"]],
    [["user", "María José", []], ["slot", "parent_first_name", "María José"], ["ask", "parent_email"]],
    [
        ["user", f"my email is {EMAIL}", [{"entity": "email", "value": EMAIL, "start": 12, "end": 34}]],
        ["slot", "parent_email", EMAIL],
        ["ask", "human_check"],
        ["bot", "Type these numbers: 4 8 1 9"],
    ],
    [["user", "4819", []], ["slot", "human_check", "4819"], ["ask", None]],
    [["bot", f"Summary: María José, {EMAIL}"]],
]


def run_store(database: Path, secret: str, steps: list) -> dict:
    """Save ``steps`` (one save and one read-back per step, as Rasa does) and read the tracker back."""
    env = {
        **os.environ,
        "SECRET_KEY": secret,
        "PYTHONPATH": str(ROOT),
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }
    completed = subprocess.run(
        [str(ROOT / ".venv/bin/python"), str(ROOT / "tests/privacy/tracker_store_check.py"), str(database)]
        + [json.dumps({"steps": steps})],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        preexec_fn=lambda: os.umask(
            0o022
        ),  # as a process not started by the scripts: the store closes the mode
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_nothing_typed_is_readable_in_the_store_and_every_slot_survives_the_reload(tmp_path):
    result = run_store(tmp_path / "tracker.db", "key-one", CONVERSATION)
    raw = json.dumps(result["rows"], ensure_ascii=False) + json.dumps(result["rows"])
    for secret in (EMAIL, "María", "Mar\\u00eda", "4 8 1 9", '"4819"'):
        assert secret not in raw, secret
    assert "[parent_first_name]" in raw and "Summary: [parent_first_name], [parent_email]" in raw
    slots = result["slots"]
    assert (slots["parent_first_name"], slots["parent_email"], slots["human_check"]) == (
        "María José",
        EMAIL,
        "4819",
    )
    assert stat.S_IMODE((tmp_path / "tracker.db").stat().st_mode) == 0o600
    # every event once, in order: the save after each read appends only what the turn added
    assert len(result["rows"]) == sum(1 + (kind == "bot") for step in CONVERSATION for kind, *_ in step)
    assert [row[0] for row in result["rows"]][:3] == ["slot", "action", "bot"]


def test_with_another_secret_key_the_sealed_slots_read_as_empty(tmp_path):
    run_store(tmp_path / "tracker.db", "key-one", CONVERSATION)
    slots = run_store(tmp_path / "tracker.db", "key-two", [])["slots"]
    assert (slots["parent_first_name"], slots["parent_email"], slots["human_check"]) == (None, None, None)


def test_a_remembered_conversation_reads_as_the_database_would_and_sees_other_servers(tmp_path):
    steps = (
        [[["session"]]]
        + CONVERSATION[:2]
        + [[["other", "hola desde otro servidor"]]]
        + CONVERSATION[2:3]
        + [[["session"]]]
        + CONVERSATION[3:]
    )
    result = run_store(tmp_path / "tracker.db", "key-one", steps)
    # texts masked, sealed values opened, the latest session only, in order
    assert result["as_fresh"] == [True] * len(steps)
    assert result["full_reads"] == 1  # only after the other server's message
    # a read of the new session leaves the earlier messages and slots out
    assert result["texts"] == ["[human_check]"]
    assert (result["slots"]["human_check"], result["slots"]["parent_email"]) == ("4819", None)
