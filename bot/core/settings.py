"""Every environment variable the Python code reads, with its default and what it is for.

Nothing else in ``bot/`` or ``actions/`` reads ``os.environ`` (tests/unit/test_architecture.py
checks it). Values are read when asked for, not at import, so a test or a script can set a
variable before the first use. ``python -m bot.core.settings`` lists them all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = PROJECT_ROOT / "var"


@dataclass(frozen=True)
class Variable:
    """One environment variable: its name, the default used when it is unset or empty, its meaning."""

    name: str
    default: str
    meaning: str

    def value(self) -> str:
        """The variable's value, or the default when it is unset or empty."""
        return os.environ.get(self.name) or self.default


def _var(name: str, default: str | Path, meaning: str) -> Variable:
    variable = Variable(name, str(default), meaning)
    VARIABLES[name] = variable
    return variable


VARIABLES: dict[str, Variable] = {}

DATABASE_URL = _var(
    "DATABASE_URL", f"sqlite:///{VAR_DIR / 'permits.db'}", "the application database (SQLAlchemy URL)"
)
TRACKER_STORE_URL = _var(
    "TRACKER_STORE_URL", f"sqlite:///{VAR_DIR / 'tracker.db'}", "Rasa's conversation store (SQLAlchemy URL)"
)
SECRET_KEY = _var("SECRET_KEY", "", "the project secret; empty: a random key kept in SECRET_KEY_FILE")
SECRET_KEY_FILE = _var("SECRET_KEY_FILE", VAR_DIR / "secret.key", "where the random secret is kept (0600)")
PUBLIC_BASE_URL = _var("PUBLIC_BASE_URL", "http://localhost:8080", "the web pages' address in links")
PERMITS_TODAY = _var("PERMITS_TODAY", "", "a fixed district date YYYY-MM-DD for demonstrations and tests")
UPLOADS_DIR = _var("UPLOADS_DIR", VAR_DIR / "uploads", "where uploaded documents are stored")
SCHOOLS_FILE = _var("SCHOOLS_FILE", "", "an imported CDE directory file; empty: the shipped extract")
NLU_REVIEW_DIR = _var(
    "NLU_REVIEW_DIR", PROJECT_ROOT / "data" / "nlu" / "review", "where the console exports labelled missed questions"
)
WEB_HOST = _var("WEB_HOST", "127.0.0.1", "the interface the web pages listen on (behind the proxy)")
WEB_PORT = _var("WEB_PORT", "8080", "the web pages' port")
ACTIONS_PORT = _var("ACTIONS_PORT", "5055", "the action server's port")
ACTION_SERVER_HOST = _var("ACTION_SERVER_HOST", "127.0.0.1", "the interface the action server listens on")
ACTION_SERVER_TOKEN = _var("ACTION_SERVER_TOKEN", "", "the secret the Rasa server sends the action server")
LOG_LEVEL = _var("LOG_LEVEL", "INFO", "the action server's log level")
RASA_PORT = _var("RASA_PORT", "5005", "the Rasa server's port (the widget page and the chat shell)")
RASA_PUBLIC_URL = _var("RASA_PUBLIC_URL", "", "the Rasa server's address as browsers reach it")
MAIL_FROM = _var("MAIL_FROM", "no-reply-permits@lausd.example", "the notification-only From address")
OUTBOX_DIR = _var("OUTBOX_DIR", VAR_DIR / "outbox", "where mail is written as .eml files without SMTP_HOST")
SMTP_HOST = _var("SMTP_HOST", "", "the mail server; empty: mail is written to OUTBOX_DIR")
SMTP_PORT = _var("SMTP_PORT", "25", "the mail server's port")
SMTP_USERNAME = _var("SMTP_USERNAME", "", "the mail server login (optional)")
SMTP_PASSWORD = _var("SMTP_PASSWORD", "", "the mail server password (optional)")
SMTP_STARTTLS = _var("SMTP_STARTTLS", "", "1: upgrade the SMTP connection with STARTTLS")
SMTP_TIMEOUT_SECONDS = _var("SMTP_TIMEOUT_SECONDS", "10", "how long one SMTP conversation may take")
DELIVERY_POLL_SECONDS = _var(
    "DELIVERY_POLL_SECONDS", "1", "how often the delivery worker looks for pending messages"
)
TWILIO_ACCOUNT_SID = _var("TWILIO_ACCOUNT_SID", "", "the Twilio account (texts); empty: no texts")
TWILIO_AUTH_TOKEN = _var("TWILIO_AUTH_TOKEN", "", "the Twilio auth token")
TWILIO_SMS_FROM = _var("TWILIO_SMS_FROM", "", "our SMS number, +1…")
TWILIO_WHATSAPP_FROM = _var("TWILIO_WHATSAPP_FROM", "", "our WhatsApp number, +1… or whatsapp:+1…")
TWILIO_API_BASE = _var("TWILIO_API_BASE", "https://api.twilio.com", "Twilio's API (tests: a local server)")
TWILIO_PUBLIC_URL = _var("TWILIO_PUBLIC_URL", "", "the Rasa server's address as Twilio calls it (signatures)")
OFFICE_HOURS_FILE = _var(
    "OFFICE_HOURS_FILE", "", "when people answer live hand-offs; empty: bot/policy/office_hours.yml"
)
OFFICE_HOURS_NOW = _var(
    "OFFICE_HOURS_NOW", "", "a fixed moment (ISO 8601 with offset) for office-hours decisions in tests"
)
RASA_RELAY_URLS = _var(
    "RASA_RELAY_URLS",
    "",
    "the Rasa servers' base URLs (space-separated) the inbox sends agents' lines through; "
    "empty: http://127.0.0.1:$RASA_PORT",
)


