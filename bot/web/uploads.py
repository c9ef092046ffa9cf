"""The document upload page of one application: the checklist, and a form per document still to send.

No JavaScript: plain multipart forms that work on a phone. Each form carries a signed form token
(CSRF); files are checked by content in bot.rules.uploads and stored by bot.uploads.service.
"""

from __future__ import annotations

import asyncio
from functools import partial

from sanic import Sanic
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.core.text import FALLBACK_LOCALE, LOCALES
from bot.limits import UPLOADS_PER_IP, allow
from bot.rules.uploads import MAX_UPLOAD_BYTES, UploadProblem
from bot.store.database import unit_of_work
from bot.uploads.form_token import form_token_for, form_token_matches
from bot.uploads.service import UploadPageState, record_upload, upload_page_state
from bot.web.pages import environment, page, translator

#: The multipart envelope (boundaries, part headers, the form token) around a 10 MB file is small.
REQUEST_MAX_BYTES = MAX_UPLOAD_BYTES + 64 * 1024
#: Seconds to receive a whole upload: 10 MB over a slow phone connection (~0.5 Mbit/s) takes minutes.
UPLOAD_RECEIVE_SECONDS = 300
SUBMIT_ROUTE = "upload_submit"
UPLOAD_STATUS = {"accepted": 200, "problem": 422, "expired": 410, "invalid": 410}


def render_upload_page(
    state: UploadPageState,
    upload_token: str,
    *,
    notice: str | None = None,
    problem: str | None = None,
    item: str = "",
    language: str | None = None,
) -> str:
    """The upload page for `state`, in the application's language (`language` for unknown links)."""
    locale = language if state.code != "ready" and language else state.language
    return (
        environment()
        .get_template("upload.html")
        .render(
            t=translator(locale),
            lang=locale,
            state=state,
            notice=notice,
            problem=problem,
            item=item,
            action=f"/upload/{upload_token}",
            form_token=form_token_for(upload_token) if state.code == "ready" else "",
            max_mb=MAX_UPLOAD_BYTES // (1024 * 1024),
        )
    )


def preferred_locale(accept_language: str) -> str:
    """The first of our locales the browser asks for (for links that name no application)."""
    for part in accept_language.split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LOCALES:
            return tag
    return FALLBACK_LOCALE


async def _page_for_problem(request: Request, token: str, code: str, status: int) -> HTTPResponse:
    """The page with a problem message, or the link's own 410 page when the link is unusable."""
    state = await asyncio.to_thread(upload_page_state, token)
    language = preferred_locale(request.headers.get("accept-language", ""))
    if state.code != "ready":
        return page(render_upload_page(state, token, language=language), 410)
    notice, problem = ("forbidden", None) if code == "forbidden" else (None, code)
    return page(render_upload_page(state, token, notice=notice, problem=problem), status)


def _upload_allowed(address: str) -> bool:
    """One more upload from this network address is within UPLOADS_PER_IP (shared by every process)."""
    with unit_of_work() as session:
        return allow(session, UPLOADS_PER_IP, address)


def add_upload_routes(app: Sanic) -> None:
    """GET shows the checklist and the forms; POST receives one file for one checklist item."""
    app.config.REQUEST_MAX_SIZE = REQUEST_MAX_BYTES
    app.config.RESPONSE_TIMEOUT = max(app.config.RESPONSE_TIMEOUT, UPLOAD_RECEIVE_SECONDS)

    @app.get("/upload/<token:str>")
    async def show_upload(request: Request, token: str) -> HTTPResponse:
        state = await asyncio.to_thread(upload_page_state, token)
        language = preferred_locale(request.headers.get("accept-language", ""))
        status = 200 if state.code == "ready" else 410
        return page(render_upload_page(state, token, language=language), status)

    @app.post("/upload/<token:str>", name=SUBMIT_ROUTE)
    async def submit_upload(request: Request, token: str) -> HTTPResponse:
        form = request.form or {}
        if not form_token_matches(token, str(form.get("form_token") or "")):
            return await _page_for_problem(request, token, "forbidden", 403)
        if not await asyncio.to_thread(_upload_allowed, request.remote_addr or request.ip or "unknown"):
            return await _page_for_problem(request, token, "limited", 429)
        item = str(form.get("item") or "")[:40]
        sent = (request.files or {}).get("document")
        # A form sent without choosing a file has a part with no name and no bytes.
        data = sent.body if sent is not None and (sent.name or sent.body) else None
        result = await asyncio.to_thread(partial(record_upload, token, item, data))
        language = preferred_locale(request.headers.get("accept-language", ""))
        status = 413 if result.problem == UploadProblem.TOO_LARGE else UPLOAD_STATUS[result.code]
        notice = "accepted" if result.code == "accepted" else None
        body = render_upload_page(
            result.state, token, notice=notice, problem=result.problem, item=result.item, language=language
        )
        return page(body, status)

    async def too_large(request: Request, exception: Exception) -> HTTPResponse:
        # Refused before the body is read: the page says so politely, in the parent's language.
        token = str(request.match_info.get("token", ""))
        return await _page_for_problem(request, token, str(UploadProblem.TOO_LARGE), 413)

    app.error_handler.add(PayloadTooLarge, too_large, route_names=[f"{app.name}.{SUBMIT_ROUTE}"])
