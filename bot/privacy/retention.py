"""Retention: delete old conversations and uploaded documents; forget an account on request.

    python -m bot.privacy.retention --older-than-days 365 [--dry-run]
    python -m bot.privacy.retention --forget-account parent@example.com --by "staff name"

Both write an AuditEntry (who, what, how many) that is never deleted by this module; the audit
subject of a forgotten account is its id, never its email address.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from bot.core.secrets import conversation_digest
from bot.privacy.conversations import delete_conversations, senders_idle_since, tracker_engine
from bot.privacy.documents import remove_files
from bot.privacy.handoffs import purge_handoffs
from bot.store.application_models import ApplicationDocument
from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry

RETENTION_ACTOR = "retention"


@dataclass(frozen=True)
class PurgeReport:
    """What a purge deleted (or, in a dry run, would delete)."""

    conversations: int
    documents: int
    files: int
    dry_run: bool
    handoffs: int = 0  # hand-offs to a person, with their transcripts


def purge_older_than(days: int, *, dry_run: bool = False, now: datetime | None = None) -> PurgeReport:
    """Delete conversations idle for more than ``days`` days and documents uploaded before then,
    with the hand-offs to a person closed before then or belonging to those conversations."""
    if days < 1:
        raise ValueError("the retention period is at least one day")
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days)
    engine = tracker_engine()
    try:
        senders = senders_idle_since(engine, cutoff)
        expired = {conversation_digest(sender) for sender in senders}
        handoffs = purge_handoffs(cutoff, expired, dry_run=dry_run)
        with unit_of_work() as session:
            documents = list(
                session.scalars(select(ApplicationDocument).where(ApplicationDocument.uploaded_at < cutoff))
            )
            names = [document.stored_name for document in documents]
            if dry_run:
                return PurgeReport(len(senders), len(documents), 0, dry_run=True, handoffs=handoffs)
            for document in documents:
                session.delete(document)
            session.add(
                AuditEntry(
                    actor=RETENTION_ACTOR,
                    action="retention_purge",
                    subject=f"older_than_days:{days}",
                    detail=f"{len(senders)} conversations, {len(documents)} documents, {handoffs} hand-offs",
                )
            )
        # Files go after the rows are committed: a failed commit must not leave rows without files.
        files = remove_files(names)
        conversations = delete_conversations(engine, senders)
    finally:
        engine.dispose()
    return PurgeReport(conversations, len(documents), files, dry_run=False, handoffs=handoffs)


def main(argv: list[str] | None = None) -> int:
    """The staff command line (English-only technical output)."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.privacy.retention", description=__doc__.split("\n")[0]
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--older-than-days", type=int, metavar="N")
    mode.add_argument("--forget-account", metavar="EMAIL")
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    parser.add_argument("--by", metavar="STAFF", help="who asked (required with --forget-account)")
    args = parser.parse_args(argv)
    if args.forget_account:
        from bot.privacy.forget import forget_account

        if not args.by:
            parser.error("--forget-account needs --by STAFF (it is written to the audit log)")
        forgotten = forget_account(args.forget_account, by=args.by, dry_run=args.dry_run)
        print(forgotten.describe())
        return 0
    if args.older_than_days < 1:
        parser.error("--older-than-days must be at least 1")
    report = purge_older_than(args.older_than_days, dry_run=args.dry_run)
    verb = "would delete" if report.dry_run else "deleted"
    print(
        f"{verb}: {report.conversations} conversations, {report.documents} documents ({report.files} files), "
        f"{report.handoffs} hand-offs"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
