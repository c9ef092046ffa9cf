"""`python -m bot.notifications.worker [--once]`: the process that delivers the outbox.

Actions and web pages only add messages to the outbox, in the same transaction as the data they
report; this worker sends them (email, SMS, WhatsApp), so a parent's reply never waits on an SMTP
server or Twilio. It looks every DELIVERY_POLL_SECONDS (default 1); when a pass fails as a whole
(the database is down) it waits longer each time, up to a minute. Each message backs off on its own
(bot.notifications.delivery). ``--once`` makes one pass and exits (``make deliver-mail``, cron).
"""

from __future__ import annotations

import argparse
import asyncio
import logging

from bot.core.settings import delivery_poll_seconds
from bot.notifications.delivery import DeliveryReport, deliver_outbox

logger = logging.getLogger(__name__)
MAX_PAUSE_SECONDS = 60.0


def describe(report: DeliveryReport) -> str:
    """One line for the operator (English; staff output)."""
    return (
        f"sent {report.emails} emails and {report.texts} texts; {report.failed} failed (retried later); "
        f"{report.not_configured} wait for a channel that is not configured; "
        f"{report.given_up} pending after too many attempts"
    )


async def run_forever(poll_seconds: float) -> None:
    """Deliver what is due, then look again after `poll_seconds` (longer after a failed pass)."""
    failures = 0
    while True:
        try:
            report = await deliver_outbox()
        except Exception:  # the database is unreachable: keep the worker alive, try again later
            failures += 1
            logger.exception("Delivery pass failed (%s in a row)", failures)
        else:
            failures = 0
            if report.emails or report.texts or report.failed:
                logger.info(describe(report))
        await asyncio.sleep(min(poll_seconds * 2**failures, MAX_PAUSE_SECONDS))


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and deliver, once or until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m bot.notifications.worker", description=__doc__)
    parser.add_argument("--once", action="store_true", help="one delivery pass, then exit")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.once:
            print(describe(asyncio.run(deliver_outbox())), flush=True)
        else:
            asyncio.run(run_forever(delivery_poll_seconds()))
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
