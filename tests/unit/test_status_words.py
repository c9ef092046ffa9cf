"""What a parent reads about a status: meaning, next step, the date that matters, missing documents."""

from datetime import date

from bot.applications.lookup import AnswerCode, StatusAnswer
from bot.applications.status_words import status_answer_text
from bot.rules.status import DateKind


def test_a_found_application_in_spanish() -> None:
    answer = StatusAnswer(
        code=AnswerCode.FOUND,
        status="pending_documents",
        date_kind=DateKind("abandonment"),
        key_date=date(2027, 3, 3),
        missing_documents=("pay_stub",),
        confirmation_number="LA-YT21-JX54-F",
        student_first_name="Sofía",
    )
    text = status_answer_text(answer, "es")
    assert text.startswith("Solicitud LA-YT21-JX54-F de Sofía:")
    assert "esperando documentos" in text and "3 de marzo de 2027" in text
    assert "Todavía falta: un talón de pago reciente." in text


def test_not_found_says_nothing_about_the_application() -> None:
    text = status_answer_text(StatusAnswer(code=AnswerCode.NOT_FOUND), "en")
    assert "couldn't find" in text and "LA-" not in text
