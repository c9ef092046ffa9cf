"""Texts (SMS and WhatsApp) through Twilio's REST API, with aiohttp.

Credentials come only from the environment: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
TWILIO_SMS_FROM ("+1…"), TWILIO_WHATSAPP_FROM ("+1…" or "whatsapp:+1…") and TWILIO_API_BASE
(default https://api.twilio.com; tests point it at a local server).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import aiohttp

from bot.core import settings

WHATSAPP_PREFIX = "whatsapp:"
TIMEOUT_SECONDS = 20


class TwilioRefused(RuntimeError):
    """Twilio answered with an error (its HTTP status and error code are in the message)."""


@dataclass(frozen=True)
class TwilioAccount:
    """The account and our numbers, read from the environment."""

    account_sid: str
    auth_token: str
    sms_from: str
    whatsapp_from: str
    api_base: str

    @classmethod
    def from_env(cls) -> TwilioAccount:
        """The TWILIO_* environment variables (empty strings when unset)."""
        twilio = settings.twilio()
        return cls(
            account_sid=twilio.account_sid,
            auth_token=twilio.auth_token,
            sms_from=twilio.sms_from,
            whatsapp_from=twilio.whatsapp_from,
            api_base=twilio.api_base,
        )

    def configured(self, channel: str) -> bool:
        """Whether texts on `channel` (sms | whatsapp) can be sent with these settings."""
        if not (self.account_sid and self.auth_token):
            return False
        return bool(self.whatsapp_from if channel == "whatsapp" else self.sms_from)

    def basic_auth(self) -> str:
        """The HTTP Basic Authorization header value (account SID and auth token)."""
        pair = f"{self.account_sid}:{self.auth_token}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")

    def messages_url(self) -> str:
        """The Messages resource of the account."""
        return f"{self.api_base}/2010-04-01/Accounts/{self.account_sid}/Messages.json"


async def send_text(
    http: aiohttp.ClientSession, account: TwilioAccount, channel: str, to: str, body: str
) -> str:
    """Create one message on `channel` to `to` (E.164); returns Twilio's message SID.

    Raises TwilioRefused when Twilio answers with an error, aiohttp errors when it cannot be reached.
    """
    if channel == "whatsapp":
        sender, to = (
            f"{WHATSAPP_PREFIX}{account.whatsapp_from}",
            f"{WHATSAPP_PREFIX}{to.removeprefix(WHATSAPP_PREFIX)}",
        )
    else:
        sender = account.sms_from
    async with http.post(
        account.messages_url(),
        data={"From": sender, "To": to, "Body": body},
        headers={"Authorization": account.basic_auth()},
        timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS),
    ) as response:
        try:
            answer = await response.json(content_type=None)
        except ValueError:  # a proxy's HTML error page, say
            answer = None
        if response.status >= 300:
            # Twilio's error code (e.g. 21211, invalid 'To') tells staff what went wrong.
            code = answer.get("code") if isinstance(answer, dict) else None
            raise TwilioRefused(f"Twilio answered {response.status} (error {code})")
        return str(answer.get("sid", "")) if isinstance(answer, dict) else ""
