"""Which questions the application form asks, per direction and reason (bot/policy data)."""

from __future__ import annotations

from functools import cache

from bot.core.data_file import mapping, read_yaml, text_list
from bot.core.policy import POLICY_DIR

COMMON_START = (
    "app_direction",
    "student_first_name",
    "student_last_name",
    "student_grade",
    "student_birthdate",
)
INCOMING_PLACES = ("residence_district", "requested_school")
OUTGOING_PLACES = ("requested_district", "requested_school")


@cache
def reason_questions() -> dict[str, tuple[str, ...]]:
    """The extra questions of each reason (bot/policy/application_questions.yml)."""
    path = POLICY_DIR / "application_questions.yml"
    raw = mapping(mapping(read_yaml(path), str(path)).get("reason_questions"), f"{path}.reason_questions")
    return {
        reason: tuple(text_list(questions or [], f"{path}.{reason}")) for reason, questions in raw.items()
    }


def form_questions(direction: str | None, reason: str | None, ask_school_year: bool) -> list[str]:
    """The slots application_form asks, in order, for what is known so far."""
    questions = list(COMMON_START)
    if ask_school_year:
        questions.insert(1, "app_school_year")
    if direction is None:
        return [*questions, "application_confirmed"]
    questions += INCOMING_PLACES if direction == "incoming" else OUTGOING_PLACES
    questions.append("app_reason")
    if reason is not None:
        questions += reason_questions().get(reason, ())
    if direction == "incoming":
        questions.append("release_in_hand")
    questions.append("application_confirmed")
    return questions


def all_reason_questions() -> tuple[str, ...]:
    """Every reason-specific question, once, in the policy file's order."""
    return tuple(
        dict.fromkeys(question for questions in reason_questions().values() for question in questions)
    )


def every_question() -> tuple[str, ...]:
    """Every slot the application form can ask, once, in asking order (whatever the direction and
    reason): the domain's form slots are generated from this (scripts/build_form_rules.py)."""
    places = dict.fromkeys((*INCOMING_PLACES, *OUTGOING_PLACES))
    return (
        COMMON_START[0],
        "app_school_year",
        *COMMON_START[1:],
        *places,
        "app_reason",
        *all_reason_questions(),
        "release_in_hand",
        "application_confirmed",
    )
