"""A parent registers in the chat; the raw conversation store and the logs keep nothing they typed."""

import re
import sqlite3
import uuid

from tests.privacy.conftest import say, text_of
from tests.privacy.stored_events import readable_events


def test_the_store_keeps_no_email_no_typed_code_and_the_registration_completes(var_dir, sender):
    email = f"maria-{uuid.uuid4().hex[:8]}@example.com"
    say(sender, "I want to create a parent account")
    say(sender, "Maria")
    say(sender, "none")
    say(sender, "O'Brien")
    say(sender, email)
    human_check = text_of(say(sender, f"it is {email}"))
    digits = re.search(r"(\d) (\d) (\d) (\d)", human_check)
    assert digits, human_check
    typed = "".join(digits.groups())
    summary = say(sender, typed)
    # The summary comes two turns after the email: the sealed slot was read back and opened.
    assert email in text_of(summary)
    confirm = next(b["payload"] for m in summary for b in m.get("buttons", []) if b["payload"] == "/affirm")
    done = text_of(say(sender, confirm))
    assert "activation email" in done

    with sqlite3.connect(var_dir / "permits.db") as db:
        assert db.execute("select status from accounts where email = ?", (email,)).fetchone() == (
            "pending_activation",
        )

    tracker_db = var_dir / "tracker.db"
    for path in var_dir.glob("tracker.db*"):  # the file and its write-ahead log
        assert email.encode() not in path.read_bytes(), path.name
    stored = readable_events(tracker_db, sender)
    assert typed not in stored and email not in stored
    assert "O'Brien" not in stored and "Maria" not in stored
    assert "[parent_email]" in stored  # the answer was replaced, not dropped
    for log in (var_dir / "log").glob("*.log"):
        assert email.encode() not in log.read_bytes(), log.name
