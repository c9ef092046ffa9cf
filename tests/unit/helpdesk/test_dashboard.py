"""The console's dashboard: the conversation figures equal the text report's for the same days, plus
hand-off reasons, applications started and submitted, documents sent back and time to decision."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

from bot.helpdesk.dashboard import dashboard_figures
from bot.store.application_models import ApplicationDocument, DocumentReview
from bot.store.database import unit_of_work
from bot.web.staff.dashboard import chart_data
from tests.unit.helpdesk.test_report import NOW, TODAY, YESTERDAY, report, tracker_url  # noqa: F401
from tests.unit.status.helpers import make_account, make_application, number


def add_application_form(url: str, sender: str) -> None:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    data = {"event": "active_loop", "timestamp": NOW.timestamp() - 60, "name": "application_form"}
    connection.execute(
        "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) VALUES (?,?,?,?,?,?)",
        (sender, "active_loop", data["timestamp"], None, "application_form", json.dumps(data)),
    )
    connection.commit()
    connection.close()


def test_the_dashboard_counts_what_the_text_report_prints(tracker_url, database, capsys):  # noqa: F811
    printed = json.loads(report(tracker_url, capsys, "--json"))
    figures = dashboard_figures(YESTERDAY, TODAY, tracker=tracker_url)
    shown = {(s.language, s.channel): s for s in figures.segments}
    for segment in printed["segments"]:
        mine = shown[segment["language"], segment["channel"]]
        assert (mine.conversations, mine.parent_messages, mine.answered, mine.fallback_messages) == (
            segment["conversations"], segment["parent_messages"], segment["answered"], segment["fallback_messages"]
        )  # fmt: skip
        assert dict(mine.answered_by_topic) == segment["answered_by_topic"]
        assert mine.handoff_conversations == segment["handoff_conversations"]
    assert figures.total.conversations == printed["total"]["conversations"] == 4
    assert sum(sum(day.conversations.values()) for day in figures.per_day) >= figures.total.conversations
    assert figures.handoff_reasons == {"fallbacks": 1, "asked": 1}


def test_applications_rejections_and_the_median_time_to_decision(tracker_url, database):  # noqa: F811
    add_application_form(tracker_url, "es-web")
    add_application_form(tracker_url, "en-asks")
    account = make_account(database, "dash@example.com")
    now = datetime.now(timezone.utc)
    for index, days in enumerate((4, 10)):
        confirmation = number(f"DSH{index}BRD".replace("0", "A"))
        application_id = make_application(
            database, account, confirmation, status="approved", submitted=now - timedelta(days=days, hours=1)
        )
        with unit_of_work(database) as session:
            from bot.store.application_models import Application

            application = session.get(Application, application_id)
            application.decided_at = now - timedelta(hours=1)
            if index == 0:
                document = ApplicationDocument(
                    item="sibling_enrollment",
                    stored_name=f"{'a' * 32}.pdf",
                    content_type="application/pdf",
                    size_bytes=1,
                )
                application.documents.append(document)
                session.flush()
                document.reviews.append(
                    DocumentReview(verdict="rejected", reason="illegible", reviewed_by="staff:r")
                )
    figures = dashboard_figures(YESTERDAY, TODAY, tracker=tracker_url)
    assert (figures.applications_started, figures.decisions, figures.median_days_to_decision) == (2, 2, 7.0)
    assert figures.rejections_by_reason == {"illegible": 1}
    assert figures.applications_submitted == 0  # both were submitted before the period
    charts = json.loads(chart_data(figures))
    assert charts["rejections"] == {"labels": ["illegible"], "values": [1]}
    assert charts["days"] == [str(YESTERDAY), str(TODAY)]


def test_an_unreadable_conversation_store_still_shows_the_database_figures(tmp_path, database):
    figures = dashboard_figures(YESTERDAY, TODAY, tracker=f"sqlite:///{tmp_path / 'no-events.db'}")
    assert figures.tracker_unreadable and figures.segments == [] and figures.decisions == 0
