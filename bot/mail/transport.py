"""Where mail goes: an SMTP server when SMTP_HOST/SMTP_PORT are set, else .eml files in var/outbox/."""

from __future__ import annotations

import logging
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib

from bot.core import settings
from bot.privacy.files import private_folder, write_private_bytes

logger = logging.getLogger(__name__)


def sender_address() -> str:
    """The notification-only From address (MAIL_FROM)."""
    return settings.MAIL_FROM.value()


def outbox_dir() -> Path:
    """Folder of .eml files when no SMTP server is configured (OUTBOX_DIR, default var/outbox)."""
    return settings.outbox_dir()


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
    smtp = settings.smtp()
    if smtp.host:
        await aiosmtplib.send(
            message,
            hostname=smtp.host,
            port=smtp.port,
            username=smtp.username,
            password=smtp.password,
            start_tls=smtp.start_tls,
            timeout=smtp.timeout_seconds,
        )
        return
    path = private_folder(outbox_dir()) / f"{message_id:06d}.eml"
    # Local development: open the file for the link. Its links are live, so it is the owner's
    # alone (0600) and the log names the file only, never a link or an address.
    write_private_bytes(path, bytes(message))
    logger.warning("Mail written to %s (no SMTP_HOST set).", path)
