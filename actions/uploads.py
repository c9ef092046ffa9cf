"""Where to upload documents: the upload page of each of a signed-in parent's applications (issue #5)."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.session import next_step, require_sign_in, signed_in_account
from bot.applications.queries import applications_of
from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE
from bot.privacy.tracker_events import personal_values
from bot.rules.parent_asks import asks_rather_than_requests
from bot.uploads.service import upload_link


class ActionStartUpload(Action):
    """ "Upload a document": the upload page of each of the parent's applications, with what is missing."""

    def name(self) -> str:
        return "action_start_upload"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if asks_rather_than_requests(str(tracker.latest_message.get("text") or "")):
            dispatcher.utter_message(response="utter_upload_documents")  # a question: answer, offer
            dispatcher.utter_message(response="utter_offer_upload")
            return [next_step("done")]
        account = await signed_in_account(tracker)
        if account is None:
            dispatcher.utter_message(response="utter_upload_documents")
            return require_sign_in(dispatcher, "upload")
        briefs = await asyncio.to_thread(applications_of, account)
        if not briefs:
            dispatcher.utter_message(response="utter_status_upload_no_applications")
            return [next_step("done")]
        locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
        text = catalog().text
        lines = []
        for brief in briefs:
            missing = ", ".join(text(f"documents.{code}", locale) for code in brief.missing) or text(
                "status_chat_lines.nothing_missing", locale
            )
            lines.append(
                text(
                    "status_chat_lines.upload_line",
                    locale,
                    student=brief.student_first_name,
                    confirmation_number=brief.confirmation_number,
                    missing=missing,
                    link=upload_link(brief.application_id),
                )
            )
        dispatcher.utter_message(
            response="utter_status_upload_links",
            applications="\n".join(lines),
            **personal_values(*(brief.student_first_name for brief in briefs)),  # masked in the tracker store
        )
        return [next_step("done")]
