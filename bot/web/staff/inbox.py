"""The agents' inbox of the live hand-off: /staff/inbox (agents and up; docs/staff-console.md).

Lists the conversations waiting for a person and those held, lets an agent take one (the first
click wins: a conditional UPDATE), shows its masked transcript with each line's language, live
(server-sent events, /staff/inbox/<id>/events), and sends the agent's replies, canned replies in
the parent's language, and the hand-back. Forms work without JavaScript; the script only appends
new lines to the transcript.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, raw, redirect

from bot.core.clock import DISTRICT_TIME_ZONE, as_utc
from bot.core.text import catalog
from bot.helpdesk import handoff_queue, handoff_replies
from bot.language.detection import guess_language
from bot.rules.handoff import CANNED_REPLIES, HELD, RESOLUTIONS
from bot.rules.staff_roles import Role
from bot.staff.audit import record_staff_action
from bot.web.staff.guard import STAFF_HEADERS, current_staff, render_staff, staff_page

STAFF_LOCALE = "en"  # the console's language
LIVE_SCRIPT = Path(__file__).resolve().parent / "inbox_live.js"
EVENT_POLL_SECONDS = 1.0
EVENT_STREAM_SECONDS = 300  # the browser reconnects by itself (Last-Event-ID) after this


def _t(key: str, **params: object) -> str:
    return catalog().text(key, STAFF_LOCALE, **params)


def _since(moment: datetime) -> str:
    return as_utc(moment).astimezone(DISTRICT_TIME_ZONE).strftime("%Y-%m-%d %H:%M")


def _line_language(line: handoff_queue.TranscriptLine, fallback: str) -> str:
    if line.language:
        return line.language
    guess = guess_language(line.text)
    return guess.language if guess is not None and guess.words >= 2 else fallback


def _line(line: handoff_queue.TranscriptLine, fallback: str) -> dict[str, Any]:
    language = _line_language(line, fallback)
    return {
        "id": line.line_id,
        "line_id": line.line_id,
        "author": line.author,
        "author_name": _t(f"inbox.author.{line.author}"),
        "text": line.text,
        "language": language,
        "language_name": _t(f"inbox.language_name.{language}"),
        "delivered": line.delivered,
        "undelivered": _t("inbox.undelivered"),
    }


def _row(view: handoff_queue.HandoffView, agent: str) -> dict[str, Any]:
    return {
        "handoff_id": view.handoff_id,
        "status": view.status,
        "since": _since(view.created_at),
        "language": view.language,
        "language_name": _t(f"inbox.language_name.{view.language}"),
        "channel_name": _channel_name(view.channel),
        "topic": view.topic,
        "reason": _t(f"inbox.trigger_name.{view.trigger}"),
        "agent": view.agent,
        "mine": view.agent == agent,
    }


def _channel_name(channel: str) -> str:
    known = ("socketio", "rest", "sms", "whatsapp")
    return _t(f"inbox.channel_name.{channel if channel in known else 'unknown'}")


def add_inbox_routes(app: Sanic) -> None:
    """The inbox pages, their forms, the event stream and the page's script."""

    @app.get("/staff/inbox")
    @staff_page(Role.AGENT)
    async def inbox(request: Request) -> HTTPResponse:
        return await _inbox_page(request)

    @app.post("/staff/inbox/<handoff_id:int>/take")
    @staff_page(Role.AGENT)
    async def take(request: Request, handoff_id: int) -> HTTPResponse:
        agent = current_staff(request).actor
        if not await handoff_replies.take_conversation(handoff_id, agent):
            return await _inbox_page(request, _t("inbox.taken_by_other"), status=409)
        return redirect(f"/staff/inbox/{handoff_id}", status=303, headers=STAFF_HEADERS)

    @app.get("/staff/inbox/<handoff_id:int>")
    @staff_page(Role.AGENT)
    async def conversation(request: Request, handoff_id: int) -> HTTPResponse:
        return await _conversation_page(request, handoff_id)

    @app.post("/staff/inbox/<handoff_id:int>/reply")
    @staff_page(Role.AGENT)
    async def reply(request: Request, handoff_id: int) -> HTTPResponse:
        text = str(request.form.get("text") or "").strip()[:2000]
        if text:
            try:
                await handoff_replies.agent_reply(handoff_id, current_staff(request).actor, text)
            except handoff_replies.NotHolder:
                return await _conversation_page(request, handoff_id, _t("inbox.not_holder"), 403)
        return redirect(f"/staff/inbox/{handoff_id}", status=303, headers=STAFF_HEADERS)

    @app.post("/staff/inbox/<handoff_id:int>/canned")
    @staff_page(Role.AGENT)
    async def canned(request: Request, handoff_id: int) -> HTTPResponse:
        name = str(request.form.get("name") or "")
        if name in CANNED_REPLIES:
            try:
                await handoff_replies.canned_reply(handoff_id, current_staff(request).actor, name)
            except handoff_replies.NotHolder:
                return await _conversation_page(request, handoff_id, _t("inbox.not_holder"), 403)
        return redirect(f"/staff/inbox/{handoff_id}", status=303, headers=STAFF_HEADERS)

    @app.post("/staff/inbox/<handoff_id:int>/hand-back")
    @staff_page(Role.AGENT)
    async def hand_back(request: Request, handoff_id: int) -> HTTPResponse:
        resolution = str(request.form.get("resolution") or "")
        if resolution not in RESOLUTIONS:
            return await _conversation_page(request, handoff_id, _t("inbox.not_holder"), 400)
        agent = current_staff(request).actor
        if not await handoff_replies.hand_back_conversation(handoff_id, agent, resolution):
            return await _conversation_page(request, handoff_id, _t("inbox.not_holder"), 403)
        return redirect("/staff/inbox", status=303, headers=STAFF_HEADERS)

    @app.get("/staff/inbox/events")  # type: ignore[arg-type]  # a stream returns None
    @staff_page(Role.AGENT)
    async def queue_events(request: Request) -> HTTPResponse | None:
        headers = {**STAFF_HEADERS, "X-Accel-Buffering": "no"}
        stream = await request.respond(content_type="text/event-stream; charset=utf-8", headers=headers)
        loop = asyncio.get_running_loop()
        ends, shown = loop.time() + EVENT_STREAM_SECONDS, request.args.get("shown", "")
        await stream.send("retry: 5000\n\n")
        while loop.time() < ends:
            views = await asyncio.to_thread(handoff_queue.open_queue)
            now = ",".join(f"{view.handoff_id}:{view.status}" for view in views)
            if now != shown:
                waiting = sum(1 for view in views if view.status == "waiting")
                notice = _t("inbox.queue_changed", waiting=waiting, held=len(views) - waiting)
                await stream.send(f"event: queue\ndata: {json.dumps({'notice': notice, 'shown': now})}\n\n")
                shown = now
            else:
                await stream.send(": still here\n\n")
            await asyncio.sleep(EVENT_POLL_SECONDS * 2)
        await stream.eof()
        return None

    @app.get("/staff/inbox/<handoff_id:int>/events")  # type: ignore[arg-type]  # a stream returns None
    @staff_page(Role.AGENT)
    async def events(request: Request, handoff_id: int) -> HTTPResponse | None:
        view = await asyncio.to_thread(handoff_queue.find, handoff_id)
        if view is None or view.agent != current_staff(request).actor:
            return raw(b"", status=403, headers=STAFF_HEADERS)
        after = _after(request)
        headers = {**STAFF_HEADERS, "X-Accel-Buffering": "no"}  # nginx: do not hold the stream back
        stream = await request.respond(content_type="text/event-stream; charset=utf-8", headers=headers)
        loop = asyncio.get_running_loop()
        ends = loop.time() + EVENT_STREAM_SECONDS
        await stream.send("retry: 2000\n\n")
        while loop.time() < ends:
            for line in await asyncio.to_thread(handoff_queue.transcript, handoff_id, after):
                data = json.dumps(_line(line, view.language), ensure_ascii=False)
                await stream.send(f"id: {line.line_id}\nevent: line\ndata: {data}\n\n")
                after = line.line_id
            current = await asyncio.to_thread(handoff_queue.find, handoff_id)
            if current is None or current.status != HELD:
                await stream.send("event: closed\ndata: {}\n\n")
                break
            await stream.send(": still here\n\n")
            await asyncio.sleep(EVENT_POLL_SECONDS)
        await stream.eof()
        return None

    @app.get("/staff/inbox/live.js")
    @staff_page(Role.AGENT)
    async def live_script(request: Request) -> HTTPResponse:
        return raw(
            LIVE_SCRIPT.read_bytes(),
            content_type="text/javascript; charset=utf-8",
            headers=STAFF_HEADERS,
        )


