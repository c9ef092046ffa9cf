"""The dashboard: what the assistant saves the help desk, in charts and the tables they draw.

The conversation figures come from the deflection report's own function, so they equal
`python -m bot.helpdesk.report --from … --to …` for the same days.
"""

from __future__ import annotations

import asyncio
import json
from datetime import date
from functools import partial
from pathlib import Path
from typing import Final

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, raw

from bot.core.clock import district_today
from bot.helpdesk.dashboard import DashboardFigures, dashboard_figures, default_period
from bot.rules.staff_roles import Role
from bot.staff.audit import record_staff_action
from bot.web.staff.guard import STAFF_HEADERS, current_staff, refusal, render_staff, staff_page

#: Files the console's pages load from /staff/static/: our own scripts, and Chart.js as vendored
#: by `make console-assets` (missing until then: the tables alone still show every figure).
ASSETS: Final = {
    "dashboard.js": Path(__file__).resolve().parent / "assets" / "dashboard.js",
    "chart.umd.js": Path(__file__).resolve().parents[1] / "static" / "staff" / "chart.umd.js",
}
MAX_DAYS: Final = 92


def _day(value: object, default: date) -> date:
    try:
        return date.fromisoformat(str(value)) if value else default
    except ValueError:
        return default


def chart_data(figures: DashboardFigures) -> str:
    """The figures the charts draw, as JSON for the page's data block."""
    series = sorted({key for day in figures.per_day for key in day.conversations})
    topics = figures.total.answered_by_topic.most_common()
    handoffs = figures.handoff_reasons.most_common()
    rejections = figures.rejections_by_reason.most_common()
    return json.dumps(
        {
            "days": [day.day.isoformat() for day in figures.per_day],
            "per_day": [
                {"label": key, "values": [day.conversations.get(key, 0) for day in figures.per_day]}
                for key in series
            ],
            "topics": {"labels": [t for t, _ in topics], "values": [n for _, n in topics]},
            "handoffs": {"labels": [t for t, _ in handoffs], "values": [n for _, n in handoffs]},
            "rejections": {"labels": [t for t, _ in rejections], "values": [n for _, n in rejections]},
        }
    ).replace("<", "\\u003c")  # never closes the data block early


def add_dashboard_routes(app: Sanic) -> None:
    """GET /staff/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD and the console's static scripts."""

    @app.get("/staff/dashboard")
    @staff_page(Role.REVIEWER)
    async def staff_dashboard(request: Request) -> HTTPResponse:
        staff = current_staff(request)
        first_default, last_default = default_period(district_today())
        last = _day(request.args.get("to"), last_default)
        first = _day(request.args.get("from"), first_default)
        if first > last or (last - first).days >= MAX_DAYS:
            first, last = default_period(last)
        figures = await asyncio.to_thread(partial(dashboard_figures, first, last))
        await asyncio.to_thread(
            record_staff_action, staff.actor, "dashboard_viewed", "dashboard", f"{first}..{last}"
        )
        return render_staff(
            request,
            "staff/dashboard.html",
            figures=figures,
            chart_json=chart_data(figures),
            series=sorted({key for day in figures.per_day for key in day.conversations}),
        )

    @app.get("/staff/static/<name:str>")
    async def staff_static(request: Request, name: str) -> HTTPResponse:
        path = ASSETS.get(name)
        if path is None or not path.is_file():
            return refusal(request, 404)
        headers = {**STAFF_HEADERS, "Cache-Control": "public, max-age=3600"}
        return raw(path.read_bytes(), content_type="text/javascript; charset=utf-8", headers=headers)
