"""Reviewers open uploaded files and accept them or send them back with a policy reason.

A file opens in the browser only when its content is a PDF or an image of the type recorded at
upload (which bot.uploads.content_check rewrote); anything else is a download. Never cached,
never sniffed, never framed; every view is in the audit log.
"""

from __future__ import annotations

import asyncio
from functools import partial
from urllib.parse import quote

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, raw, redirect

from bot.rules.staff_roles import Role
from bot.staff.audit import record_staff_action
from bot.staff.document_review import review_document, staff_document
from bot.web.staff.guard import STAFF_HEADERS, current_staff, refusal, staff_page

_FILE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def _form(request: Request, name: str) -> str:
    return str((request.form or {}).get(name) or "").strip()[:40]


def add_document_routes(app: Sanic) -> None:
    """GET /staff/documents/<id> (the file) and POST /staff/documents/<id>/review."""

    @app.get("/staff/documents/<document_id:int>")
    @staff_page(Role.REVIEWER)
    async def staff_document_file(request: Request, document_id: int) -> HTTPResponse:
        staff = current_staff(request)
        found = await asyncio.to_thread(staff_document, document_id)
        if found is None:
            return refusal(request, 404, staff)
        await asyncio.to_thread(
            record_staff_action,
            staff.actor,
            "document_viewed",
            f"document:{document_id}",
            found.confirmation_number,
        )
        disposition = "inline" if found.inline else "attachment"
        headers = {
            **_FILE_HEADERS,
            "Content-Disposition": f'{disposition}; filename="{found.download_name}"',
            # A PDF viewer needs its own scripts; images and downloads need nothing at all.
            "Content-Security-Policy": "sandbox; default-src 'none'"
            if found.content_type != "application/pdf"
            else "frame-ancestors 'none'",
        }
        return raw(found.data, content_type=found.content_type, headers=headers)

    @app.post("/staff/documents/<document_id:int>/review")
    @staff_page(Role.REVIEWER)
    async def staff_document_review(request: Request, document_id: int) -> HTTPResponse:
        staff = current_staff(request)
        verdict, reason = _form(request, "verdict"), _form(request, "reason")
        outcome = await asyncio.to_thread(partial(review_document, document_id, verdict, reason, staff.actor))
        if outcome.code == "not_found":
            return refusal(request, 404, staff)
        if outcome.code == "reviewed":
            outcome_query = f"done=document_{verdict}"
        else:
            outcome_query = f"problem={outcome.code}"
        location = f"/staff/applications/{quote(outcome.confirmation_number)}?{outcome_query}#documents"
        return redirect(location, status=303, headers=STAFF_HEADERS)
