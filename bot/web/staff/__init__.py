"""The Office of Permits' web console under /staff/: sign-in, applications, documents, missed
questions and the dashboard. bot/web/staff/guard.py holds what every page uses (docs/staff-console.md)."""

from __future__ import annotations

from sanic import Sanic

from bot.web.staff.accounts import add_account_routes
from bot.web.staff.applications import add_application_routes
from bot.web.staff.dashboard import add_dashboard_routes
from bot.web.staff.documents import add_document_routes
from bot.web.staff.inbox import add_inbox_routes
from bot.web.staff.missed_questions import add_missed_question_routes
from bot.web.staff.sign_in import add_sign_in_routes
from bot.web.staff.tickets import add_ticket_routes


def add_staff_routes(app: Sanic) -> None:
    """Every /staff/ route of the console."""
    add_sign_in_routes(app)
    add_application_routes(app)
    add_document_routes(app)
    add_missed_question_routes(app)
    add_dashboard_routes(app)
    add_account_routes(app)
    add_ticket_routes(app)
    add_inbox_routes(app)
