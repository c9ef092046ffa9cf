"""What the status rules need to know about one stored application (bot.rules.status.StatusFacts)."""

from __future__ import annotations

from bot.core.clock import district_date
from bot.core.codes import Direction
from bot.core.policy import load_policy
from bot.rules.calendar import SchoolCalendar, load_school_calendar
from bot.rules.checklist import missing_items
from bot.rules.deadlines import AppealStage
from bot.rules.school_year import SchoolYear
from bot.rules.status import KeyDate, Status, StatusFacts, key_date
from bot.store.application_models import Application


def received_documents(application: Application) -> tuple[str, ...]:
    """Checklist codes with at least one upload not sent back by a reviewer, plus the release when
    staff received it directly."""
    codes = {document.item for document in application.documents if not document.rejected}
    if application.release_received_at is not None:
        codes.update(load_policy().documents_always)
    return tuple(sorted(codes))


def rejected_documents(application: Application) -> tuple[tuple[str, str], ...]:
    """(checklist code, rejection reason) of each item whose files were all sent back: the parent
    must send it again. An item with a later file that was not rejected is not listed."""
    received = received_documents(application)
    latest: dict[str, str] = {}
    for document in application.documents:
        review = document.latest_review
        if document.item not in received and review is not None and review.verdict == "rejected":
            latest[document.item] = review.reason
    return tuple(latest.items())


def missing_documents(application: Application) -> tuple[str, ...]:
    """Codes of the required documents still missing, in checklist order."""
    return missing_items(
        Direction(application.direction), application.reason, received_documents(application)
    )


def appealed_to(application: Application) -> AppealStage | None:
    """The furthest appeal stage the history shows (county after district)."""
    reached = {change.to_status for change in application.history}
    if Status.APPEALED_COUNTY.value in reached:
        return AppealStage.COUNTY
    if Status.APPEALED_DISTRICT.value in reached:
        return AppealStage.DISTRICT
    return None


def status_facts(application: Application, calendar: SchoolCalendar | None = None) -> StatusFacts:
    """The facts of ``application`` that its key date depends on."""
    calendar = calendar or load_school_calendar()
    school_year = SchoolYear.parse(application.school_year)
    starts = calendar.first_day_of_instruction(school_year) if school_year else None
    return StatusFacts(
        submitted_on=district_date(application.submitted_at),
        instruction_starts=starts,
        documents_missing=bool(missing_documents(application)),
        decided_on=district_date(application.decided_at) if application.decided_at else None,
        provisional_start=application.provisional_start,
        appealed_to=appealed_to(application),
        excluded_days=calendar.excluded_days(),
    )


def application_key_date(application: Application) -> KeyDate:
    """The date that matters for ``application`` in its current status."""
    return key_date(application.status, status_facts(application))
