"""Queue what a parent is told about an application: by email always, by SMS or WhatsApp when the
parent gave a number and agreed. Everything goes through the outbox (bot.notifications.delivery)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from bot.nlg.facts import bullets, long_date, policy_facts
from bot.store.application_models import Application, StatusChange
from bot.store.models import Account, OutboxMessage
from bot.web.pages import catalog


def _params(session: Session, application: Application) -> dict[str, Any]:
    account = session.get(Account, application.account_id)
    return {
        **policy_facts(catalog(), application.language),
        "first_name": account.first_name if account else "",
        "student": f"{application.student_first_name} {application.student_last_name}",
        "confirmation_number": application.confirmation_number,
        "email": account.email if account else None,
    }


def _queue(session: Session, application: Application, kind: str, params: dict[str, Any], sms: bool) -> None:
    text, locale = catalog().text, application.language
    if params.get("email"):
        session.add(
            OutboxMessage(
                channel="email",
                recipient=params["email"],
                subject=text(f"notices.{kind}.subject", locale, **params),
                body=text(f"notices.{kind}.body", locale, **params),
            )
        )
    if sms and application.notifications_opt_in and application.phone:
        channel = "whatsapp" if application.phone_channel == "whatsapp" else "sms"
        session.add(
            OutboxMessage(
                channel=channel,
                recipient=application.phone,
                subject="",
                body=text(f"notices.{kind}.sms", locale, **params),
            )
        )


def queue_confirmation(
    session: Session, application: Application, upload_link: str, documents: list[str]
) -> None:
    """The submission email: confirmation number, the documents for the reason, the upload link."""
    names = [catalog().text(f"documents.{code}", application.language) for code in documents]
    params = {
        **_params(session, application),
        "upload_link": upload_link,
        "document_list": bullets(catalog(), application.language, names),
    }
    _queue(session, application, "confirmation", params, sms=False)


def queue_status_notice(session: Session, application: Application, change: StatusChange) -> None:
    """Tell the parent the new status, in their language."""
    text, locale, status = catalog().text, application.language, change.to_status
    params = _params(session, application)
    params.update(
        status_name=text(f"notices.status_name.{status}", locale),
        meaning=text(f"status.meaning.{status}", locale, **params),
        next=text(f"status.next.{status}", locale, **params),
    )
    _queue(session, application, "status", params, sms=True)


def queue_deadline_warning(session: Session, application: Application, abandonment_date: date) -> None:
    """Documents still missing: the application is abandoned on `abandonment_date` unless they arrive."""
    from bot.applications.status_facts import missing_documents
    from bot.uploads.service import upload_link

    locale = application.language
    names = [catalog().text(f"documents.{code}", locale) for code in missing_documents(application)]
    params = {
        **_params(session, application),
        "date": long_date(catalog(), locale, abandonment_date),
        "document_list": bullets(catalog(), locale, names),
        "upload_link": upload_link(application.id),
    }
    _queue(session, application, "deadline_warning", params, sms=True)
