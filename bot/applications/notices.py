"""Queue what a parent is told about an application, in the parent's language.

Email always goes to the account's address; an SMS or WhatsApp text goes too when the parent gave a
number and agreed (`notifications_opt_in`). Nothing is sent here: the messages are added to the
caller's unit of work (bot.store.models.OutboxMessage), so a notice is stored with the change it
reports, or not at all, and the delivery worker (bot.notifications.worker) sends it. The words live in
bot/locales/notices.<locale>.yml.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from bot.core.facts import bullets, long_date, policy_facts
from bot.core.text import catalog
from bot.store.application_models import Application, StatusChange
from bot.store.models import Account, OutboxMessage


def _params(session: Session, application: Application) -> dict[str, object]:
    """Placeholders every notice may use."""
    account = session.get(Account, application.account_id)
    return {
        **policy_facts(catalog(), application.language),
        "first_name": account.first_name if account else "",
        "email": account.email if account else "",
        "student": f"{application.student_first_name} {application.student_last_name}",
        "confirmation_number": application.confirmation_number,
        "school": application.requested_school_name,
        "residence_district": application.residence_district_name,
    }


def _email_body(locale: str, key: str, params: dict[str, object]) -> str:
    """Greeting, the notice itself and the office's signature."""
    text = catalog().text
    parts = (
        text("notices.greeting", locale, **params),
        text(f"{key}.body", locale, **params),
        text("notices.signature", locale, **params),
    )
    return "\n\n".join(parts)


def text_channel(application: Application) -> str | None:
    """`sms` or `whatsapp` when the parent agreed to texts and gave a number, else None."""
    if not (application.notifications_opt_in and application.phone):
        return None
    return "whatsapp" if application.phone_channel == "whatsapp" else "sms"


def _queue(
    session: Session, application: Application, key: str, params: dict[str, object], texts: bool
) -> None:
    """Add the email (and the text, when `texts` and the parent agreed) to the session."""
    text, locale = catalog().text, application.language
    if params["email"]:
        session.add(
            OutboxMessage(
                channel="email",
                recipient=str(params["email"]),
                subject=text(f"{key}.subject", locale, **params),
                body=_email_body(locale, key, params),
            )
        )
    channel = text_channel(application) if texts else None
    if channel is not None and application.phone:
        body = text(f"{key}.sms", locale, **params)
        if channel == "sms":  # WhatsApp has its own opt-out; an SMS must say how to stop
            body = f"{body} {text('notices.sms_stop', locale)}"
        session.add(OutboxMessage(channel=channel, recipient=application.phone, subject="", body=body))


def queue_status_notice(session: Session, application: Application, change: StatusChange) -> None:
    """Queue the notice of `change` (its new status) for the parent, in the caller's session.

    One email to the account's address; one SMS or WhatsApp message as well when the parent
    opted in and gave a phone number.
    """
    key = f"notices.status.{change.to_status}"
    _queue(session, application, key, _params(session, application), texts=True)


def queue_deadline_warning(session: Session, application: Application, abandonment_date: date) -> None:
    """Queue the warning that documents are missing and the application closes on `abandonment_date`."""
    # Imported here: these modules import the store and the web signing key, not notices.
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
    _queue(session, application, "notices.deadline_warning", params, texts=True)


def queue_confirmation(
    session: Session, application: Application, upload_link: str, documents: list[str]
) -> None:
    """Queue the submission email: confirmation number, documents to upload, link, 30-day rule.

    `documents` are document codes of bot/policy/permits.yml (named in documents.<locale>.yml).
    """
    locale = application.language
    names = [catalog().text(f"documents.{code}", locale) for code in documents]
    params = {
        **_params(session, application),
        "document_list": bullets(catalog(), locale, names),
        "upload_link": upload_link,
    }
    _queue(session, application, "notices.confirmation", params, texts=False)