def _after(request: Request) -> int:
    given = request.headers.get("last-event-id") or request.args.get("after") or "0"
    return int(given) if str(given).isdigit() else 0


async def _inbox_page(request: Request, problem: str = "", status: int = 200) -> HTTPResponse:
    agent = current_staff(request).actor
    views = await asyncio.to_thread(handoff_queue.open_queue)
    rows = [_row(view, agent) for view in views]
    return render_staff(
        request,
        "staff/inbox.html",
        shown=",".join(f"{view.handoff_id}:{view.status}" for view in views),
        status=status,
        t=_t,
        problem=problem,
        waiting=[row for row in rows if row["status"] == "waiting"],
        held=[row for row in rows if row["status"] == HELD],
    )


async def _conversation_page(
    request: Request, handoff_id: int, problem: str = "", status: int = 200
) -> HTTPResponse:
    view = await asyncio.to_thread(handoff_queue.find, handoff_id)
    agent = current_staff(request).actor
    if view is None or view.agent != agent:  # only the holder reads a held transcript
        return await _inbox_page(request, _t("inbox.not_holder"), status=403)
    await asyncio.to_thread(record_staff_action, agent, "handoff_viewed", f"handoff:{handoff_id}")
    lines = [
        _line(line, view.language) for line in await asyncio.to_thread(handoff_queue.transcript, handoff_id)
    ]
    return render_staff(
        request,
        "staff/inbox_conversation.html",
        status=status,
        t=_t,
        problem=problem,
        handoff=view,
        lines=lines,
        last_line=lines[-1]["line_id"] if lines else 0,
        language_name=_t(f"inbox.language_name.{view.language}"),
        channel_name=_channel_name(view.channel),
        contact_by=_t(f"inbox.contact_by.{view.contact_by or 'chat'}"),
        reason=_t(f"inbox.trigger_name.{view.trigger}"),
        canned=[(name, catalog().text(f"handoff.canned.{name}", STAFF_LOCALE)) for name in CANNED_REPLIES],
        resolutions=RESOLUTIONS,
    )
