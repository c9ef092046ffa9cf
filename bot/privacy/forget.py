"""The right to delete: everything the district's assistant keeps about one parent account.

Deleted: the account and what hangs on it (applications with their documents, files and status
history, sign-in codes, used links), tickets opened by the account or giving its email as the
contact, outbox messages to its address, rate-limit counters keyed by its address, its
conversations, and the hand-offs to a person (with their transcripts) of those conversations, of
the account, or answered after hours to its address (``reply_address_key``). Conversations are
found two ways, because the tracker store never holds the address in readable form: (1) the keyed
digest the redacting tracker store writes next to a sealed email slot (``value_key``), (2) the
keyed digests of sender ids stored with the account's sign-in codes, tickets and status lookups,
compared with every sender id in the store. A conversation where the parent never typed the
address and never signed in cannot be linked to the account; the retention period deletes it. One
AuditEntry records who asked and how much was deleted; its subject is ``account:<id>`` (or
``email:<digest>`` when no account exists), never the address.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, delete, func, or_, select
from sqlalchemy.orm import Session

from bot.core.secrets import conversation_digest, keyed_digest
from bot.privacy.conversations import (
    delete_conversations,
    senders_with_email,
    senders_with_keys,
    tracker_engine,
)
from bot.privacy.documents import remove_files
from bot.privacy.handoffs import delete_handoffs, handoffs_of
from bot.rules.email_address import canonical_email, email_digest
from bot.store.application_models import Application, ApplicationDocument
from bot.store.database import unit_of_work
from bot.store.models import Account, OutboxMessage
from bot.store.service_models import AuditEntry, RateEvent, SignInCode, StatusLookup, Ticket


@dataclass
class ForgetReport:
    """What forgetting one account deleted (or would delete, in a dry run)."""

    subject: str
    counts: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def describe(self) -> str:
        """One line for the staff command line."""
        verb = "would delete" if self.dry_run else "deleted"
        parts = ", ".join(f"{count} {what}" for what, count in self.counts.items())
        return f"{self.subject}: {verb} {parts}"


def forget_account(email: str, *, by: str, dry_run: bool = False) -> ForgetReport:
    """Delete everything about the account with ``email``; ``by`` (the staff member) goes to the audit log."""
    address = canonical_email(email)
    if not address or not by.strip():
        raise ValueError("an email address and the name of the staff member are required")
    engine = tracker_engine()
    try:
        with unit_of_work() as session:
            report, names, senders = _delete_rows(session, engine, address, by.strip()[:80], dry_run)
        if not dry_run:  # files and conversations go once the rows are committed
            report.counts["files"] = remove_files(names)
            delete_conversations(engine, senders)
    finally:
        engine.dispose()
    return report


def _delete_rows(
    session: Session, engine: Engine, address: str, by: str, dry_run: bool
) -> tuple[ForgetReport, list[str], set[str]]:
    account = session.scalar(select(Account).where(Account.email_key == address))
    account_id = account.id if account else None
    subject = f"account:{account_id}" if account else f"email:{email_digest(address)[:16]}"
    applications = list(session.scalars(select(Application).where(Application.account_id == account_id)))
    numbers = [application.confirmation_number for application in applications]
    documents = list(
        session.scalars(
            select(ApplicationDocument).where(
                ApplicationDocument.application_id.in_([application.id for application in applications])
            )
        )
    )
    tickets = list(
        session.scalars(
            select(Ticket).where(or_(Ticket.account_id == account_id, func.lower(Ticket.contact) == address))
        )
    )
    outbox = list(
        session.scalars(select(OutboxMessage).where(func.lower(OutboxMessage.recipient) == address))
    )
    lookups = list(session.scalars(select(StatusLookup).where(StatusLookup.confirmation_number.in_(numbers))))
    codes = list(session.scalars(select(SignInCode).where(SignInCode.account_id == account_id)))
    keys = {code.conversation_key for code in codes} | {ticket.conversation_key for ticket in tickets}
    keys |= {lookup.conversation_key for lookup in lookups}
    senders = senders_with_email(engine, address) | senders_with_keys(engine, keys)
    conversation_keys = keys | {conversation_digest(sender) for sender in senders}
    handoffs = handoffs_of(session, conversation_keys, account_id, email_digest(address))
    report = ForgetReport(
        subject,
        {
            "accounts": 1 if account else 0,
            "applications": len(applications),
            "documents": len(documents),
            "tickets": len(tickets),
            "outbox messages": len(outbox),
            "conversations": len(senders),
            "hand-offs": len(handoffs),
        },
        dry_run,
    )
    if dry_run:
        return report, [], set()
    delete_handoffs(session, [handoff.id for handoff in handoffs])  # with their transcripts
    for row in [*documents, *lookups, *tickets, *outbox, *codes, *applications]:
        session.delete(row)  # status history and used links cascade in the database
    session.flush()  # children first: the account row goes last
    if account:
        session.delete(account)
    session.execute(delete(RateEvent).where(RateEvent.key_hash == keyed_digest(address)))
    session.add(AuditEntry(actor=by, action="account_forgotten", subject=subject, detail=report.describe()))
    return report, [document.stored_name for document in documents], senders
