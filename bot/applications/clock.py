"""The district's today: dates in rules (windows, deadlines) are Los Angeles dates."""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

DISTRICT_TIME_ZONE = ZoneInfo("America/Los_Angeles")


def district_today() -> date:
    """Today in Los Angeles; `PERMITS_TODAY` (YYYY-MM-DD) fixes it for demonstrations and tests."""
    fixed = os.environ.get("PERMITS_TODAY")
    if fixed:
        return date.fromisoformat(fixed)
    return datetime.now(DISTRICT_TIME_ZONE).date()
