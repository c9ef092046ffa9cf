"""Statutory dates: the district's decision due date (EC 46600.2) and appeal deadlines.

A *current-year* request is one received 15 or fewer calendar days before instruction
starts, or after it has started: the decision is due within 30 calendar days of receipt.
Any earlier request is a *future-year* request: the decision is due no later than 14
calendar days after instruction starts. All numbers come from permits.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.core.codes import Code
from bot.core.policy import AppealRule, Policy, load_policy


class RequestTiming(Code):
    """EC 46600.2's two kinds of request."""

    CURRENT_YEAR = "current_year"
    FUTURE_YEAR = "future_year"


class AppealStage(Code):
    """Who hears the appeal: the district first, then the county board of education."""

    DISTRICT = "district"
    COUNTY = "county"


@dataclass(frozen=True)
class DecisionDue:
    """When the district's final decision is due for a request."""

    timing: RequestTiming
    due: date


@dataclass(frozen=True)
class AppealDeadline:
    """The last day to file an appeal at a stage; ``verify`` flags an unconfirmed rule."""

    stage: AppealStage
    due: date
    days: int
    verify: bool


def request_timing(
    received: date, instruction_starts: date, *, policy: Policy | None = None
) -> RequestTiming:
    """Classify a request as current-year or future-year (EC 46600.2)."""
    rules = (policy or load_policy()).decision_deadlines
    days_before = (instruction_starts - received).days
    if days_before <= rules.current_year_request_days_before_instruction:
        return RequestTiming.CURRENT_YEAR
    return RequestTiming.FUTURE_YEAR


def decision_due(received: date, instruction_starts: date, *, policy: Policy | None = None) -> DecisionDue:
    """The date by which the district must decide a request received on ``received``.

    ``instruction_starts`` is the first day of instruction of the school year requested
    (see calendar.SchoolCalendar.first_day_of_instruction).
    """
    policy = policy or load_policy()
    rules = policy.decision_deadlines
    timing = request_timing(received, instruction_starts, policy=policy)
    if timing is RequestTiming.CURRENT_YEAR:
        return DecisionDue(timing, received + timedelta(days=rules.current_year_decision_days))
    return DecisionDue(
        timing, instruction_starts + timedelta(days=rules.future_year_decision_days_after_instruction_starts)
    )


def district_appeal_deadline(denied_on: date, *, policy: Policy | None = None) -> AppealDeadline:
    """Last day to appeal a denial to the district (14 days from the denial; verify)."""
    return _deadline(AppealStage.DISTRICT, (policy or load_policy()).district_appeal, denied_on)


def county_appeal_deadline(final_letter_on: date, *, policy: Policy | None = None) -> AppealDeadline:
    """Last day to appeal to the county board (30 calendar days from the district's final letter)."""
    return _deadline(AppealStage.COUNTY, (policy or load_policy()).county_appeal, final_letter_on)


def _deadline(stage: AppealStage, rule: AppealRule, start: date) -> AppealDeadline:
    return AppealDeadline(stage, start + timedelta(days=rule.days), rule.days, rule.provenance.verify)
