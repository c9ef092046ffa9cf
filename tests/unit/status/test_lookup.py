"""Status lookups: a number plus a second factor; the same answer for a wrong number or a wrong date."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.applications.lookup import AnswerCode, StatusAnswer, look_up_status
from bot.core.secrets import conversation_digest
from bot.rules.status import DateKind
from bot.store.database import unit_of_work
from bot.store.service_models import StatusLookup
from tests.unit.status.helpers import make_account, make_application, number

NUMBER = number("7K3M9QX2")
TODAY = date(2027, 3, 10)
NOW = datetime(2027, 3, 10, 18, 0, tzinfo=timezone.utc)
PARENT = conversation_digest("whatsapp:+13235550100")


@pytest.fixture
def owner(database: str) -> int:
    account = make_account(database)
    make_application(database, account, NUMBER, documents=("sibling_enrollment",))
    return account


def look(typed: str, birthdate: str | date | None = None, **kwargs: object) -> StatusAnswer:
    options: dict[str, object] = {"today": TODAY, "now": NOW, **kwargs}
    key = str(options.pop("key", PARENT))
    return look_up_status(key, typed, birthdate, **options)  # type: ignore[arg-type]


def lookups(database: str) -> list[tuple[str, bool]]:
    with unit_of_work(database) as session:
        return [(row.confirmation_number, row.succeeded) for row in session.scalars(select(StatusLookup))]


def test_number_and_birthdate_find_the_application(database: str, owner: int) -> None:
    answer = look("la 7k3m 9qx2 " + NUMBER[-1].lower(), "4 de marzo de 2016")
    assert answer == StatusAnswer(
        code=AnswerCode.FOUND, status="pending_documents", date_kind=DateKind.ABANDONMENT,
        key_date=date(2027, 3, 31), missing_documents=("release_from_residence",), confirmation_number=NUMBER,
        language="es", student_first_name="Luis",
    )  # fmt: skip
    assert lookups(database) == [(NUMBER, True)]


@pytest.mark.parametrize(
    "typed", ["March 4, 2016", "03/04/2016", "04/03/2016", "2016-03-04", date(2016, 3, 4)]
)
def test_the_birthdate_is_read_in_any_usual_form(database: str, owner: int, typed: str | date) -> None:
    assert look(NUMBER, typed).code is AnswerCode.FOUND


def test_a_wrong_number_and_a_wrong_date_get_the_same_answer(database: str, owner: int) -> None:
    wrong_number = look(number("ABCD1234"), "4 de marzo de 2016")
    wrong_date = look(NUMBER, "5 de marzo de 2016")
    not_a_date = look(NUMBER, "no sé")
    no_factor = look(NUMBER)
    assert wrong_number == wrong_date == not_a_date == no_factor == StatusAnswer(AnswerCode.NOT_FOUND)


def test_something_that_is_not_a_number_is_said_so_and_not_held_against_the_parent(
    database: str, owner: int
) -> None:
    mistyped = NUMBER[:-1] + ("Z" if NUMBER[-1] != "Z" else "Y")  # the check symbol catches it
    for typed in [mistyped, "hello", ""] * 3:
        assert look(typed, "2016-03-04").code is AnswerCode.BAD_NUMBER
    assert look(NUMBER, "2016-03-04").code is AnswerCode.FOUND
    assert ("", False) in lookups(database)


def test_five_failures_an_hour_per_conversation(database: str, owner: int) -> None:
    for day in range(5, 10):
        assert look(NUMBER, f"2016-03-{day:02d}").code is AnswerCode.NOT_FOUND
    assert look(NUMBER, "2016-03-04").code is AnswerCode.LIMITED
    assert look(NUMBER, "2016-03-04", key=conversation_digest("another")).code is AnswerCode.FOUND
    later = NOW + timedelta(hours=1, minutes=1)
    assert look(NUMBER, "2016-03-04", now=later).code is AnswerCode.FOUND


def test_ten_failures_a_day_per_number_from_anywhere(database: str, owner: int) -> None:
    for guess in range(10):
        answer = look(NUMBER, f"2015-01-{guess + 1:02d}", key=conversation_digest(f"guesser-{guess}"))
        assert answer.code is AnswerCode.NOT_FOUND
    assert look(NUMBER, "2016-03-04").code is AnswerCode.LIMITED
    # The signed-in owner is not locked out by strangers.
    assert look(NUMBER, account_id=owner).code is AnswerCode.FOUND
    assert look(NUMBER, "2016-03-04", now=NOW + timedelta(days=1, minutes=1)).code is AnswerCode.FOUND


def test_successful_lookups_are_recorded_but_not_limited(database: str, owner: int) -> None:
    for _ in range(7):
        assert look(NUMBER, "2016-03-04").code is AnswerCode.FOUND
    assert lookups(database) == [(NUMBER, True)] * 7


def test_the_owning_account_is_a_second_factor_and_another_account_is_not(database: str, owner: int) -> None:
    stranger = make_account(database, "otra@example.com")
    assert look(NUMBER, account_id=owner).code is AnswerCode.FOUND
    assert look(NUMBER, account_id=stranger) == StatusAnswer(AnswerCode.NOT_FOUND)
    assert look(NUMBER, "2016-03-04", account_id=stranger).code is AnswerCode.FOUND
