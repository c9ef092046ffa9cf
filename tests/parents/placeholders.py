"""Filling a turn's placeholders ({email}, {signin_code}, {number} ...) for one conversation."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from functools import cache
from pathlib import Path
from typing import Any, Protocol

SIGNIN_CODE = re.compile(r"\b(\d{6})\b")
LINK = re.compile(r"https?://\S+")
HUMAN_CHECK = re.compile(r"(?<!\d)(\d(?:[ \u00a0]\d){3,7})(?!\d)")
CONFIRMATION_NUMBER = re.compile(r"\bLA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]\b")
ACTIVATION_LINK = re.compile(r"https?://\S+/activate/[^\s\"<>]+")
#: Seconds without new mail after which everything asked for has arrived (the delivery worker
#: looks every second: DELIVERY_POLL_SECONDS).
MAIL_SETTLE_SECONDS = 1.5
LOCALES = Path(__file__).resolve().parents[2] / "bot" / "locales"


@cache
def example_numbers() -> frozenset[str]:
    """Confirmation numbers the catalogs use as examples ("It looks like LA-7K3M-9QX2-R")."""
    found: set[str] = set()
    for path in LOCALES.glob("*.yml"):
        found.update(CONFIRMATION_NUMBER.findall(path.read_text(encoding="utf-8")))
    return frozenset(found)


class MailSource(Protocol):
    """What the runner needs from the mailbox: every message received so far."""

    messages: list[EmailMessage]


class PlaceholderMissing(Exception):
    """A placeholder that cannot be filled (e.g. no sign-in code was ever mailed)."""


def body_of(message: EmailMessage) -> str:
    """The plain text of an email (every text part)."""
    parts = message.walk() if message.is_multipart() else [message]
    texts = []
    for part in parts:
        if part.get_content_maintype() == "text":
            try:
                texts.append(str(part.get_content()))
            except (LookupError, ValueError):
                raw = part.get_payload(decode=True)
                texts.append(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw or ""))
    return "\n".join(texts)


@dataclass
class ConversationState:
    """What one conversation knows beyond its text: its fixtures, mail seen, numbers shown."""

    mailbox: MailSource
    new_email: str
    page_language: str = "en"
    email: str | None = None
    parent_first_name: str | None = None
    number: str | None = None
    birthdate: str | None = None
    given_number: bool = False
    mail_timeout: float = 25.0
    used_codes: set[str] = field(default_factory=set)
    last_replies: list[str] = field(default_factory=list)

    def addresses(self) -> set[str]:
        """The addresses this conversation's parent reads."""
        return {a for a in (self.email, self.new_email) if a}

    def mail(self) -> list[EmailMessage]:
        """The messages sent to this parent so far, oldest first."""
        addresses = self.addresses()
        return [m for m in list(self.mailbox.messages) if str(m["To"]) in addresses]

    def saw_replies(self, texts: list[str]) -> None:
        """Remember the bot's latest replies (human check digits, a confirmation number shown)."""
        self.last_replies = texts
        for text in texts:
            shown = [n for n in CONFIRMATION_NUMBER.findall(text) if n not in example_numbers()]
            if shown and not self.given_number:
                self.number = shown[-1]

    def _settle(self) -> None:
        """Wait until no new mail has come for a delivery pass (the worker sends every second): a
        code asked for a moment ago is in the outbox still, and the older one must not be typed."""
        deadline = time.monotonic() + self.mail_timeout
        count, changed = len(self.mail()), time.monotonic()
        while time.monotonic() - changed < MAIL_SETTLE_SECONDS and time.monotonic() < deadline:
            time.sleep(0.2)
            if len(self.mail()) != count:
                count, changed = len(self.mail()), time.monotonic()

    def _wait_for(self, find: Any, what: str) -> str:
        self._settle()
        deadline = time.monotonic() + self.mail_timeout
        while True:
            for message in reversed(self.mail()):
                found = find(message)
                if found:
                    return str(found)
            if time.monotonic() > deadline:
                raise PlaceholderMissing(f"{what} never arrived by email to {sorted(self.addresses())}")
            time.sleep(0.3)

    def signin_code(self) -> str:
        """The newest 6-digit code mailed to this parent that was not typed yet."""

        def find(message: EmailMessage) -> str | None:
            words = LINK.sub(" ", body_of(message))  # a link's token may hold six digits in a row
            codes = [c for c in SIGNIN_CODE.findall(words) if c not in self.used_codes]
            return codes[0] if codes else None

        code = self._wait_for(find, "a sign-in code")
        self.used_codes.add(code)
        return code

    def activation_link(self) -> str:
        """The newest activation link mailed to this parent."""

        def find(message: EmailMessage) -> str | None:
            found = ACTIVATION_LINK.search(body_of(message))
            return found.group(0) if found else None

        return self._wait_for(find, "an activation link")

    def human_check(self) -> str:
        """The digits the assistant last asked the parent to type."""
        for text in reversed(self.last_replies):
            found = HUMAN_CHECK.findall(text)
            if found:
                return re.sub(r"\D", "", found[-1])
        raise PlaceholderMissing("the assistant asked for no numbers to type")

    def value(self, name: str) -> str:
        """The value of one placeholder."""
        if name == "new_email":
            return self.new_email
        if name == "signin_code":
            return self.signin_code()
        if name == "human_check":
            return self.human_check()
        if name in ("number", "number_lower_spaced"):
            if not self.number:
                raise PlaceholderMissing("no confirmation number (no given application, none shown)")
            return self.number if name == "number" else self.number.lower().replace("-", " ")
        if name in ("birthdate", "birthdate_us"):
            if not self.birthdate:
                raise PlaceholderMissing("no given application with a birth date")
            year, month, day = self.birthdate.split("-")
            return self.birthdate if name == "birthdate" else f"{month}/{day}/{year}"
        if name == "email":
            if not self.email:
                raise PlaceholderMissing("{email} needs `given: account`")
            return self.email
        if name == "parent_first_name":
            if not self.parent_first_name:
                raise PlaceholderMissing("{parent_first_name} needs `given: account`")
            return self.parent_first_name
        raise PlaceholderMissing(f"unknown placeholder {name}")

    def fill(self, text: str) -> str:
        """`text` with every placeholder replaced."""
        return re.sub(r"\{([a-z_]+)\}", lambda m: self.value(m.group(1)), text)
