"""The Rasa server's natural-language generator, loaded in-process (endpoints.yml `nlg.type`).

Rasa asks it for a response by name; it renders the domain's response structure from the
catalogs in the conversation's language (the `language` slot; English until one is known).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE
from bot.nlg.render import chosen_variation, render_response
from bot.nlg.repeats import REPHRASE_FROM, is_form_question, times_asked_in_a_row, with_way_out

logger = logging.getLogger(__name__)


class CatalogNaturalLanguageGenerator(TemplatedNaturalLanguageGenerator):
    """Renders `utter_*` responses from the python-i18n catalogs.

    It extends the template generator only so that Rasa hands it the domain's responses
    each time a model is loaded (rasa.core.agent refreshes `responses` for that class only).
    """

    def __init__(self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None) -> None:
        super().__init__(domain.responses if domain else {})
        self.catalog = catalog()

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        """The message for `utter_action`, or None when the domain does not declare it."""
        responses = kwargs.pop("domain_responses", None) or self.responses
        variations = responses.get(utter_action)
        if not variations:
            logger.error("No response '%s' in the domain.", utter_action)
            return None
        locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
        params = {name: value for name, value in tracker.current_slot_values().items() if value is not None}
        params.update(kwargs)
        message = render_response(self.catalog, chosen_variation(variations, params), locale, params)
        if is_form_question(utter_action):
            asked = times_asked_in_a_row(_bot_actions(tracker), utter_action) + 1
            if asked >= REPHRASE_FROM:  # the third time: other words, the choices, a person
                text = self.catalog.text
                message = with_way_out(
                    message,
                    text("basics.asking_again", locale),
                    text("basics.asking_again_help", locale),
                    [
                        {"title": text("buttons.person", locale), "payload": "/human_handoff"},
                        {"title": text("buttons.stop", locale), "payload": "/stop"},
                    ],
                )
        return message


def _bot_actions(tracker: DialogueStateTracker) -> list[str | None]:
    """The response name of each bot message so far in this session, oldest first."""
    return [
        (event.metadata or {}).get("utter_action")
        for event in tracker.events_after_latest_restart()
        if isinstance(event, BotUttered)
    ]
