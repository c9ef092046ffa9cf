"""Sends texts through Twilio's REST API with aiohttp: the Rasa server's event loop never blocks.

Settings come from the environment only (never from the repository):
TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_SMS_FROM ("+1…"), TWILIO_WHATSAPP_FROM ("+1…" or
"whatsapp:+1…"), TWILIO_API_BASE (default https://api.twilio.com; tests point it at a local server)
and TWILIO_PUBLIC_URL (the Rasa server's address as Twilio calls it, for signatures).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import aiohttp

from bot.core import settings
from bot.rasa_plugins.twilio_render import WHATSAPP_PREFIX, TwilioAddress

logger = logging.getLogger(__name__)
RETRIES = 3
TIMEOUT_SECONDS = 15


@dataclass(frozen=True)
class TwilioSettings(settings.TwilioSettings):
    """The account and numbers (bot.core.settings), read when the Rasa server starts."""

    @classmethod
    def from_env(cls) -> TwilioSettings:
        """The settings from TWILIO_* environment variables (empty when unset)."""
        return cls(**vars(settings.twilio()))

    def sender_for(self, address: TwilioAddress, fallback: str) -> str:
        """Our number on the parent's channel (`fallback`, the number they wrote to, if unset)."""
        if address.channel == "whatsapp":
            return f"{WHATSAPP_PREFIX}{self.whatsapp_from}" if self.whatsapp_from else fallback
        return self.sms_from or fallback


async def send_texts(settings: TwilioSettings, address: TwilioAddress, texts: list[str], sender: str) -> int:
    """POST each text, in order, as one Twilio message to `address`; returns how many were accepted.

    A refused or failing message is logged and retried (5xx, 429, network) a few times; the rest
    still go out, so that one bad message does not silence the answer.
    """
    url = f"{settings.api_base}/2010-04-01/Accounts/{settings.account_sid}/Messages.json"
    auth = aiohttp.BasicAuth(settings.account_sid, settings.auth_token)
    sent = 0
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(auth=auth, timeout=timeout) as session:
        for text in texts:
            form = {"From": sender, "To": address.twilio_address, "Body": text}
            if await _post(session, url, form):
                sent += 1
    return sent


async def _post(session: aiohttp.ClientSession, url: str, form: dict[str, str]) -> bool:
    for attempt in range(1, RETRIES + 1):
        try:
            async with session.post(url, data=form) as response:
                if response.status < 300:
                    return True
                detail = (await response.text())[:300]
                if response.status != 429 and response.status < 500:
                    logger.error("Twilio refused a message (%s): %s", response.status, detail)
                    return False
                logger.warning("Twilio answered %s (attempt %s): %s", response.status, attempt, detail)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.warning("Twilio unreachable (attempt %s): %s", attempt, error)
        await asyncio.sleep(0.5 * attempt)
    logger.error("A message to Twilio was given up after %s attempts.", RETRIES)
    return False
