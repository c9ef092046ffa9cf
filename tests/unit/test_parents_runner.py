"""The simulated-parent runner's own logic, offline: matching, global checks, placeholders, format."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.parents import checks
from tests.parents.conversations import LANGUAGES, FormatError, Turn, load_file, load_language
from tests.parents.given import create_account, create_application
from tests.parents.placeholders import ConversationState, PlaceholderMissing
from tests.parents.runner import Target, play_all
from tests.parents.transcript import ConversationResult, TurnRecord, render, write_reports


def bot(text: str, *buttons: str) -> dict[str, Any]:
    return {"recipient_id": "x", "text": text, "buttons": [{"title": b, "payload": f"/{b}"} for b in buttons]}


def test_matching_ignores_case_accents_and_reads_buttons() -> None:
    turn = Turn(
        parent="x", expect=("FEBRERO", "carta del empleador"), expect_any=("zzz", "Sí"), reject=("hola",)
    )
    replies = [bot("Las solicitudes abren el 1 de Febrero."), bot("¿Algo más?", "Carta del Empleador", "si")]
    assert checks.check_expectations(turn, replies) == []


def test_each_kind_of_expectation_can_fail() -> None:
    turn = Turn(parent="x", expect=("april 30",), expect_any=("february", "feb"), reject=("email address",))
    problems = checks.check_expectations(turn, [bot("What is the email address of your parent account?")])
    assert len(problems) == 3


def test_placeholders_are_filled_in_expectations() -> None:
    turn = Turn(parent="x", expect=("{number}",))
    assert (
        checks.check_expectations(turn, [bot("Application LA-AAAA-BBBB-C")], lambda s: "la-aaaa-bbbb-c") == []
    )


def test_silence_and_the_catalog_error_wording_are_caught() -> None:
    assert checks.check_no_silence([]) == ["no reply (silence)"]
    assert checks.check_no_silence([{"recipient_id": "x", "text": ""}]) != []
    assert checks.check_no_silence([bot("Hi")]) == []
    sorry = "Sorry, something went wrong on our side and I could not answer."
    assert checks.check_no_error([bot(sorry)]) != []
    assert checks.check_no_error([bot("Lo siento, algo salió mal")]) != []
    assert checks.check_no_error([bot("What went well?")]) == []


def test_a_question_the_third_time_is_a_loop_but_changing_summaries_are_not() -> None:
    loops = checks.LoopWatch()
    ask = [bot("That doesn't look like an email."), bot("What is the email address of your parent account?")]
    assert loops.check(ask) == []
    assert loops.check(ask) == []
    assert len(loops.check(ask)) == 1
    summaries = checks.LoopWatch()
    for grade in ("2nd", "3rd", "4th"):
        assert summaries.check([bot(f"• Student: Mai, {grade} grade\nShall I submit it?")]) == []


def test_language_is_judged_only_on_clear_long_replies() -> None:
    spanish = "Las solicitudes para el próximo año escolar se abren cada año el 1 de febrero."
    english = "Applications for the next school year open every year on February 1, and incoming permits never close."
    greet = (
        "Hi! I'm the permit assistant of the LAUSD Office of Permits and Student Transfers. I can tell you when "
        "and how to apply for an inter-district permit. What would you like to know? (Puede escribirme en español.)"
    )
    assert checks.check_language([bot(spanish)], "en") != []
    assert checks.check_language([bot(english), bot(greet)], "en") == []
    assert checks.check_language([bot("¡Hola! Sofía López")], "en") == []  # too short to judge
    assert checks.check_language([bot(english)], "es") != []


def test_the_expected_language_follows_a_clear_switch_or_a_declared_one() -> None:
    assert checks.parent_language("ok", "en", None) == "en"
    assert checks.parent_language("quiero saber qué documentos necesito para el permiso", "en", None) == "es"
    assert checks.parent_language("English please", "es", "en") == "en"


class Box:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    def add(self, to: str, body: str) -> None:
        message = EmailMessage()
        message["To"] = to
        message.set_content(body)
        self.messages.append(message)


def test_placeholders_of_a_conversation() -> None:
    box = Box()
    state = ConversationState(mailbox=box, new_email="n@example.org", email="p@example.org", mail_timeout=0.5)
    state.parent_first_name = "Carmen"
    state.number, state.birthdate, state.given_number = "LA-Y0Z7-Y9JW-A", "2016-03-14", True
    assert (
        state.fill("{number_lower_spaced} / {birthdate_us} / {email}")
        == "la y0z7 y9jw a / 03/14/2016 / p@example.org"
    )
    box.add("p@example.org", "Your code is 123456. It works for 10 minutes.")
    assert state.fill("my code is {signin_code}") == "my code is 123456"
    with pytest.raises(PlaceholderMissing):
        state.fill("{signin_code}")  # the same code is never typed twice: a new one must come
    box.add("n@example.org", "Your code is 654321.")
    assert state.fill("{signin_code}") == "654321"
    state.saw_replies(["To check that you are a person, please type these numbers: 4 8 1 9"])
    assert state.fill("{human_check}") == "4819"


def test_a_number_shown_by_the_assistant_fills_number_but_the_catalog_example_does_not() -> None:
    state = ConversationState(mailbox=Box(), new_email="n@example.org")
    state.saw_replies(["What is your confirmation number? It looks like LA-7K3M-9QX2-R."])
    with pytest.raises(PlaceholderMissing):
        state.fill("{number}")
    state.saw_replies(["Your application is submitted. Your confirmation number is LA-ZZTE-H53V-S."])
    assert state.fill("{number}") == "LA-ZZTE-H53V-S"


def test_bad_files_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "conversations:\n  - name: x\n    persona: p\n    goal: g\n    page_language: en\n"
        "    turns:\n      - parent: hi\n        expect: ['']\n"
    )
    with pytest.raises(FormatError):
        load_file(bad, "en")
    bad.write_text(
        "conversations:\n  - name: x\n    persona: p\n    goal: g\n    page_language: en\n"
        "    turns:\n      - parent: '{unknown}'\n"
    )
    with pytest.raises(FormatError):
        load_file(bad, "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_conversation_files_follow_the_format(language: str) -> None:
    conversations = load_language(language)  # raises FormatError on any mistake
    for conversation in conversations:
        assert conversation.turns, conversation.name
        needs_account = conversation.placeholders & {"email", "parent_first_name"}
        assert not needs_account or conversation.account, f"{conversation.name} needs `given: account`"
        needs_application = conversation.placeholders & {"birthdate", "birthdate_us"}
        assert not needs_application or conversation.application, f"{conversation.name} needs an application"


def test_there_are_at_least_forty_english_conversations() -> None:
    assert len(load_language("en")) >= 40


def test_a_transcript_shows_both_sides_and_the_failed_check() -> None:
    conversation = load_language("en")[0]
    result = ConversationResult(conversation, "s1")
    result.turns.append(TurnRecord("hi", "hi", [bot("Hello!", "Yes")], ["expected ['february']"]))
    text = render(result)
    assert ">>> hi" in text and "<<< Hello!" in text and "[buttons] Yes (/Yes)" in text
    assert "FAILED" in text and "expected ['february']" in text


class _ScriptedAssistant(BaseHTTPRequestHandler):
    """A stand-in for the REST webhook, only to drive the runner's own loop offline."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert body["metadata"] == {"language": "en"}
        message = body["message"]
        if message == "hi":
            replies: list[dict[str, Any]] = [bot("Applications open on February 1.")]
        elif message == "/Yes":
            replies = [bot("Submitted: your confirmation number is LA-AAAA-BBBB-C.")]
        elif message == "silence":
            replies = []
        else:
            replies = [bot("What is your student's first name?", "Yes")]
        data = json.dumps(replies).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


