"""The deflection report: `python -m bot.helpdesk.report --from YYYY-MM-DD --to YYYY-MM-DD`.

Reads Rasa's SQL tracker store (`--tracker-url`, else TRACKER_STORE_URL, else var/tracker.db) and
the help-desk tickets (`--database-url`, else DATABASE_URL), and prints, per language and channel,
conversations, parent messages, questions answered by topic, the fallback rate and the hand-off
rate (bot.helpdesk.deflection says how each is counted). Days are Los Angeles days, both included.
`--json` prints the same numbers for machines. Staff output: English only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Collection
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import SQLAlchemyError

from bot.core.secrets import conversation_digest
from bot.core.settings import tracker_store_url
from bot.helpdesk.deflection import Segment, TrackerEvent, deflection_segments, faq_intents, total
from bot.store.database import unit_of_work
from bot.store.service_models import Ticket

DISTRICT_TIME = ZoneInfo("America/Los_Angeles")
_EVENTS = text(
    "SELECT sender_id, type_name, timestamp, intent_name, action_name, data FROM events"
    " WHERE timestamp >= :start AND timestamp < :end ORDER BY id"
)
# Rasa's SQL store writes a slot event's slot name into action_name (it stores data["name"]).
_EARLIER_LANGUAGE = text(
    "SELECT sender_id, data FROM events"
    " WHERE type_name = 'slot' AND action_name = 'language' AND timestamp < :start ORDER BY id"
)


def tracker_url() -> str:
    """TRACKER_STORE_URL, or the SQLite file `make run` uses."""
    return tracker_store_url()


def period(first: date, last: date) -> tuple[datetime, datetime]:
    """From the start of `first` to the end of `last`, Los Angeles time."""
    start = datetime.combine(first, time.min, DISTRICT_TIME)
    return start, datetime.combine(last + timedelta(days=1), time.min, DISTRICT_TIME)


def read_events(url: str, start: datetime, end: datetime) -> tuple[list[TrackerEvent], dict[str, str]]:
    """The events of the period, and each conversation's language set before it."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            bounds = {"start": start.timestamp(), "end": end.timestamp()}
            events = [TrackerEvent(*row) for row in connection.execute(_EVENTS, bounds)]
            earlier: dict[str, str] = {}
            for sender_id, data in connection.execute(_EARLIER_LANGUAGE, bounds):
                value = TrackerEvent(sender_id, "slot", 0.0, None, "language", data).payload().get("value")
                if value:
                    earlier[sender_id] = str(value)
    finally:
        engine.dispose()
    return events, earlier


def ticket_senders(
    senders: Collection[str], start: datetime, end: datetime, database_url: str | None
) -> set[str]:
    """Sender ids among `senders` with a help-desk ticket opened in the period."""
    keys = {conversation_digest(sender): sender for sender in senders}
    # In UTC: SQLite keeps the stored times as UTC text and compares them as text.
    start, end = start.astimezone(timezone.utc), end.astimezone(timezone.utc)
    with unit_of_work(database_url) as session:
        found = session.scalars(
            select(Ticket.conversation_key).where(Ticket.created_at >= start, Ticket.created_at < end)
        )
        return {keys[key] for key in found if key in keys}


def deflection_report(
    first: date, last: date, tracker: str | None = None, database_url: str | None = None
) -> list[Segment]:
    """The report's segments for the days `first` to `last` (Los Angeles time, both included)."""
    start, end = period(first, last)
    events, earlier = read_events(tracker or tracker_url(), start, end)
    senders = {event.sender_id for event in events}
    try:
        tickets = ticket_senders(senders, start, end, database_url) if senders else set()
    except SQLAlchemyError as error:  # the report still counts what the tracker store says
        print(
            f"note: tickets not read ({type(error).__name__}); hand-offs from the chat only", file=sys.stderr
        )
        tickets = set()
    return deflection_segments(events, faq_intents(), tickets, earlier)


def as_json(first: date, last: date, segments: list[Segment]) -> str:
    """The report for machines."""

    def numbers(segment: Segment) -> dict[str, object]:
        return {
            "language": segment.language,
            "channel": segment.channel,
            "conversations": segment.conversations,
            "parent_messages": segment.parent_messages,
            "answered": segment.answered,
            "answered_by_topic": dict(sorted(segment.answered_by_topic.items())),
            "fallback_messages": segment.fallback_messages,
            "fallback_rate": round(segment.fallback_rate, 4),
            "handoff_conversations": segment.handoff_conversations,
            "handoff_rate": round(segment.handoff_rate, 4),
        }

    report = {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "segments": [numbers(segment) for segment in segments],
        "total": numbers(total(segments)),
    }
    return json.dumps(report, indent=2, ensure_ascii=False)


def as_table(first: date, last: date, segments: list[Segment]) -> str:
    """The report for people: one row per language and channel, then the answered topics."""
    header = ("language", "channel", "conversations", "messages", "answered", "fallback", "hand-off")
    rows = [
        (s.language, s.channel, str(s.conversations), str(s.parent_messages), str(s.answered),
         f"{s.fallback_rate:.1%}", f"{s.handoff_rate:.1%}")
        for s in [*segments, total(segments)]
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    line = "  ".join
    lines = [f"Deflection report {first} to {last} (Los Angeles days)", ""]
    lines += [
        line(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in [header, *rows]
    ]
    topics = total(segments).answered_by_topic
    if topics:
        lines += ["", "Questions answered, by topic:"]
        lines += [f"  {topic.ljust(30)} {count}" for topic, count in topics.most_common()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bot.helpdesk.report", description=__doc__)
    parser.add_argument("--from", dest="first", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="last", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--tracker-url", help="SQLAlchemy URL of the tracker store")
    parser.add_argument("--database-url", help="SQLAlchemy URL of the application database (tickets)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    if args.last < args.first:
        parser.error("--to is before --from")
    url = args.tracker_url or tracker_url()
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        print(f"The tracker store cannot be read: no file {url.removeprefix('sqlite:///')}", file=sys.stderr)
        return 1  # connecting would create an empty database file
    try:
        segments = deflection_report(args.first, args.last, url, args.database_url)
    except SQLAlchemyError as error:
        print(f"The tracker store cannot be read: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(
        as_json(args.first, args.last, segments) if args.json else as_table(args.first, args.last, segments)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
