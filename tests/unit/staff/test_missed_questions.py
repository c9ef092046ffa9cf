"""The missed-questions queue: masked messages with the model's guess, labelled by staff, exported as NLU YAML."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import yaml
from sqlalchemy import select

from actions.fallback import model_guess
from bot.helpdesk.missed_questions import (
    export_labelled,
    label_missed_question,
    missed_questions,
    record_missed_question,
    topic_intents,
    weekly_counts,
)
from bot.store.database import unit_of_work
from bot.store.question_models import MissedQuestion
from tests.unit.staff.conftest import Console


def test_a_missed_message_is_queued_masked_without_its_sender(database):
    record_missed_question(
        "web-123",
        "mi correo es ana@example.com y mi número LA-7K3M-9QX2-R",
        "es",
        "socketio",
        "ask_status",
        0.41,
    )
    [line] = missed_questions()
    assert line.masked_text == "mi correo es [email] y mi número [confirmation]"
    assert (line.language, line.channel, line.guessed_intent, line.confidence) == (
        "es",
        "socketio",
        "ask_status",
        0.41,
    )
    with unit_of_work(database) as session:
        row = session.scalar(select(MissedQuestion))
        assert "web-123" not in row.conversation_key and len(row.conversation_key) == 64


def test_the_models_guess_is_the_best_intent_that_is_not_the_fallback():
    ranking = {
        "intent_ranking": [
            {"name": "nlu_fallback", "confidence": 0.55},
            {"name": "ask_documents", "confidence": 0.3},
        ]
    }
    assert model_guess(ranking) == ("ask_documents", 0.3)
    assert model_guess({}) == ("", 0.0)


def test_labels_are_domain_intents_or_out_of_scope_and_the_export_is_nlu_yaml(database, tmp_path):
    intent = topic_intents()[0]
    for text in ("what about the bus", "do you like pizza", "what about the bus"):
        record_missed_question("s1", text, "en", "rest", "", 0.2)
    first, second, third = sorted(line.id for line in missed_questions())
    assert not label_missed_question(first, "made_up_intent", "staff:r@lausd.net")
    assert label_missed_question(first, intent, "staff:r@lausd.net")
    assert label_missed_question(second, "out_of_scope", "staff:r@lausd.net")
    assert label_missed_question(third, intent, "staff:r@lausd.net")
    result = export_labelled("staff:admin@lausd.net", day=date(2027, 3, 10), folder=tmp_path)
    assert result.examples == 3 and result.path == tmp_path / "2027-03-10.yml"
    body = yaml.safe_load(result.path.read_text(encoding="utf-8"))
    assert body["version"] == "3.1"
    examples = {block["intent"]: block["examples"] for block in body["nlu"]}
    assert examples == {intent: "- what about the bus\n", "out_of_scope": "- do you like pizza\n"}
    assert export_labelled("staff:admin@lausd.net", day=date(2027, 3, 10), folder=tmp_path).examples == 0
    assert missed_questions() == []  # every line labelled


def test_weekly_counts_show_whether_misses_go_down(database):
    monday = date(2027, 3, 8)
    with unit_of_work(database) as session:
        for days_ago, count in ((7, 3), (0, 1)):
            for _ in range(count):
                at = datetime.combine(
                    monday - timedelta(days=days_ago), datetime.min.time(), tzinfo=timezone.utc
                )
                session.add(
                    MissedQuestion(
                        conversation_key="k" * 64,
                        language="en",
                        channel="rest",
                        masked_text="x",
                        created_at=at,
                    )
                )
    weeks = weekly_counts(3, today=monday + timedelta(days=2))
    assert [(week.week_start, week.missed) for week in weeks] == [
        (date(2027, 2, 22), 0), (date(2027, 3, 1), 3), (date(2027, 3, 8), 1)
    ]  # fmt: skip


def test_a_reviewer_labels_in_the_console_and_only_an_admin_exports(console: Console):
    record_missed_question("s9", "is there a bus to the school", "en", "rest", "ask_transportation", 0.33)
    page = console.get("/staff/missed-questions", "reviewer")
    assert page.status_code == 200 and "is there a bus to the school" in page.text
    assert "Export labelled lines" not in page.text
    [line] = [line for line in missed_questions() if line.masked_text == "is there a bus to the school"]
    label = topic_intents()[0]
    saved = console.post(
        f"/staff/missed-questions/{line.id}/label",
        "reviewer",
        data={"csrf": console.csrf("reviewer"), "label": label},
    )
    assert saved.status_code == 303
    assert (
        console.post(
            "/staff/missed-questions/export", "reviewer", data={"csrf": console.csrf("reviewer")}
        ).status_code
        == 403
    )
    exported = console.post("/staff/missed-questions/export", "admin", data={"csrf": console.csrf("admin")})
    assert exported.status_code == 303 and "exported=" in exported.headers["location"]
    files = list((console.folder / "nlu-review").glob("*.yml"))
    assert len(files) == 1 and "is there a bus to the school" in files[0].read_text(encoding="utf-8")
