"""Agents' help-desk tickets: what parents asked a person for (masked summaries) and how to reach
them; an agent closes a ticket when it is answered (audited). Same services as `scripts/permits staff tickets`."""

from __future__ import annotations

import asyncio

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, redirect

from bot.helpdesk.tickets import close_ticket, open_tickets
from bot.rules.staff_roles import Role
from bot.staff.audit import record_staff_action
from bot.web.staff.guard import STAFF_HEADERS, current_staff, refusal, render_staff, staff_page

PATH = "/staff/tickets"


def add_ticket_routes(app: Sanic) -> None:
    """GET the open tickets, oldest first; POST a close."""

    @app.get(PATH)
    @staff_page(Role.AGENT)
    async def staff_tickets(request: Request) -> HTTPResponse:
        staff = current_staff(request)
        tickets = await asyncio.to_thread(open_tickets)
        await asyncio.to_thread(record_staff_action, staff.actor, "tickets_listed", "tickets")
        return render_staff(
            request, "staff/tickets.html", tickets=tickets, closed=request.args.get("closed") == "1"
        )

    @app.post(f"{PATH}/<ticket_id:int>/close")
    @staff_page(Role.AGENT)
    async def staff_close_ticket(request: Request, ticket_id: int) -> HTTPResponse:
        staff = current_staff(request)
        if not await asyncio.to_thread(close_ticket, ticket_id, staff.actor):
            return refusal(request, 404, staff)
        return redirect(f"{PATH}?closed=1", status=303, headers=STAFF_HEADERS)
