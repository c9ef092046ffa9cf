"""A status answer in the parent's words: what it means, what comes next, the date that matters,
and the documents still missing (texts in bot/locales/status.<locale>.yml)."""

from __future__ import annotations

from typing import Any

from bot.core.facts import long_date, policy_facts
from bot.core.text import catalog


def status_answer_text(answer: Any, locale: str) -> str:
    """The whole reply for a bot.applications.lookup.StatusAnswer, in `locale`."""
    text = catalog().text
    facts = policy_facts(catalog(), locale)
    code = str(answer.code)
    if code != "found" or not answer.status:
        return text(f"status.{code}", locale, **facts)
    lines = [
        text(
            "status.heading",
            locale,
            confirmation_number=answer.confirmation_number,
            student=answer.student_first_name or "",
        ),
        text(f"status.meaning.{answer.status}", locale, **facts),
        text(f"status.next.{answer.status}", locale, **facts),
    ]
    kind = str(answer.date_kind)
    if kind != "none" and answer.key_date is not None:
        lines.append(
            text(f"status.date.{kind}", locale, date=long_date(catalog(), locale, answer.key_date), **facts)
        )
    if answer.missing_documents:
        names = ", ".join(text(f"documents.{code}", locale) for code in answer.missing_documents)
        lines.append(text("status.missing", locale, documents=names))
    for item, reason in getattr(answer, "rejected_documents", ()):
        words = {"document": text(f"documents.{item}", locale), "reason": text(f"rejections.reason.{reason}", locale)}
        lines.append(text("rejections.status_line", locale, **words))
    return "\n".join(lines)
