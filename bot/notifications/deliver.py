"""`python -m bot.notifications.deliver [--loop SECONDS]`: deliver the outbox on every channel.

One pass by default (cron, `make deliver-mail`); `--loop 60` keeps running, one pass a minute.
Exit status 0, also when messages stay pending: they are retried on the next pass.
"""

from __future__ import annotations

import argparse
import asyncio
import logging

from bot.notifications.delivery import DeliveryReport, deliver_outbox

logger = logging.getLogger("bot.notifications.deliver")


def describe(report: DeliveryReport) -> str:
    """One line for the operator (English; staff output)."""
    return (
        f"sent {report.emails} emails and {report.texts} texts; {report.failed} failed (retried later); "
        f"{report.not_configured} wait for a channel that is not configured; "
        f"{report.given_up} pending after too many attempts"
    )


async def run(loop_seconds: float | None) -> None:
    """One pass, or a pass every `loop_seconds` until interrupted."""
    while True:
        print(describe(await deliver_outbox()), flush=True)
        if loop_seconds is None:
            return
        await asyncio.sleep(loop_seconds)


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and deliver."""
    parser = argparse.ArgumentParser(prog="python -m bot.notifications.deliver", description=__doc__)
    parser.add_argument("--loop", type=float, metavar="SECONDS", help="keep delivering, a pass every SECONDS")
    args = parser.parse_args(argv)
    if args.loop is not None and args.loop <= 0:
        parser.error("--loop needs a positive number of seconds")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        asyncio.run(run(args.loop))
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
