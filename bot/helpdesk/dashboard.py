"""What the assistant saves the help desk, for the console's dashboard.

The conversation figures are the deflection report's own (bot.helpdesk.report.deflection_report,
the same function `python -m bot.helpdesk.report` prints), so the page and the text report agree
for the same days. The dashboard adds, from the same stores: conversations per day, hand-off
reasons, applications started and submitted in the chat, documents sent back by reason, and the
median time from submission to decision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from statistics import median

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from bot.core.clock import as_utc
from bot.helpdesk.deflection import Segment, deflection_segments, faq_intents, total
from bot.helpdesk.report import deflection_report, period, read_events, tracker_url
from bot.store.application_models import Application, ApplicationDocument, DocumentReview
from bot.store.database import unit_of_work
from bot.store.service_models import Ticket

APPLICATION_FORM = "application_form"


@dataclass(frozen=True)
class DayCount:
    """Conversations of one Los Angeles day, per "language/channel"."""

    day: date
    conversations: dict[str, int]


@dataclass
class DashboardFigures:
    """Every figure of the dashboard for the days ``first`` to ``last`` (both included)."""

    first: date
    last: date
    segments: list[Segment]
    total: Segment
    per_day: list[DayCount] = field(default_factory=list)
    handoff_reasons: Counter[str] = field(default_factory=Counter)
    applications_started: int = 0
    applications_submitted: int = 0
    rejections_by_reason: Counter[str] = field(default_factory=Counter)
    decisions: int = 0
    median_days_to_decision: float | None = None
    #: The conversation store could not be read: only the application database's figures are shown.
    tracker_unreadable: bool = False


def conversations_per_day(first: date, last: date, tracker: str | None = None) -> list[DayCount]:
    """Each day's conversations by language and channel, counted as the report counts them."""
    days: list[DayCount] = []
    start, end = period(first, last)
    events, earlier = read_events(tracker or tracker_url(), start, end)
    languages = dict(earlier)
    topics = faq_intents()
    day = first
    while day <= last:
        day_start, day_end = period(day, day)
        todays = [event for event in events if day_start.timestamp() <= event.timestamp < day_end.timestamp()]
        segments = deflection_segments(todays, topics, (), dict(languages))
        days.append(DayCount(day, {f"{s.language}/{s.channel}": s.conversations for s in segments}))
        for event in todays:  # a language chosen today is known tomorrow
            if event.type_name == "slot" and event.action_name == "language":
                value = event.payload().get("value")
                if value:
                    languages[event.sender_id] = str(value)
        day += timedelta(days=1)
    return days


def applications_started(first: date, last: date, tracker: str | None = None) -> int:
    """Conversations in which the application form was opened during the period."""
    start, end = period(first, last)
    events, _ = read_events(tracker or tracker_url(), start, end)
    return len(
        {e.sender_id for e in events if e.type_name == "active_loop" and e.action_name == APPLICATION_FORM}
    )


def dashboard_figures(
    first: date, last: date, *, tracker: str | None = None, database_url: str | None = None
) -> DashboardFigures:
    """The dashboard for the days ``first`` to ``last`` (Los Angeles days, both included)."""
    try:
        segments = deflection_report(first, last, tracker, database_url)
        figures = DashboardFigures(first, last, segments, total(segments))
        figures.per_day = conversations_per_day(first, last, tracker)
        figures.applications_started = applications_started(first, last, tracker)
    except SQLAlchemyError:
        figures = DashboardFigures(first, last, [], total([]), tracker_unreadable=True)
    start, end = (moment.astimezone(timezone.utc) for moment in period(first, last))
    with unit_of_work(database_url) as session:
        triggers = session.execute(
            select(Ticket.trigger, func.count(Ticket.id))
            .where(Ticket.created_at >= start, Ticket.created_at < end)
            .group_by(Ticket.trigger)
        ).tuples()
        figures.handoff_reasons = Counter({trigger: count for trigger, count in triggers})
        figures.applications_submitted = int(
            session.scalar(
                select(func.count(Application.id)).where(
                    Application.submitted_at >= start, Application.submitted_at < end
                )
            )
            or 0
        )
        rejected = session.execute(
            select(DocumentReview.reason, func.count(DocumentReview.id))
            .join(ApplicationDocument)
            .where(
                DocumentReview.verdict == "rejected",
                DocumentReview.reviewed_at >= start,
                DocumentReview.reviewed_at < end,
            )
            .group_by(DocumentReview.reason)
        ).tuples()
        figures.rejections_by_reason = Counter({reason: count for reason, count in rejected})
        decided = session.execute(
            select(Application.submitted_at, Application.decided_at).where(
                Application.decided_at.is_not(None),
                Application.decided_at >= start,
                Application.decided_at < end,
            )
        ).tuples()
        durations = [_days_between(submitted, decided_at) for submitted, decided_at in decided if decided_at]
    figures.decisions = len(durations)
    figures.median_days_to_decision = round(median(durations), 1) if durations else None
    return figures


def _days_between(earlier: datetime, later: datetime) -> float:
    return (as_utc(later) - as_utc(earlier)).total_seconds() / 86400


def default_period(today: date, days: int = 14) -> tuple[date, date]:
    """The last ``days`` Los Angeles days up to ``today``."""
    return today - timedelta(days=days - 1), today
