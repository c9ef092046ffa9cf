"""Where mail goes: an SMTP server when SMTP_HOST/SMTP_PORT are set, else .eml files in var/outbox/."""

from __future__ import annotations

import logging
import os
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib

from bot.core.settings import PROJECT_ROOT
from bot.privacy.files import private_folder, write_private_bytes

logger = logging.getLogger(__name__)


def sender_address() -> str:
    """The notification-only From address (MAIL_FROM)."""
    return os.environ.get("MAIL_FROM", "no-reply-permits@lausd.example")


def outbox_dir() -> Path:
    """Folder of .eml files when no SMTP server is configured (OUTBOX_DIR, default var/outbox)."""
    return Path(os.environ.get("OUTBOX_DIR", PROJECT_ROOT / "var" / "outbox"))


def build_message(recipient: str, subject: str, body: str) -> EmailMessage:
    """A plain-text UTF-8 email."""
    message = EmailMessage()
    message["From"] = sender_address()
    message["To"] = recipient
    message["Subject"] = subject
    message.set_content(body)
    return message


async def deliver(message: EmailMessage, message_id: int) -> None:
    """Send one message; raises when the SMTP server cannot take it."""
    host = os.environ.get("SMTP_HOST")
    if host:
        await aiosmtplib.send(
            message,
            hostname=host,
            port=int(os.environ.get("SMTP_PORT", "25")),
            username=os.environ.get("SMTP_USERNAME") or None,
            password=os.environ.get("SMTP_PASSWORD") or None,
            start_tls=os.environ.get("SMTP_STARTTLS", "") == "1",
            timeout=10,
        )
        return
    path = private_folder(outbox_dir()) / f"{message_id:06d}.eml"
    # Local development: open the file for the link. Its links are live, so it is the owner's
    # alone (0600) and the log names the file only, never a link or an address.
    write_private_bytes(path, bytes(message))
    logger.warning("Mail written to %s (no SMTP_HOST set).", path)
