"""The missed-questions queue: label each message with its topic or "out of scope"; admins export
the labelled lines as NLU YAML for the developers."""

from __future__ import annotations

import asyncio
from functools import partial

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, redirect

from bot.helpdesk.missed_questions import (
    OUT_OF_SCOPE,
    export_labelled,
    label_missed_question,
    missed_questions,
    topic_intents,
    weekly_counts,
)
from bot.rules.staff_roles import Role, role_allows
from bot.web.staff.guard import STAFF_HEADERS, current_staff, refusal, render_staff, staff_page

PATH = "/staff/missed-questions"


def add_missed_question_routes(app: Sanic) -> None:
    """GET the queue, POST a label, POST the export (admins)."""

    @app.get(PATH)
    @staff_page(Role.REVIEWER)
    async def staff_missed_questions(request: Request) -> HTTPResponse:
        staff = current_staff(request)
        show_all = request.args.get("show") == "all"
        lines = await asyncio.to_thread(partial(missed_questions, unlabelled_only=not show_all))
        weeks = await asyncio.to_thread(weekly_counts)
        return render_staff(
            request,
            "staff/missed_questions.html",
            lines=lines,
            weeks=weeks,
            show_all=show_all,
            labels=[*topic_intents(), OUT_OF_SCOPE],
            can_export=role_allows(staff.role, Role.ADMIN),
            exported=str(request.args.get("exported") or ""),
            labelled=request.args.get("labelled") == "1",
        )

    @app.post(f"{PATH}/<miss_id:int>/label")
    @staff_page(Role.REVIEWER)
    async def staff_label_missed_question(request: Request, miss_id: int) -> HTTPResponse:
        staff = current_staff(request)
        label = str((request.form or {}).get("label") or "")[:80]
        if not await asyncio.to_thread(label_missed_question, miss_id, label, staff.actor):
            return refusal(request, 404, staff)
        return redirect(f"{PATH}?labelled=1", status=303, headers=STAFF_HEADERS)

    @app.post(f"{PATH}/export")
    @staff_page(Role.ADMIN)
    async def staff_export_missed_questions(request: Request) -> HTTPResponse:
        staff = current_staff(request)
        result = await asyncio.to_thread(export_labelled, staff.actor)
        name = result.path.name if result.path else "none"
        return redirect(f"{PATH}?exported={result.examples}:{name}", status=303, headers=STAFF_HEADERS)
