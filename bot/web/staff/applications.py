"""Reviewers' pages: the application list (filters, search) and one application with its actions.

Status changes go through bot.applications.status, like the CLI: the rules decide which moves are
allowed, each move writes the history, the audit entry and the parent's notice in their language.
"""

from __future__ import annotations

import asyncio
from datetime import date
from functools import partial
from urllib.parse import quote

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, redirect

from bot.applications.status import (
    ApplicationNotFound,
    TransitionRefused,
    change_status,
    mark_release_received,
    start_provisional_enrollment,
)
from bot.core.clock import district_today
from bot.core.policy import load_policy
from bot.rules.document_rejections import rejection_reasons
from bot.rules.staff_roles import Role
from bot.rules.status import Status
from bot.staff.application_queue import DUE_SOON_DAYS, ApplicationFilters, search_applications
from bot.staff.application_record import application_record
from bot.staff.audit import record_staff_action
from bot.web.pages import translator
from bot.web.staff.guard import STAFF_HEADERS, current_staff, refusal, render_staff, staff_page

#: What the page says after an action (the codes come back in ?done= / ?problem=).
NOTICES = {
    "status_changed": "The status was changed and the parent was notified in their language.",
    "release_recorded": "The release was recorded.",
    "release_already": "The release had already been recorded; nothing changed.",
    "provisional_started": "Provisional enrollment was recorded.",
    "document_accepted": "The document was accepted.",
    "document_rejected": "The document was sent back; the parent was told why, in their language, with the upload link.",
}
PROBLEMS = {
    "not_allowed": "The status rules do not allow that move from the current status.",
    "from_terminal": "This request is closed: its status does not change any more.",
    "same_status": "The application already has that status.",
    "unknown_status": "That is not a status.",
    "reason_missing": "Say why (the reason is kept in the history and the audit log).",
    "bad_date": "Type the first day of attendance as a date.",
    "bad_reason": "Choose why the document is sent back.",
    "bad_verdict": "Choose accept or send back.",
}


def english(key: str) -> str:
    """A catalog text in English (the console's language), e.g. a rejection reason as parents read it."""
    return translator("en")(key)


def _filters(request: Request) -> ApplicationFilters:
    args = request.args
    return ApplicationFilters(
        status=str(args.get("status") or "")[:30],
        reason=str(args.get("reason") or "")[:40],
        direction=str(args.get("direction") or "")[:10],
        school=str(args.get("school") or "")[:80],
        language=str(args.get("language") or "")[:2],
        waiting_on_documents=args.get("waiting") == "1",
        decision_due_soon=args.get("due_soon") == "1",
        search=str(args.get("q") or "")[:80],
    )


def _field(request: Request, name: str, limit: int = 500) -> str:
    form = request.form or {}
    return str(form.get(name) or "").strip()[:limit]


def _back(number: str, **outcome: str) -> HTTPResponse:
    query = "&".join(f"{key}={quote(value)}" for key, value in outcome.items())
    return redirect(f"/staff/applications/{quote(number)}?{query}#actions", status=303, headers=STAFF_HEADERS)


def add_application_routes(app: Sanic) -> None:
    """GET /staff/applications, GET /staff/applications/<number>, and its three actions."""

    @app.get("/staff/applications")
    @staff_page(Role.REVIEWER)
    async def staff_applications(request: Request) -> HTTPResponse:
        filters = _filters(request)
        rows = await asyncio.to_thread(partial(search_applications, filters, district_today()))
        staff = current_staff(request)
        await asyncio.to_thread(record_staff_action, staff.actor, "applications_listed", "applications", "")
        return render_staff(
            request,
            "staff/applications.html",
            rows=rows,
            filters=filters,
            statuses=[status.value for status in Status],
            reasons=list(load_policy().incoming_reasons),
            due_soon_days=DUE_SOON_DAYS,
        )

    @app.get("/staff/applications/<number:str>")
    @staff_page(Role.REVIEWER)
    async def staff_application(request: Request, number: str) -> HTTPResponse:
        staff = current_staff(request)
        try:
            record = await asyncio.to_thread(application_record, number)
        except ApplicationNotFound:
            return refusal(request, 404, staff)
        subject = f"application:{record.confirmation_number}"
        await asyncio.to_thread(record_staff_action, staff.actor, "application_viewed", subject)
        return render_staff(
            request,
            "staff/application.html",
            record=record,
            notice=NOTICES.get(str(request.args.get("done") or "")),
            problem=PROBLEMS.get(str(request.args.get("problem") or "")),
            today=district_today(),
            rejection_reasons=[(code, english(f"rejections.reason.{code}")) for code in rejection_reasons()],
        )

    @app.post("/staff/applications/<number:str>/status")
    @staff_page(Role.REVIEWER)
    async def staff_application_status(request: Request, number: str) -> HTTPResponse:
        staff = current_staff(request)
        target, reason = _field(request, "to", 30), _field(request, "reason")
        if not reason:
            return _back(number, problem="reason_missing")
        try:
            await asyncio.to_thread(partial(change_status, number, target, staff.actor, reason))
        except ApplicationNotFound:
            return refusal(request, 404, staff)
        except TransitionRefused as refused:
            return _back(number, problem=refused.problem)
        return _back(number, done="status_changed")

    @app.post("/staff/applications/<number:str>/release")
    @staff_page(Role.REVIEWER)
    async def staff_application_release(request: Request, number: str) -> HTTPResponse:
        staff = current_staff(request)
        try:
            update = await asyncio.to_thread(partial(mark_release_received, number, staff.actor))
        except ApplicationNotFound:
            return refusal(request, 404, staff)
        return _back(number, done="release_recorded" if update.recorded else "release_already")

    @app.post("/staff/applications/<number:str>/provisional")
    @staff_page(Role.REVIEWER)
    async def staff_application_provisional(request: Request, number: str) -> HTTPResponse:
        staff = current_staff(request)
        try:
            start = date.fromisoformat(_field(request, "start", 10))
        except ValueError:
            return _back(number, problem="bad_date")
        try:
            await asyncio.to_thread(partial(start_provisional_enrollment, number, start, staff.actor))
        except ApplicationNotFound:
            return refusal(request, 404, staff)
        except TransitionRefused as refused:
            return _back(number, problem=refused.problem)
        return _back(number, done="provisional_started")
