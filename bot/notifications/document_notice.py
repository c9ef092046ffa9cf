"""The notice a parent gets when the office sends a document back: which one, why, and the upload
link, in the application's language (bot/locales/rejections.<locale>.yml). Queued in the caller's
unit of work, with the review it reports; bot.notifications.delivery sends it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.applications.notices import text_channel
from bot.core.facts import policy_facts
from bot.core.text import catalog
from bot.store.application_models import Application
from bot.store.models import Account, OutboxMessage


def rejection_words(locale: str, item: str, reason: str) -> dict[str, str]:
    """The document's name and the reason, in ``locale``."""
    text = catalog().text
    return {
        "document": text(f"documents.{item}", locale),
        "reason": text(f"rejections.reason.{reason}", locale),
    }


def queue_document_rejected(
    session: Session, application: Application, item: str, reason: str, upload_link: str
) -> None:
    """An email (and a text, when the parent agreed to texts) asking for ``item`` again."""
    text, locale = catalog().text, application.language
    account = session.get(Account, application.account_id)
    params: dict[str, object] = {
        **policy_facts(catalog(), locale),
        **rejection_words(locale, item, reason),
        "first_name": account.first_name if account else "",
        "student": f"{application.student_first_name} {application.student_last_name}",
        "confirmation_number": application.confirmation_number,
        "upload_link": upload_link,
    }
    if account is not None:
        body = "\n\n".join(
            (
                text("notices.greeting", locale, **params),
                text("rejections.notice.body", locale, **params),
                text("notices.signature", locale, **params),
            )
        )
        subject = text("rejections.notice.subject", locale, **params)
        session.add(OutboxMessage(channel="email", recipient=account.email, subject=subject, body=body))
    channel = text_channel(application)
    if channel is not None and application.phone:
        sms = text("rejections.notice.sms", locale, **params)
        if channel == "sms":
            sms = f"{sms} {text('notices.sms_stop', locale)}"
        session.add(OutboxMessage(channel=channel, recipient=application.phone, subject="", body=sms))