def database_url() -> str:
    """The application database's SQLAlchemy URL."""
    return DATABASE_URL.value()


def tracker_store_url() -> str:
    """The conversation store's SQLAlchemy URL."""
    return TRACKER_STORE_URL.value()


def public_base_url() -> str:
    """Where parents reach the project's web pages, without a trailing slash."""
    return PUBLIC_BASE_URL.value().rstrip("/")


def uploads_dir() -> Path:
    """The folder of uploaded documents."""
    return Path(UPLOADS_DIR.value())


def outbox_dir() -> Path:
    """The folder of .eml files written when no SMTP server is configured."""
    return Path(OUTBOX_DIR.value())


def schools_file() -> Path | None:
    """An imported CDE directory file, or None for the shipped extract."""
    configured = SCHOOLS_FILE.value()
    return Path(configured) if configured else None


def rasa_public_url() -> str:
    """The Rasa server's address as the parent's browser reaches it."""
    return (RASA_PUBLIC_URL.value() or f"http://localhost:{RASA_PORT.value()}").rstrip("/")


def delivery_poll_seconds() -> float:
    """Seconds between two looks of the delivery worker at the outbox."""
    return float(DELIVERY_POLL_SECONDS.value())


@dataclass(frozen=True)
class SmtpSettings:
    """The mail server, or host "" when mail is written to files."""

    host: str
    port: int
    username: str | None
    password: str | None
    start_tls: bool
    timeout_seconds: float


def smtp() -> SmtpSettings:
    """The SMTP_* variables."""
    return SmtpSettings(
        host=SMTP_HOST.value(),
        port=int(SMTP_PORT.value()),
        username=SMTP_USERNAME.value() or None,
        password=SMTP_PASSWORD.value() or None,
        start_tls=SMTP_STARTTLS.value() == "1",
        timeout_seconds=float(SMTP_TIMEOUT_SECONDS.value()),
    )


@dataclass(frozen=True)
class TwilioSettings:
    """The Twilio account, our numbers (WhatsApp without its prefix) and the addresses."""

    account_sid: str
    auth_token: str
    sms_from: str
    whatsapp_from: str
    api_base: str
    public_url: str


def twilio() -> TwilioSettings:
    """The TWILIO_* variables (empty strings when unset)."""
    return TwilioSettings(
        account_sid=TWILIO_ACCOUNT_SID.value(),
        auth_token=TWILIO_AUTH_TOKEN.value(),
        sms_from=TWILIO_SMS_FROM.value(),
        whatsapp_from=TWILIO_WHATSAPP_FROM.value().removeprefix("whatsapp:"),
        api_base=TWILIO_API_BASE.value().rstrip("/"),
        public_url=TWILIO_PUBLIC_URL.value().rstrip("/"),
    )


if __name__ == "__main__":
    for variable in VARIABLES.values():
        print(f"{variable.name}={variable.default!s:<40} # {variable.meaning}")