def test_the_runner_plays_checks_and_reports_a_conversation(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ScriptedAssistant)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    file = tmp_path / "t.yml"
    file.write_text(
        "conversations:\n"
        "  - {name: ok, persona: p, goal: g, page_language: en, turns: [{parent: hi, expect: [february 1]},"
        " {parent: x}, {tap: 'Yes', expect: ['{number}']}, {parent: 'my number is {number_lower_spaced}'}]}\n"
        "  - {name: bad, persona: p, goal: g, page_language: en, turns: [{parent: a}, {parent: b},"
        " {parent: c}, {parent: silence}, {tap: 'Submit'}]}\n"
    )
    target = Target(f"http://127.0.0.1:{server.server_port}", "sqlite://", Box(), date(2026, 12, 7), print)
    try:
        good, bad = play_all(load_file(file, "en"), target, at_once=2)
    finally:
        server.shutdown()
    assert good.complete, good.problems
    assert good.turns[2].sent == "/Yes" and good.turns[3].sent == "my number is la aaaa bbbb c"
    assert not bad.complete
    assert any("3rd time" in p for p in bad.problems)
    assert any("silence" in p for p in bad.problems)
    assert any("no button 'Submit'" in p for p in bad.problems)
    everything, failing = write_reports("en", [good, bad], tmp_path / "out")
    assert "## bad — FAILED" in failing.read_text() and "## ok" not in failing.read_text()
    assert "1/2 complete" in everything.read_text()


def test_given_fixtures_are_made_through_the_services(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'permits.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SECRET_KEY", "parents-unit-test-key")
    subprocess.run([sys.executable, "-m", "bot.store.migrate"], check=True, env=dict(os.environ), timeout=120)
    account = create_account("given@example.org", "active", "en", url)
    spec = {
        "direction": "incoming",
        "reason": "sibling",
        "grade": "3",
        "student_first_name": "Ana",
        "birthdate": "2017-05-04",
    }
    application = create_application(account, spec, "en", date(2026, 12, 7), url)
    assert application.confirmation_number.startswith("LA-")
    pending = create_account("pending@example.org", "pending", "en", url)
    with sqlite3.connect(tmp_path / "permits.db") as db:
        statuses = dict(db.execute("select email, status from accounts").fetchall())
    assert statuses == {account.email: "active", pending.email: "pending_activation"}
